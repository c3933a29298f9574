import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { takeBackup } from '../../db/backups'
import { fileAccess, HMP_TESTSHIRE, localStore, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'
import { usePostgres } from '../pg/workers'

let svc: ServicesHandle | undefined
/** Issue 15: the recovery page acts for a HOMS of the data file. */
const HOMS = { username: 'first.homs', password: TEST_PASSWORD }
afterEach(() => svc?.cleanup())

function corrupt(file: string): void {
  const fd = fs.openSync(file, 'r+')
  fs.writeSync(fd, Buffer.alloc(4096, 0x11), 0, 4096, 0)
  fs.closeSync(fd)
}

// The SQLite file's own recovery: under `npm run test:pg` (the shared database) there is no file;
// the server's backups and recovery are IT's (README), and test/integration/sharedStore.test.ts
// checks these channels refuse in a sentence there.
describe.skipIf(usePostgres())('recovery from an unreadable data file (issue 2)', () => {
  it('a corrupted file puts the app in recovery: store calls are refused with a sentence, nothing is overwritten', async () => {
    const first = await startTestServices()
    await first.call('omu:establishment.setup', HMP_TESTSHIRE)
    await first.close()
    corrupt(path.join(first.userData, 'omu.db'))
    const damaged = fs.readFileSync(path.join(first.userData, 'omu.db'))
    svc = await startTestServices({ userData: first.userData })
    const status = await svc.call('omu:app.status')
    expect(status.ok && status.data).toMatchObject({ state: 'recovery', problem: { kind: 'corrupt' }, latestBackup: null })
    const get = await svc.call('omu:establishment.get')
    expect(get).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    expect(fs.readFileSync(path.join(first.userData, 'omu.db')).equals(damaged)).toBe(true)
  })

  it('restore the latest backup: the damaged file is kept aside and the backup’s data is back', async () => {
    const first = await startTestServices()
    await first.call('omu:establishment.setup', HMP_TESTSHIRE)
    takeBackup(localStore(first).sqlite, path.join(first.userData, 'backups'), 'manual', new Date('2026-11-22T08:00:00Z'), fileAccess(first))
    await first.call('omu:establishment.update', { name: 'HMP After Backup', password: TEST_PASSWORD })
    await first.close()
    corrupt(path.join(first.userData, 'omu.db'))
    svc = await startTestServices({ userData: first.userData })
    const restored = await svc.call('omu:recovery.restoreLatestBackup', HOMS)
    expect(restored.ok && restored.data).toMatchObject({ state: 'ready', problem: null })
    // The restored file has its users: the first HOMS signs in again.
    expect(await svc.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD })).toMatchObject({ ok: true })
    const est = await svc.call('omu:establishment.get')
    expect(est.ok && est.data?.name).toBe('HMP Testshire')
    expect(fs.readdirSync(first.userData).some((n) => n.startsWith('omu.db.unreadable-'))).toBe(true)
  })

  it('a damaged backup is skipped; with no usable backup the user is told to start a new file', async () => {
    const first = await startTestServices()
    await first.call('omu:establishment.setup', HMP_TESTSHIRE)
    const b = takeBackup(localStore(first).sqlite, path.join(first.userData, 'backups'), 'manual', new Date('2026-11-22T08:00:00Z'), fileAccess(first))
    await first.close()
    corrupt(b.path)
    corrupt(path.join(first.userData, 'omu.db'))
    svc = await startTestServices({ userData: first.userData })
    const r = await svc.call('omu:recovery.restoreLatestBackup', HOMS)
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(r.ok ? '' : r.error.message).toContain('Start a new data file')
    const fresh = await svc.call('omu:recovery.startNewFile', HOMS)
    expect(fresh.ok && fresh.data.state).toBe('setup')
  })

  it('only a HOMS of the data file may restore or start again from the recovery page, and each choice is audited in the file now in use (issue 15)', async () => {
    const first = await startTestServices()
    await first.call('omu:establishment.setup', HMP_TESTSHIRE)
    await first.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', password: 'a long pom password', yourPassword: TEST_PASSWORD })
    takeBackup(localStore(first).sqlite, path.join(first.userData, 'backups'), 'manual', new Date('2026-11-22T08:00:00Z'), fileAccess(first))
    await first.close()
    // Damaged past its header: the file still says who its HOMS are.
    const fd = fs.openSync(path.join(first.userData, 'omu.db'), 'r+')
    fs.writeSync(fd, Buffer.alloc(8192, 0x11), 0, 8192, fs.statSync(path.join(first.userData, 'omu.db')).size - 8192)
    fs.closeSync(fd)
    svc = await startTestServices({ userData: first.userData })
    const refused = { ok: false, error: { code: 'invalid_input', message: 'Enter the username and password of a HOMS of this data file (as they were when it last worked).' } }
    expect(await svc.call('omu:recovery.restoreLatestBackup', { username: 'first.homs', password: 'not the password' })).toMatchObject(refused)
    expect(await svc.call('omu:recovery.startNewFile', { username: 'pat.pom', password: 'a long pom password' })).toMatchObject(refused)
    expect(await svc.call('omu:recovery.startNewFile', { username: '', password: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect((await svc.call('omu:app.status')).ok && fs.readdirSync(first.userData).some((n) => n.startsWith('omu.db.unreadable-'))).toBe(false)
    const restored = await svc.call('omu:recovery.restoreLatestBackup', HOMS)
    expect(restored.ok && restored.data).toMatchObject({ state: 'ready' })
    const rows = await localStore(svc).read((c) => c.sql.rows("select username, role, channel from audit_log where channel = 'omu:recovery.restoreLatestBackup'"))
    expect(rows).toEqual([['first.homs', 'homs', 'omu:recovery.restoreLatestBackup']])
  })

  it('recovery actions are refused while the data file is healthy, so they can never replace good data', async () => {
    svc = await startTestServices()
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    expect(await svc.call('omu:recovery.startNewFile', HOMS)).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const est = await svc.call('omu:establishment.get')
    expect(est.ok && est.data?.name).toBe('HMP Testshire')
  })
})
