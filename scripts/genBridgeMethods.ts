// `npm run gen:ipc`: writes shared/ipc/methods.generated.ts, the preload's method list, from the
// contract. The preload needs only the channel names; importing the contract itself would put zod
// and every request schema (about 2 MB) into the preload, which Electron runs before the page.
// test/unit/preload.test.ts fails when the file is out of date.
import fs from 'node:fs'
import path from 'node:path'
import { bridgeMethodsSource } from '../shared/ipc/methodsSource'

const file = path.join(import.meta.dirname, '..', 'shared', 'ipc', 'methods.generated.ts')
fs.writeFileSync(file, bridgeMethodsSource())
console.log(`wrote ${path.relative(process.cwd(), file)}`)
