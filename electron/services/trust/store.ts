import { and, asc, count, desc, eq, gt, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm'
import { ChainVerifier, type ChainCheck } from '../../../db/auditChain'
import { allocation, appUser, auditLog, coWorking, comHandover, earlyAllocationAssessment, responsibilityOverride, paroleReview, prisoner, staff, supervisionSession } from '../../../db/schema'
import type { Db, StoreConn } from '../../../db/store/types'
import type { AuditEntry, User, UserEntry } from '../../../shared/ipc/channels/auth'

// The trust domain's store functions (issue 13: data access in one layer per domain): users and
// sign-in bookkeeping, the audit trail's reads, and what subject access and retention read and
// delete. The only code of this domain that knows the tables; every function takes the request's
// `Db` (a connection or a write transaction) and is written once for both backends.
//
// The audit trail's one writer, `writeAudit`, stays in ../audit.ts (the dispatcher writes every
// mutation's rows through it, whatever the domain); it is re-exported here for this domain's code.

export { writeAudit, type AuditRecord } from '../audit'

// ---------------------------------------------------------------- users

export type UserRow = typeof appUser.$inferSelect
type UserFields = Pick<typeof appUser.$inferInsert, 'username' | 'displayName' | 'role' | 'staffId' | 'active' | 'updatedAt' | 'passwordChangeRequired'>

export function toUser(r: UserRow): User {
  return { id: r.id, username: r.username, displayName: r.displayName, role: r.role as User['role'], staffId: r.staffId, active: r.active }
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.select({ n: count() }).from(appUser).get()
  return row?.n ?? 0
}

/** Every user profile, by name. */
export async function listUsers(db: Db): Promise<UserEntry[]> {
  const rows = await db.select().from(appUser).orderBy(appUser.displayName).all()
  return rows.map((r) => ({ ...toUser(r), failedSignIns: r.failedAttempts, passwordChangeRequired: Boolean(r.passwordChangeRequired) }))
}

/** The whole row (password hash and failed attempts included): for sign-in and its bookkeeping only. */
export async function userRowByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.select().from(appUser).where(eq(appUser.username, username)).get()
}

export async function userRowById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.select().from(appUser).where(eq(appUser.id, id)).get()
}

/** A user's password hash, to check a password asked for again (sign-off steps). */
export async function passwordHashOf(db: Db, id: number): Promise<string | undefined> {
  const row = await db.select({ hash: appUser.passwordHash }).from(appUser).where(eq(appUser.id, id)).get()
  return row?.hash
}

/** The id of the user with this username, if any (to refuse a taken one). */
export async function userIdByUsername(db: Db, username: string): Promise<number | undefined> {
  const row = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, username)).get()
  return row?.id
}

export async function insertUser(db: Db, fields: UserFields & { passwordHash: string; createdAt: string }): Promise<User> {
  return toUser(await db.insert(appUser).values(fields).returning().get())
}

/** Changes a user's profile (and password, when given); undefined when there is no such user. */
export async function updateUser(db: Db, id: number, fields: UserFields & { passwordHash?: string }): Promise<User | undefined> {
  const row = await db.update(appUser).set(fields).where(eq(appUser.id, id)).returning().get()
  return row ? toUser(row) : undefined
}

/** Active HOMS users other than `exceptId`: someone must remain able to administer the app. */
export async function otherActiveHomsCount(db: Db, exceptId: number): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(appUser)
    .where(and(eq(appUser.role, 'homs'), eq(appUser.active, true), ne(appUser.id, exceptId)))
    .get()
  return row?.n ?? 0
}

/**
 * One more failed sign-in; the count after it. Incremented in the database, not from the value
 * read at sign-in, so two failures at once (two windows, or two computers on the shared database)
 * both count.
 */
export async function recordFailedSignIn(db: Db, id: number): Promise<number> {
  const row = await db
    .update(appUser)
    .set({ failedAttempts: sql`${appUser.failedAttempts} + 1` })
    .where(eq(appUser.id, id))
    .returning({ n: appUser.failedAttempts })
    .get()
  return row?.n ?? 0
}

/** After a good sign-in, or a HOMS's unlock (the caller writes only when there is something to reset). */
export async function clearFailedSignIns(db: Db, id: number): Promise<void> {
  await db
    .update(appUser)
    .set({ failedAttempts: 0 })
    .where(eq(appUser.id, id))
    .run()
}

