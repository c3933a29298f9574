import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { listBackups } from '../../db/backups'
import { restoreLockOf } from '../../db/store/sqlite'
import { usePostgres } from '../pg/workers'
import { fileAccess, HMP_TESTSHIRE, servicesPerTest, TEST_PASSWORD, type ServicesHandle } from './helpers'
import { openSqliteFile } from '../../db/sqliteFile'

// Issue 15, "Backups and recovery": the latest backup is the one the app took last, not the one
// with the latest date; a restore that fails after the swap puts the data file back; another
// window of the app on the same file neither reads nor writes a file a restore has swapped away;
// a restore stopped part-way is finished or undone at the next start. SQLite files only.

const start = servicesPerTest()
const backupDir = (svc: ServicesHandle) => path.join(svc.userData, 'backups')
const dbFile = (svc: ServicesHandle) => path.join(svc.userData, 'omu.db')

async function must<T>(p: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

describe.skipIf(usePostgres())('restore safety (issue 15)', () => {
  it('backups are ordered by the sequence the app writes into each, not by their dates; one dated in the future is flagged and never the latest', async () => {
    const late = await start({ now: new Date('2026-11-23T10:00:00Z') })
    await must(late.call('omu:establishment.setup', HMP_TESTSHIRE))
    await must(late.call('omu:backup.backUpNow'))
    await late.close()
    // The computer's clock is then put back a year, and another backup taken.
    const early = await start({ userData: late.userData, now: new Date('2025-11-23T10:00:00Z') })
    const taken = await must(early.call('omu:backup.backUpNow'))
    const list = await must(early.call('omu:backup.list'))
    expect(list.backups[0]?.id).toBe(taken.id)
    expect(listBackups(backupDir(early), fileAccess(early)).map((b) => b.seq)).toEqual([...listBackups(backupDir(early), fileAccess(early)).map((b) => b.seq)].sort((a, b) => b - a))
    // A file dated years ahead, claiming the highest sequence, is flagged and not preferred.
    const forged = path.join(backupDir(early), 'omu-20310101T000000Z-manual.db')
    fs.copyFileSync(path.join(backupDir(early), taken.id), forged)
    const db = openSqliteFile(forged, fileAccess(early))
    db.pragma('user_version = 9999')
    db.close()
    const again = await must(early.call('omu:backup.list'))
    expect(again.backups.find((b) => b.id === 'omu-20310101T000000Z-manual.db')).toMatchObject({ futureDated: true })
    // With the clock put back, the backup taken before is dated "in the future" too, and says so.
    expect(again.backups.find((b) => b.id === taken.id)).toMatchObject({ futureDated: false })
    expect(again.backups.filter((b) => b.futureDated).map((b) => b.takenAt.slice(0, 4)).sort()).toEqual(['2026', '2031'])
    const status = await must(early.call('omu:app.status'))
    expect(status.latestBackup?.path).toBe(path.join(backupDir(early), taken.id))
  })

  it('a restore whose file will not open once swapped puts the data file back, and the app stays ready', async () => {
    const svc = await start()
    await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
    const backup = await must(svc.call('omu:backup.backUpNow'))
    await must(svc.call('omu:establishment.update', { name: 'HMP Changed Since', password: TEST_PASSWORD }))
    // The restored file fails to open (as a failed migration or a full disk would make it).
    const runtime = svc.runtime as unknown as { open(): Promise<void>; state: unknown }
    vi.spyOn(runtime, 'open').mockImplementationOnce(() => {
      runtime.state = { kind: 'recovery', problem: { kind: 'unreadable', message: 'The data file could not be opened (SQLITE_FULL).' } }
      return Promise.resolve()
    })
    const r = await svc.call('omu:backup.restore', { id: backup.id, password: TEST_PASSWORD })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: 'The backup could not be opened once restored (The data file could not be opened (SQLITE_FULL)), so the data file as it was before is back in use and nothing was changed.' },
    })
    expect(await must(svc.call('omu:app.status'))).toMatchObject({ state: 'ready' })
    expect(await must(svc.call('omu:establishment.get'))).toMatchObject({ name: 'HMP Changed Since' })
    expect(fs.existsSync(`${dbFile(svc)}.replaced`)).toBe(false)
  })

  it('another window on the same file is refused, in a sentence, while a restore swaps it and afterwards', async () => {
    const a = await start()
    await must(a.call('omu:establishment.setup', HMP_TESTSHIRE))
    const backup = await must(a.call('omu:backup.backUpNow'))
    const b = await start({ userData: a.userData })
    expect(await must(b.call('omu:establishment.get'))).toMatchObject({ name: HMP_TESTSHIRE.name })
    // While another process holds the restore lock, nothing is read or written here.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'])
    try {
      fs.writeFileSync(restoreLockOf(dbFile(a)), String(other.pid))
      expect(await b.call('omu:establishment.update', { name: 'HMP During', password: TEST_PASSWORD })).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: 'A backup is being restored in another OMU Desk window, so nothing was read or saved here. Try again in a moment.' },
      })
    } finally {
      other.kill()
      fs.rmSync(restoreLockOf(dbFile(a)), { force: true })
    }
    // A lock left by a process that has gone is no lock.
    await new Promise((r) => other.once('exit', r))
    fs.writeFileSync(restoreLockOf(dbFile(a)), String(other.pid))
    expect((await b.call('omu:establishment.get')).ok).toBe(true)
    fs.rmSync(restoreLockOf(dbFile(a)), { force: true })
    // After the restore in the first window, the second has the old file open: it says so.
    await must(a.call('omu:backup.restore', { id: backup.id, password: TEST_PASSWORD }))
    const refused = { ok: false, error: { code: 'unavailable', message: 'The data file was replaced by a restore in another OMU Desk window, so nothing was read or saved here. Close this window and open OMU Desk again.' } }
    expect(await b.call('omu:establishment.update', { name: 'HMP Lost Write', password: TEST_PASSWORD })).toMatchObject(refused)
    expect(await b.call('omu:establishment.get')).toMatchObject(refused)
  })

  it('a restore stopped after the data file was moved aside and before the backup took its place is undone at the next start', async () => {
    const svc = await start()
    await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
    await svc.close()
    // As the restore leaves it if the computer stops between its two renames.
    fs.renameSync(dbFile(svc), `${dbFile(svc)}.replaced`)
    fs.writeFileSync(`${dbFile(svc)}.restoring`, 'half a copy')
    fs.writeFileSync(restoreLockOf(dbFile(svc)), '999999999')
    const again = await start({ userData: svc.userData })
    expect(await must(again.call('omu:establishment.get'))).toMatchObject({ name: HMP_TESTSHIRE.name })
    for (const leftover of [`${dbFile(svc)}.replaced`, `${dbFile(svc)}.restoring`, restoreLockOf(dbFile(svc))]) expect(fs.existsSync(leftover), leftover).toBe(false)
  })
})
