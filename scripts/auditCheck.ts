import type pg from 'pg'
import { USER_ROLES, type UserRole } from '../shared/ipc/channels/auth'
import { FUNCTION_GRANTS, LIMITS, limitsOf, rightsOf, SHARED_TABLES, TABLE_OPS } from '../electron/services/databaseRights'
import { GROUP_ROLES, OWNER_ROLE } from '../db/shared/migrate'
import { ChainVerifier, type ChainCheck, type ChainedRow } from '../db/auditChain'

// `npm run db:audit-check` (issue 14): for the estate's IT, what a live shared OMU database lets
// each role do, compared with what the app lets it do (electron/services/databaseRights.ts, from
// permissions.ts). Read from the server's catalogues with an administrator's connection; changes
// nothing. Any right broader than the app's, a table that should have row-level security and has
// not, an audit trigger switched off, or a login with more than one role or any power of its own
// is a finding, and the command exits non-zero.

/** Every table privilege PostgreSQL has; the app's rules use the first four only. */
const PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] as const
const LETTER: Record<(typeof PRIVILEGES)[number], string> = { SELECT: 'S', INSERT: 'I', UPDATE: 'U', DELETE: 'D', TRUNCATE: 'T', REFERENCES: 'R', TRIGGER: 'G' }

/** Triggers the audit trail depends on (migrations 0001, 0005 and 0006): present and enabled. */
const AUDIT_TRIGGERS: [string, string][] = [
  ['audit_log', 'audit_log_no_update'],
  ['audit_log', 'audit_log_no_delete'],
  ['audit_log', 'audit_log_no_truncate'],
  ['audit_log', 'audit_log_stamp'],
  ['audit_log', 'audit_log_stamp_chain'],
  ['row_change_log', 'row_change_log_no_update'],
  ['row_change_log', 'row_change_log_no_delete'],
  ['row_change_log', 'row_change_log_no_truncate'],
  ...SHARED_TABLES.filter((t) => t !== 'audit_log').map((t): [string, string] => [t, `${t}_row_change`]),
]

export interface AuditCheckReport {
  /** One line per table: each role's rights as letters (S select, I insert, U update, D delete; lower case: some columns only) and row-level security. */
  table: string[]
  findings: string[]
}

const groupOf = (role: UserRole): string => GROUP_ROLES[role]

/** The server's own tables, none of them the app's (no role writes them; see the checks below). */
const SERVER_TABLES = ['row_change_log', 'audit_chain_head', 'establishment_group_member', 'group_reader'] as const

