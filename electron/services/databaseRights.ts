import { USER_ROLES, type UserRole } from '../../shared/ipc/channels/auth'
import type { ChannelKey } from '../../shared/ipc/contract'
import { RULES } from './permissions'
import { mayReadSensitiveNotes } from './sensitiveNotes'

// Issue 14: in the shared OMU database every user's sign-in is a PostgreSQL login, so anyone who
// can reach the server can connect with psql as themselves. The database must then allow each
// role exactly what the app allows it, and nothing more. This file says what each channel does to
// each table; with RULES (permissions.ts: which roles may call which channel) it gives the rights
// each role needs in the database (`rightsOf`). The grants and row-level policies of migration
// db/migrations-pg/0005_database_roles.sql are written to match, and two things check they do:
// test/integration/databaseRoles.test.ts tries every cell directly over a connection with each
// role's own login, and `npm run db:audit-check` compares a live server's grants with `rightsOf`.
// A new channel without an entry here is a compile error (the Record over ChannelKey); a new table
// without one fails the test.

/** Every table of the app's schema (db/schema), as the shared database names them. */
export const SHARED_TABLES = [
  'establishment',
  'app_setting',
  'staff',
  'pom_planned_change',
  'prisoner',
  'allocation',
  'co_working',
  'supervision_session',
  'early_allocation_assessment',
  'responsibility_override',
  'parole_review',
  'plan_version',
  'plan_entry',
  'sign_off_step',
  'imported_catalog',
  'comparison_import',
  'user_preference',
  'app_user',
  'audit_log',
  'com_handover',
] as const
export type SharedTable = (typeof SHARED_TABLES)[number]

export const TABLE_OPS = ['select', 'insert', 'update', 'delete'] as const
export type TableOp = (typeof TABLE_OPS)[number]

type Uses = Partial<Record<SharedTable, readonly TableOp[]>>

/** The tables every signed-in screen reads: cases, staff, the establishment and its plans. */
const READS_EVERYTHING: Uses = {
  establishment: ['select'],
  app_setting: ['select'],
  staff: ['select'],
  pom_planned_change: ['select'],
  prisoner: ['select'],
  allocation: ['select'],
  // Issue 17: a case's co-working POM is shown with it.
  co_working: ['select'],
  supervision_session: ['select'],
  // Issue 17: a case's early allocation and any responsibility override are shown with it.
  early_allocation_assessment: ['select'],
  responsibility_override: ['select'],
  parole_review: ['select'],
  plan_version: ['select'],
  plan_entry: ['select'],
  sign_off_step: ['select'],
  imported_catalog: ['select'],
  comparison_import: ['select'],
  // Issue 17: the COM's details and the handover checklist are shown with the case.
  com_handover: ['select'],
}
const OWN_PROFILE: Uses = { app_user: ['select'] }
const AUDIT_ROW: Uses = { audit_log: ['insert'] }
const NONE: Uses = {}

/** Every table of the schema, inserted into (a copy of a whole data file, the demo). */
const INSERTS_EVERYWHERE: Uses = Object.fromEntries(SHARED_TABLES.map((t) => [t, ['select', 'insert']]))

/**
 * What each channel's handler does to each table when it runs in the shared database as the
 * signed-in user's login (reads included). Every mutation also writes its audit row (AUDIT_ROW).
 * System channels that run before sign-in use no login of their own, except sign-in itself,
 * which reads the user's own profile.
 */
