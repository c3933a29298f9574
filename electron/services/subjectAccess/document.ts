import type { Db } from '../../../db/store/types'
import { UserFacingError } from '../../../shared/ipc/result'
import { isSensitiveNote } from '../sensitiveNotes'
import { subjectAccessRows } from '../trust/store'
import { coWorkingsOf } from '../coworking/store'
import { reviewsOfCase } from '../parole/store'
import { readComHandover, TASK_COLUMNS, type ComHandoverRecord } from '../handover/store'
import { answersOf, assessmentsOf, overridesOf, type AssessmentRecord, type OverrideRecord } from '../caseWork/store'
import { CHECKLIST_TASKS, CHECKLIST_TASK_LABELS, type ChecklistTask, type EarlyAllocationAnswers, type EarlyAllocationOutcomeValue } from '../../../shared/engine'
import type { ParoleReviewOutcome } from '../../../shared/engine/case/paroleReviews'

// A subject access request (issue 7): everything held about one prisoner. Notes marked sensitive
// are not in the disclosure itself: they are listed separately, for review before release.
//
// Each domain's records are read through that domain's own store functions (parole/store.ts,
// handover/store.ts, caseWork/store.ts, coworking/store.ts), never its tables directly.
//
// Compatibility of the JSON (as the readiness export's, README "Readiness export"): a reader
// ignores keys it does not know, so keys may be added within a version; a change to the meaning or
// shape of an existing key bumps SAR_SCHEMA_VERSION. Issue 17 only added keys (allocations'
// `pomTypeReason`, `paroleReviews`, `handover`, `earlyAllocationAssessments`,
// `responsibilityOverrides`, and the prisoner's new facts, which `prisoner` carries as stored), so
// the version stays 1. Issue 16 added sessions' `recordedBy` (who entered the record), likewise.

export const SAR_SCHEMA_VERSION = 1
export const HELD_BACK = '[sensitive note held back for review]'

export interface HeldBackNote {
  sessionId: number | null
  date: string | null
  where: string
  note: string
}

export interface SubjectAccessDocument {
  schemaVersion: number
  generatedAt: string
  prisoner: Record<string, unknown>
  /** `pomTypeReason` (issue 17; ../shared/specs/mpc-rules.md B4): why a POM of the other type than the recommended one was chosen; null when none was needed. */
  allocations: { staffName: string; startDate: string; endDate: string | null; reason: string; pomTypeReason: string | null }[]
  /**
   * Issue 17: the second POMs who co-worked the case, and when (co_working), oldest first. Personal
   * data held about the person like the allocations (UK GDPR Art. 15: the recipients of their data).
   */
  coWorking: { staffName: string; startDate: string; endDate: string | null; reason: string }[]
  /** Issues 17 and 20: the person's parole reviews, earliest hearing first. */
  paroleReviews: SarParoleReview[]
  /**
   * Issue 17: the case's handover to the community (com_handover), or null when nothing is recorded:
   * the Community Offender Manager's and the Victim Liaison Officer's details (about the case, named
   * as theirs), the handover checklist with who ticked each task and when, and when the community was
   * notified and by whom (seed 003 Annex B; seed 002 baseline 2.3).
   */
  handover: SarHandover | null
  /** Issue 17 (../shared/specs/mpc-rules.md section C): every early allocation assessment, oldest first, with its answers, outcome, and who assessed and when. */
  earlyAllocationAssessments: SarEarlyAllocationAssessment[]
  /** Issue 17: every HOMD override of who is responsible, oldest first, with its reason, dates and who set it. */
  responsibilityOverrides: SarResponsibilityOverride[]
  sessions: { id: number; date: string; inPerson: boolean; mode: string; durationMinutes: number; notes: string; recordedOn: string; recordedOnReason: string | null; recordedBy: string | null; staffName: string | null }[]
  auditTrail: { at: string; username: string; role: string; channel: string; entity: string; entityId: string | null; before: unknown; after: unknown }[]
  /** For the reviewer only: never part of what is released to the prisoner. */
  heldBack: HeldBackNote[]
}