export async function auditCheck(db: pg.ClientBase): Promise<AuditCheckReport> {
  const findings: string[] = []
  const q = async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> => (await db.query<R>(sql, params)).rows

  const present = new Set((await q<{ t: string }>("select tablename as t from pg_tables where schemaname = 'public'")).map((r) => r.t))
  for (const t of SHARED_TABLES) if (!present.has(t)) findings.push(`Table ${t} is missing: run npm run db:migrate.`)
  for (const t of present) if (!(SHARED_TABLES as readonly string[]).includes(t) && !(SERVER_TABLES as readonly string[]).includes(t)) findings.push(`Table ${t} is not one of the app's: no role may use it, and this check does not know it.`)

  const rls = new Map((await q<{ t: string; on: boolean }>("select relname as t, relrowsecurity as on from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'")).map((r) => [r.t, r.on]))
  const table: string[] = [`${'table'.padEnd(20)} ${USER_ROLES.map((r) => r.padEnd(9)).join(' ')} row-level security`]

  for (const t of SHARED_TABLES) {
    if (!present.has(t)) continue
    const cells: string[] = []
    for (const role of USER_ROLES) {
      const group = groupOf(role)
      const want = rightsOf(role)[t]
      let cell = ''
      for (const priv of PRIVILEGES) {
        const whole = (await q<{ ok: boolean }>('select has_table_privilege($1, $2, $3) as ok', [group, `public.${t}`, priv]))[0]?.ok === true
        const some = ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'].includes(priv) && (await q<{ ok: boolean }>('select has_any_column_privilege($1, $2, $3) as ok', [group, `public.${t}`, priv]))[0]?.ok === true
        if (!whole && !some) continue
        cell += whole ? LETTER[priv] : LETTER[priv].toLowerCase()
        const op = priv.toLowerCase() as (typeof TABLE_OPS)[number]
        if (!(TABLE_OPS as readonly string[]).includes(op) || !want[op]) {
          findings.push(`${group} has ${priv} on ${t}; the app gives the ${role} role no ${priv} there.`)
          continue
        }
        // A column limit: no column outside it.
        for (const limit of limitsOf(role, t, op).filter((l) => l.columns)) {
          const extra = await q<{ c: string }>(
            `select attname as c from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and has_column_privilege($2, $1::regclass, attnum, $3) and not (attname = any($4))`,
            [`public.${t}`, group, priv, limit.columns],
          )
          for (const { c } of extra) findings.push(`${group} has ${priv} on ${t}.${c}; the app limits it to ${(limit.columns ?? []).join(', ')}.`)
        }
      }
      for (const op of TABLE_OPS) {
        if (want[op] && !cell.toUpperCase().includes(LETTER[op.toUpperCase() as (typeof PRIVILEGES)[number]])) findings.push(`${group} lacks ${op.toUpperCase()} on ${t}, which the app needs: the ${role}'s work will fail. Run npm run db:migrate.`)
      }
      cells.push((cell || '-').padEnd(9))
    }
    const needsRls = LIMITS.some((l) => l.table === t && l.rows)
    const on = rls.get(t) === true
    // Issue 19 (migration 0016): every table but a user's own preferences keeps each login to its establishment.
    if (t !== 'user_preference') {
      const kept = new Set((await q<{ cmd: string }>("select cmd from pg_policies where schemaname = 'public' and tablename = $1 and permissive = 'RESTRICTIVE' and policyname like '%_establishment_%'", [t])).map((r) => r.cmd))
      const missing = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'].filter((c) => !kept.has(c))
      if (!on || missing.length > 0) findings.push(`Table ${t} does not keep each login to its own establishment (${on ? `no establishment policy for ${missing.join(', ')}` : 'row-level security is off'}): run npm run db:migrate.`)
    }
    if (needsRls && !on) findings.push(`Row-level security is off on ${t}: the app's row limits (${LIMITS.filter((l) => l.table === t && l.rows).map((l) => l.rows).join('; ')}) are not enforced.`)
    table.push(`${t.padEnd(20)} ${cells.join(' ')} ${on ? 'on' : 'off'}`)
  }

  // The server's own change log: read by the HOMS and the Governor only, written by its trigger only.
  if (present.has('row_change_log')) {
    for (const role of USER_ROLES) {
      for (const priv of PRIVILEGES) {
        const ok = (await q<{ ok: boolean }>('select has_table_privilege($1, $2, $3) as ok', [groupOf(role), 'public.row_change_log', priv]))[0]?.ok === true
        const allowed = priv === 'SELECT' && (role === 'homs' || role === 'governor')
        if (ok && !allowed) findings.push(`${groupOf(role)} has ${priv} on row_change_log; only the HOMS and the Governor may read it, and nobody may write it.`)
      }
    }
  } else findings.push('The server’s change log (row_change_log) is missing: run npm run db:migrate.')

  // Tables only the server and its administrator touch: the audit trail's chain heads (issue 15,
  // migration 0007; the trigger writes them) and who may read across a group (issue 19, 0016).
  for (const t of ['audit_chain_head', 'establishment_group_member', 'group_reader'] as const) {
    if (!present.has(t)) continue
    for (const role of USER_ROLES) {
      for (const priv of PRIVILEGES) {
        const ok = (await q<{ ok: boolean }>('select has_table_privilege($1, $2, $3) as ok', [groupOf(role), `public.${t}`, priv]))[0]?.ok === true
        if (ok) findings.push(`${groupOf(role)} has ${priv} on ${t}; ${t === 'audit_chain_head' ? "only the audit trail's trigger" : 'only the database administrator'} may touch it.`)
      }
    }
  }
  if (present.has('audit_chain_head')) {
    // Each establishment's chain: every entry in order, none changed or removed (issue 15).
    for (const { establishment, check: chain } of await auditChainChecks(db)) {
      if (chain.ok) continue
      const b = chain.firstBrokenRow
      findings.push(`The audit trail's hash chain of establishment ${establishment} is broken at ${b?.id != null ? `entry ${b.id} (${b.at ?? 'no time'})` : 'its start'}: ${b?.problem ?? 'unknown'} (${chain.checkedRows} entries before it are intact).`)
    }
  } else findings.push('The audit trail’s chain head (audit_chain_head) is missing: run npm run db:migrate.')

  // Triggers of the audit trail: present and enabled ('D' is disabled).
  const triggers = new Map((await q<{ k: string; e: string }>("select c.relname || '.' || t.tgname as k, t.tgenabled as e from pg_trigger t join pg_class c on c.oid = t.tgrelid where not t.tgisinternal")).map((r) => [r.k, r.e]))
  for (const [t, name] of AUDIT_TRIGGERS) {
    const state = triggers.get(`${t}.${name}`)
    if (state === undefined) findings.push(`Trigger ${name} on ${t} is missing: the audit trail is not complete.`)
    else if (state === 'D') findings.push(`Trigger ${name} on ${t} is disabled: the audit trail is not complete.`)
  }

  // Functions: PUBLIC calls none; each role only those FUNCTION_GRANTS names.
  const fns = await q<{ name: string; oid: number; definer: boolean }>("select p.proname as name, p.oid::int as oid, p.prosecdef as definer from pg_proc p where p.pronamespace = 'public'::regnamespace")
  for (const f of fns) {
    const publicCan = (await q<{ ok: boolean }>("select exists (select 1 from aclexplode(coalesce((select proacl from pg_proc where oid = $1), acldefault('f', (select proowner from pg_proc where oid = $1)))) a where a.grantee = 0 and a.privilege_type = 'EXECUTE') as ok", [f.oid]))[0]?.ok
    if (publicCan) findings.push(`Everyone (PUBLIC) may call ${f.name}.`)
    for (const role of USER_ROLES) {
      const can = (await q<{ ok: boolean }>('select has_function_privilege($1, $2::oid, $3) as ok', [groupOf(role), f.oid, 'EXECUTE']))[0]?.ok === true
      const allowed = FUNCTION_GRANTS[f.name]?.includes(role) === true
      if (can && !allowed) findings.push(`${groupOf(role)} may call ${f.name}${f.definer ? ' (SECURITY DEFINER)' : ''}; the app's rules do not give it to the ${role} role.`)
    }
  }

  // Who owns what: the schema owner owns every table and no login is a member of it.
  const owners = await q<{ t: string; o: string }>("select c.relname as t, pg_get_userbyid(c.relowner) as o from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v', 'm', 'S') and pg_get_userbyid(c.relowner) <> $1", [OWNER_ROLE])
  for (const { t, o } of owners) findings.push(`${t} is owned by ${o}, not ${OWNER_ROLE}: its owner can change or drop it and bypass its rules.`)
  const owner = (await q<{ login: boolean }>('select rolcanlogin as login from pg_roles where rolname = $1', [OWNER_ROLE]))[0]
  if (!owner) findings.push(`The schema owner ${OWNER_ROLE} is missing.`)
  else if (owner.login) findings.push(`The schema owner ${OWNER_ROLE} can log in; it must be NOLOGIN.`)
  const ownerMembers = await q<{ u: string }>('select u.rolname as u from pg_auth_members m join pg_roles g on g.oid = m.roleid join pg_roles u on u.oid = m.member where g.rolname = $1 and not u.rolsuper', [OWNER_ROLE])
  for (const { u } of ownerMembers) findings.push(`${u} is a member of ${OWNER_ROLE} (it would own every table).`)

  // OMU logins: exactly one group role, and no power of their own.
  const logins = await q<{ u: string; groups: string[]; powers: boolean }>(
    `select u.rolname as u, array_agg(g.rolname::text order by g.rolname) as groups,
            (u.rolsuper or u.rolcreaterole or u.rolcreatedb or u.rolreplication or u.rolbypassrls) as powers
       from pg_auth_members m join pg_roles g on g.oid = m.roleid join pg_roles u on u.oid = m.member
      where g.rolname = any($1) group by u.rolname, powers`,
    [Object.values(GROUP_ROLES)],
  )
  for (const l of logins) {
    if (l.groups.length !== 1) findings.push(`Login ${l.u} is a member of ${l.groups.join(' and ')}; each login must have exactly one OMU role.`)
    if (l.powers) findings.push(`Login ${l.u} is an OMU login with powers of its own (superuser, create role or database, replication or bypass row security).`)
  }
  const groupsCanLogIn = await q<{ g: string }>('select rolname as g from pg_roles where rolname = any($1) and (rolcanlogin or rolsuper or rolbypassrls)', [Object.values(GROUP_ROLES)])
  for (const { g } of groupsCanLogIn) findings.push(`The group role ${g} can log in or has powers; it must be a plain NOLOGIN role.`)

  return { table, findings }
}

