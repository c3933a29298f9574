import { and, asc, count, desc, eq, getTableColumns, inArray, isNull } from 'drizzle-orm'
import { addWorkingDays } from '../../../shared/engine'
import type { Prisoner, PrisonerInput, Session, Staff } from '../../../shared/ipc/channels/caseload'
import { POM_ROLES } from '../../../shared/ipc/channels/caseloadValues'
import { UserFacingError } from '../../../shared/ipc/result'
import { allocation, prisoner, staff as staffTable, supervisionSession, userPreference } from '../../../db/schema'
import type { Db, StoreConn } from '../../../db/store/types'
import { PRISONER_FIELDS, prisonerRow, type PrisonerRow } from './load'

// The caseload domain's store functions: staff, prisoners, allocations, supervision sessions and
// per-user preferences. With the bulk case reads (load.ts, relevant.ts), the only code in the
// caseload domain that knows the tables; handlers, the CSV import and the case cache come here
// (issue 13: data access in one layer per domain). Every query is the portable subset both
// backends run (drizzle's builder, or `?`-parameter SQL with no dialect functions).

export type PrisonerRecord = typeof prisoner.$inferSelect
export type PrisonerValues = typeof prisoner.$inferInsert
export type StaffRecord = typeof staffTable.$inferSelect
export type StaffValues = typeof staffTable.$inferInsert
export type AllocationRecord = typeof allocation.$inferSelect
export type AllocationValues = typeof allocation.$inferInsert
export type SessionRecord = typeof supervisionSession.$inferSelect
export type SessionValues = typeof supervisionSession.$inferInsert

/** Rows per multi-row INSERT or per `in (...)` list: well inside both backends' parameter limits. */
const BATCH = 200

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

// ---- Row mappers -------------------------------------------------------------------------------

export function toPrisoner(r: PrisonerRecord): Prisoner {
  return { ...r, sentenceType: r.sentenceType as Prisoner['sentenceType'], status: r.status as Prisoner['status'], securityCategory: r.securityCategory as Prisoner['securityCategory'] }
}

export function toStaff(r: StaffRecord): Staff {
  return { id: r.id, name: r.name, role: r.role as Staff['role'], active: r.active, hoursPerWeek: r.hoursPerWeek, flags: JSON.parse(r.flags) as string[] }
}

export function toSession(r: SessionRecord, staffName: string | null, extraHolidays: readonly string[]): Session {
  return {
    id: r.id,
    date: r.date,
    inPerson: r.inPerson,
    mode: r.mode as Session['mode'],
    durationMinutes: r.durationMinutes,
    notes: r.notes,
    notesSensitive: r.notesSensitive,
    recordedOn: r.recordedOn,
    recordedOnReason: r.recordedOnReason,
    recordedBy: r.recordedBy,
    staffName,
    // Standard 1.1 (seed 003): records within one working day; the engine's own working-day count.
    late: r.recordedOn > addWorkingDays(r.date, 1, extraHolidays),
  }
}

/** Who entered a session that came from a CSV import (issue 16): the importer, said to be an import. */
export function importedBy(displayName: string): string {
  return `${displayName} (CSV import)`
}

/**
 * The day the retention period runs from (issue 7): the day a record is first marked released,
 * kept while it stays released, cleared when it is not. The one rule for every way a record
 * changes: the prisoner form, and a CSV import creating or updating it (issue 15).
 */
export function releasedOnFor(status: string | undefined, current: string | null | undefined, today: string): string | null {
  return status === 'released' ? (current ?? today) : null
}

/** A prisoner form's fields as column values: every optional field written, blank as null. */
export function prisonerValues(f: PrisonerInput) {
  return {
    ...f,
    conditionalReleaseDate: f.conditionalReleaseDate ?? null,
    automaticReleaseDate: f.automaticReleaseDate ?? null,
    paroleEligibilityDate: f.paroleEligibilityDate ?? null,
    tariffDate: f.tariffDate ?? null,
    targetHearingDate: f.targetHearingDate ?? null,
    homeDetentionCurfewEligibilityDate: f.homeDetentionCurfewEligibilityDate ?? null,
    homeDetentionCurfewActualDate: f.homeDetentionCurfewActualDate ?? null,
    mappaLevel: f.mappaLevel ?? null,
    tier: f.tier ?? null,
    roshLevel: f.roshLevel ?? null,
    arrivalDate: f.arrivalDate ?? null,
    openConditionsArrivalDate: f.openConditionsArrivalDate ?? null,
    firstPomAllocatedDate: f.firstPomAllocatedDate ?? null,
    location: f.location ? f.location : null,
    securityCategory: f.securityCategory ?? null,
    sentenceExpiryDate: f.sentenceExpiryDate ?? null,
    licenceExpiryDate: f.licenceExpiryDate ?? null,
    postRecallReleaseDate: f.postRecallReleaseDate ?? null,
    actualParoleDate: f.actualParoleDate ?? null,
    enhancedResourcing: f.enhancedResourcing ?? null,
  }
}

// ---- Prisoners ---------------------------------------------------------------------------------

