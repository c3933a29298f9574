import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { USER_ROLES, type UserRole } from '../../shared/ipc/channels/auth'
import { contractEntries, type ChannelKey } from '../../shared/ipc/contract'
import { CHANNEL_TABLES, limitsOf, rightsOf, SHARED_TABLES, type SharedTable, type TableOp } from '../../electron/services/databaseRights'
import { mayReadSensitiveNotes } from '../../electron/services/sensitiveNotes'
import type { IpcResult } from '../../shared/ipc/result'
import { workerCluster } from '../pg/testDatabase'
import { usePostgres } from '../pg/workers'
import { adminSql, HMP_TESTSHIRE, startTestServices, TEST_PASSWORD, TEST_PRISONER, type ServicesHandle } from './helpers'

// Issue 14: in the shared database a user's sign-in is a PostgreSQL login, usable from psql as
// well as from the app. Here each role's own login connects directly (not through the app) and
// tries, on every table, to read, insert, update and delete, inside its own outside-scope rows too;
// then what no app role may do at all: alter the audit trail, disable triggers, make roles, grant
// itself another role, read sensitive notes it may not, COPY to a program, create functions. The
// expected answer of every cell comes from permissions.ts through databaseRights.ts (rightsOf,
// limitsOf), so a new channel or table without a database rule fails here. Each attempt runs in a
// transaction that is rolled back, so all see the same rows.

type Outcome = 'allowed' | 'denied' | 'no rows'

interface Attempt {
  table: SharedTable
  op: TableOp
  sql: string
  /** 'outside': rows a row-level limit keeps from the roles it limits (others' profiles, cases not theirs). */
  scope?: 'outside'
  /** The column written or read, when a column limit could apply. */
  column?: string
}

const PASSWORD = 'a long enough test password'
const LOGIN: Record<UserRole, string> = { pom: 'role.pom', homd: 'role.homd', homs: 'first.homs', governor: 'role.governor', read_only: 'role.reader' }

function expected(role: UserRole, a: Attempt): Outcome {
  if (!rightsOf(role)[a.table][a.op]) return 'denied'
  const limits = limitsOf(role, a.table, a.op)
  if (a.column && limits.some((l) => l.columns && !l.columns.includes(a.column as string))) return 'denied'
  if (a.scope === 'outside' && limits.some((l) => l.rows)) return a.op === 'insert' ? 'denied' : 'no rows'
  return 'allowed'
}