/**
 * The audit trail's hash chain checked with the administrator's connection (db/auditChain.ts; the
 * app's audit.checkChain does the same as the HOMS or Governor): the head first, then every row up
 * to it in chain order, a page at a time.
 */
export async function auditChainCheck(db: pg.ClientBase, establishment = 1): Promise<ChainCheck> {
  const head = (await db.query<{ seq: number; hash: string }>('select chain_seq as seq, chain_hash as hash from audit_chain_head where establishment_id = $1', [establishment])).rows[0]
  const verifier = new ChainVerifier()
  const outside = (await db.query<{ id: number; at: string }>('select id, at from audit_log where establishment_id = $1 and chain_seq is null order by id limit 1', [establishment])).rows[0]
  if (outside) verifier.unchained(outside)
  const columns = 'id, at, user_id as "userId", username, role, channel, entity, entity_id as "entityId", before, after, chain_seq as "chainSeq", salt, payload_digest as "payloadDigest", chain_hash as "chainHash"'
  let after = 0
  for (;;) {
    const rows = (await db.query<ChainedRow>(`select ${columns} from audit_log where establishment_id = $3 and chain_seq > $1 and chain_seq <= $2 order by chain_seq limit 2000`, [after, head?.seq ?? 0, establishment])).rows
    for (const r of rows) if (!verifier.add(r)) return verifier.finish()
    if (rows.length < 2000) break
    after = rows[rows.length - 1]?.chainSeq ?? after
  }
  return verifier.finish(head ? { chainSeq: head.seq, chainHash: head.hash } : null)
}

