import { and, desc, eq, isNull } from 'drizzle-orm'
import { addWorkingDays } from '../../../shared/engine'
import type { CaseRow, Prisoner, PrisonerInput, Session, Staff } from '../../../shared/ipc/channels/caseload'
import { POM_ROLES } from '../../../shared/ipc/channels/caseloadValues'
import { UserFacingError } from '../../../shared/ipc/result'
import { allocation, prisoner, staff as staffTable, supervisionSession } from '../../../db/schema'
import type { Db } from '../../../db/bootstrap'
import { evalSettings } from '../caseload/context'
import { casesOf } from '../caseload/cache'
import { loadCases } from '../caseload/load'
import { cohortsOf, verdictFor } from '../caseload/verdict'
import type { Handlers } from './types'

type PrisonerRecord = typeof prisoner.$inferSelect
type StaffRecord = typeof staffTable.$inferSelect
type SessionRecord = typeof supervisionSession.$inferSelect

export function toPrisoner(r: PrisonerRecord): Prisoner {
  return { ...r, sentenceType: r.sentenceType as Prisoner['sentenceType'], status: r.status as Prisoner['status'] }
}

export function toStaff(r: StaffRecord): Staff {
  return { id: r.id, name: r.name, role: r.role as Staff['role'], active: r.active, hoursPerWeek: r.hoursPerWeek, flags: JSON.parse(r.flags) as string[] }
}

function toSession(r: SessionRecord, staffName: string | null, extraHolidays: readonly string[]): Session {
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
    staffName,
    // Standard 1.1 (seed 003): records within one working day; the engine's own working-day count.
    late: r.recordedOn > addWorkingDays(r.date, 1, extraHolidays),
  }
}

/** Cross-field checks the engine would otherwise refuse later, as sentences naming the field. */
export function checkPrisonerDates(f: PrisonerInput, today: string): void {
  if (f.dateOfBirth >= f.sentenceStartDate) throw new UserFacingError('invalid_input', 'Date of birth: must be before the sentence start date.', 'dateOfBirth')
  if (f.sentenceStartDate > today) throw new UserFacingError('invalid_input', 'Sentence start date: cannot be in the future.', 'sentenceStartDate')
  const release: [keyof PrisonerInput, string][] = [
    ['conditionalReleaseDate', 'Conditional release date'],
    ['automaticReleaseDate', 'Automatic release date'],
    ['paroleEligibilityDate', 'Parole eligibility date'],
    ['tariffDate', 'Tariff date'],
    ['targetHearingDate', 'Target hearing date'],
    ['homeDetentionCurfewEligibilityDate', 'HDC eligibility date'],
    ['homeDetentionCurfewActualDate', 'HDC approved date'],
  ]
  for (const [field, label] of release) {
    const v = f[field]
    if (typeof v === 'string' && v < f.sentenceStartDate) throw new UserFacingError('invalid_input', `${label}: cannot be before the sentence start date.`, field)
  }
  if (f.arrivalDate && f.arrivalDate > today) throw new UserFacingError('invalid_input', 'Arrival date: cannot be in the future.', 'arrivalDate')
}

function prisonerValues(f: PrisonerInput) {
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
  }
}

/** Checks a session against its prisoner and today; shared by recording and CSV import. */
export function checkSession(input: { date: string; inPerson: boolean; mode: Session['mode'] }, p: { sentenceStartDate: string }, today: string): void {
  if (input.date > today) throw new UserFacingError('invalid_input', 'Session date: a session cannot be recorded before it has happened.', 'date')
  if (input.date < p.sentenceStartDate) throw new UserFacingError('invalid_input', 'Session date: cannot be before the sentence start date.', 'date')
  // Video and in-cell telephony are remote by definition; other modes may be either.
  if (input.inPerson && (input.mode === 'video' || input.mode === 'in_cell_telephony')) {
    throw new UserFacingError('invalid_input', 'In person: a video or in-cell telephony session is not in person. Untick "In person" or choose another mode.', 'inPerson')
  }
}

export function requirePrisoner(db: Db, id: number): PrisonerRecord {
  const row = db.select().from(prisoner).where(eq(prisoner.id, id)).get()
  if (!row) throw new UserFacingError('not_found', 'That prisoner is not on record. Reload the list.', 'prisonerId')
  return row
}