export interface SarParoleReview {
  hearingDate: string
  outcome: ParoleReviewOutcome
  outcomeDate: string | null
  nextHearingDate: string | null
  /** When the review was first recorded and last corrected (ISO instants). */
  recordedAt: string
  updatedAt: string
}

export interface SarHandover {
  communityOffenderManager: {
    name: string | null
    email: string | null
    phone: string | null
    team: string | null
    probationDeliveryUnit: string | null
    localDeliveryUnit: string | null
    localDeliveryUnitEmail: string | null
    allocatedOn: string | null
  }
  victimLiaisonOfficer: { name: string | null; contact: string | null; lastContactOn: string | null }
  /** ../shared/specs/mpc-rules.md D.1's four tasks in order, as stored: done, by whom, when (ISO instant). */
  checklist: { task: ChecklistTask; label: string; done: boolean; by: string | null; at: string | null }[]
  communityNotified: { at: string; by: string | null } | null
  /** Spec D.5: the handover the checklist was last kept against (it resets when this changes). */
  lastRecordedHandover: { responsibility: string | null; comResponsibleDate: string | null }
  updatedAt: string
}

export interface SarEarlyAllocationAssessment {
  createdOn: string
  oasysDate: string
  answers: EarlyAllocationAnswers
  outcome: EarlyAllocationOutcomeValue
  createdWithinReferralWindow: boolean
  /** A discretionary assessment's reason and the HOMD's approval (spec C.1). */
  reason: string
  approved: boolean
  communityDecision: { accepted: boolean | null; on: string | null; by: string | null }
  assessedBy: string
  assessedAt: string
}

export interface SarResponsibilityOverride {
  responsibility: 'pom' | 'com'
  reason: string
  startDate: string
  /** The first day it no longer applies; null: until a HOMD ends it. */
  endDate: string | null
  /** Ended early by a HOMD on this day, or null. */
  endedOn: string | null
  setBy: string
  setAt: string
}

function paroleReviewOf(r: Awaited<ReturnType<typeof reviewsOfCase>>[number]): SarParoleReview {
  return { hearingDate: r.hearingDate, outcome: r.outcome as ParoleReviewOutcome, outcomeDate: r.outcomeDate, nextHearingDate: r.nextHearingDate, recordedAt: r.createdAt, updatedAt: r.updatedAt }
}

function handoverOf(r: ComHandoverRecord): SarHandover {
  return {
    communityOffenderManager: { name: r.comName, email: r.comEmail, phone: r.comPhone, team: r.comTeam, probationDeliveryUnit: r.pdu, localDeliveryUnit: r.ldu, localDeliveryUnitEmail: r.lduEmail, allocatedOn: r.comAllocatedOn },
    victimLiaisonOfficer: { name: r.vloName, contact: r.vloContact, lastContactOn: r.vloLastContactOn },
    checklist: CHECKLIST_TASKS.map((task) => {
      const cols = TASK_COLUMNS[task]
      return { task, label: CHECKLIST_TASK_LABELS[task], done: r[cols.done], by: r[cols.by], at: r[cols.at] }
    }),
    communityNotified: r.communityNotifiedAt === null ? null : { at: r.communityNotifiedAt, by: r.communityNotifiedBy },
    lastRecordedHandover: { responsibility: r.lastResponsibility, comResponsibleDate: r.lastComResponsibleDate },
    updatedAt: r.updatedAt,
  }
}

function assessmentOf(r: AssessmentRecord): SarEarlyAllocationAssessment {
  return {
    createdOn: r.createdOn,
    oasysDate: r.oasysDate,
    answers: answersOf(r),
    outcome: r.outcome as EarlyAllocationOutcomeValue,
    createdWithinReferralWindow: r.createdWithinReferralWindow,
    reason: r.reason,
    approved: r.approved,
    communityDecision: { accepted: r.communityDecision, on: r.communityDecisionOn, by: r.communityDecisionBy },
    assessedBy: r.assessor,
    assessedAt: r.createdAt,
  }
}

