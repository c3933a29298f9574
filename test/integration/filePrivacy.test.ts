import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { usePostgres } from '../pg/workers'
import { HMP_TESTSHIRE, servicesPerTest } from './helpers'

// Issue 15: files the app creates are readable by the user only (0600 files, 0700 folders on
// Linux and macOS); those an earlier version left readable are tightened at start.

const start = servicesPerTest()
const mode = (p: string) => fs.statSync(p).mode & 0o777

describe.skipIf(usePostgres() || process.platform === 'win32')('files readable by the user only (issue 15)', () => {
  it('the data file, its WAL, the backup folder and each backup', async () => {
    const svc = await start()
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    const backup = await svc.call('omu:backup.backUpNow')
    if (!backup.ok) throw new Error(backup.error.message)
    const db = path.join(svc.userData, 'omu.db')
    expect(mode(db)).toBe(0o600)
    expect(mode(`${db}-wal`)).toBe(0o600)
    expect(mode(path.join(svc.userData, 'backups'))).toBe(0o700)
    expect(mode(path.join(svc.userData, 'backups', backup.data.id))).toBe(0o600)
  })

  it('files an earlier version left readable by others are made private at the next start', async () => {
    const first = await start()
    await first.call('omu:establishment.setup', HMP_TESTSHIRE)
    await first.call('omu:backup.backUpNow')
    await first.close()
    const db = path.join(first.userData, 'omu.db')
    const backups = path.join(first.userData, 'backups')
    fs.chmodSync(db, 0o644)
    fs.chmodSync(backups, 0o755)
    for (const f of fs.readdirSync(backups)) fs.chmodSync(path.join(backups, f), 0o644)
    await start({ userData: first.userData })
    expect(mode(db)).toBe(0o600)
    expect(mode(backups)).toBe(0o700)
    for (const f of fs.readdirSync(backups)) expect(mode(path.join(backups, f)), f).toBe(0o600)
  })
})