export function requirePom(db: Db, id: number): StaffRecord {
  const row = db.select().from(staffTable).where(eq(staffTable.id, id)).get()
  if (!row) throw new UserFacingError('not_found', 'That member of staff is not on record.', 'staffId')
  if (!POM_ROLES.includes(row.role as Staff['role'])) throw new UserFacingError('invalid_input', `${row.name} is not a POM: choose a prison or probation POM.`, 'staffId')
  if (!row.active) throw new UserFacingError('invalid_input', `${row.name} is inactive: choose an active POM.`, 'staffId')
  return row
}

export const caseloadHandlers: Handlers['caseload'] = {
  list: ({ pomId }, { store, today }) => {
    const s = evalSettings(store.db, today)
    const rows: CaseRow[] = []
    const problems: { prisonerId: number; prisonNumber: string; message: string }[] = []
    const cases = casesOf(store)
    for (const rec of pomId === null ? cases.all(s) : cases.forPom(pomId, s)) {
      const v = cases.verdict(rec, s)
      if (v.ok) rows.push(v.row)
      else problems.push({ prisonerId: rec.prisoner.id, prisonNumber: rec.prisoner.prisonNumber, message: v.message })
    }
    return { today, policy: s.policy, stage: s.stage, priorityFirst: s.stage >= 3, rows, problems }
  },
}

export const staffHandlers: Handlers['staff'] = {
  list: (_i, { store }) =>
    store.db
      .select()
      .from(staffTable)
      .orderBy(desc(staffTable.active), staffTable.name)
      .all()
      .map(toStaff),
  save: (input, { store, now }) => {
    const values = { name: input.name, role: input.role, active: input.active, hoursPerWeek: input.hoursPerWeek, flags: JSON.stringify(input.flags), updatedAt: now.toISOString() }
    if (input.id === undefined) return toStaff(store.db.insert(staffTable).values(values).returning().get())
    const row = store.db.update(staffTable).set(values).where(eq(staffTable.id, input.id)).returning().get()
    if (!row) throw new UserFacingError('not_found', 'That member of staff is not on record.', 'id')
    return toStaff(row)
  },
}

export const prisonerHandlers: Handlers['prisoners'] = {
  get: ({ prisonerId }, { store, today }) => {
    const s = evalSettings(store.db, today)
    const [rec] = loadCases(store.sqlite, { prisonerId })
    if (!rec) throw new UserFacingError('not_found', 'That prisoner is not on record. Reload the list.', 'prisonerId')
    const v = verdictFor(rec, s)
    const staffNames = new Map(store.db.select({ id: staffTable.id, name: staffTable.name }).from(staffTable).all().map((r) => [r.id, r.name]))
    const allocations = store.db.select().from(allocation).where(eq(allocation.prisonerId, prisonerId)).orderBy(desc(allocation.startDate), desc(allocation.id)).all()
    const sessions = store.db.select().from(supervisionSession).where(eq(supervisionSession.prisonerId, prisonerId)).orderBy(desc(supervisionSession.date), desc(supervisionSession.id)).all()
    return {
      prisoner: toPrisoner(requirePrisoner(store.db, prisonerId)),
      policy: s.policy,
      today,
      evaluation: v.ok ? v.evaluation : null,
      evaluationProblem: v.ok ? null : v.message,
      cohorts: v.ok ? cohortsOf(rec, v.evaluation, today).cohorts : [],
      allocations: allocations.map((a) => ({ id: a.id, staffId: a.staffId, staffName: staffNames.get(a.staffId) ?? 'Unknown', startDate: a.startDate, endDate: a.endDate, reason: a.reason })),
      sessions: sessions.map((r) => toSession(r, r.staffId === null ? null : (staffNames.get(r.staffId) ?? null), s.extraHolidays)),
    }
  },
  create: (input, { store, today, now, audit }) => {
    checkPrisonerDates(input, today)
    const exists = store.db.select({ id: prisoner.id }).from(prisoner).where(eq(prisoner.prisonNumber, input.prisonNumber)).get()
    if (exists) throw new UserFacingError('conflict', `Prison number ${input.prisonNumber} is already on record: open that prisoner to change their details.`, 'prisonNumber')
    const created = toPrisoner(store.db.insert(prisoner).values({ ...prisonerValues(input), updatedAt: now.toISOString() }).returning().get())
    audit({ entity: 'prisoner', entityId: created.id, before: null, after: created })
    return created
  },
  update: ({ prisonerId, version, fields }, { store, today, now, audit }) => {
    const current = requirePrisoner(store.db, prisonerId)
    if (current.version !== version) {
      throw new UserFacingError('conflict', 'Someone else changed this prisoner’s record since you opened it. Reload to see their changes, then make yours again.')
    }
    checkPrisonerDates(fields, today)
    if (fields.prisonNumber !== current.prisonNumber) {
      const clash = store.db.select({ id: prisoner.id }).from(prisoner).where(eq(prisoner.prisonNumber, fields.prisonNumber)).get()
      if (clash) throw new UserFacingError('conflict', `Prison number ${fields.prisonNumber} belongs to another prisoner.`, 'prisonNumber')
    }
    const row = store.db
      .update(prisoner)
      .set({
        ...prisonerValues(fields),
        // The retention period (issue 7) runs from the day a record is marked released.
        releasedOn: fields.status === 'released' ? (current.releasedOn ?? today) : null,
        version: current.version + 1,
        updatedAt: now.toISOString(),
      })
      .where(eq(prisoner.id, prisonerId))
      .returning()
      .get()
    audit({ entity: 'prisoner', entityId: prisonerId, before: toPrisoner(current), after: toPrisoner(row as PrisonerRecord) })
    return toPrisoner(row as PrisonerRecord)
  },
}

