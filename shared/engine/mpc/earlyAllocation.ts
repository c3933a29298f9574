// Early allocation to the community probation team (../shared/specs/mpc-rules.md section C; seed
// 002 baseline 3.1, weighting 3: early allocation to the community). The questions (C.1), the
// OASys date check (C.2), one assessment's outcome (C.3), the 18-month referral window (C.4) and
// the case's state across its assessments (C.5). Pure: `today` is always an input.
import type { IsoDate } from '../types'
import { addMonths, optionalDay, requireDay } from '../case/dates'
import { CaseInputError, describe } from '../case/errors'

/** Spec C.1: the questions, in asking order (also `missingAnswers` order). */
export const EARLY_ALLOCATION_QUESTIONS = [
  'convictedUnderTerrorismAct2000',
  'highProfile',
  'seriousCrimePreventionOrder',
  'mappaLevel3',
  'cppcCase',
  'extremismSeparation',
  'dueForReleaseInLessThan24Months',
  'highRiskOfSeriousHarm',
  'mappaLevel2',
  'pathfinderProcess',
  'otherReason',
] as const
export type EarlyAllocationQuestion = (typeof EARLY_ALLOCATION_QUESTIONS)[number]
export type EarlyAllocationAnswers = Record<EarlyAllocationQuestion, boolean | null> // null: not answered

/** Spec C.1: stage 1, all required; any yes makes the case eligible. */
export const STAGE_ONE_QUESTIONS = EARLY_ALLOCATION_QUESTIONS.slice(0, 5) as readonly EarlyAllocationQuestion[]
/** Spec C.1: stage 2, asked only when every stage-1 answer is no. */
export const STAGE_TWO_QUESTIONS = EARLY_ALLOCATION_QUESTIONS.slice(5) as readonly EarlyAllocationQuestion[]

export const EARLY_ALLOCATION_OUTCOMES = ['eligible', 'discretionary', 'ineligible'] as const
export type EarlyAllocationOutcomeValue = (typeof EARLY_ALLOCATION_OUTCOMES)[number]

export interface OasysDateInput {
  today: IsoDate
  oasysRiskAssessmentDate: IsoDate | null
}
export interface OasysDateResult {
  valid: boolean
  error: 'blank' | 'too_old' | 'in_future' | null
  message: string | null
}

export interface EarlyAllocationOutcomeInput extends Partial<EarlyAllocationAnswers> {
  createdWithinReferralWindow?: boolean // default true
  communityDecision?: boolean | null // later, on the latest assessment only
}
export interface EarlyAllocationOutcomeResult {
  missingAnswers: EarlyAllocationQuestion[]
  outcome: EarlyAllocationOutcomeValue | null
  finalEligible: boolean
  awaitingCommunityDecision: boolean
  shortOutcome: string | null
  longOutcome: string | null
}

export interface ReferralWindowInput {
  today: IsoDate
  tariffDate?: IsoDate | null
  paroleEligibilityDate?: IsoDate | null
  targetHearingDate?: IsoDate | null
  automaticReleaseDate?: IsoDate | null
  conditionalReleaseDate?: IsoDate | null
}

export interface EarlyAllocationRecord {
  createdOn: IsoDate
  outcome: EarlyAllocationOutcomeValue
  createdWithinReferralWindow: boolean
  communityDecision: boolean | null
}
export interface EarlyAllocationStateInput {
  today: IsoDate
  sentenceStartDate: IsoDate
  licenceExpiryDate?: IsoDate | null
  withinReferralWindow: boolean // C.4 for today
  assessments: EarlyAllocationRecord[] // oldest first
}
export type EarlyAllocationStateValue = 'eligible' | 'decision_pending' | 'call_to_action' | 'assessment_saved'
export interface EarlyAllocationStateResult {
  earlyAllocation: boolean
  state: EarlyAllocationStateValue | null
  statusText: string
  badge: string | null
  actionLink: string
  needsNotify: boolean
}

/** Spec C.2: the last OASys risk assessment must be within the last 3 months. */
export const OASYS_MAX_AGE_MONTHS = 3
/** Spec C.4: the referral window, 18 months before the earliest release date. */
export const REFERRAL_WINDOW_MONTHS = 18

function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new CaseInputError(field, `expected true or false, got ${describe(value)}`, value)
  return value
}

function optionalBoolean(value: unknown, field: string): boolean | null {
  if (value === undefined || value === null) return null
  return requireBoolean(value, field)
}

// ---- C.2 -----------------------------------------------------------------------------------------

/**
 * Spec C.2: blank, then too old (on or before today minus 3 months), then in the future. Today
 * itself is valid (app, spec E.5: MPC's strict "before today" rejected it as "future").
 */
