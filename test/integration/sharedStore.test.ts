import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it, vi } from 'vitest'
import { pgMigrationsFolderFrom } from '../../db/paths'
import { provision } from '../../db/shared/provision'
import { PostgresStore, type SharedLocation } from '../../db/store/postgres'
import { repoRoot } from '../../db/testing'
import { crashServer, freePort, restartServer, startCluster } from '../pg/cluster'
import { workerCluster } from '../pg/testDatabase'
import { usePostgres } from '../pg/workers'
import { adminSql, HMP_TESTSHIRE, oneAllocatedCase, servicesPerTest, TEST_PASSWORD, TEST_PRISONER, type ServicesHandle } from './helpers'

// Issue 13: what only the shared OMU database does, on a real PostgreSQL server (npm run test:pg):
// each user's sign-in is their own login, the connection test says what is wrong, two machines
// see each other's work and conflicts, an older app refuses a newer schema, and the server
// going away (stopped at once, mid-write) loses nothing that was reported saved.

const NOW = new Date('2026-11-23T10:00:00Z')
const BAD_SIGN_IN = 'The username or password is not right. Check them and try again.'

const start = servicesPerTest({ now: NOW })

function locationOf(svc: ServicesHandle) {
  const storage = svc.runtime.storage
  if (storage.kind !== 'shared') throw new Error('not shared')
  return storage.location
}