export async function requirePrisoner(db: Db, id: number): Promise<PrisonerRecord> {
  const row = await db.select().from(prisoner).where(eq(prisoner.id, id)).get()
  if (!row) throw new UserFacingError('not_found', 'That prisoner is not on record. Reload the list.', 'prisonerId')
  return row
}

/** The prisoner with this id, if on record (issue 17: bulk reallocation names the ones that are not). */
export async function prisonerById(db: Db, id: number): Promise<PrisonerRecord | undefined> {
  return db.select().from(prisoner).where(eq(prisoner.id, id)).get()
}

/** The id of the prisoner with this prison number, if any. */
export async function prisonerIdByNumber(db: Db, prisonNumber: string): Promise<number | undefined> {
  return (await db.select({ id: prisoner.id }).from(prisoner).where(eq(prisoner.prisonNumber, prisonNumber)).get())?.id
}

export async function countPrisoners(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(prisoner).get())?.n ?? 0
}

export async function insertPrisoner(db: Db, values: PrisonerValues): Promise<PrisonerRecord> {
  return db.insert(prisoner).values(values).returning().get()
}

/** Many new prisoners, a batch of rows per statement (the CSV import); the rows as written. */
export async function insertPrisoners(db: Db, rows: readonly PrisonerValues[]): Promise<PrisonerRecord[]> {
  const out: PrisonerRecord[] = []
  for (const batch of chunks(rows)) out.push(...(await db.insert(prisoner).values(batch).returning().all()))
  return out
}

export async function updatePrisoner(db: Db, id: number, values: Partial<PrisonerValues>): Promise<PrisonerRecord | undefined> {
  return db.update(prisoner).set(values).where(eq(prisoner.id, id)).returning().get()
}

/**
 * The prisoners with these prison numbers as PrisonerRows (the case engine's shape, flags as 0/1),
 * keyed by prison number. Read a batch of numbers at a time.
 */
export async function prisonersByNumber(conn: StoreConn, prisonNumbers: readonly string[]): Promise<Map<string, PrisonerRow>> {
  const out = new Map<string, PrisonerRow>()
  const columns = PRISONER_FIELDS.map(([, column]) => `p.${column}`).join(', ')
  for (const batch of chunks([...new Set(prisonNumbers)])) {
    const rows = await conn.sql.rows(`select ${columns} from prisoner p where p.prison_number in (${batch.map(() => '?').join(', ')})`, batch)
    for (const values of rows) {
      const row = prisonerRow(values)
      out.set(row.prisonNumber, row)
    }
  }
  return out
}

// ---- Staff -------------------------------------------------------------------------------------

export async function requirePom(db: Db, id: number): Promise<StaffRecord> {
  const row = await db.select().from(staffTable).where(eq(staffTable.id, id)).get()
  if (!row) throw new UserFacingError('not_found', 'That member of staff is not on record.', 'staffId')
  if (!POM_ROLES.includes(row.role as Staff['role'])) throw new UserFacingError('invalid_input', `${row.name} is not a POM: choose a prison or probation POM.`, 'staffId')
  if (!row.active) throw new UserFacingError('invalid_input', `${row.name} is inactive: choose an active POM.`, 'staffId')
  return row
}

/** Everyone on the staff list, active first, then by name. */
export async function listStaff(db: Db): Promise<Staff[]> {
  return (await db.select().from(staffTable).orderBy(desc(staffTable.active), staffTable.name).all()).map(toStaff)
}

/** Active prison and probation POMs, in the order they were added. */
export async function activePoms(db: Db): Promise<StaffRecord[]> {
  return db
    .select()
    .from(staffTable)
    .where(and(eq(staffTable.active, true), inArray(staffTable.role, [...POM_ROLES])))
    .orderBy(staffTable.id)
    .all()
}

export async function staffById(db: Db, id: number): Promise<StaffRecord | undefined> {
  return db.select().from(staffTable).where(eq(staffTable.id, id)).get()
}

export async function insertStaff(db: Db, values: StaffValues): Promise<StaffRecord> {
  return db.insert(staffTable).values(values).returning().get()
}

export async function updateStaff(db: Db, id: number, values: Partial<StaffValues>): Promise<StaffRecord | undefined> {
  return db.update(staffTable).set(values).where(eq(staffTable.id, id)).returning().get()
}

/** Every member of staff's name by id. */
export async function staffNames(db: Db): Promise<Map<number, string>> {
  return new Map((await db.select({ id: staffTable.id, name: staffTable.name }).from(staffTable).all()).map((r) => [r.id, r.name]))
}

export async function staffName(db: Db, id: number): Promise<string | null> {
  return (await db.select({ name: staffTable.name }).from(staffTable).where(eq(staffTable.id, id)).get())?.name ?? null
}

// ---- Allocations -------------------------------------------------------------------------------

/** A prisoner's allocations, latest first. */
export async function allocationsOf(db: Db, prisonerId: number): Promise<AllocationRecord[]> {
  return db.select().from(allocation).where(eq(allocation.prisonerId, prisonerId)).orderBy(desc(allocation.startDate), desc(allocation.id)).all()
}

