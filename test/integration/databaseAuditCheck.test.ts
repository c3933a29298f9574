import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { repoRoot } from '../../db/testing'
import { auditCheck } from '../../scripts/auditCheck'
import { workerCluster } from '../pg/testDatabase'
import { usePostgres } from '../pg/workers'
import { adminSql, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'

// Issue 14: `npm run db:audit-check` shows IT every role's rights on a live server and exits
// non-zero on anything broader than the app's rules. Run against a provisioned database as it
// stands (no finding), then after the mistakes an administrator could make by hand.

const run = promisify(execFile)
const open: ServicesHandle[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.cleanup()
})

async function withAdmin<T>(svc: ServicesHandle, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const storage = svc.runtime.storage
  if (storage.kind !== 'shared') throw new Error('not shared')
  const client = new pg.Client({ ...workerCluster().admin, database: storage.location.database })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

function adminUrl(svc: ServicesHandle): string {
  const storage = svc.runtime.storage
  if (storage.kind !== 'shared') throw new Error('not shared')
  const a = workerCluster().admin
  return `postgres://${encodeURIComponent(String(a.user))}:${encodeURIComponent(String(a.password ?? ''))}@127.0.0.1:${storage.location.port}/${storage.location.database}`
}

describe.skipIf(!usePostgres())('npm run db:audit-check (issue 14)', () => {
  it('finds nothing on a database as the migrations leave it, and prints every table’s rights per role', async () => {
    const svc = await startTestServices()
    open.push(svc)
    await svc.call('omu:users.save', { username: 'sam.pom', displayName: 'Sam Pom', role: 'pom', password: 'a long pom password', yourPassword: TEST_PASSWORD })
    const report = await withAdmin(svc, auditCheck)
    expect(report.findings).toEqual([])
    expect(report.table.find((l) => l.startsWith('supervision_session'))).toMatch(/^supervision_session\s+SIu\s+SIu\s+SIuD\s+S\s+s\s+on$/)
    expect(report.table.find((l) => l.startsWith('audit_log'))).toMatch(/^audit_log\s+SI\s+SI\s+SI\s+SI\s+SI\s+on$/)
  })

  it('reports a broader grant, a column outside its limit, row security off, a disabled audit trigger, PUBLIC on a function and a login with two roles', async () => {
    const svc = await startTestServices()
    open.push(svc)
    await svc.call('omu:users.save', { username: 'sam.pom', displayName: 'Sam Pom', role: 'pom', password: 'a long pom password', yourPassword: TEST_PASSWORD })
    for (const sql of [
      'grant delete on audit_log to omu_pom',
      'grant update (notes) on supervision_session to omu_homd',
      'alter table app_user disable row level security',
      'alter table audit_log disable trigger audit_log_stamp',
      'grant execute on function omu_set_login(text, text, text, boolean) to public',
      'grant omu_homs to "sam.pom"',
    ]) {
      await adminSql(svc, sql)
    }
    const { findings } = await withAdmin(svc, auditCheck)
    expect(findings).toEqual(
      expect.arrayContaining([
        'omu_pom has DELETE on audit_log; the app gives the pom role no DELETE there.',
        'omu_homd has UPDATE on supervision_session.notes; the app limits it to recorded_on, recorded_on_reason.',
        expect.stringMatching(/^Row-level security is off on app_user/),
        'Trigger audit_log_stamp on audit_log is disabled: the audit trail is not complete.',
        'Everyone (PUBLIC) may call omu_set_login.',
        'Login sam.pom is a member of omu_homs and omu_pom; each login must have exactly one OMU role.',
      ]),
    )
    // The command itself: the table, each finding, and a non-zero exit for IT's scripts.
    const cli = await run('npx', ['tsx', path.join(repoRoot(), 'scripts/db.ts'), 'audit-check', '--url', adminUrl(svc)], { cwd: repoRoot() }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    )
    expect(cli.code).toBe(1)
    expect(cli.stdout).toContain('FINDING: omu_pom has DELETE on audit_log')
    expect(cli.stdout).toMatch(/^audit_log\s+SID\s+SI/m)
  }, 60_000)
})