/**
 * What each request checks again (issue 15): whether the user is still active and in which role,
 * by primary key; undefined when the profile is gone. In the shared database the same statement
 * also says the app role of the login this connection signed in with (migration 0005), which
 * decides what the server lets it do.
 */
export async function userStanding(
  c: StoreConn,
  id: number,
): Promise<{ active: boolean; role: string; username: string; passwordChangeRequired: boolean; loginRole?: string | null } | undefined> {
  // Issue 16: with whether they must choose a new password first (migration 0015), in the same read.
  const fields = { active: appUser.active, role: appUser.role, username: appUser.username, passwordChangeRequired: appUser.passwordChangeRequired }
  if (c.dialect !== 'postgres') return c.db.select(fields).from(appUser).where(eq(appUser.id, id)).get()
  const row = await c.db
    .select({ ...fields, loginRole: sql<string | null>`omu_app_role(session_user)` })
    .from(appUser)
    .where(eq(appUser.id, id))
    .get()
  // The shared database's flags are integers (db/schema-pg); the SQLite schema's reads give booleans.
  return row ? { ...row, active: Boolean(row.active), passwordChangeRequired: Boolean(row.passwordChangeRequired) } : undefined
}

/**
 * Replaces a user's password hash with a stronger one of the same password (issue 15: upgraded at
 * sign-in), only if it is still the hash that was checked: a HOMS's new password set meanwhile wins.
 */
export async function upgradePasswordHash(db: Db, id: number, checked: string, stronger: string): Promise<void> {
  await db
    .update(appUser)
    .set({ passwordHash: stronger })
    .where(and(eq(appUser.id, id), eq(appUser.passwordHash, checked)))
    .run()
}

// ---------------------------------------------------------------- sign-in events (audit rows)

/**
 * Sign-in events are audit rows of entity 'sign_in' whose entity id is what happened ('refused':
 * a wrong password or an unknown username; 'not_allowed': refused for another reason; 'accepted';
 * 'paused': the installation's limit reached). Keyed so, the audit trail's index (entity,
 * entity_id, id) finds the latest refusals newest first without reading the rest of the trail.
 */
export const SIGN_IN_ENTITY = 'sign_in'

/** When `userId`'s latest refused sign-in was (ISO time), if any. */
export async function lastRefusalAt(db: Db, userId: number): Promise<string | undefined> {
  const row = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.entity, SIGN_IN_ENTITY), eq(auditLog.entityId, 'refused'), eq(auditLog.userId, userId)))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get()
  return row?.at
}

/** When the `nth` latest refused sign-in on this installation was, whoever it was for (1: the latest). */
export async function nthLatestRefusalAt(db: Db, nth: number): Promise<string | undefined> {
  const row = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.entity, SIGN_IN_ENTITY), eq(auditLog.entityId, 'refused')))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .offset(nth - 1)
    .get()
  return row?.at
}

/**
 * The user's own new password (auth.changePassword). Issue 16: choosing it is what clears a
 * change the HOMS asked for, in the same statement (the shared database's twin is
 * omu_set_own_password, migration 0013).
 */
export async function setPasswordHash(db: Db, id: number, passwordHash: string, at: Date): Promise<void> {
  await db.update(appUser).set({ passwordHash, passwordChangeRequired: false, updatedAt: at.toISOString() }).where(eq(appUser.id, id)).run()
}

/** Issue 16: whether this user must choose a new password before anything else (the HOMS set or reset theirs). */
export async function passwordChangeRequired(db: Db, id: number): Promise<boolean> {
  const row = await db.select({ required: appUser.passwordChangeRequired }).from(appUser).where(eq(appUser.id, id)).get()
  return Boolean(row?.required)
}

// ---------------------------------------------------------------- audit trail (reads)

/**
 * Display names by username (issue 16: the record history names people, not logins). On the shared
 * database only the HOMS may read every profile, so the names come through omu_user_display_names
 * (migration-pg 0014), which gives names and nothing else; the local file reads the table.
 */
