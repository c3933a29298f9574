import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { resolveNativeBinding } from '../../electron/native'
import { formatDriverRecord } from '../../scripts/electronDriver'

// Issue 21: a driver kept in .electron-native is used only when the record written beside it by
// `npm start` names the ABI the running Electron needs (started with `npx electron .`, say).

const roots: string[] = []
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true })
  delete process.env.OMU_SQLITE_BINDING
})

function kept(abi: string | null): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-native-'))
  roots.push(root)
  const dir = path.join(root, '.electron-native', '45.4.1')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'better_sqlite3.node'), 'a driver')
  if (abi !== null) fs.writeFileSync(path.join(dir, 'better_sqlite3.abi.json'), formatDriverRecord({ electronVersion: '45.4.1', abi, platform: process.platform, arch: process.arch }))
  return root
}

describe('the kept Electron driver (issue 21)', () => {
  it('is used when its record names the running ABI', () => {
    const root = kept(process.versions.modules)
    expect(resolveNativeBinding(root, '45.4.1', false)).toBe(path.join(root, '.electron-native', '45.4.1', 'better_sqlite3.node'))
  })

  it('is not used with no record, or a record for another ABI', () => {
    expect(resolveNativeBinding(kept(null), '45.4.1', false)).toBeUndefined()
    expect(resolveNativeBinding(kept('1'), '45.4.1', false)).toBeUndefined()
  })

  it('a packaged app always uses its own build', () => {
    expect(resolveNativeBinding(kept(process.versions.modules), '45.4.1', true)).toBeUndefined()
  })
})