export const CHANNEL_TABLES: Record<ChannelKey, Uses> = {
  'app.status': NONE,
  // Issue 18: a renderer error goes to the log file, never to a table.
  'app.reportError': NONE,
  'recovery.restoreLatestBackup': NONE,
  'recovery.startNewFile': NONE,
  'recovery.enterRecoveryKey': NONE,
  // Issue 16: a signed-in user's own profile says whether they must choose a new password first.
  'auth.status': OWN_PROFILE,
  'storage.get': NONE,
  'storage.test': OWN_PROFILE,
  'storage.choose': NONE,
  'storage.copyToShared': { ...INSERTS_EVERYWHERE, user_preference: ['select', 'insert'], app_user: ['select', 'insert'] },
  'auth.createFirstUser': NONE,
  // Issue 15: the accepted sign-in is written to the audit trail as the user's own login.
  'auth.signIn': { ...OWN_PROFILE, ...AUDIT_ROW },
  'auth.signOut': NONE,
  // The password itself is changed by omu_set_own_password (SECURITY DEFINER), never by a grant;
  // so is the HOMS's request for a change at next sign-in cleared (issue 16, migration 0013), so
  // no role but the HOMS may update app_user.
  'auth.changePassword': { ...OWN_PROFILE, ...AUDIT_ROW },
  'users.list': { app_user: ['select'] },
  'users.save': { app_user: ['select', 'insert', 'update'], ...AUDIT_ROW },
  'users.unlock': { app_user: ['select', 'update'], ...AUDIT_ROW },
  'audit.history': { audit_log: ['select'] },
  // The chain's head is read through omu_audit_chain_head (FUNCTION_GRANTS).
  'audit.checkChain': { audit_log: ['select'] },
  'subjectAccess.export': { ...READS_EVERYTHING, audit_log: ['select'] },
  'catalogs.list': READS_EVERYTHING,
  'catalogs.check': READS_EVERYTHING,
  'catalogs.import': { ...READS_EVERYTHING, imported_catalog: ['select', 'insert'], ...AUDIT_ROW },
  'retention.review': READS_EVERYTHING,
  'retention.purge': { ...READS_EVERYTHING, early_allocation_assessment: ['select', 'delete'], responsibility_override: ['select', 'delete'], com_handover: ['select', 'delete'], prisoner: ['select', 'delete'], allocation: ['select', 'delete'], supervision_session: ['select', 'delete'], parole_review: ['select', 'delete'], co_working: ['select', 'delete'], ...AUDIT_ROW },
  'establishment.get': READS_EVERYTHING,
  'establishment.setup': { ...READS_EVERYTHING, establishment: ['select', 'insert'], app_setting: ['select', 'insert', 'update'], ...AUDIT_ROW },
  // Issue 17 (../shared/specs/mpc-rules.md D.5): a changed policy recalculates every case's handover record.
  'establishment.update': { ...READS_EVERYTHING, establishment: ['select', 'update'], app_setting: ['select', 'insert', 'update'], com_handover: ['select', 'update'], ...AUDIT_ROW },
  'settings.get': READS_EVERYTHING,
  // Issue 17 (../shared/specs/mpc-rules.md D.5): the handover settings recalculate every case's handover record.
  'settings.update': { ...READS_EVERYTHING, app_setting: ['select', 'insert', 'update'], com_handover: ['select', 'update'], ...AUDIT_ROW },
  'caseload.list': READS_EVERYTHING,
  'staff.list': READS_EVERYTHING,
  'staff.save': { ...READS_EVERYTHING, staff: ['select', 'insert', 'update'], ...AUDIT_ROW },
  'prisoners.get': READS_EVERYTHING,
  'prisoners.create': { ...READS_EVERYTHING, prisoner: ['select', 'insert'], ...AUDIT_ROW },
  // ../shared/specs/mpc-rules.md D.5: changed facts recalculate the case's handover record (and may reset its checklist).
  'prisoners.update': { ...READS_EVERYTHING, prisoner: ['select', 'update'], com_handover: ['select', 'update'], ...AUDIT_ROW },
  'sessions.record': { ...READS_EVERYTHING, supervision_session: ['select', 'insert'], ...AUDIT_ROW },
  // A POM only on cases allocated to them (row-level policy; ROW_LIMITS).
  'sessions.correctRecordedOn': { ...READS_EVERYTHING, supervision_session: ['select', 'update'], ...AUDIT_ROW },
  // Issues 17 and 20: a case's parole reviews (HOMD, HOMS, as prisoners.update), filed under the prisoner.
  'parole.list': READS_EVERYTHING,
  // D.5: a review recalculates the case's handover record, as changed facts do.
  'parole.add': { ...READS_EVERYTHING, parole_review: ['select', 'insert'], com_handover: ['select', 'update'], ...AUDIT_ROW },
  'parole.correct': { ...READS_EVERYTHING, parole_review: ['select', 'update'], com_handover: ['select', 'update'], ...AUDIT_ROW },
  'parole.cases': READS_EVERYTHING,
  // Issue 17 (../shared/specs/mpc-rules.md B, C): early allocation by the case's POM (row-level
  // policy; LIMITS) or a HOMD; overrides by the HOMD; both filed under the prisoner.
  'caseWork.earlyAllocation': READS_EVERYTHING,
  // D.5: early allocation brings the handover forward, so the case's handover record is recalculated.
  'caseWork.assessEarlyAllocation': { ...READS_EVERYTHING, early_allocation_assessment: ['select', 'insert'], com_handover: ['select', 'update'], ...AUDIT_ROW },
  'caseWork.recordCommunityDecision': { ...READS_EVERYTHING, early_allocation_assessment: ['select', 'update'], com_handover: ['select', 'update'], ...AUDIT_ROW },
  // Spec C.1: the drafted referral opens in the user's email program; nothing is written.
  'caseWork.draftReferral': READS_EVERYTHING,
  'caseWork.overrides': READS_EVERYTHING,
  'caseWork.setOverride': { ...READS_EVERYTHING, responsibility_override: ['select', 'insert', 'update'], ...AUDIT_ROW },
  'caseWork.endOverride': { ...READS_EVERYTHING, responsibility_override: ['select', 'update'], ...AUDIT_ROW },
  'caseWork.recommendPomType': READS_EVERYTHING,
  'allocations.overview': READS_EVERYTHING,
  'allocations.allocate': { ...READS_EVERYTHING, allocation: ['select', 'insert', 'update'], co_working: ['select', 'update'], ...AUDIT_ROW },
  // Issue 17: a co-working POM's start and end (HOMD, HOMS); a bulk reallocation ends and starts
  // allocations, and ends a co-working where its POM takes the case.
  'coworking.assign': { ...READS_EVERYTHING, co_working: ['select', 'insert', 'update'], ...AUDIT_ROW },
  'coworking.end': { ...READS_EVERYTHING, co_working: ['select', 'update'], ...AUDIT_ROW },
  'reallocation.preview': READS_EVERYTHING,
  'reallocation.apply': { ...READS_EVERYTHING, allocation: ['select', 'insert', 'update'], co_working: ['select', 'update'], ...AUDIT_ROW },
  'due.overview': READS_EVERYTHING,
  // Issue 16: cases, staff, settings and the RRMP's latest version, entries and sign-off record.
  'home.get': READS_EVERYTHING,
  // Issue 17: a POM only on a case allocated to them (row-level policy; LIMITS).
  'handover.get': READS_EVERYTHING,
  'handover.lists': READS_EVERYTHING,
  // The daily handover check (dispatcher.ts dailyHandoverCheck; ../shared/specs/mpc-rules.md D.5) is
  // no channel: it runs for the roles that may call this one, with these rights (com_handover
  // select and update, an audit row), on the rows the role may change.
  'handover.saveDetails': { ...READS_EVERYTHING, com_handover: ['select', 'insert', 'update'], ...AUDIT_ROW },
  'handover.tickTask': { ...READS_EVERYTHING, com_handover: ['select', 'insert', 'update'], ...AUDIT_ROW },
  'handover.notifyCommunity': { ...READS_EVERYTHING, com_handover: ['select', 'insert', 'update'], ...AUDIT_ROW },
  'prefs.getCaseloadView': { user_preference: ['select'] },
  'prefs.setCaseloadView': { user_preference: ['select', 'insert', 'update'], ...AUDIT_ROW },
  'caseImport.preview': READS_EVERYTHING,
  // Issue 17: COM details (as handover.saveDetails) and allocations (as allocations.allocate) too.
  'caseImport.commit': { ...READS_EVERYTHING, prisoner: ['select', 'insert', 'update'], supervision_session: ['select', 'insert'], com_handover: ['select', 'insert', 'update'], allocation: ['select', 'insert', 'update'], co_working: ['select', 'update'], ...AUDIT_ROW },
  'caseImport.saveTemplate': NONE,
  'demo.create': { ...INSERTS_EVERYWHERE, app_setting: ['select', 'insert', 'update'], allocation: ['select', 'insert', 'update'], ...AUDIT_ROW },
  'rrmp.plan': READS_EVERYTHING,
  'rrmp.catalog': READS_EVERYTHING,
  'rrmp.start': { ...READS_EVERYTHING, plan_version: ['select', 'insert'], plan_entry: ['select', 'insert'], ...AUDIT_ROW },
  // The plan's stages are the establishment's (its current and target stage follow).
  'rrmp.setStages': { ...READS_EVERYTHING, plan_version: ['select', 'update'], establishment: ['select', 'update'], ...AUDIT_ROW },
  'rrmp.updateEntry': { ...READS_EVERYTHING, plan_entry: ['select', 'update'], plan_version: ['select', 'update'], ...AUDIT_ROW },
  'rrmp.submit': { ...READS_EVERYTHING, plan_version: ['select', 'update'], sign_off_step: ['select', 'insert'], ...AUDIT_ROW },
  'rrmp.newVersion': { ...READS_EVERYTHING, plan_version: ['select', 'insert', 'update'], plan_entry: ['select', 'insert'], ...AUDIT_ROW },
  'readiness.decide': { ...READS_EVERYTHING, plan_version: ['select', 'update'], sign_off_step: ['select', 'insert'], ...AUDIT_ROW },
  'readiness.document': READS_EVERYTHING,
  'readiness.caseload': READS_EVERYTHING,
  'readiness.export': READS_EVERYTHING,
  'readiness.importComparison': { ...READS_EVERYTHING, comparison_import: ['select', 'insert'], ...AUDIT_ROW },
  'readiness.comparisons': READS_EVERYTHING,
  'readiness.removeComparison': { ...READS_EVERYTHING, comparison_import: ['select', 'delete'], ...AUDIT_ROW },
  // Issue 19: reads only (the live readiness document and the imported exports).
  'group.view': READS_EVERYTHING,
  'group.export': READS_EVERYTHING,
  // Issue 19: the resourcing plan reads cases, staff, planned changes and the settings; a POM's
  // capacity facts are staff columns; planned changes are added and removed, never updated; the
  // HOMS's inputs are an establishment setting (app_setting 'resourcingInputs').
  'resourcing.get': READS_EVERYTHING,
  'resourcing.capacity': READS_EVERYTHING,
  'resourcing.savePom': { ...READS_EVERYTHING, staff: ['select', 'update'], ...AUDIT_ROW },
  'resourcing.addChange': { ...READS_EVERYTHING, pom_planned_change: ['select', 'insert'], ...AUDIT_ROW },
  'resourcing.removeChange': { ...READS_EVERYTHING, pom_planned_change: ['select', 'delete'], ...AUDIT_ROW },
  'resourcing.saveInputs': { ...READS_EVERYTHING, app_setting: ['select', 'insert', 'update'], ...AUDIT_ROW },
  // Backups and restores are the SQLite file's; in the shared database they are IT's (refused in words).
  'backup.list': NONE,
  'backup.backUpNow': NONE,
  'backup.chooseFile': NONE,
  'backup.restore': NONE,
  'backup.exportRecoveryKey': NONE,
}

