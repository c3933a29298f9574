import fs from 'node:fs'
import path from 'node:path'

/** Writes a file so it is never seen half-written: a temp file in the same folder, then rename. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`)
  try {
    fs.writeFileSync(tmp, data)
    fs.renameSync(tmp, target)
  } catch (err) {
    fs.rmSync(tmp, { force: true })
    throw err
  }
}
