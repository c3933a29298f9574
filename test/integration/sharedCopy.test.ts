import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../db/testing'
import { workerCluster } from '../pg/testDatabase'
import { usePostgres } from '../pg/workers'
import { adminSql, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'

// Issue 13: moving to shared mode. A HOMS copies this computer's file into an empty shared
// database (the button's channel, and `npm run db:copy-to-shared`): every table comes across with
// its ids and the audit trail, the counts are compared, and the shared database then shows the
// same caseload. IT's commands (`db:provision`, `db:user`) are run as IT would run them.

const NOW = new Date('2026-11-23T10:00:00Z')
const run = promisify(execFile)

async function localWithData(): Promise<ServicesHandle> {
  const local = await startTestServices({ now: NOW, local: true })
  const demo = await local.call('omu:demo.create', { prisoners: 150, seed: 21 })
  if (!demo.ok) throw new Error(demo.error.message)
  const pom = await local.call('omu:users.save', { username: 'kim.pom', displayName: 'Kim Pom', role: 'pom', password: 'a local password only', yourPassword: TEST_PASSWORD })
  if (!pom.ok) throw new Error(pom.error.message)
  return local
}

const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

describe.skipIf(!usePostgres())('copying this computer’s data into the shared database (issue 13)', () => {
  it('copies every table with its ids and audit trail, counts compared; the shared database then shows the same caseload; a second copy is refused', async () => {
    const local = await localWithData()
    const shared = await startTestServices({ now: NOW })
    try {
      const storage = shared.runtime.storage
      if (storage.kind !== 'shared') throw new Error('not shared')
      const copied = await local.call('omu:storage.copyToShared', { location: storage.location, username: 'first.homs', password: TEST_PASSWORD })
      if (!copied.ok) throw new Error(copied.error.message)
      const byTable = Object.fromEntries(copied.data.tables.map((t) => [t.table, t]))
      for (const t of copied.data.tables) expect(t.shared, t.table).toBe(t.table === 'app_user' ? t.file : t.file)
      expect(byTable.supervision_session?.file).toBeGreaterThan(3000)
      expect(byTable.audit_log?.file).toBeGreaterThan(0)
      // The file's HOMS is the shared database's first.homs (matched by username); Kim has no login yet.
      expect(copied.data.usersNeedingPassword).toEqual(['kim.pom'])

      // The shared database's first HOMS sees exactly what this computer saw.
      const there = await startTestServices({ userData: shared.userData, now: NOW })
      const here = await local.call('omu:caseload.list', { pomId: null })
      const seen = await there.call('omu:caseload.list', { pomId: null })
      if (!here.ok || !seen.ok) throw new Error('caseload')
      expect(sorted(seen.data.rows)).toEqual(sorted(here.data.rows))
      expect(seen.data.rows.length).toBeGreaterThan(100)
      const id = here.data.rows[0]!.prisonerId
      const historyHere = await local.call('omu:audit.history', { entity: 'prisoner', entityId: String(id) })
      const historyThere = await there.call('omu:audit.history', { entity: 'prisoner', entityId: String(id) })
      expect(historyThere).toEqual(historyHere)
      // New rows continue after the copied ids.
      const staff = await there.call('omu:staff.save', { name: 'New Starter', role: 'prison_pom' })
      expect(staff.ok && staff.data.id).toBeGreaterThan(Number((await adminSql(shared, 'select max(id) from staff where id < $1', [staff.ok ? staff.data.id : 0]))[0]?.[0]))
      // The HOMS sets Kim's password; then Kim signs in with their own login.
      const kim = (await there.call('omu:users.list')).ok ? ((await there.call('omu:users.list')) as { data: { id: number; username: string }[] }).data.find((u) => u.username === 'kim.pom') : undefined
      expect(kim).toBeDefined()
      expect((await there.call('omu:users.save', { id: kim!.id, username: 'kim.pom', displayName: 'Kim Pom', role: 'pom', password: 'a shared password now', yourPassword: TEST_PASSWORD })).ok).toBe(true)
      expect(await there.call('omu:auth.signIn', { username: 'kim.pom', password: 'a shared password now' })).toMatchObject({ ok: true, data: { username: 'kim.pom', role: 'pom' } })

      expect(await local.call('omu:storage.copyToShared', { location: storage.location, username: 'first.homs', password: TEST_PASSWORD })).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringContaining('already holds data') },
      })
      await there.close()
    } finally {
      await shared.cleanup()
      await local.cleanup()
    }
  }, 60_000)

  it('IT provisions a database, adds a user and copies a file from the command line, the new users’ passwords read from OMU_NEW_PASSWORD', async () => {
    const local = await localWithData()
    const cluster = workerCluster()
    const admin = cluster.admin
    const url = (db: string) => `postgres://${String(admin.user)}:${String(admin.password)}@127.0.0.1:${cluster.port}/${db}`
    const database = `omu_cli_${process.pid}`
    const env = { ...process.env, OMU_NEW_PASSWORD: 'an it provisioned password' }
    const script = path.join(repoRoot(), 'scripts/db.ts')
    const tsx = ['--import', 'tsx', script]
    try {
      const provisioned = await run(process.execPath, [...tsx, 'provision', '--url', url('postgres'), '--database', database, '--homs', 'it.homs', '--name', 'Ira Homs'], { env, cwd: repoRoot() })
      expect(provisioned.stdout).toContain(`Created database ${database}`)
      const added = await run(process.execPath, [...tsx, 'user', '--url', url(database), 'add', '--role', 'reader', '--username', 'pgd.reviewer'], { env, cwd: repoRoot() })
      expect(added.stdout).toContain('Added pgd.reviewer (read_only)')
      // Issue 15: the file is encrypted; the tool opens it with the recovery key a HOMS exported, and refuses without it.
      const exported = await local.call('omu:backup.exportRecoveryKey', { password: TEST_PASSWORD })
      const keyFile = exported.ok ? (exported.data.savedTo ?? '') : ''
      await local.close()
      const noKey = await run(process.execPath, [...tsx, 'copy-to-shared', '--from', path.join(local.userData, 'omu.db'), '--url', url(database)], { cwd: repoRoot() }).catch((e: { stderr: string }) => e)
      expect((noKey as { stderr: string }).stderr).toContain('--recovery-key-file')
      const copiedOut = await run(process.execPath, [...tsx, 'copy-to-shared', '--from', path.join(local.userData, 'omu.db'), '--recovery-key-file', keyFile, '--url', url(database)], { cwd: repoRoot() })
      expect(copiedOut.stdout).toContain('every table’s count matches')
      const client = new pg.Client({ host: '127.0.0.1', port: cluster.port, database, user: 'pgd.reviewer', password: 'an it provisioned password' })
      await client.connect()
      const n = (await client.query<{ n: number }>('select count(*)::int as n from prisoner')).rows[0]?.n
      await client.end()
      expect(n).toBe(150)
      const refused = await run(process.execPath, [...tsx, 'copy-to-shared', '--from', path.join(local.userData, 'omu.db'), '--recovery-key-file', keyFile, '--url', url(database)], { cwd: repoRoot() }).catch((e: { stderr: string }) => e)
      expect((refused as { stderr: string }).stderr).toContain('already holds data')
    } finally {
      const c = new pg.Client({ ...admin, database: 'postgres' })
      await c.connect()
      await c.query(`drop database if exists "${database}" with (force)`)
      for (const r of ['it.homs', 'pgd.reviewer']) await c.query(`drop role if exists "${r}"`)
      await c.end()
      await local.cleanup()
    }
  }, 90_000)
})