/** Every establishment's chain (issue 19: each establishment of a shared database has its own, migration 0016). */
export async function auditChainChecks(db: pg.ClientBase): Promise<{ establishment: number; check: ChainCheck }[]> {
  const ids = (await db.query<{ e: number }>('select establishment_id as e from audit_chain_head union select distinct establishment_id from audit_log order by 1')).rows.map((r) => r.e)
  const out: { establishment: number; check: ChainCheck }[] = []
  for (const establishment of ids.length > 0 ? ids : [1]) out.push({ establishment, check: await auditChainCheck(db, establishment) })
  return out
}

/** Server settings the README asks IT for; advice, not findings (a server may be run otherwise for good reason). */
export async function serverAdvice(db: pg.ClientBase): Promise<string[]> {
  const get = async (name: string) => ((await db.query<{ v: string }>('select current_setting($1, true) as v', [name])).rows[0]?.v ?? '')
  const advice: string[] = []
  if ((await get('ssl')) !== 'on') advice.push('ssl is off: clients cannot use verify-full (docs/SECURITY.md, Shared database).')
  if ((await get('password_encryption')) !== 'scram-sha-256') advice.push('password_encryption is not scram-sha-256.')
  if ((await get('log_connections')) !== 'on') advice.push('log_connections is off: sign-ins are not in the server log.')
  if (!(await get('shared_preload_libraries')).split(',').map((s) => s.trim()).includes('auth_delay')) advice.push('auth_delay is not loaded: the server does not slow down password guessing.')
  return advice
}
