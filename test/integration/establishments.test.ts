// Issue 19 ("Group view", its sources): one shared OMU database holds several establishments
// (migration-pg 0016). Each user belongs to one establishment and the server keeps them to it — in
// the app and at a psql prompt alike; a group reader (a Prison Group Director) named by the
// administrator reads the group's establishments side by side in the Group view and can change
// none of them. Real services on a real PostgreSQL server; two HOMS desks and a PGD's desk on the
// one database. PostgreSQL only: the SQLite file holds one establishment.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scramVerifier } from '../../db/shared/scram'
import type { IpcResult } from '../../shared/ipc/result'
import { usePostgres } from '../pg/workers'
import { adminSql, HMP_TESTSHIRE, startTestServices, TEST_PASSWORD, TEST_PRISONER, type ServicesHandle } from './helpers'

const NOW = new Date('2026-11-23T10:00:00Z')
const PASSWORD = 'a long enough test password'
const OTHERTON = { name: 'HMP Otherton', code: 'OTH', category: 'reception' } as const

async function must<T>(p: Promise<IpcResult<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

/** What the administrator's `npm run db:user -- add --establishment N` does (db/shared/provision.ts addUser). */
async function addLogin(svc: ServicesHandle, username: string, role: 'homs' | 'read_only', establishmentId: number): Promise<void> {
  await adminSql(svc, 'select omu_set_login($1, $2, $3, true)', [username, role, scramVerifier(PASSWORD)])
  await adminSql(
    svc,
    `insert into app_user (username, display_name, role, password_hash, active, created_at, updated_at, establishment_id)
     values ($1, $1, $2, 'postgres-login', 1, '2026-11-23T10:00:00Z', '2026-11-23T10:00:00Z', $3)`,
    [username, role, establishmentId],
  )
}

async function signIn(svc: ServicesHandle, username: string, password = PASSWORD): Promise<void> {
  await must(svc.call('omu:auth.signIn', { username, password }))
}

describe.skipIf(!usePostgres())('several establishments in one shared database (issue 19)', () => {
  let first: ServicesHandle
  let second: ServicesHandle
  let pgd: ServicesHandle
  const ids: Record<string, number> = {}
  let direct: pg.Client
  let location: { host: string; port: number; database: string }

  beforeAll(async () => {
    // Establishment 1: the database's first, set up by the HOMS provisioning made.
    first = await startTestServices({ now: NOW })
    await must(first.call('omu:establishment.setup', HMP_TESTSHIRE))
    ids.firstPom = (await must(first.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))).id
    ids.firstCase = (await must(first.call('omu:prisoners.create', TEST_PRISONER))).id
    await must(first.call('omu:allocations.allocate', { prisonerId: ids.firstCase, staffId: ids.firstPom, startDate: '2026-09-10' }))

    // Establishment 2: its first HOMS added by the administrator, setting it up from their own desk.
    await addLogin(first, 'second.homs', 'homs', 2)
    second = await startTestServices({ userData: first.userData, now: NOW, as: null })
    await signIn(second, 'second.homs')
    await must(second.call('omu:establishment.setup', OTHERTON))
    ids.secondPom = (await must(second.call('omu:staff.save', { name: 'Sam Secondpom', role: 'prison_pom' }))).id
    // The same prison number as establishment 1's case: unique within an establishment, not across.
    ids.secondCase = (await must(second.call('omu:prisoners.create', { ...TEST_PRISONER, firstName: 'Bea', lastName: 'Otherwell' }))).id
    ids.secondBare = (await must(second.call('omu:prisoners.create', { ...TEST_PRISONER, prisonNumber: 'Z9876YX', firstName: 'Cy', lastName: 'Unallocated' }))).id
    await must(second.call('omu:allocations.allocate', { prisonerId: ids.secondCase, staffId: ids.secondPom, startDate: '2026-09-10' }))
    await must(second.call('omu:sessions.record', { prisonerId: ids.secondCase, date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 }))

    // A Prison Group Director: a read-only reviewer of establishment 1 whom the administrator lets read the group.
    await addLogin(first, 'group.director', 'read_only', 1)
    await adminSql(first, "insert into establishment_group_member (group_name, establishment_id) values ('Testshire group', 1), ('Testshire group', 2)")
    await adminSql(first, "insert into group_reader (username, group_name) values ('group.director', 'Testshire group')")
    pgd = await startTestServices({ userData: first.userData, now: NOW, as: null })
    await signIn(pgd, 'group.director')

    const loc = first.runtime.storage.kind === 'shared' ? first.runtime.storage.location : null
    if (!loc) throw new Error('not shared')
    location = loc
    direct = new pg.Client({ host: loc.host, port: loc.port, database: loc.database, user: 'second.homs', password: PASSWORD })
    await direct.connect()
  }, 90_000)

  afterAll(async () => {
    await direct?.end().catch(() => undefined)
    await pgd?.cleanup().catch(() => undefined)
    await second?.cleanup().catch(() => undefined)
    await first?.cleanup()
  })

  it('each desk sees its own establishment and only its cases, though both hold prison number A1234BC', async () => {
    expect((await must(first.call('omu:establishment.get')))?.name).toBe('HMP Testshire')
    expect((await must(second.call('omu:establishment.get')))?.name).toBe('HMP Otherton')
    const firstRows = (await must(first.call('omu:caseload.list', { pomId: null }))).rows
    const secondRows = (await must(second.call('omu:caseload.list', { pomId: null }))).rows
    expect(firstRows.map((r) => r.prisonerId)).toEqual([ids.firstCase])
    expect(secondRows.map((r) => r.prisonerId).sort()).toEqual([ids.secondCase, ids.secondBare].sort())
    expect(new Set([...firstRows, ...secondRows].filter((r) => r.prisonerId !== ids.secondBare).map((r) => r.prisonNumber))).toEqual(new Set(['A1234BC']))
    // Staff and users are the establishment's own too.
    expect((await must(second.call('omu:staff.list'))).map((s) => s.name)).toEqual(['Sam Secondpom'])
    expect((await must(second.call('omu:users.list'))).map((u) => u.username)).toEqual(['second.homs'])
  })

  it('a HOMS at a psql prompt cannot read, change or add rows of another establishment, nor take over its logins', async () => {
    const count = async (sql: string, params: unknown[] = []) => Number((await direct.query<{ n: string }>(sql, params)).rows[0]?.n)
    expect(await count('select count(*) as n from prisoner where id = $1', [ids.firstCase])).toBe(0)
    expect((await direct.query("update prisoner set first_name = 'Changed' where id = $1", [ids.firstCase])).rowCount).toBe(0)
    expect((await direct.query("update staff set name = 'Changed' where id = $1", [ids.firstPom])).rowCount).toBe(0)
    expect((await direct.query('delete from prisoner where id = $1', [ids.firstCase])).rowCount).toBe(0)
    await expect(
      direct.query(
        "insert into prisoner (prison_number, first_name, last_name, date_of_birth, sentence_type, sentence_start_date, status, updated_at, establishment_id) values ('Q1111QQ', 'In', 'Jected', '1990-01-01', 'determinate', '2026-01-01', 'in_custody', '2026-11-23', 1)",
      ),
    ).rejects.toMatchObject({ code: '42501' })
    // Naming another establishment for the read is ignored for anyone who is not its group's reader.
    await direct.query('BEGIN')
    await direct.query("select set_config('omu.view_establishment', '1', true)")
    expect(await count('select count(*) as n from prisoner')).toBe(2)
    expect(await count('select count(*) as n from prisoner where id = $1', [ids.firstCase])).toBe(0)
    await direct.query('ROLLBACK')
    await expect(direct.query("select omu_set_login('first.homs', 'homs', $1, true)", [scramVerifier('taken over')])).rejects.toMatchObject({ code: '42501' })
    // The first HOMS still signs in with their own password.
    await signIn(first, 'first.homs', TEST_PASSWORD)
  })

  it('each establishment’s audit trail is its own unbroken hash chain', async () => {
    expect(await must(first.call('omu:audit.checkChain'))).toMatchObject({ ok: true })
    expect(await must(second.call('omu:audit.checkChain'))).toMatchObject({ ok: true })
    const heads = (await adminSql(first, 'select establishment_id, chain_seq from audit_chain_head order by 1')) as [number, number][]
    expect(heads.map((h) => h[0])).toEqual([1, 2])
    for (const [establishment, seq] of heads) {
      const [[n]] = (await adminSql(first, 'select count(*)::int from audit_log where establishment_id = $1', [establishment])) as [[number]]
      expect(seq, `establishment ${establishment}`).toBe(n)
    }
  })

  it('a group reader sees both establishments side by side, each labelled, with the other’s own figures', async () => {
    const view = await must(pgd.call('omu:group.view', {}))
    expect(view.rows.map((r) => [r.establishment.code, r.source])).toEqual([
      ['TST', { kind: 'live' }],
      ['OTH', { kind: 'shared', establishmentId: 2 }],
    ])
    // Establishment 2's row is exactly what its own HOMS's desk works out for itself, only labelled differently.
    const own = (await must(second.call('omu:group.view', {}))).rows
    expect(own.map((r) => r.source)).toEqual([{ kind: 'live' }])
    expect({ ...view.rows[1], source: { kind: 'live' } }).toEqual(own[0])
    // And it is not establishment 1's: their caseloads differ (two cases there, one here).
    expect(view.rows[1]?.compliance).not.toEqual(view.rows[0]?.compliance)
    const firstOnly = (await must(first.call('omu:group.view', {}))).rows
    // A HOMS who is no group's reader sees their own establishment only.
    expect(firstOnly.map((r) => r.establishment.code)).toEqual(['TST'])
    // What the PGD read of establishment 2 did not leak into their own desk's caseload (the case cache is per establishment).
    expect((await must(pgd.call('omu:caseload.list', { pomId: null }))).rows.map((r) => r.prisonerId)).toEqual([ids.firstCase])
    const again = await must(pgd.call('omu:group.view', {}))
    expect(again.rows.map((r) => r.establishment.code)).toEqual(['TST', 'OTH'])
  })

  it('the group reader can change no establishment’s data, in the app or at a psql prompt', async () => {
    const refused = await pgd.call('omu:prisoners.update', { prisonerId: ids.secondCase, version: 1, fields: { ...TEST_PRISONER } })
    expect(refused.ok).toBe(false)
    const client = new pg.Client({ host: location.host, port: location.port, database: location.database, user: 'group.director', password: PASSWORD })
    await client.connect()
    try {
      await client.query('BEGIN')
      await client.query("select set_config('omu.view_establishment', '2', true)")
      // Reading establishment 2 is what the group allows…
      expect(Number((await client.query<{ n: string }>('select count(*) as n from prisoner')).rows[0]?.n)).toBe(2)
      // …writing it is not.
      await expect(client.query("update prisoner set first_name = 'Changed' where id = $1", [ids.secondCase])).rejects.toMatchObject({ code: '42501' })
      await client.query('ROLLBACK')
      // An establishment outside the group is never read: the reader's own is, instead.
      await client.query('BEGIN')
      await client.query("select set_config('omu.view_establishment', '3', true)")
      expect(Number((await client.query<{ n: string }>('select count(*) as n from prisoner')).rows[0]?.n)).toBe(1)
      await client.query('ROLLBACK')
    } finally {
      await client.end()
    }
  })
})
