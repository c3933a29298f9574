import { mayReadSensitiveNotes } from '../sensitiveNotes'
import type { Db } from '../../../db/store/types'
import type { User } from '../../../shared/ipc/channels/auth'
import type { CaseRow } from '../../../shared/ipc/channels/caseload'
import { UserFacingError } from '../../../shared/ipc/result'
import { evalSettings } from '../caseload/context'
import { readSettings } from '../establishment/store'
import { casesOf } from '../caseload/cache'
import { loadCases, targetHearingDateOf } from '../caseload/load'
import { paroleInputs } from '../../../shared/engine/case/paroleReviews'
import { priorityCohortsFirst } from '../../../shared/engine/omu/cohorts'
import { checkPrisonerDates, checkSession } from '../caseload/rules'
import {
  allocationsOf,
  insertPrisoner,
  insertSession,
  insertStaff,
  latestAllocatedStaffId,
  listStaff,
  openAllocation,
  prisonerIdByNumber,
  prisonerValues,
  releasedOnFor,
  requirePrisoner,
  sessionById,
  sessionsOf,
  setSessionRecordedOn,
  staffById,
  staffName,
  staffNames,
  toPrisoner,
  toSession,
  toStaff,
  updatePrisoner,
  updateStaff,
} from '../caseload/store'
import { cohortsOf, verdictFor } from '../caseload/verdict'
import { coWorkingsOf } from '../coworking/store'
import { reconcileHandovers } from '../handover/reconcile'
import type { Handlers } from './types'

export const caseloadHandlers: Handlers['caseload'] = {
  list: async ({ pomId }, { store, today }) => {
    const s = await evalSettings(store.db, today)
    const rows: CaseRow[] = []
    const problems: { prisonerId: number; prisonNumber: string; message: string }[] = []
    const cases = casesOf(store)
    // Issue 17: a POM's caseload also lists the cases they co-work (marked on the row: coWorker);
    // whose minima they are stays the allocated POM's (coworking/handlers.ts says why).
    const all = await cases.all(s)
    for (const rec of pomId === null ? all : all.filter((r) => r.current?.staffId === pomId || r.coWorker?.staffId === pomId)) {
      const v = cases.verdict(rec, s)
      if (v.ok) rows.push(v.row)
      else problems.push({ prisonerId: rec.prisoner.id, prisonNumber: rec.prisoner.prisonNumber, message: v.message })
    }
    // Seed 002: priority cohorts "as we progress through stages 4 to 1": first at stages 4, 3 and 2,
    // normal order at stage 1 (Prepare); the reading is written down in shared/engine/omu/cohorts.ts.
    return { today, policy: s.policy, stage: s.stage, priorityFirst: priorityCohortsFirst(s.stage), rows, problems }
  },
}

export const staffHandlers: Handlers['staff'] = {
  list: (_i, { store }) => listStaff(store.db),
  save: async (input, { store, now, audit }) => {
    const values = { name: input.name, role: input.role, active: input.active, hoursPerWeek: input.hoursPerWeek, flags: JSON.stringify(input.flags), updatedAt: now.toISOString() }
    if (input.id === undefined) {
      const created = toStaff(await insertStaff(store.db, values))
      audit({ entity: 'staff', entityId: created.id, before: null, after: created })
      return created
    }
    const current = await staffById(store.db, input.id)
    const row = current && (await updateStaff(store.db, input.id, values))
    if (!row) throw new UserFacingError('not_found', 'That member of staff is not on record.', 'id')
    // Before and after (issue 15): a renamed or deactivated POM is on record with what they were.
    audit({ entity: 'staff', entityId: row.id, before: toStaff(current), after: toStaff(row) })
    return toStaff(row)
  },
}

