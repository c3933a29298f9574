import {
  earlyAllocationOutcome,
  earlyAllocationState,
  overrideInForce,
  overrideOn,
  validateOasysDate,
  withinReferralWindow,
  type EarlyAllocationQuestion,
} from '../../../shared/engine'
import type { Db } from '../../../db/store/types'
import type { User } from '../../../shared/ipc/channels/auth'
import type { EarlyAllocationView, ResponsibilityOverrideView } from '../../../shared/ipc/channels/caseWork'
import { UserFacingError } from '../../../shared/ipc/result'
import { openAllocation, requirePrisoner, staffById, type PrisonerRecord } from '../caseload/store'
import { readComHandover } from '../handover/store'
import { reconcileHandovers } from '../handover/reconcile'
import { referralMailto } from '../handover/mailto'
import { releaseDateOf } from '../handover/view'
import { evalSettings } from '../caseload/context'
import { loadCases, targetHearingDateOf } from '../caseload/load'
import { verdictFor } from '../caseload/verdict'
import { readEstablishment } from '../establishment/store'
import type { Handlers } from '../handlers/types'
import { paroleInputs } from '../../../shared/engine/case/paroleReviews'
import { reviewsOfCase, toParoleReview } from '../parole/store'
import { recommendationFor } from './recommend'
import {
  answersOf,
  assessmentsOf,
  endOverrideOn,
  insertAssessment,
  insertOverride,
  openOverridesOf,
  overridesOf,
  setCommunityDecision,
  toEarlyAllocationRecord,
  type AssessmentRecord,
  type OverrideRecord,
} from './store'

// Case work (issue 17): early allocation assessments (../shared/specs/mpc-rules.md section C),
// HOMD responsibility overrides, and the recommended POM type (section B). Every rule is the
// engine's (shared/engine/mpc); this only reads, checks who is asking, writes and audits. Every
// change is filed under the prisoner, so the case's Record history shows it and the case cache
// reads the case again.

/** Spec C.1's questions as the form asks them, for sentences naming an unanswered one. */
const QUESTION_LABELS: Record<EarlyAllocationQuestion, string> = {
  convictedUnderTerrorismAct2000: 'convicted under the Terrorism Act 2000',
  highProfile: 'high profile',
  seriousCrimePreventionOrder: 'serious crime prevention order',
  mappaLevel3: 'MAPPA level 3',
  cppcCase: 'likely Critical Public Protection Case',
  extremismSeparation: 'held in an extremism separation centre',
  dueForReleaseInLessThan24Months: 'due for release in less than 24 months',
  highRiskOfSeriousHarm: 'very high risk of serious harm',
  mappaLevel2: 'MAPPA level 2',
  pathfinderProcess: 'identified through the pathfinder process',
  otherReason: 'any other reason',
}

/**
 * Spec C.4 for a prisoner on a day. The target hearing is the one the handover rules read
 * (../shared/specs/handover-2023.md section 6): from the case's parole reviews, else its own.
 */
async function windowFor(db: Db, p: PrisonerRecord, today: string): Promise<boolean> {
  const reviews = (await reviewsOfCase(db, p.id)).map(toParoleReview)
  return withinReferralWindow({
    today,
    tariffDate: p.tariffDate,
    paroleEligibilityDate: p.paroleEligibilityDate,
    targetHearingDate: paroleInputs(reviews, p.sentenceStartDate)?.targetHearingDate ?? p.targetHearingDate,
    automaticReleaseDate: p.automaticReleaseDate,
    conditionalReleaseDate: p.conditionalReleaseDate,
  }).withinReferralWindow
}