export const sessionHandlers: Handlers['sessions'] = {
  record: (input, { store, today, now, audit }) => {
    const p = requirePrisoner(store.db, input.prisonerId)
    checkSession(input, p, today)
    const staffId = input.staffId ?? store.db.select({ id: allocation.staffId }).from(allocation).where(eq(allocation.prisonerId, p.id)).orderBy(desc(allocation.startDate)).get()?.id ?? null
    const row = store.db
      .insert(supervisionSession)
      .values({ prisonerId: p.id, staffId, date: input.date, inPerson: input.inPerson, mode: input.mode, durationMinutes: input.durationMinutes, notes: input.notes, notesSensitive: input.notesSensitive, recordedOn: today, createdAt: now.toISOString() })
      .returning()
      .get()
    const staffName = staffId === null ? null : (store.db.select({ name: staffTable.name }).from(staffTable).where(eq(staffTable.id, staffId)).get()?.name ?? null)
    const session = toSession(row, staffName, evalSettings(store.db, today).extraHolidays)
    // Filed under the prisoner, so the prisoner's history shows who recorded which session.
    audit({ entity: 'prisoner', entityId: p.id, before: null, after: { session } })
    return session
  },
  correctRecordedOn: (input, { store, today, actor, audit }) => {
    const existing = store.db.select().from(supervisionSession).where(eq(supervisionSession.id, input.sessionId)).get()
    if (!existing) throw new UserFacingError('not_found', 'That session is not on record.', 'sessionId')
    // Issue 7: a POM edits only records of their own allocations.
    if (actor?.role === 'pom') {
      const open = store.db.select({ staffId: allocation.staffId }).from(allocation).where(and(eq(allocation.prisonerId, existing.prisonerId), isNull(allocation.endDate))).get()
      if (actor.staffId === null || open?.staffId !== actor.staffId) {
        throw new UserFacingError('forbidden', 'As a POM you can correct records only for cases allocated to you. Ask the case’s POM or a HOMD.')
      }
    }
    if (input.recordedOn < existing.date) throw new UserFacingError('invalid_input', 'Recorded on: cannot be before the session took place.', 'recordedOn')
    if (input.recordedOn > today) throw new UserFacingError('invalid_input', 'Recorded on: cannot be in the future.', 'recordedOn')
    const row = store.db.update(supervisionSession).set({ recordedOn: input.recordedOn, recordedOnReason: input.reason }).where(eq(supervisionSession.id, input.sessionId)).returning().get()
    audit({ entity: 'session', entityId: existing.id, before: { recordedOn: existing.recordedOn, recordedOnReason: existing.recordedOnReason }, after: { recordedOn: input.recordedOn, recordedOnReason: input.reason } })
    return toSession(row as SessionRecord, null, evalSettings(store.db, today).extraHolidays)
  },
}