/**
 * Where a right covers only some rows or columns (the row-level policies and column grants of
 * migration 0005). `rows` / `columns` say which, in words for `npm run db:audit-check` and the docs.
 */
export interface Limit {
  table: SharedTable
  op: TableOp
  roles: readonly UserRole[]
  rows?: string
  /** The only columns this right covers (all others refused). */
  columns?: readonly string[]
}

const NOT_HOMS = USER_ROLES.filter((r) => r !== 'homs')

export const LIMITS: readonly Limit[] = [
  // A POM records a session only as themselves (issue 15; sessions.record, sessionHeldBy).
  { table: 'supervision_session', op: 'insert', roles: ['pom'], rows: 'sessions recorded as themselves (their own staff record)' },
  // "A POM may correct only sessions of their own allocations" (issue 7; sessions.correctRecordedOn).
  { table: 'supervision_session', op: 'update', roles: ['pom'], rows: 'sessions on cases allocated to them (an open allocation to their staff record)' },
  // Only the record's date of entry and its reason are ever corrected; a session is otherwise as recorded.
  { table: 'supervision_session', op: 'update', roles: ['pom', 'homd', 'homs'], columns: ['recorded_on', 'recorded_on_reason'] },
  // Reallocation ends the open allocation (end_date); history is never rewritten.
  { table: 'allocation', op: 'update', roles: ['homd', 'homs'], columns: ['end_date'] },
  // Issue 17: ending a co-working sets its end date alone, as for allocations.
  { table: 'co_working', op: 'update', roles: ['homd', 'homs'], columns: ['end_date'] },
  // The sensitive-notes rule: everything but `notes`; `notes_open` holds the note unless it is sensitive.
  {
    table: 'supervision_session',
    op: 'select',
    roles: USER_ROLES.filter((r) => !mayReadSensitiveNotes(r)),
    // recorded_by: issue 16, migration 0015_session_recorded_by.
    columns: ['id', 'prisoner_id', 'staff_id', 'date', 'in_person', 'mode', 'duration_minutes', 'notes_sensitive', 'notes_open', 'recorded_on', 'recorded_on_reason', 'recorded_by', 'created_at'],
  },
  { table: 'audit_log', op: 'select', roles: USER_ROLES.filter((r) => !mayReadSensitiveNotes(r)), rows: 'rows that hold no sensitive note' },
  // Issue 17: COM details and the handover checklist are "editable by HOMD and the case's POM" (migration 0010_com_handover).
  { table: 'com_handover', op: 'insert', roles: ['pom'], rows: 'cases allocated to them (an open allocation to their staff record)' },
  { table: 'com_handover', op: 'update', roles: ['pom'], rows: 'cases allocated to them (an open allocation to their staff record)' },
  // Issue 17: a POM assesses early allocation, and records the community's decision, only on cases allocated to them (migration 0011_case_work).
  { table: 'early_allocation_assessment', op: 'insert', roles: ['pom'], rows: 'cases allocated to them (an open allocation to their staff record)' },
  { table: 'early_allocation_assessment', op: 'update', roles: ['pom'], rows: 'cases allocated to them (an open allocation to their staff record)' },
  // An assessment is kept as saved; only the community's decision is added later.
  { table: 'early_allocation_assessment', op: 'update', roles: ['pom', 'homd', 'homs'], columns: ['community_decision', 'community_decision_on', 'community_decision_by'] },
  // An override is ended, never rewritten.
  { table: 'responsibility_override', op: 'update', roles: ['homd', 'homs'], columns: ['ended_on'] },
  { table: 'app_user', op: 'select', roles: NOT_HOMS, rows: 'their own profile' },
  { table: 'user_preference', op: 'select', roles: NOT_HOMS, rows: 'their own preferences' },
  { table: 'user_preference', op: 'insert', roles: NOT_HOMS, rows: 'their own preferences' },
  { table: 'user_preference', op: 'update', roles: NOT_HOMS, rows: 'their own preferences' },
]