export function validateOasysDate(input: OasysDateInput): OasysDateResult {
  const today = requireDay(input.today, 'today')
  const date = optionalDay(input.oasysRiskAssessmentDate, 'oasysRiskAssessmentDate')
  if (date === null) return { valid: false, error: 'blank', message: 'Enter the date of the last OASys risk assessment' }
  if (date <= addMonths(today, -OASYS_MAX_AGE_MONTHS)) return { valid: false, error: 'too_old', message: 'This date must be in the last 3 months' }
  if (date > today) return { valid: false, error: 'in_future', message: 'This must not be a date in the future' }
  return { valid: true, error: null, message: null }
}

// ---- C.3 -----------------------------------------------------------------------------------------

function readAnswers(input: Partial<EarlyAllocationAnswers>): EarlyAllocationAnswers {
  const out = {} as EarlyAllocationAnswers
  for (const q of EARLY_ALLOCATION_QUESTIONS) out[q] = optionalBoolean(input[q], q)
  return out
}

/** Spec C1: the required questions still unanswered, in question order. */
function missingAnswersOf(a: EarlyAllocationAnswers): EarlyAllocationQuestion[] {
  const stageOneMissing = STAGE_ONE_QUESTIONS.filter((q) => a[q] === null)
  if (stageOneMissing.length > 0) return stageOneMissing
  if (STAGE_ONE_QUESTIONS.some((q) => a[q] === true)) return []
  // Stage 2: all required except dueForReleaseInLessThan24Months, asked only after an extremism separation yes.
  return STAGE_TWO_QUESTIONS.filter((q) => a[q] === null && (q !== 'dueForReleaseInLessThan24Months' || a.extremismSeparation === true))
}

/** Spec C2: the outcome of a fully answered assessment. */
function outcomeOf(a: EarlyAllocationAnswers): EarlyAllocationOutcomeValue {
  if (STAGE_ONE_QUESTIONS.some((q) => a[q] === true)) return 'eligible'
  const allNo = (['extremismSeparation', 'highRiskOfSeriousHarm', 'mappaLevel2', 'pathfinderProcess', 'otherReason'] as const).every((q) => a[q] === false)
  if (allNo) return 'ineligible'
  if (a.extremismSeparation === true && a.dueForReleaseInLessThan24Months !== true) return 'ineligible'
  return 'discretionary'
}

/** Spec C.3 (C1 to C5): one assessment's outcome, and how it reads. */
export function earlyAllocationOutcome(input: EarlyAllocationOutcomeInput): EarlyAllocationOutcomeResult {
  const answers = readAnswers(input)
  const within = input.createdWithinReferralWindow === undefined ? true : requireBoolean(input.createdWithinReferralWindow, 'createdWithinReferralWindow')
  const decision = optionalBoolean(input.communityDecision, 'communityDecision')
  const missingAnswers = missingAnswersOf(answers)
  if (missingAnswers.length > 0) {
    return { missingAnswers, outcome: null, finalEligible: false, awaitingCommunityDecision: false, shortOutcome: null, longOutcome: null }
  }
  const outcome = outcomeOf(answers)
  // C3
  const finalEligible = outcome === 'eligible' || decision === true
  const finalIneligible = outcome === 'ineligible' || decision === false
  const awaitingCommunityDecision = within && outcome === 'discretionary' && decision === null
  // C4: the short outcome does not look at the window.
  const shortOutcome = finalEligible ? 'Eligible' : outcome === 'discretionary' && decision === null ? 'Waiting for community decision' : 'Not eligible'
  // C5
  let longOutcome: string
  if (finalEligible) {
    longOutcome = within ? 'Eligible - the community probation team will take responsibility for this case early' : 'Eligible - assessment not sent to the community probation team'
  } else if (finalIneligible) {
    longOutcome = 'Not eligible'
  } else if (within) {
    longOutcome = 'Discretionary - the community probation team will make a decision'
  } else {
    longOutcome = 'Discretionary - assessment not sent to the community probation team'
  }
  return { missingAnswers: [], outcome, finalEligible, awaitingCommunityDecision, shortOutcome, longOutcome }
}

// ---- C.4 -----------------------------------------------------------------------------------------

/**
 * Spec C.4: inside the referral window when the earliest of TED, PED, THD, ARD and CRD is on or
 * before today plus 18 months (past dates count); never when all five are unknown.
 */
export function withinReferralWindow(input: ReferralWindowInput): { withinReferralWindow: boolean } {
  const today = requireDay(input.today, 'today')
  const dates = [
    optionalDay(input.tariffDate, 'tariffDate'),
    optionalDay(input.paroleEligibilityDate, 'paroleEligibilityDate'),
    optionalDay(input.targetHearingDate, 'targetHearingDate'),
    optionalDay(input.automaticReleaseDate, 'automaticReleaseDate'),
    optionalDay(input.conditionalReleaseDate, 'conditionalReleaseDate'),
  ].filter((d): d is number => d !== null)
  if (dates.length === 0) return { withinReferralWindow: false }
  return { withinReferralWindow: Math.min(...dates) <= addMonths(today, REFERRAL_WINDOW_MONTHS) }
}