async function must<T>(p: Promise<IpcResult<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

/** Runs one attempt in a transaction that is always rolled back; what the server answered. */
async function attempt(client: pg.Client, sql: string, op: TableOp | null = null): Promise<{ outcome: Outcome; code?: string; message?: string }> {
  await client.query('BEGIN')
  try {
    const res = await client.query(sql)
    // An insert that passed is allowed (one ON CONFLICT DO NOTHING adds no row); a read or a
    // change that found no row was kept from the rows by a row-level policy.
    if (op === 'insert' || op === null) return { outcome: 'allowed' }
    const rows = op === 'select' ? Number((res.rows[0] as { n?: string } | undefined)?.n ?? 0) : (res.rowCount ?? 0)
    return { outcome: rows > 0 ? 'allowed' : 'no rows' }
  } catch (err) {
    const e = err as { code?: string; message?: string }
    // 42501 insufficient_privilege: a missing grant, or a row-level policy refusing a new row.
    if (e.code === '42501') return { outcome: 'denied', code: e.code, message: e.message }
    throw new Error(`${sql}: ${e.code ?? ''} ${e.message ?? String(err)}`)
  } finally {
    await client.query('ROLLBACK')
  }
}

describe.skipIf(!usePostgres())('the shared database enforces each role itself (issue 14)', () => {
  let homs: ServicesHandle
  const ids: Record<string, number> = {}
  const clients = new Map<UserRole, pg.Client>()

  beforeAll(async () => {
    homs = await startTestServices({ now: new Date('2026-11-23T10:00:00Z') })
    await must(homs.call('omu:establishment.setup', HMP_TESTSHIRE))
    ids.pomStaff = (await must(homs.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))).id
    ids.otherStaff = (await must(homs.call('omu:staff.save', { name: 'Oli Other', role: 'prison_pom' }))).id
    // Issue 19: a planned change to capacity, so select and delete find a row where allowed.
    ids.change = (await must(homs.call('omu:resourcing.addChange', { kind: 'leaving', staffId: ids.otherStaff, date: '2027-01-31' }))).id
    for (const role of USER_ROLES.filter((r) => r !== 'homs')) {
      const staffId = role === 'pom' ? ids.pomStaff : null
      ids[`user_${role}`] = (await must(homs.call('omu:users.save', { username: LOGIN[role], displayName: `Role ${role}`, role, password: PASSWORD, staffId, yourPassword: TEST_PASSWORD }))).id
    }
    ids.mine = (await must(homs.call('omu:prisoners.create', TEST_PRISONER))).id
    ids.theirs = (await must(homs.call('omu:prisoners.create', { ...TEST_PRISONER, prisonNumber: 'B2345CD', firstName: 'Bo' }))).id
    ids.bare = (await must(homs.call('omu:prisoners.create', { ...TEST_PRISONER, prisonNumber: 'C3456DE', firstName: 'Cy' }))).id
    // Another POM's case the POM does not co-work (the POM co-works ids.theirs below).
    ids.notMine = (await must(homs.call('omu:prisoners.create', { ...TEST_PRISONER, prisonNumber: 'D4567EF', firstName: 'Di' }))).id
    await must(homs.call('omu:allocations.allocate', { prisonerId: ids.mine, staffId: ids.pomStaff, startDate: '2026-09-10' }))
    await must(homs.call('omu:allocations.allocate', { prisonerId: ids.theirs, staffId: ids.otherStaff, startDate: '2026-09-10' }))
    await must(homs.call('omu:allocations.allocate', { prisonerId: ids.notMine, staffId: ids.otherStaff, startDate: '2026-09-10' }))
    const session = { date: '2026-11-18', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30, notes: 'Disclosed a risk to a named officer.', notesSensitive: true }
    ids.mySession = (await must(homs.call('omu:sessions.record', { ...session, prisonerId: ids.mine }))).id
    ids.theirSession = (await must(homs.call('omu:sessions.record', { ...session, prisonerId: ids.theirs }))).id
    ids.openSession = (await must(homs.call('omu:sessions.record', { ...session, prisonerId: ids.theirs, date: '2026-11-19', notes: 'Talked about work.', notesSensitive: false }))).id
    // Issues 17 and 20: a parole review, so select, update and delete find a row where allowed.
    await must(homs.call('omu:parole.add', { prisonerId: ids.theirs, hearingDate: '2026-10-01', outcome: 'refused', outcomeDate: '2026-10-05', nextHearingDate: '2027-10-01' }))
    ids.plan = (await must(homs.call('omu:rrmp.start'))).id
    // Rows no app step above makes, put there as the server's administrator.
    await adminSql(homs, "insert into app_setting (key, value) values ('probe', '1')")
    await adminSql(homs, "insert into sign_off_step (plan_version_id, seq, stage, by, role, date, decision) values ($1, 99, 'submit', 'x', 'homs', '2026-11-23', 'submitted')", [ids.plan])
    await adminSql(homs, "insert into imported_catalog (catalog_id, version, json, imported_at) values ('probe', '1', '{}', '2026-11-23')")
    await adminSql(homs, "insert into comparison_import (establishment_code, establishment_name, exported_at, json, imported_at) values ('OTH', 'HMP Other', '2026-11-23', '{}', '2026-11-23')")
    for (const role of USER_ROLES) await adminSql(homs, "insert into user_preference (user_key, name, value) values ($1, 'probe', '{}')", [`user:${ids[`user_${role}`] ?? 1}`])
    await adminSql(homs, "insert into user_preference (user_key, name, value) values ('user:9999', 'probe', '{}')")
    // Issue 17: an early allocation assessment on the POM's case and on another's; an override on each.
    for (const c of [ids.mine, ids.theirs]) {
      await adminSql(homs, "insert into early_allocation_assessment (prisoner_id, answers, oasys_date, created_on, outcome, created_within_referral_window, assessor, created_at) values ($1, '{}', '2026-11-01', '2026-11-20', 'discretionary', 1, 'x', '2026-11-20')", [c])
      await adminSql(homs, "insert into responsibility_override (prisoner_id, responsibility, reason, start_date, end_date, set_by, created_at) values ($1, 'com', 'probe', '2026-11-20', '2027-01-01', 'x', '2026-11-20')", [c])
    }

    // Issue 17: a co-working POM on another POM's case, so update and delete find a row where allowed.
    await must(homs.call('omu:coworking.assign', { prisonerId: ids.theirs, staffId: ids.pomStaff, startDate: '2026-10-01' }))

    // Issue 17: COM details on the POM's case and on another's.
    for (const c of [ids.mine, ids.theirs, ids.notMine]) await must(homs.call('omu:handover.saveDetails', { prisonerId: c, expectedVersion: null, comName: 'Casey Com' }))

    const loc = homs.runtime.storage.kind === 'shared' ? homs.runtime.storage.location : null
    if (!loc) throw new Error('not shared')
    for (const role of USER_ROLES) {
      const client = new pg.Client({ host: loc.host, port: loc.port, database: loc.database, user: LOGIN[role], password: role === 'homs' ? TEST_PASSWORD : PASSWORD })
      await client.connect()
      clients.set(role, client)
    }
  }, 60_000)

  afterAll(async () => {
    for (const c of clients.values()) await c.end().catch(() => undefined)
    await homs?.cleanup()
  })

  /** Every table, every operation, in scope and (where a row-level limit applies) outside it. */
  function attempts(role: UserRole): Attempt[] {
    const me = `user:${ids[`user_${role}`] ?? 1}`
    const stamp = "'2026-11-23'"
    const insert: Record<SharedTable, string> = {
      establishment: `insert into establishment (id, name, code, category, updated_at) values (1, 'X', 'XXX', 'training', ${stamp}) on conflict do nothing`,
      app_setting: "insert into app_setting (key, value) values ('probe2', '1')",
      staff: `insert into staff (name, role, updated_at) values ('Probe', 'prison_pom', ${stamp})`,
      pom_planned_change: `insert into pom_planned_change (staff_id, kind, date, created_at) values (${ids.pomStaff}, 'leaving', '2027-02-01', ${stamp})`,
      prisoner: `insert into prisoner (prison_number, first_name, last_name, date_of_birth, sentence_type, sentence_start_date, updated_at) values ('Z9999ZZ', 'P', 'Q', '1990-01-01', 'determinate', '2026-01-01', ${stamp})`,
      allocation: `insert into allocation (prisoner_id, staff_id, start_date, created_at) values (${ids.bare}, ${ids.pomStaff}, '2026-11-01', ${stamp})`,
      co_working: `insert into co_working (prisoner_id, staff_id, start_date, end_date, created_at) values (${ids.mine}, ${ids.otherStaff}, '2026-10-01', '2026-10-02', ${stamp})`,
      supervision_session: `insert into supervision_session (prisoner_id, staff_id, date, in_person, mode, recorded_on, created_at) values (${ids.theirs}, ${ids.pomStaff}, '2026-11-20', 1, 'wing_interview_room', '2026-11-20', ${stamp})`,
      early_allocation_assessment: `insert into early_allocation_assessment (prisoner_id, answers, oasys_date, created_on, outcome, created_within_referral_window, assessor, created_at) values (${ids.mine}, '{}', '2026-11-01', '2026-11-23', 'ineligible', 1, 'x', ${stamp})`,
      responsibility_override: `insert into responsibility_override (prisoner_id, responsibility, reason, start_date, end_date, set_by, created_at) values (${ids.mine}, 'pom', 'probe', '2026-11-23', '2027-01-01', 'x', ${stamp})`,
      parole_review: `insert into parole_review (prisoner_id, hearing_date, outcome, created_at, updated_at) values (${ids.theirs}, '2026-12-01', 'not_known', ${stamp}, ${stamp})`,
      plan_version: `insert into plan_version (version, current_stage, target_stage, catalog_id, catalog_version, created_at, updated_at) values (99, 4, 3, 'x', '1', ${stamp}, ${stamp})`,
      plan_entry: `insert into plan_entry (plan_version_id, baseline_id, data, updated_at) values (${ids.plan}, 'probe', '{}', ${stamp})`,
      sign_off_step: `insert into sign_off_step (plan_version_id, seq, stage, by, role, date, decision) values (${ids.plan}, 100, 'governor', 'x', 'governor', ${stamp}, 'approved')`,
      imported_catalog: `insert into imported_catalog (catalog_id, version, json, imported_at) values ('probe', '2', '{}', ${stamp})`,
      comparison_import: `insert into comparison_import (establishment_code, establishment_name, exported_at, json, imported_at) values ('X', 'Y', ${stamp}, '{}', ${stamp})`,
      user_preference: `insert into user_preference (user_key, name, value) values ('${me}', 'probe2', '{}')`,
      app_user: `insert into app_user (username, display_name, role, password_hash, created_at, updated_at) values ('probe.user', 'P', 'pom', 'x', ${stamp}, ${stamp})`,
      audit_log: "insert into audit_log (at, username, role, channel, entity) values ('2000-01-01T00:00:00.000Z', 'someone.else', 'homs', 'forged', 'probe')",
      // Issue 17: the POM's own case already has a row (set up below), so nothing is added either way.
      com_handover: `insert into com_handover (prisoner_id, updated_at) values (${ids.mine}, ${stamp}) on conflict do nothing`,
    }
    const update: Record<SharedTable, [string, string]> = {
      establishment: ['name', 'id = 1'],
      app_setting: ['value', "key = 'probe'"],
      staff: ['name', `id = ${ids.pomStaff}`],
      pom_planned_change: ['note', `id = ${ids.change}`],
      prisoner: ['first_name', `id = ${ids.mine}`],
      allocation: ['end_date', `prisoner_id = ${ids.mine}`],
      co_working: ['end_date', `prisoner_id = ${ids.theirs}`],
      supervision_session: ['recorded_on', `id = ${ids.mySession}`],
      early_allocation_assessment: ['community_decision', `prisoner_id = ${ids.mine}`],
      responsibility_override: ['ended_on', `prisoner_id = ${ids.mine}`],
      parole_review: ['outcome', `prisoner_id = ${ids.theirs}`],
      plan_version: ['updated_at', `id = ${ids.plan}`],
      plan_entry: ['rev', `plan_version_id = ${ids.plan}`],
      sign_off_step: ['comments', `plan_version_id = ${ids.plan}`],
      imported_catalog: ['json', "catalog_id = 'probe'"],
      comparison_import: ['json', "establishment_code = 'OTH'"],
      user_preference: ['value', `user_key = '${me}'`],
      app_user: ['display_name', 'username = session_user'],
      audit_log: ['channel', 'true'],
      com_handover: ['com_name', `prisoner_id = ${ids.mine}`],
    }
    // Leaf rows, so a role that may delete is not stopped by a foreign key instead.
    const del: Record<SharedTable, string> = {
      establishment: 'id = 1',
      app_setting: "key = 'probe'",
      staff: `id = ${ids.otherStaff}`,
      pom_planned_change: `id = ${ids.change}`,
      prisoner: `id = ${ids.bare}`,
      allocation: `prisoner_id = ${ids.theirs}`,
      co_working: `prisoner_id = ${ids.theirs}`,
      supervision_session: `id = ${ids.theirSession}`,
      early_allocation_assessment: `prisoner_id = ${ids.theirs}`,
      responsibility_override: `prisoner_id = ${ids.theirs}`,
      parole_review: `prisoner_id = ${ids.theirs}`,
      plan_version: `id = ${ids.plan}`,
      plan_entry: `plan_version_id = ${ids.plan}`,
      sign_off_step: `plan_version_id = ${ids.plan}`,
      imported_catalog: "catalog_id = 'probe'",
      comparison_import: "establishment_code = 'OTH'",
      user_preference: `user_key = '${me}'`,
      app_user: 'username = session_user',
      audit_log: 'true',
      com_handover: `prisoner_id = ${ids.theirs}`,
    }
    const all: Attempt[] = []
    for (const t of SHARED_TABLES) {
      const [col, where] = update[t]
      all.push(
        { table: t, op: 'select', sql: `select count(*) as n from ${t}` },
        { table: t, op: 'insert', sql: insert[t] },
        { table: t, op: 'update', sql: `update ${t} set ${col} = ${col} where ${where}`, column: col },
        { table: t, op: 'delete', sql: `delete from ${t} where ${del[t]}` },
      )
    }
    all.push(
      // Rows a row-level limit keeps out: other users' profiles and preferences, cases not allocated
      // to the POM, audit rows holding a sensitive note (for those who may not read one).
      { table: 'app_user', op: 'select', sql: 'select count(*) as n from app_user where username <> session_user', scope: 'outside' },
      { table: 'user_preference', op: 'select', sql: "select count(*) as n from user_preference where user_key = 'user:9999'", scope: 'outside' },
      { table: 'user_preference', op: 'insert', sql: "insert into user_preference (user_key, name, value) values ('user:9999', 'probe2', '{}')", scope: 'outside' },
      { table: 'user_preference', op: 'update', sql: "update user_preference set value = value where user_key = 'user:9999'", column: 'value', scope: 'outside' },
      { table: 'supervision_session', op: 'update', sql: `update supervision_session set recorded_on = recorded_on where id = ${ids.theirSession}`, column: 'recorded_on', scope: 'outside' },
      {
        table: 'supervision_session',
        op: 'insert',
        sql: `insert into supervision_session (prisoner_id, staff_id, date, in_person, mode, recorded_on, created_at) values (${ids.theirs}, ${ids.otherStaff}, '2026-11-20', 1, 'wing_interview_room', '2026-11-20', ${stamp})`,
        scope: 'outside',
      },
      // Issue 17: a POM assesses early allocation only on cases allocated to them.
      {
        table: 'early_allocation_assessment',
        op: 'insert',
        sql: `insert into early_allocation_assessment (prisoner_id, answers, oasys_date, created_on, outcome, created_within_referral_window, assessor, created_at) values (${ids.theirs}, '{}', '2026-11-01', '2026-11-23', 'ineligible', 1, 'x', ${stamp})`,
        scope: 'outside',
      },
      { table: 'early_allocation_assessment', op: 'update', sql: `update early_allocation_assessment set community_decision = community_decision where prisoner_id = ${ids.theirs}`, column: 'community_decision', scope: 'outside' },
      // Issue 17: COM details and the handover checklist only on the POM's own cases: allocated or
      // co-worked (spec D.4; PG migration 0018), so ids.theirs (co-worked) is in scope, ids.notMine not.
      { table: 'com_handover', op: 'insert', sql: `insert into com_handover (prisoner_id, updated_at) values (${ids.bare}, ${stamp})`, scope: 'outside' },
      { table: 'com_handover', op: 'update', sql: `update com_handover set com_name = com_name where prisoner_id = ${ids.notMine}`, column: 'com_name', scope: 'outside' },
      { table: 'com_handover', op: 'update', sql: `update com_handover set com_name = com_name where prisoner_id = ${ids.theirs}`, column: 'com_name' },
      // Columns outside the limits: an assessment is kept as saved, an override only ended.
      { table: 'early_allocation_assessment', op: 'update', sql: `update early_allocation_assessment set outcome = outcome where prisoner_id = ${ids.mine}`, column: 'outcome' },
      { table: 'responsibility_override', op: 'update', sql: `update responsibility_override set reason = reason where prisoner_id = ${ids.mine}`, column: 'reason' },
      { table: 'audit_log', op: 'select', sql: `select count(*) as n from audit_log where after like '%"notesSensitive":true%'`, scope: 'outside' },
      // Columns outside a column limit: a session is otherwise as recorded, an allocation's history as it was.
      { table: 'supervision_session', op: 'update', sql: `update supervision_session set notes = notes where id = ${ids.mySession}`, column: 'notes' },
      { table: 'allocation', op: 'update', sql: `update allocation set staff_id = staff_id where prisoner_id = ${ids.mine}`, column: 'staff_id' },
      // Issue 17: a co-working is only ended; who co-worked and from when stay as they were.
      { table: 'co_working', op: 'update', sql: `update co_working set staff_id = staff_id where prisoner_id = ${ids.theirs}`, column: 'staff_id' },
      // Sensitive notes (sensitiveNotes.ts): the text itself, and the column everyone may read.
      { table: 'supervision_session', op: 'select', sql: 'select count(notes) as n from supervision_session where notes_sensitive = 1', column: 'notes' },
      { table: 'supervision_session', op: 'select', sql: 'select count(notes_open) as n from supervision_session', column: 'notes_open' },
    )
    return all
  }

  describe.each(USER_ROLES)('a %s’s own login, connected directly', (role) => {
    it('gets exactly the table rights permissions.ts gives the role: every table, every operation', async () => {
      const client = clients.get(role) as pg.Client
      const got: string[] = []
      const want: string[] = []
      for (const a of attempts(role)) {
        const label = `${a.op} ${a.table}${a.column ? ` (${a.column})` : ''}${a.scope ? ' outside own rows' : ''}`
        got.push(`${label}: ${(await attempt(client, a.sql, a.op)).outcome}`)
        want.push(`${label}: ${expected(role, a)}`)
      }
      expect(got).toEqual(want)
    })

    it('cannot alter the audit trail or the server’s change log, disable their triggers, or turn row security off', async () => {
      const client = clients.get(role) as pg.Client
      await expectAllDenied(client, [
        'update audit_log set channel = channel',
        'delete from audit_log',
        'truncate audit_log',
        'alter table audit_log disable trigger all',
        'alter table audit_log disable trigger audit_log_stamp',
        'alter table audit_log no force row level security',
        'alter table supervision_session disable row level security',
        'drop policy audit_read on audit_log',
        "set session_replication_role = 'replica'",
        'insert into row_change_log (table_name, op) values (\'x\', \'insert\')',
        'update row_change_log set op = op',
        'delete from row_change_log',
        'truncate row_change_log',
        'alter table row_change_log disable trigger all',
      ])
      // The server's change log holds rows as they were, sensitive notes included: the HOMS's and the Governor's to read.
      expect((await attempt(client, 'select count(*) as n from row_change_log', 'select')).outcome).toBe(role === 'homs' || role === 'governor' ? 'allowed' : 'denied')
    })

    it('the audit trail’s triggers stand even behind the server’s administrator, who has every right', async () => {
      await expect(adminSql(homs, "update audit_log set channel = 'changed'")).rejects.toThrow(/append-only/)
      await expect(adminSql(homs, 'delete from row_change_log')).rejects.toThrow(/append-only/)
    })

    it('cannot make roles, grant itself another role, become the owner, or change what it is', async () => {
      const client = clients.get(role) as pg.Client
      const me = LOGIN[role]
      await expectAllDenied(client, [
        'create role probe_role',
        'create role probe_login login password \'probe probe probe\'',
        'grant omu_homs to current_user',
        'grant omu_owner to current_user',
        `grant omu_pom to "${me}"`,
        'set role omu_owner',
        `alter role "${me}" superuser`,
        `alter role "${me}" createrole`,
        `alter role "${me}" bypassrls`,
        `set session authorization "${role === 'homs' ? LOGIN.pom : LOGIN.homs}"`,
      ])
      // Only a HOMS manages logins, and only within the OMU roles (omu_set_login, migration 0002).
      const setLogin = await attemptError(client, "select omu_set_login('probe.login', 'pom', null, true)")
      if (role === 'homs') expect(setLogin).toMatch(/needs a password/)
      else expect(setLogin).toMatch(/permission denied/)
      if (role === 'homs') {
        expect(await attemptError(client, "select omu_set_login('omu_owner', 'homs', null, true)")).toMatch(/is not allowed|is not an OMU login/)
        // The server's administrator (a superuser) cannot be taken over as an OMU login.
        expect(await attemptError(client, `select omu_set_login('${String(workerCluster().admin.user)}', 'homs', null, true)`)).toMatch(/is not an OMU login/)
        expect(await attemptError(client, "select omu_set_login('probe.login', 'superuser', 'SCRAM-SHA-256$x', true)")).toMatch(/Unknown role/)
        // The copy of a data file's trail goes only into an empty trail.
        expect(await attemptError(client, "select omu_copy_audit('[]'::jsonb)")).toMatch(/already holds records/)
      }
    })

    it('cannot reach the server’s files or programs, or create functions, tables or temporary objects', async () => {
      const client = clients.get(role) as pg.Client
      await expectAllDenied(client, [
        "copy (select 1) to program 'id'",
        "copy audit_log to '/tmp/omu-audit.csv'",
        "copy audit_log from '/etc/passwd'",
        "select pg_read_file('/etc/passwd')",
        "create function public.probe() returns int language sql as 'select 1'",
        "create function pg_temp.probe() returns int language sql as 'select 1'",
        'create table public.probe (x int)',
        'create temp table probe (x int)',
        'create schema probe',
      ])
    })

    it('writes audit rows only as itself, at the server’s time, and leaves a row in the server’s change log for every change', async () => {
      const client = clients.get(role) as pg.Client
      await client.query('BEGIN')
      try {
        await client.query("insert into audit_log (at, user_id, username, role, channel, entity) values ('2000-01-01T00:00:00.000Z', 1, 'someone.else', 'homs', 'forged', 'probe')")
        const [row] = (await client.query("select username, role, user_id, at > '2026' as now_ish from audit_log where entity = 'probe'")).rows as { username: string; role: string; user_id: number; now_ish: boolean }[]
        expect(row).toEqual({ username: LOGIN[role], role, user_id: ids[`user_${role}`] ?? 1, now_ish: true })
      } finally {
        await client.query('ROLLBACK')
      }
      // A change made directly, with no audit row from the client, is still on record.
      const prefs = `user:${ids[`user_${role}`] ?? 1}`
      await client.query("update user_preference set value = '{\"changed\":true}' where user_key = $1 and name = 'probe'", [prefs])
      const logged = (await adminSql(homs, "select login, role, op, after->>'value' from row_change_log where table_name = 'user_preference' and row_key = $1 order by id desc limit 1", [`${prefs}/probe`])) as string[][]
      expect(logged[0]).toEqual([LOGIN[role], role, 'update', '{"changed":true}'])
    })

    it('reads sensitive note text only if the app lets the role read it; notes_open for everyone', async () => {
      const client = clients.get(role) as pg.Client
      const open = (await client.query('select id, notes_open from supervision_session order by id')).rows as { id: number; notes_open: string }[]
      expect(open).toEqual([
        { id: ids.mySession, notes_open: '' },
        { id: ids.theirSession, notes_open: '' },
        { id: ids.openSession, notes_open: 'Talked about work.' },
      ])
      const direct = await attempt(client, `select count(notes) as n from supervision_session where id = ${ids.mySession}`, 'select')
      expect(direct.outcome).toBe(mayReadSensitiveNotes(role) ? 'allowed' : 'denied')
    })
  })

  describe('the app answers as the database does (issue 14: app and database agree)', () => {
    it('the channel table covers the whole contract, and every mutating channel writes its audit row', () => {
      const keys = contractEntries().map((e) => `${e.domain}.${e.method}` as ChannelKey)
      expect(Object.keys(CHANNEL_TABLES).sort()).toEqual([...keys].sort())
      for (const e of contractEntries().filter((x) => x.def.kind === 'mutation')) {
        expect(CHANNEL_TABLES[`${e.domain}.${e.method}` as ChannelKey].audit_log, e.channel).toContain('insert')
      }
    })

    it('every table of the shared database has a rule (a new table without one fails)', async () => {
      // The server's own tables (the change log; the audit chain's heads, issue 15; who reads across a
      // group, issue 19) are no role's to use: db:audit-check checks them.
      const rows = (await adminSql(homs, "select tablename from pg_tables where schemaname = 'public' and tablename not in ('row_change_log', 'audit_chain_head', 'establishment_group_member', 'group_reader') order by 1")) as string[][]
      expect(rows.map((r) => r[0])).toEqual([...SHARED_TABLES].sort())
    })

    it('a profile whose role differs from its login’s group role is not signed in (the app would offer what the database refuses)', async () => {
      // Made by hand at a psql prompt by someone with the rights to do it: the profile says HOMD, the login is a POM's.
      await adminSql(homs, "update app_user set role = 'homd' where username = $1", [LOGIN.pom])
      const svc = await startTestServices({ userData: homs.userData, now: new Date('2026-11-23T10:00:00Z'), as: null })
      try {
        expect(await svc.call('omu:auth.signIn', { username: LOGIN.pom, password: PASSWORD })).toMatchObject({
          ok: false,
          error: { code: 'forbidden', message: 'Your database login is not set up for your role in OMU Desk (HOMD). Ask your HOMS to save your user profile again in Settings › Users.' },
        })
        expect(svc.runtime.store).toBeNull()
      } finally {
        await adminSql(homs, "update app_user set role = 'pom' where username = $1", [LOGIN.pom])
        await svc.close()
      }
    })

    it('re-authentication is the server’s check: a password changed on the server is the one a purge then needs', async () => {
      await must(homs.call('omu:users.save', { username: 'reauth.homs', displayName: 'Reauth Homs', role: 'homs', password: PASSWORD, yourPassword: TEST_PASSWORD }))
      const svc = await startTestServices({ userData: homs.userData, now: new Date('2026-11-23T10:00:00Z'), as: null })
      try {
        await must(svc.call('omu:auth.signIn', { username: 'reauth.homs', password: PASSWORD }))
        // IT resets the password on the server (the app keeps no copy to compare with).
        await adminSql(homs, `alter role "reauth.homs" password 'a password only the server knows'`)
        const purge = (password: string) => svc.call('omu:retention.purge', { prisonerIds: [ids.bare], confirm: true, password })
        expect(await purge(PASSWORD)).toMatchObject({ ok: false, error: { message: 'Password: enter your own password to purge records.' } })
        const withNew = await purge('a password only the server knows')
        // Past the password: the purge itself answers (the record is not past retention).
        expect(withNew).toMatchObject({ ok: false })
        expect(withNew.ok ? '' : withNew.error.message).not.toBe('Password: enter your own password to purge records.')
      } finally {
        await svc.close()
      }
    })

    it.each(USER_ROLES)('as %s, the app allows and refuses row-scoped changes exactly where the database does', async (role) => {
      const svc = await startTestServices({ userData: homs.userData, now: new Date('2026-11-23T10:00:00Z'), as: null })
      try {
        await must(svc.call('omu:auth.signIn', { username: LOGIN[role], password: role === 'homs' ? TEST_PASSWORD : PASSWORD }))
        const client = clients.get(role) as pg.Client
        const correct = (sessionId: number) => svc.call('omu:sessions.correctRecordedOn', { sessionId, recordedOn: '2026-11-19', reason: 'Entered on paper first' })
        const direct = async (sessionId: number) => (await attempt(client, `update supervision_session set recorded_on = '2026-11-19' where id = ${sessionId}`, 'update')).outcome
        for (const sessionId of [ids.mySession, ids.theirSession] as number[]) {
          const app = await correct(sessionId)
          const db = await direct(sessionId)
          expect(app.ok ? 'allowed' : 'refused', `app, session ${sessionId}`).toBe(db === 'allowed' ? 'allowed' : 'refused')
        }
        // Their own saved view: the app and the database both let every role keep one.
        const view = { pomId: null, status: [], responsibility: [], cohorts: [], dueWithinDays: null, search: '', sort: { column: 'name', direction: 'asc' } }
        expect((await svc.call('omu:prefs.setCaseloadView', view)).ok).toBe(true)
        // What they are shown of a sensitive note is what their login may read.
        const got = await must(svc.call('omu:prisoners.get', { prisonerId: ids.mine }))
        expect(got.sessions.map((s) => s.notes)).toEqual([mayReadSensitiveNotes(role) ? 'Disclosed a risk to a named officer.' : ''])
        // The audit row of the sensitive session: shown in the app exactly when the login may read it.
        const history = await must(svc.call('omu:audit.history', { entity: 'prisoner', entityId: String(ids.mine) }))
        const holdsNote = history.some((h) => JSON.stringify(h.after).includes('Disclosed a risk'))
        const [[visible]] = (await client.query({ text: `select count(*)::int from audit_log where entity = 'prisoner' and entity_id = '${ids.mine}' and after like '%Disclosed a risk%'`, rowMode: 'array' })).rows as [[number]]
        expect(holdsNote).toBe(mayReadSensitiveNotes(role))
        expect(visible > 0).toBe(holdsNote)
      } finally {
        await svc.close()
      }
    })
  })
})

/** Each statement refused for want of the right (42501), nothing changed. */
async function expectAllDenied(client: pg.Client, statements: string[]): Promise<void> {
  for (const sql of statements) expect((await attempt(client, sql)).outcome, sql).toBe('denied')
}

async function attemptError(client: pg.Client, sql: string): Promise<string> {
  await client.query('BEGIN')
  try {
    await client.query(sql)
    return 'no error'
  } catch (err) {
    return (err as Error).message
  } finally {
    await client.query('ROLLBACK')
  }
}