async function earlyAllocationView(db: Db, p: PrisonerRecord, today: string): Promise<EarlyAllocationView> {
  const rows = await assessmentsOf(db, p.id)
  const within = await windowFor(db, p, today)
  const state = earlyAllocationState({ today, sentenceStartDate: p.sentenceStartDate, licenceExpiryDate: p.licenceExpiryDate, withinReferralWindow: within, assessments: rows.map(toEarlyAllocationRecord) })
  const assessments = rows
    .map((r) => {
      const o = earlyAllocationOutcome({ ...answersOf(r), createdWithinReferralWindow: r.createdWithinReferralWindow, communityDecision: r.communityDecision })
      return {
        id: r.id,
        answers: answersOf(r),
        oasysDate: r.oasysDate,
        createdOn: r.createdOn,
        outcome: r.outcome as 'eligible' | 'discretionary' | 'ineligible',
        createdWithinReferralWindow: r.createdWithinReferralWindow,
        communityDecision: r.communityDecision,
        communityDecisionOn: r.communityDecisionOn,
        communityDecisionBy: r.communityDecisionBy,
        reason: r.reason,
        approved: r.approved,
        assessor: r.assessor,
        shortOutcome: o.shortOutcome ?? '',
        longOutcome: o.longOutcome ?? '',
        // Spec C6: made during the current sentence.
        countsForThisSentence: r.createdOn >= p.sentenceStartDate,
      }
    })
    .reverse()
  return { today, withinReferralWindow: within, lduEmail: await lduEmailOf(db, p.id), state, assessments }
}

/** The LDU's email from the case's handover details (the com_handover table), or null when blank or not recorded. */
async function lduEmailOf(db: Db, prisonerId: number): Promise<string | null> {
  const email = (await readComHandover(db, prisonerId))?.lduEmail?.trim() ?? ''
  return email === '' ? null : email
}

/** A POM assesses only cases allocated to them (issue 17: "the case's POM and HOMD"). */
async function mustBeTheCasesPom(db: Db, actor: User | null, prisonerId: number, what: string): Promise<void> {
  if (actor?.role !== 'pom') return
  const open = await openAllocation(db, prisonerId)
  if (actor.staffId === null || open?.staffId !== actor.staffId) {
    throw new UserFacingError('forbidden', `As a POM you can ${what} only for cases allocated to you. Ask the case’s POM or a HOMD.`)
  }
}

function toOverrideView(r: OverrideRecord, today: string): ResponsibilityOverrideView {
  return {
    id: r.id,
    responsibility: r.responsibility as 'pom' | 'com',
    reason: r.reason,
    startDate: r.startDate,
    endDate: r.endDate,
    endedOn: r.endedOn,
    setBy: r.setBy,
    createdAt: r.createdAt,
    inForce: overrideInForce({ responsibility: r.responsibility as 'pom' | 'com', startDate: r.startDate, endDate: r.endDate, endedOn: r.endedOn }, today),
  }
}

function asOverrideRecords(rows: OverrideRecord[]) {
  return rows.map((r) => ({ ...r, responsibility: r.responsibility as 'pom' | 'com' }))
}