/** The channels a role may call (RULES): public ones, and those for signed-in users or for its role. */
function channelsOf(role: UserRole): ChannelKey[] {
  return (Object.keys(RULES) as ChannelKey[]).filter((k) => {
    const rule = RULES[k]
    return rule.kind !== 'roles' || rule.roles.includes(role)
  })
}

export type Rights = Record<SharedTable, Record<TableOp, boolean>>

/** The table rights a role needs in the database: the union over the channels it may call. */
export function rightsOf(role: UserRole): Rights {
  const rights = Object.fromEntries(SHARED_TABLES.map((t) => [t, { select: false, insert: false, update: false, delete: false }])) as Rights
  for (const key of channelsOf(role)) {
    for (const [table, ops] of Object.entries(CHANNEL_TABLES[key]) as [SharedTable, readonly TableOp[]][]) {
      for (const op of ops) rights[table][op] = true
    }
  }
  return rights
}

/** The limit on a role's right, if any (rows or columns). */
export function limitsOf(role: UserRole, table: SharedTable, op: TableOp): Limit[] {
  return LIMITS.filter((l) => l.table === table && l.op === op && l.roles.includes(role))
}

/**
 * The functions each role may call (migration 0005): the SECURITY DEFINER ones are the only way to
 * manage logins, change one's own password or copy a data file's trail; the others are read by
 * row-level policies and the audit stamp as the caller. PUBLIC may call none.
 */