function overrideOf(r: OverrideRecord): SarResponsibilityOverride {
  return { responsibility: r.responsibility as 'pom' | 'com', reason: r.reason, startDate: r.startDate, endDate: r.endDate, endedOn: r.endedOn, setBy: r.setBy, setAt: r.createdAt }
}

/** Replaces sensitive notes anywhere inside an audit payload, collecting them for review. */
function redact(value: unknown, where: string, held: HeldBackNote[]): unknown {
  if (Array.isArray(value)) return value.map((v) => redact(v, where, held))
  if (value === null || typeof value !== 'object') return value
  const o = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) out[k] = redact(v, where, held)
  if (isSensitiveNote(o)) {
    held.push({ sessionId: typeof o.id === 'number' ? o.id : null, date: typeof o.date === 'string' ? o.date : null, where, note: o.notes })
    out.notes = HELD_BACK
  }
  return out
}

export async function subjectAccessDocument(db: Db, prisonerId: number, now: Date): Promise<SubjectAccessDocument> {
  const rows = await subjectAccessRows(db, prisonerId)
  if (!rows) throw new UserFacingError('not_found', 'That prisoner is not on record.', 'prisonerId')
  const { prisoner: p, staffNames: names } = rows
  // coWorkingsOf lists the latest first; the disclosure reads in time order, as the allocations do.
  const coWorkings = (await coWorkingsOf(db, prisonerId)).slice().reverse()
  // Issue 17: the other case records, each through its own domain's store, in time order.
  const paroleReviews = (await reviewsOfCase(db, prisonerId)).slice().reverse()
  const handover = await readComHandover(db, prisonerId)
  const assessments = await assessmentsOf(db, prisonerId)
  const overrides = (await overridesOf(db, prisonerId)).slice().reverse()
  const held: HeldBackNote[] = []
  const sessions = rows.sessions.map((s) => {
    if (s.notesSensitive && s.notes) held.push({ sessionId: s.id, date: s.date, where: 'session record', note: s.notes })
    return {
      id: s.id,
      date: s.date,
      inPerson: s.inPerson,
      mode: s.mode,
      durationMinutes: s.durationMinutes,
      notes: s.notesSensitive && s.notes ? HELD_BACK : s.notes,
      recordedOn: s.recordedOn,
      recordedOnReason: s.recordedOnReason,
      // Issue 16: who entered the record (null when not kept).
      recordedBy: s.recordedBy,
      staffName: s.staffId === null ? null : (names.get(s.staffId) ?? null),
    }
  })
  return {
    schemaVersion: SAR_SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    prisoner: { ...p, id: undefined, version: undefined },
    allocations: rows.allocations.map((a) => ({ staffName: names.get(a.staffId) ?? 'Unknown', startDate: a.startDate, endDate: a.endDate, reason: a.reason, pomTypeReason: a.pomTypeReason })),
    coWorking: coWorkings.map((c) => ({ staffName: names.get(c.staffId) ?? 'Unknown', startDate: c.startDate, endDate: c.endDate, reason: c.reason })),
    paroleReviews: paroleReviews.map(paroleReviewOf),
    handover: handover ? handoverOf(handover) : null,
    earlyAllocationAssessments: assessments.map(assessmentOf),
    responsibilityOverrides: overrides.map(overrideOf),
    sessions,
    auditTrail: rows.audits.map((a) => ({
      at: a.at,
      username: a.username,
      role: a.role,
      channel: a.channel,
      entity: a.entity,
      entityId: a.entityId,
      before: redact(a.before === null ? null : JSON.parse(a.before), `audit row ${a.id}`, held),
      after: redact(a.after === null ? null : JSON.parse(a.after), `audit row ${a.id}`, held),
    })),
    heldBack: held,
  }
}