export async function displayNamesByUsername(conn: StoreConn): Promise<Map<string, string>> {
  if (conn.dialect === 'postgres') {
    const rows = await conn.sql.rows<[string, string]>('select username, display_name from omu_user_display_names()')
    return new Map(rows.map(([username, name]) => [username, name]))
  }
  const rows = await conn.db.select({ username: appUser.username, name: appUser.displayName }).from(appUser).all()
  return new Map(rows.map((r) => [r.username, r.name]))
}

/** The audit history of one record, newest first (the last 500 changes), each writer by display name where known. */
export async function auditHistory(conn: StoreConn, entity: string, entityId: string): Promise<AuditEntry[]> {
  const names = await displayNamesByUsername(conn)
  const rows = await conn.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(500)
    .all()
  return rows.map((r) => ({
    ...r,
    displayName: names.get(r.username) ?? null,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }))
}

// ---------------------------------------------------------------- subject access

export type AuditRow = typeof auditLog.$inferSelect
export type SessionRow = typeof supervisionSession.$inferSelect
export type AllocationRow = typeof allocation.$inferSelect
export type PrisonerRow = typeof prisoner.$inferSelect

/** Everything held about one prisoner, as stored (null when there is no such prisoner). */
export interface SubjectAccessRows {
  prisoner: PrisonerRow
  /** Staff names by id. */
  staffNames: Map<number, string>
  /** By date, oldest first. */
  sessions: SessionRow[]
  /** By start date, oldest first. */
  allocations: AllocationRow[]
  /** The prisoner's audit rows and those of their sessions, oldest first. */
  audits: AuditRow[]
}

export async function subjectAccessRows(db: Db, prisonerId: number): Promise<SubjectAccessRows | null> {
  const p = await db.select().from(prisoner).where(eq(prisoner.id, prisonerId)).get()
  if (!p) return null
  const staffRows = await db.select({ id: staff.id, name: staff.name }).from(staff).all()
  // The id breaks ties of the same day, so the order is the same on both backends.
  const sessions = await db.select().from(supervisionSession).where(eq(supervisionSession.prisonerId, prisonerId)).orderBy(supervisionSession.date, supervisionSession.id).all()
  const sessionIds = sessions.map((s) => String(s.id))
  const audits = await db
    .select()
    .from(auditLog)
    .where(or(and(eq(auditLog.entity, 'prisoner'), eq(auditLog.entityId, String(prisonerId))), sessionIds.length ? and(eq(auditLog.entity, 'session'), inArray(auditLog.entityId, sessionIds)) : undefined))
    .orderBy(auditLog.id)
    .all()
  const allocations = await db.select().from(allocation).where(eq(allocation.prisonerId, prisonerId)).orderBy(allocation.startDate, allocation.id).all()
  return { prisoner: p, staffNames: new Map(staffRows.map((s) => [s.id, s.name])), sessions, allocations, audits }
}

// ---------------------------------------------------------------- retention

/** Released records whose release day is before `cutoff` (past the retention period), oldest release first. */
export async function releasedBeforeCutoff(db: Db, cutoff: string): Promise<Pick<PrisonerRow, 'id' | 'prisonNumber' | 'firstName' | 'lastName' | 'releasedOn'>[]> {
  return db
    .select({ id: prisoner.id, prisonNumber: prisoner.prisonNumber, firstName: prisoner.firstName, lastName: prisoner.lastName, releasedOn: prisoner.releasedOn })
    .from(prisoner)
    .where(and(eq(prisoner.status, 'released'), lt(prisoner.releasedOn, cutoff)))
    .orderBy(asc(prisoner.releasedOn), asc(prisoner.id))
    .all()
}

export async function prisonersByIds(db: Db, ids: readonly number[]): Promise<PrisonerRow[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(prisoner)
    .where(inArray(prisoner.id, [...ids]))
    .orderBy(prisoner.id)
    .all()
}