export const caseWorkHandlers: Handlers['caseWork'] = {
  earlyAllocation: async ({ prisonerId }, { store, today }) => earlyAllocationView(store.db, await requirePrisoner(store.db, prisonerId), today),

  assessEarlyAllocation: async (input, { store, today, now, actor, audit }) => {
    const p = await requirePrisoner(store.db, input.prisonerId)
    await mustBeTheCasesPom(store.db, actor, p.id, 'assess early allocation')
    // Spec C.1: "Starting needs the case's LDU email" (MPC asks for it before the first question):
    // the referral an eligible or discretionary outcome drafts goes to the LDU.
    if ((await lduEmailOf(store.db, p.id)) === null) {
      throw new UserFacingError('invalid_input', 'Record the LDU’s email in the case’s handover details before assessing early allocation: a referral goes to the LDU.', 'lduEmail')
    }
    // Spec C.2: the OASys date first.
    const oasys = validateOasysDate({ today, oasysRiskAssessmentDate: input.oasysDate })
    if (!oasys.valid || input.oasysDate === null) throw new UserFacingError('invalid_input', `${oasys.message ?? 'Enter the date of the last OASys risk assessment'}.`, 'oasysDate')
    // Spec C.4: the window on the day it is saved is kept with it.
    const within = await windowFor(store.db, p, today)
    const result = earlyAllocationOutcome({ ...input.answers, createdWithinReferralWindow: within })
    const first = result.missingAnswers[0]
    if (first !== undefined || result.outcome === null) {
      throw new UserFacingError('invalid_input', `Answer every question: ${first ? `“${QUESTION_LABELS[first]}”` : 'a question'} has no answer yet.`, first ?? 'answers')
    }
    // Spec C.1: a discretionary case is saved only with a reason and the HOMD's approval.
    if (result.outcome === 'discretionary') {
      if (input.reason.trim() === '') throw new UserFacingError('invalid_input', 'Give the reason this case should be referred to the community probation team.', 'reason')
      if (!input.approved) throw new UserFacingError('invalid_input', 'A discretionary referral needs the HOMD’s approval: confirm the HOMD has approved it.', 'approved')
    }
    const row: AssessmentRecord = await insertAssessment(store.db, {
      prisonerId: p.id,
      answers: JSON.stringify(input.answers),
      oasysDate: input.oasysDate,
      createdOn: today,
      outcome: result.outcome,
      createdWithinReferralWindow: within,
      communityDecision: null,
      reason: result.outcome === 'discretionary' ? input.reason.trim() : '',
      approved: result.outcome === 'discretionary' ? input.approved : false,
      assessor: actor?.displayName ?? 'system',
      assessorUserId: actor?.id ?? null,
      createdAt: now.toISOString(),
    })
    audit({ entity: 'prisoner', entityId: p.id, before: null, after: { earlyAllocationAssessment: { ...row, answers: input.answers } } })
    // ../shared/specs/mpc-rules.md D.5: an eligible outcome brings the handover forward (C.5).
    await reconcileHandovers({ store, today, now, actor, audit }, { prisonerIds: [p.id] })
    return earlyAllocationView(store.db, p, today)
  },

  recordCommunityDecision: async ({ prisonerId, assessmentId, decision }, { store, today, now, actor, audit }) => {
    const p = await requirePrisoner(store.db, prisonerId)
    await mustBeTheCasesPom(store.db, actor, p.id, 'record the community decision')
    const rows = await assessmentsOf(store.db, p.id)
    const last = rows[rows.length - 1]
    // Spec C.3: the decision is recorded later, on the latest assessment only, when it awaits one.
    if (!last || last.id !== assessmentId) throw new UserFacingError('conflict', 'Only the latest assessment takes the community’s decision. Reload the case.', 'assessmentId')
    const awaiting = earlyAllocationOutcome({ ...answersOf(last), createdWithinReferralWindow: last.createdWithinReferralWindow, communityDecision: last.communityDecision }).awaitingCommunityDecision
    if (!awaiting) throw new UserFacingError('conflict', 'This assessment is not waiting for a community decision.', 'assessmentId')
    const row = await setCommunityDecision(store.db, last.id, decision, today, actor?.displayName ?? 'system')
    audit({ entity: 'prisoner', entityId: p.id, before: { earlyAllocationAssessment: { id: last.id, communityDecision: null } }, after: { earlyAllocationAssessment: { id: row.id, communityDecision: decision, communityDecisionOn: today } } })
    // ../shared/specs/mpc-rules.md D.5: the decision settles whether the case is early allocation (C.5).
    await reconcileHandovers({ store, today, now, actor, audit }, { prisonerIds: [p.id] })
    return earlyAllocationView(store.db, p, today)
  },

  draftReferral: async ({ prisonerId, assessmentId }, { store, today, actor, host }) => {
    const p = await requirePrisoner(store.db, prisonerId)
    await mustBeTheCasesPom(store.db, actor, p.id, 'draft early allocation referrals')
    const rows = await assessmentsOf(store.db, p.id)
    const last = rows[rows.length - 1]
    if (!last || last.id !== assessmentId) throw new UserFacingError('conflict', 'Only the latest assessment leads to a referral. Reload the case.', 'assessmentId')
    // Spec C.1: only an assessment saved inside the referral window drafts anything.
    if (!last.createdWithinReferralWindow) throw new UserFacingError('invalid_input', 'This assessment was saved outside the referral window, so there is no referral to send yet.', 'assessmentId')
    if (last.outcome !== 'eligible' && last.outcome !== 'discretionary') throw new UserFacingError('invalid_input', 'This assessment found the case not eligible for early allocation, so there is no referral to send.', 'assessmentId')
    const handover = await readComHandover(store.db, p.id)
    // Spec C.1: the referral goes to the LDU; the COM's email when no LDU email is recorded.
    const to = [handover?.lduEmail, handover?.comEmail].map((e) => e?.trim() ?? '').find((e) => e !== '') ?? null
    if (!to) throw new UserFacingError('invalid_input', 'Record the LDU’s email in the case’s handover details first, so the referral has someone to go to.', 'lduEmail')
    if (!host.openExternal) throw new UserFacingError('unavailable', 'This computer cannot open an email program from the app.')
    const s = await evalSettings(store.db, today)
    const [rec] = await loadCases(store, { prisonerId: p.id })
    const v = rec ? verdictFor(rec, s) : null
    const answers = answersOf(last)
    const kind = last.outcome === 'eligible' ? 'referral' : 'decision_request'
    const mailto = referralMailto({
      to,
      kind,
      prisonerName: `${p.firstName} ${p.lastName}`,
      prisonNumber: p.prisonNumber,
      establishment: (await readEstablishment(store.db))?.name ?? 'the prison',
      assessedOn: last.createdOn,
      assessor: last.assessor,
      oasysDate: last.oasysDate,
      criteria: (Object.keys(QUESTION_LABELS) as EarlyAllocationQuestion[]).filter((q) => answers[q] === true).map((q) => QUESTION_LABELS[q]),
      reason: last.outcome === 'discretionary' && last.reason.trim() !== '' ? last.reason : null,
      releaseDate: rec ? releaseDateOf(rec.prisoner, today, targetHearingDateOf(rec)) : null,
      comResponsibleDate: v?.ok ? v.evaluation.handover.comResponsibleDate : null,
      pomName: rec?.current?.staffName ?? null,
    })
    try {
      await host.openExternal(mailto)
    } catch {
      throw new UserFacingError('unavailable', 'Your email program could not be opened. Check that an email program is set up on this computer.')
    }
    return { mailto, kind }
  },

  overrides: async ({ prisonerId }, { store, today }) => {
    await requirePrisoner(store.db, prisonerId)
    return (await overridesOf(store.db, prisonerId)).map((r) => toOverrideView(r, today))
  },

  setOverride: async ({ prisonerId, responsibility, reason, endDate }, { store, today, now, actor, audit }) => {
    const p = await requirePrisoner(store.db, prisonerId)
    if (endDate <= today) throw new UserFacingError('invalid_input', 'End date: must be after today (the override ends on that day).', 'endDate')
    // One override at a time: the one in force ends today, when the new one starts.
    const current = overrideOn(asOverrideRecords(await openOverridesOf(store.db, p.id)), today)
    const ended = current ? await endOverrideOn(store.db, current.id, today) : null
    const row = await insertOverride(store.db, { prisonerId: p.id, responsibility, reason, startDate: today, endDate, setBy: actor?.displayName ?? 'system', setByUserId: actor?.id ?? null, createdAt: now.toISOString() })
    audit({ entity: 'prisoner', entityId: p.id, before: ended ? { responsibilityOverride: ended } : null, after: { responsibilityOverride: row } })
    return toOverrideView(row, today)
  },

  endOverride: async ({ prisonerId }, { store, today, audit }) => {
    const p = await requirePrisoner(store.db, prisonerId)
    const current = overrideOn(asOverrideRecords(await openOverridesOf(store.db, p.id)), today)
    if (!current) throw new UserFacingError('not_found', 'This case has no responsibility override in force.', 'prisonerId')
    const row = await endOverrideOn(store.db, current.id, today)
    audit({ entity: 'prisoner', entityId: p.id, before: { responsibilityOverride: current }, after: { responsibilityOverride: row } })
    return toOverrideView(row, today)
  },

  recommendPomType: async ({ prisonerId, staffId }, { store, today }) => {
    let role: string | null = null
    if (staffId !== null) {
      const s = await staffById(store.db, staffId)
      if (!s) throw new UserFacingError('not_found', 'That member of staff is not on record.', 'staffId')
      role = s.role
    }
    return recommendationFor(store, prisonerId, today, role)
  },
}