export const FUNCTION_GRANTS: Record<string, readonly UserRole[]> = {
  omu_ordinary_record: USER_ROLES,
  omu_set_login: ['homs'],
  omu_set_own_password: USER_ROLES,
  omu_align_sequences: ['homs'],
  omu_copy_audit: ['homs'],
  omu_app_role: USER_ROLES,
  omu_my_user_id: USER_ROLES,
  omu_is_my_case: ['pom'],
  // Issue 17 (migration 0018): the COM details and checklist of a case the POM is allocated or co-works.
  omu_works_on_case: ['pom'],
  omu_my_staff_id: ['pom'],
  // retention.purge: the purged person's copies in the audit trail and the change log (issue 15).
  omu_forget_prisoner: ['homs'],
  // audit.checkChain: the end of the audit trail's hash chain (issue 15, migration 0007).
  omu_audit_chain_head: ['homs', 'governor'],
  omu_holds_sensitive_note: USER_ROLES.filter((r) => !mayReadSensitiveNotes(r)),
  // audit.history: the writers' display names in a record's history (issue 16, migration 0014).
  omu_user_display_names: USER_ROLES,
  // Issue 19 (migration 0016): the establishment dimension. Every row policy calls the first three
  // (so every role must be able to), and group.view lists a group reader's establishments.
  omu_my_establishment: USER_ROLES,
  omu_read_establishment: USER_ROLES,
  omu_new_row_establishment: USER_ROLES,
  omu_group_establishments: USER_ROLES,
}