// ---- C.5 -----------------------------------------------------------------------------------------

/** Spec C9: what each state shows. */
export const EARLY_ALLOCATION_DISPLAY: Record<EarlyAllocationStateValue | 'none', { statusText: string; badge: string | null; actionLink: string }> = {
  eligible: { statusText: 'Eligible - case handover date has been updated', badge: 'eligible', actionLink: 'View assessment' },
  decision_pending: { statusText: 'Discretionary - the community probation team will make a decision', badge: 'decision pending', actionLink: 'Record community decision' },
  call_to_action: { statusText: 'New assessment required', badge: 'assessment saved', actionLink: 'Check and reassess' },
  assessment_saved: { statusText: 'Has saved assessments', badge: 'assessment saved', actionLink: 'Check and reassess' },
  none: { statusText: 'Not assessed', badge: null, actionLink: 'Start assessment' },
}

function readRecords(value: unknown): { createdOn: number; outcome: EarlyAllocationOutcomeValue; within: boolean; decision: boolean | null }[] {
  if (!Array.isArray(value)) throw new CaseInputError('assessments', `expected an array, got ${describe(value)}`, value)
  return value.map((r: unknown, i) => {
    if (typeof r !== 'object' || r === null) throw new CaseInputError(`assessments[${i}]`, `expected an assessment, got ${describe(r)}`, r)
    const rec = r as Record<string, unknown>
    const outcome = rec.outcome
    if (typeof outcome !== 'string' || !(EARLY_ALLOCATION_OUTCOMES as readonly string[]).includes(outcome)) {
      throw new CaseInputError(`assessments[${i}].outcome`, `expected 'eligible', 'discretionary' or 'ineligible', got ${describe(outcome)}`, outcome)
    }
    return {
      createdOn: requireDay(rec.createdOn, `assessments[${i}].createdOn`),
      outcome: outcome as EarlyAllocationOutcomeValue,
      within: requireBoolean(rec.createdWithinReferralWindow, `assessments[${i}].createdWithinReferralWindow`),
      decision: optionalBoolean(rec.communityDecision, `assessments[${i}].communityDecision`),
    }
  })
}

/**
 * Spec C6 and C7 without the licence check: whether the latest assessment of this sentence brings
 * the handover forward (made inside the referral window, and eligible or accepted by the
 * community). The case engine's `earlyAllocation` input; earlyAllocationState adds C7's licence
 * expiry check (`licenceExpiryDate` null or ≥ today) on top.
 */
export function assessedEarlyAllocation(input: { sentenceStartDate: IsoDate; assessments: EarlyAllocationRecord[] }): boolean {
  const sentenceStart = requireDay(input.sentenceStartDate, 'sentenceStartDate')
  const ea = readRecords(input.assessments).filter((r) => r.createdOn >= sentenceStart)
  const last = ea.length > 0 ? ea[ea.length - 1] : undefined
  return last !== undefined && last.within && (last.outcome === 'eligible' || last.decision === true)
}

/** Spec C.5 (C6 to C10): the case's early allocation across its assessments for this sentence. */
export function earlyAllocationState(input: EarlyAllocationStateInput): EarlyAllocationStateResult {
  const today = requireDay(input.today, 'today')
  const sentenceStart = requireDay(input.sentenceStartDate, 'sentenceStartDate')
  const licenceExpiry = optionalDay(input.licenceExpiryDate, 'licenceExpiryDate')
  const windowNow = requireBoolean(input.withinReferralWindow, 'withinReferralWindow')
  // C6: only this sentence's assessments count; L is the last of them.
  const ea = readRecords(input.assessments).filter((r) => r.createdOn >= sentenceStart)
  const last = ea.length > 0 ? ea[ea.length - 1] : undefined
  const lastFinalEligible = last !== undefined && (last.outcome === 'eligible' || last.decision === true)
  // C7: an expired licence ends it; expiring today still counts.
  const earlyAllocation = last !== undefined && last.within && lastFinalEligible && (licenceExpiry === null || licenceExpiry >= today)
  // C8, the first that applies.
  let state: EarlyAllocationStateValue | null = null
  if (earlyAllocation) state = 'eligible'
  else if (last !== undefined && last.within && last.outcome === 'discretionary' && last.decision === null) state = 'decision_pending'
  else if (windowNow && ea.some((r) => !r.within && (r.outcome === 'eligible' || r.outcome === 'discretionary'))) state = 'call_to_action'
  else if (last !== undefined && (!last.within || !lastFinalEligible)) state = 'assessment_saved'
  // C10: reassess now that the window has opened.
  const needsNotify = windowNow && ea.some((r) => !r.within && r.outcome !== 'ineligible') && !ea.some((r) => r.within)
  const display = EARLY_ALLOCATION_DISPLAY[state ?? 'none']
  return { earlyAllocation, state, statusText: display.statusText, badge: display.badge, actionLink: display.actionLink, needsNotify }
}