async function must<T>(p: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

describe.skipIf(!usePostgres())('the shared OMU database (issue 13)', () => {
  it('a user added by the HOMS signs in with their own PostgreSQL login (SCRAM), a member of exactly one group role', async () => {
    const homs = await start()
    await must(homs.call('omu:users.save', { username: 'sam.pom', displayName: 'Sam Pom', role: 'pom', password: 'a long pom password', yourPassword: TEST_PASSWORD }))
    const [[method, groups]] = (await adminSql(
      homs,
      `select left(a.rolpassword, 14), array_to_string(array(select g.rolname from pg_auth_members m join pg_roles g on g.oid = m.roleid where m.member = a.oid order by 1), ',')
         from pg_authid a where a.rolname = 'sam.pom' and a.rolcanlogin and not a.rolsuper and not a.rolcreaterole`,
    )) as [[string, string]]
    expect(method).toBe('SCRAM-SHA-256$')
    expect(groups).toBe('omu_pom')
    // The same sign-in works at a psql prompt: it is one login, not an app-only account.
    const direct = new pg.Client({ host: '127.0.0.1', port: locationOf(homs).port, database: locationOf(homs).database, user: 'sam.pom', password: 'a long pom password' })
    await direct.connect()
    expect((await direct.query('select current_user as u')).rows[0]).toEqual({ u: 'sam.pom' })
    await direct.end()

    expect(await homs.call('omu:users.save', { username: 'public', displayName: 'Pub Lic', role: 'pom', password: 'a long pom password', yourPassword: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'username' } })
    const pomDesk = await start({ userData: homs.userData, as: null })
    expect(await pomDesk.call('omu:auth.signIn', { username: 'sam.pom', password: 'not it at all' })).toEqual({ ok: false, error: { code: 'invalid_input', message: BAD_SIGN_IN } })
    expect(await pomDesk.call('omu:auth.signIn', { username: 'no.such.user', password: 'not it at all' })).toEqual({ ok: false, error: { code: 'invalid_input', message: BAD_SIGN_IN } })
    expect(await must(pomDesk.call('omu:auth.signIn', { username: 'sam.pom', password: 'a long pom password' }))).toMatchObject({ username: 'sam.pom', role: 'pom' })
    // A password change is the login's: the old one stops working at the server.
    await must(pomDesk.call('omu:auth.changePassword', { currentPassword: 'a long pom password', newPassword: 'another long password' }))
    const old = new pg.Client({ host: '127.0.0.1', port: locationOf(homs).port, database: locationOf(homs).database, user: 'sam.pom', password: 'a long pom password' })
    await expect(old.connect()).rejects.toMatchObject({ code: '28P01' })
    await old.end().catch(() => undefined)
    // Made inactive by the HOMS: the login can no longer connect at all.
    const users = await must(homs.call('omu:users.list'))
    const sam = users.find((u) => u.username === 'sam.pom')!
    await must(homs.call('omu:users.save', { id: sam.id, username: 'sam.pom', displayName: 'Sam Pom', role: 'pom', active: false, yourPassword: TEST_PASSWORD }))
    expect(await pomDesk.call('omu:auth.signIn', { username: 'sam.pom', password: 'another long password' })).toMatchObject({ ok: false })
  })

  it('no password is written on this computer: the storage file holds only where the server is', async () => {
    const homs = await start()
    const files = fs.readdirSync(homs.userData, { recursive: true }).map(String)
    for (const f of files) {
      const full = path.join(homs.userData, f)
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full, 'utf8'), f).not.toContain(TEST_PASSWORD)
    }
    expect(JSON.parse(fs.readFileSync(path.join(homs.userData, 'storage.json'), 'utf8'))).toEqual({ kind: 'shared', location: locationOf(homs) })
  })

  it('when the app locks after 15 minutes without use, the user’s connections (and the password they need) are closed', async () => {
    const homs = await start()
    expect(homs.runtime.store).not.toBeNull()
    homs.runtime.config.clock = () => new Date(NOW.getTime() + 16 * 60_000)
    expect(await homs.call('omu:establishment.get')).toMatchObject({ ok: false, error: { code: 'signed_out' } })
    expect(homs.runtime.store).toBeNull()
    expect(await must(homs.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD }))).toMatchObject({ username: 'first.homs' })
    expect(homs.runtime.store).not.toBeNull()
  })

  it('the connection test says in plain words what is wrong', async () => {
    const homs = await start()
    const loc = locationOf(homs)
    const test = (location: typeof loc, username = 'first.homs', password = TEST_PASSWORD) => must(homs.call('omu:storage.test', { location, username, password }))
    expect(await test(loc)).toMatchObject({ ok: true, message: expect.stringContaining('set up for this version') })
    const closed = await freePort()
    expect(await test({ ...loc, port: closed })).toEqual({ ok: false, message: `Nothing is answering at 127.0.0.1:${closed}. Check the server name and port, and that the database server is running.` })
    expect(await test({ ...loc, database: 'omu_nowhere' })).toMatchObject({ ok: false, message: expect.stringMatching(/^There is no database called “omu_nowhere”/) })
    expect(await test(loc, 'first.homs', 'wrong password here')).toEqual({ ok: false, message: BAD_SIGN_IN })
    expect(await test({ ...loc, tls: 'verify-full' })).toMatchObject({ ok: false, message: expect.stringContaining('does not accept encrypted (TLS) connections') })
    expect(await test({ ...loc, database: 'postgres' })).toMatchObject({ ok: false })
  })

  it('TLS: verify-full with the estate’s CA connects encrypted; a certificate not trusted, or for another server name, is refused in words', async () => {
    const tls = await startCluster({ tls: true })
    try {
      await provision(tls.admin, { database: 'omu', migrationsFolder: pgMigrationsFolderFrom(repoRoot()), homs: { username: 'tls.homs', displayName: 'Tls Homs', role: 'homs', password: TEST_PASSWORD }, now: NOW })
      const homs = await start()
      const test = async (location: SharedLocation) => must(homs.call('omu:storage.test', { location, username: 'tls.homs', password: TEST_PASSWORD }))
      const good: SharedLocation = { host: 'localhost', port: tls.port, database: 'omu', tls: 'verify-full', caFile: tls.caFile }
      expect(await test(good)).toMatchObject({ ok: true })
      const notTrusted = expect.stringMatching(/^The server’s TLS certificate is not trusted \(.+\)\. Choose the estate’s CA file/)
      expect(await test({ ...good, caFile: null })).toEqual({ ok: false, message: notTrusted })
      // The certificate names localhost: reached as 127.0.0.1 it is another name.
      expect(await test({ ...good, host: '127.0.0.1' })).toEqual({ ok: false, message: notTrusted })
      expect(await test({ ...good, host: '127.0.0.1', tls: 'verify-ca' })).toMatchObject({ ok: true })
      expect(await test({ ...good, caFile: '/nowhere/estate-ca.pem' })).toMatchObject({ ok: false, message: expect.stringContaining('cannot be read') })
      // The sign-in and everything after it travel encrypted.
      const store = await PostgresStore.open(good, { user: 'tls.homs', password: TEST_PASSWORD }, () => undefined)
      expect(await store.read((c) => c.sql.value('select ssl from pg_stat_ssl where pid = pg_backend_pid()'))).toBe(true)
      await store.close()
    } finally {
      tls.stop()
    }
  })

  it('there is no first-run user, file backup or file recovery in shared mode: each is refused in a sentence', async () => {
    const homs = await start()
    expect(await must(homs.call('omu:auth.status'))).toMatchObject({ needsFirstUser: false })
    expect(await homs.call('omu:auth.createFirstUser', { username: 'x.y', displayName: 'Xavier Young', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('db:provision') } })
    expect(await homs.call('omu:backup.backUpNow')).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('IT backs up on the server') } })
    expect(await homs.call('omu:recovery.startNewFile', { username: 'first.homs', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(homs.runtime.storage.kind).toBe('shared')
  })

  it('a session recorded on one machine is in the other machine’s caseload and due list within 2 seconds', async () => {
    const hmd = await start()
    const p = { id: await oneAllocatedCase(hmd) }
    const dueOf = async () => (await must(hmd.call('omu:due.overview'))).items.find((i) => i.prisonerId === p.id)?.achieved
    expect(await dueOf()).toBe(0)
    const other = await start({ userData: hmd.userData })
    const t0 = performance.now()
    await must(other.call('omu:sessions.record', { prisonerId: p.id, date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 }))
    await vi.waitFor(async () => expect(await dueOf()).toBe(1), { timeout: 2000, interval: 20 })
    expect(performance.now() - t0).toBeLessThan(2000)
  })

  it('two people changing the same prisoner on two machines: the second is told someone else changed it, never a silent overwrite', async () => {
    const a = await start()
    await must(a.call('omu:establishment.setup', HMP_TESTSHIRE))
    const p = await must(a.call('omu:prisoners.create', TEST_PRISONER))
    const b = await start({ userData: a.userData })
    const fields = { ...TEST_PRISONER, sentenceType: 'determinate' as const }
    const [first, second] = await Promise.all([
      a.call('omu:prisoners.update', { prisonerId: p.id, version: p.version, fields: { ...fields, firstName: 'Alexa' } }),
      b.call('omu:prisoners.update', { prisonerId: p.id, version: p.version, fields: { ...fields, firstName: 'Alexis' } }),
    ])
    const results = [first, second]
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Someone else changed this prisoner') } })
    const winner = (results.find((r) => r.ok) as { data: { firstName: string } }).data.firstName
    expect((await must(b.call('omu:prisoners.get', { prisonerId: p.id }))).prisoner.firstName).toBe(winner)
  })

  it('an app older than the shared schema refuses to open it and changes nothing', async () => {
    const homs = await start()
    await adminSql(homs, 'insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', ['from-a-newer-version', Date.now() + 10 * 365 * 86_400_000])
    const older = await start({ userData: homs.userData, as: null })
    expect(await older.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { message: 'The shared database was upgraded for a newer version of OMU Desk. Install the newer version to use it; nothing has been changed.' },
    })
  })

  it('the server stopped at once mid-write and started again: nothing half-written, nothing reported saved that was not, and the app recovers by itself', async () => {
    const svc = await start()
    const p = { id: await oneAllocatedCase(svc) }
    const saved: number[] = []
    const refusals = new Set<string>()
    let stop = false
    const writer = (async () => {
      while (!stop) {
        const r = await svc.call('omu:sessions.record', { prisonerId: p.id, date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30, notes: `note ${saved.length}` })
        if (r.ok) saved.push(r.data.id)
        else refusals.add(`${r.error.code}: ${r.error.message}`)
      }
    })()
    await vi.waitFor(() => expect(saved.length).toBeGreaterThan(20), { timeout: 10_000 })
    const cluster = workerCluster()
    crashServer(cluster)
    await vi.waitFor(async () => expect((await must(svc.call('omu:app.status'))).storage.online).toBe(false), { timeout: 10_000 })
    const savedWhileDown = saved.length
    await new Promise((r) => setTimeout(r, 300))
    restartServer(cluster)
    await vi.waitFor(() => expect(saved.length).toBeGreaterThan(savedWhileDown + 5), { timeout: 20_000, interval: 100 })
    stop = true
    await writer
    expect((await must(svc.call('omu:app.status'))).storage.online).toBe(true)
    // Refused while the server was away, in the app's own words, never as saved.
    expect([...refusals].filter((m) => !m.startsWith('unavailable: '))).toEqual([])
    expect([...refusals].some((m) => m.startsWith('unavailable: The shared OMU database cannot be reached'))).toBe(true)
    // Every session reported saved is there, each with its audit row, and nothing else was written.
    const rows = (await adminSql(svc, 'select id from supervision_session order by id')).map(([id]) => Number(id))
    expect(rows).toEqual([...saved].sort((x, y) => x - y))
    const audited = (await adminSql(svc, "select after from audit_log where channel = 'omu:sessions.record'")).map(([after]) => (JSON.parse(String(after)) as { session: { id: number } }).session.id)
    expect(audited.sort((x, y) => x - y)).toEqual(rows)
  }, 60_000)
})