/** The prisoner's open (current) allocation, if any. */
export async function openAllocation(db: Db, prisonerId: number): Promise<AllocationRecord | undefined> {
  return db
    .select()
    .from(allocation)
    .where(and(eq(allocation.prisonerId, prisonerId), isNull(allocation.endDate)))
    .get()
}

/** The POM of the prisoner's latest-starting allocation (open or not), or null when never allocated. */
export async function latestAllocatedStaffId(db: Db, prisonerId: number): Promise<number | null> {
  return (await db.select({ id: allocation.staffId }).from(allocation).where(eq(allocation.prisonerId, prisonerId)).orderBy(desc(allocation.startDate)).get())?.id ?? null
}

export async function endAllocation(db: Db, id: number, endDate: string): Promise<void> {
  await db.update(allocation).set({ endDate }).where(eq(allocation.id, id)).run()
}

export async function insertAllocation(db: Db, values: AllocationValues): Promise<AllocationRecord> {
  return db.insert(allocation).values(values).returning().get()
}

// ---- Supervision sessions ----------------------------------------------------------------------

/**
 * Every column but `notes`, whose place `notes_open` takes: the note unless it is marked sensitive
 * (issue 14). What a user who may not read sensitive notes is given; in the shared database their
 * login is granted these columns and not `notes` (migration 0005), so asking for `notes` would fail.
 */
const { notes: _sensitive, ...columnsWithoutNotes } = getTableColumns(supervisionSession)
const OPEN_NOTES_ONLY = { ...columnsWithoutNotes, notes: supervisionSession.notesOpen }

/**
 * A prisoner's sessions, latest first. `sensitiveNotes`: whether the reader may read notes marked
 * sensitive (electron/services/sensitiveNotes.ts); if not, those notes come back empty.
 */
export async function sessionsOf(db: Db, prisonerId: number, sensitiveNotes: boolean): Promise<SessionRecord[]> {
  const where = eq(supervisionSession.prisonerId, prisonerId)
  const order = [desc(supervisionSession.date), desc(supervisionSession.id)]
  if (sensitiveNotes) return db.select().from(supervisionSession).where(where).orderBy(...order).all()
  const rows = await db.select(OPEN_NOTES_ONLY).from(supervisionSession).where(where).orderBy(...order).all()
  return rows.map((r) => ({ ...r, notes: r.notes ?? '', notesOpen: r.notes }))
}

export async function sessionById(db: Db, id: number): Promise<SessionRecord | undefined> {
  return db.select().from(supervisionSession).where(eq(supervisionSession.id, id)).get()
}

export async function insertSession(db: Db, values: SessionValues): Promise<SessionRecord> {
  return db.insert(supervisionSession).values(values).returning().get()
}

/** Many new sessions, a batch of rows per statement (the CSV import). */
export async function insertSessions(db: Db, rows: readonly SessionValues[]): Promise<SessionRecord[]> {
  const out: SessionRecord[] = []
  for (const batch of chunks(rows)) out.push(...(await db.insert(supervisionSession).values(batch).returning().all()))
  return out
}

export async function setSessionRecordedOn(db: Db, id: number, recordedOn: string, reason: string): Promise<SessionRecord | undefined> {
  return db.update(supervisionSession).set({ recordedOn, recordedOnReason: reason }).where(eq(supervisionSession.id, id)).returning().get()
}

/** What makes two sessions the same record for the CSV import's duplicate check. */
export function sessionKey(prisonerId: number, date: string, mode: string, durationMinutes: number): string {
  return JSON.stringify([prisonerId, date, mode, durationMinutes])
}

/** The sessionKey of every session on record for these prisoners. */
export async function sessionKeysOf(db: Db, prisonerIds: readonly number[]): Promise<Set<string>> {
  const out = new Set<string>()
  for (const batch of chunks([...new Set(prisonerIds)])) {
    const rows = await db
      .select({ prisonerId: supervisionSession.prisonerId, date: supervisionSession.date, mode: supervisionSession.mode, durationMinutes: supervisionSession.durationMinutes })
      .from(supervisionSession)
      .where(inArray(supervisionSession.prisonerId, batch))
      .all()
    for (const r of rows) out.add(sessionKey(r.prisonerId, r.date, r.mode, r.durationMinutes))
  }
  return out
}

// ---- Per-user preferences ----------------------------------------------------------------------

/** A saved preference's JSON text, or undefined when none is saved. */
export async function readPreference(db: Db, userKey: string, name: string): Promise<string | undefined> {
  return (await db.select({ value: userPreference.value }).from(userPreference).where(and(eq(userPreference.userKey, userKey), eq(userPreference.name, name))).get())?.value
}

export async function writePreference(db: Db, userKey: string, name: string, value: string): Promise<void> {
  await db.insert(userPreference).values({ userKey, name, value }).onConflictDoUpdate({ target: [userPreference.userKey, userPreference.name], set: { value } }).run()
}

/** The active staff by name (the RRMP editor offers them as owners). */
export async function activeStaff(db: Db): Promise<{ name: string; role: string }[]> {
  return db.select({ name: staffTable.name, role: staffTable.role }).from(staffTable).where(eq(staffTable.active, true)).orderBy(asc(staffTable.name)).all()
}
