// Atomic file writes for exports (issue 6): the bytes go to a temp file in the same folder, are
// flushed to disk, then renamed over the target, so a reader (or a crash) never sees half a file
// and an existing export is only replaced by a complete one.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Writes `data` to `target` atomically; returns the number of bytes written. */
export function writeFileAtomic(target: string, data: Buffer | string): number {
  const dir = path.dirname(target)
  fs.mkdirSync(dir, { recursive: true })
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  try {
    const fd = fs.openSync(tmp, 'wx')
    try {
      fs.writeSync(fd, bytes)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, target)
  } catch (err) {
    fs.rmSync(tmp, { force: true })
    throw err
  }
  return bytes.length
}