/** Deletes a prisoner's record with their sessions and allocations; says how many of each went. */
export async function purgePrisoner(db: Db, prisonerId: number): Promise<{ sessions: number; allocations: number; sessionIds: number[] }> {
  const sessions = await db.delete(supervisionSession).where(eq(supervisionSession.prisonerId, prisonerId)).returning({ id: supervisionSession.id }).all()
  const allocations = await db.delete(allocation).where(eq(allocation.prisonerId, prisonerId)).returning({ id: allocation.id }).all()
  // Issue 17: the COM's details, checklist and VLO contact go with the record.
  await db.delete(comHandover).where(eq(comHandover.prisonerId, prisonerId)).run()
  // Issues 17 and 20: their parole reviews go with them (dates and outcomes of this person's case).
  await db.delete(paroleReview).where(eq(paroleReview.prisonerId, prisonerId)).run()
  // Issue 17: their early allocation assessments and responsibility overrides go with them.
  await db.delete(earlyAllocationAssessment).where(eq(earlyAllocationAssessment.prisonerId, prisonerId)).run()
  await db.delete(responsibilityOverride).where(eq(responsibilityOverride.prisonerId, prisonerId)).run()
  // Issue 17: their co-working history goes with them.
  await db.delete(coWorking).where(eq(coWorking.prisonerId, prisonerId)).run()
  await db.delete(prisoner).where(eq(prisoner.id, prisonerId)).run()
  return { sessions: sessions.length, allocations: allocations.length, sessionIds: sessions.map((r) => r.id) }
}

/** What a purged person's audit rows keep of their records' contents (issue 15). */
export const PURGED = '{"purged":true}'

/**
 * Issue 15: after a purge, the audit trail keeps what happened, when, by whom and on which record
 * id, and forgets its copies of the person's records: every row about the prisoner or one of
 * their sessions has its before and after replaced by the marker (the file's append-only trigger
 * allows exactly that, migration 0008). In the shared database the server's change log of their
 * rows too, through omu_forget_prisoner (the HOMS's, SECURITY DEFINER, migration 0006), since no
 * login may change either table itself.
 */
export async function forgetPrisoner(conn: StoreConn, prisonerId: number, sessionIds: readonly number[]): Promise<void> {
  if (conn.dialect === 'postgres') {
    await conn.sql.exec('select omu_forget_prisoner(?, ?::integer[])', [prisonerId, `{${sessionIds.join(',')}}`])
    return
  }
  const about = or(
    and(eq(auditLog.entity, 'prisoner'), eq(auditLog.entityId, String(prisonerId))),
    sessionIds.length ? and(eq(auditLog.entity, 'session'), inArray(auditLog.entityId, sessionIds.map(String))) : undefined,
  )
  await conn.db
    .update(auditLog)
    .set({ before: sql`case when ${auditLog.before} is null then null else ${PURGED} end`, after: sql`case when ${auditLog.after} is null then null else ${PURGED} end` })
    .where(about)
    .run()
}

// ---------------------------------------------------------------- the audit trail's chain (issue 15)

const CHAIN_PAGE = 2000

/**
 * Whether the audit trail is whole: every row in its chain, in order, none changed or removed
 * (db/auditChain.ts). Read a page at a time in chain order. In the shared database the chain's
 * head (omu_audit_chain_head, migration 0007) is read first, and only the rows up to it are
 * checked, so rows other desks add meanwhile are left for the next check; the head also shows the
 * latest rows removed, which the file (no such record) cannot.
 */
export async function checkAuditChain(conn: StoreConn): Promise<ChainCheck> {
  const verifier = new ChainVerifier()
  let head: { chainSeq: number; chainHash: string } | null = null
  if (conn.dialect === 'postgres') {
    const row = (await conn.sql.rows<[number, string]>('select seq, hash from omu_audit_chain_head()'))[0]
    head = row ? { chainSeq: Number(row[0]), chainHash: row[1] } : { chainSeq: 0, chainHash: '' }
  }
  const outside = await conn.db.select({ id: auditLog.id, at: auditLog.at }).from(auditLog).where(isNull(auditLog.chainSeq)).orderBy(auditLog.id).limit(1).get()
  if (outside) verifier.unchained(outside)
  let after = 0
  for (;;) {
    const upTo = head ? lte(auditLog.chainSeq, head.chainSeq) : undefined
    const rows = await conn.db.select().from(auditLog).where(and(gt(auditLog.chainSeq, after), upTo)).orderBy(auditLog.chainSeq).limit(CHAIN_PAGE).all()
    for (const r of rows) if (!verifier.add(r)) return verifier.finish()
    if (rows.length < CHAIN_PAGE) break
    after = rows[rows.length - 1]?.chainSeq ?? after
  }
  return verifier.finish(head)
}