export const prisonerHandlers: Handlers['prisoners'] = {
  get: async ({ prisonerId }, { store, today, actor }) => {
    const s = await evalSettings(store.db, today)
    const [rec] = await loadCases(store, { prisonerId })
    if (!rec) throw new UserFacingError('not_found', 'That prisoner is not on record. Reload the list.', 'prisonerId')
    const v = verdictFor(rec, s)
    const names = await staffNames(store.db)
    const allocations = await allocationsOf(store.db, prisonerId)
    const sessions = await sessionsOf(store.db, prisonerId, actor !== null && mayReadSensitiveNotes(actor.role))
    return {
      prisoner: toPrisoner(await requirePrisoner(store.db, prisonerId)),
      policy: s.policy,
      today,
      evaluation: v.ok ? v.evaluation : null,
      evaluationProblem: v.ok ? null : v.message,
      cohorts: v.ok ? cohortsOf(rec, v.evaluation, today, s.handover?.upcomingWindowDays).cohorts : [],
      allocations: allocations.map((a) => ({ id: a.id, staffId: a.staffId, staffName: names.get(a.staffId) ?? 'Unknown', startDate: a.startDate, endDate: a.endDate, reason: a.reason })),
      coWorkings: (await coWorkingsOf(store.db, prisonerId)).map((c) => ({ id: c.id, staffId: c.staffId, staffName: names.get(c.staffId) ?? 'Unknown', startDate: c.startDate, endDate: c.endDate, reason: c.reason })),
      sessions: sessions.map((r) => toSession(r, r.staffId === null ? null : (names.get(r.staffId) ?? null), s.extraHolidays)),
      // Issue 16: the page's header reads the case as the lists do (caseload/verdict.ts).
      row: v.ok ? v.row : null,
      // Issue 20: the facts panel shows the hearing the handover rules use (handover spec section 6).
      hearingUsed: { date: targetHearingDateOf(rec), fromParoleReviews: paroleInputs(rec.paroleReviews, rec.prisoner.sentenceStartDate) !== null },
    }
  },
  create: async (input, { store, today, now, audit }) => {
    checkPrisonerDates(input, today)
    if ((await prisonerIdByNumber(store.db, input.prisonNumber)) !== undefined) {
      throw new UserFacingError('conflict', `Prison number ${input.prisonNumber} is already on record: open that prisoner to change their details.`, 'prisonNumber')
    }
    const created = toPrisoner(await insertPrisoner(store.db, { ...prisonerValues(input), releasedOn: releasedOnFor(input.status, null, today), updatedAt: now.toISOString() }))
    audit({ entity: 'prisoner', entityId: created.id, before: null, after: created })
    return created
  },
  update: async ({ prisonerId, version, fields }, { store, today, now, actor, audit }) => {
    const current = await requirePrisoner(store.db, prisonerId)
    if (current.version !== version) {
      throw new UserFacingError('conflict', 'Someone else changed this prisoner’s record since you opened it. Reload to see their changes, then make yours again.')
    }
    checkPrisonerDates(fields, today)
    if (fields.prisonNumber !== current.prisonNumber) {
      if ((await prisonerIdByNumber(store.db, fields.prisonNumber)) !== undefined) {
        throw new UserFacingError('conflict', `Prison number ${fields.prisonNumber} belongs to another prisoner.`, 'prisonNumber')
      }
    }
    const row = await updatePrisoner(store.db, prisonerId, {
      ...prisonerValues(fields),
      releasedOn: releasedOnFor(fields.status, current.releasedOn, today),
      version: current.version + 1,
      updatedAt: now.toISOString(),
    })
    if (!row) throw new UserFacingError('not_found', 'That prisoner is not on record. Reload the list.', 'prisonerId')
    audit({ entity: 'prisoner', entityId: prisonerId, before: toPrisoner(current), after: toPrisoner(row) })
    // ../shared/specs/mpc-rules.md D.5: the facts are the handover's input, so it is recalculated now.
    await reconcileHandovers({ store, today, now, actor, audit }, { prisonerIds: [prisonerId] })
    return toPrisoner(row)
  },
}

/**
 * Whose session it was (the session's staffId), issue 15. The least surprising model:
 * - A POM records only their own sessions: the staff record linked to their sign-in
 *   (actor.staffId), never one named in the request. A request naming someone else is refused
 *   rather than quietly changed, and a POM whose sign-in is not linked to a staff record is told
 *   to have it linked (Settings › Users), so no session is filed under nobody or the wrong POM.
 * - A HOMD or HOMS may record on a POM's behalf (a session written up from paper notes, a POM
 *   away): the POM they name, or when they name nobody, the case's allocated POM as before.
 *   The record shows who entered it: the audit row filed under the prisoner carries the
 *   signed-in user and role (Record history's "Who") and names the POM (`onBehalfOf`).
 * Other roles cannot call sessions.record (permissions.ts).
 */
async function sessionHeldBy(db: Db, requested: number | null | undefined, actor: User | null, prisonerId: number): Promise<number | null> {
  if (actor?.role === 'pom') {
    if (actor.staffId === null) {
      throw new UserFacingError('forbidden', 'Your sign-in is not linked to your staff record, so a session cannot be filed under you. Ask a HOMS to link it in Settings › Users, then record the session.')
    }
    if (requested !== undefined && requested !== null && requested !== actor.staffId) {
      throw new UserFacingError('forbidden', 'As a POM you can record only your own sessions. Ask a HOMD to record a session on another POM’s behalf.', 'staffId')
    }
    return actor.staffId
  }
  if (requested === undefined || requested === null) return latestAllocatedStaffId(db, prisonerId)
  if (!(await staffById(db, requested))) throw new UserFacingError('not_found', 'That member of staff is not on record. Choose the POM who held the session.', 'staffId')
  return requested
}

export const sessionHandlers: Handlers['sessions'] = {
  record: async (input, { store, today, now, actor, audit }) => {
    const p = await requirePrisoner(store.db, input.prisonerId)
    checkSession(input, p, today)
    const staffId = await sessionHeldBy(store.db, input.staffId, actor, p.id)
    const row = await insertSession(store.db, {
      prisonerId: p.id,
      staffId,
      date: input.date,
      inPerson: input.inPerson,
      mode: input.mode,
      durationMinutes: input.durationMinutes,
      notes: input.notes,
      notesSensitive: input.notesSensitive,
      recordedOn: today,
      // Issue 16: who entered it (the signed-in user), apart from who held it (staffId).
      recordedBy: actor?.displayName ?? null,
      createdAt: now.toISOString(),
    })
    const name = staffId === null ? null : await staffName(store.db, staffId)
    const session = toSession(row, name, (await readSettings(store.db)).extraHolidays)
    // Filed under the prisoner, so the prisoner's history shows who recorded which session (the
    // row's user and role); `onBehalfOf` names the POM when a manager entered it for them.
    const onBehalfOf = actor?.role !== 'pom' && staffId !== null && staffId !== actor?.staffId ? { staffId, name } : undefined
    audit({ entity: 'prisoner', entityId: p.id, before: null, after: onBehalfOf ? { session, onBehalfOf } : { session } })
    return session
  },
  correctRecordedOn: async (input, { store, today, actor, audit }) => {
    const existing = await sessionById(store.db, input.sessionId)
    if (!existing) throw new UserFacingError('not_found', 'That session is not on record.', 'sessionId')
    // Issue 7: a POM edits only records of their own allocations.
    if (actor?.role === 'pom') {
      const open = await openAllocation(store.db, existing.prisonerId)
      if (actor.staffId === null || open?.staffId !== actor.staffId) {
        throw new UserFacingError('forbidden', 'As a POM you can correct records only for cases allocated to you. Ask the case’s POM or a HOMD.')
      }
    }
    if (input.recordedOn < existing.date) throw new UserFacingError('invalid_input', 'Recorded on: cannot be before the session took place.', 'recordedOn')
    if (input.recordedOn > today) throw new UserFacingError('invalid_input', 'Recorded on: cannot be in the future.', 'recordedOn')
    const row = await setSessionRecordedOn(store.db, input.sessionId, input.recordedOn, input.reason)
    if (!row) throw new UserFacingError('not_found', 'That session is not on record.', 'sessionId')
    audit({ entity: 'session', entityId: existing.id, before: { recordedOn: existing.recordedOn, recordedOnReason: existing.recordedOnReason }, after: { recordedOn: input.recordedOn, recordedOnReason: input.reason } })
    return toSession(row, null, (await evalSettings(store.db, today)).extraHolidays)
  },
}
