// priorityCohortsFor (issue 4): which of seed 002's seven priority cohorts for supervision a
// prisoner is in ("Priority supervision should be given to the following cohorts as we progress
// through stages 4 to 1"). The seed names the cohorts but does not define them; our readings:
//
// - newly sentenced indeterminate: indeterminate sentence and today within 12 weeks (84 days,
//   inclusive) of the sentence start date: the "start custodial sentence" period of seed 003
//   (3 in-person supervision sessions within 12 weeks).
// - handover period (issue 17): the case is on the "upcoming" or "in progress" handover list of
//   ../shared/specs/mpc-rules.md A.1 (A2, A3), i.e. not released and either in the 8 weeks before
//   the handover starts (inWindow) or with the COM supporting or responsible (underway); the same
//   period in which the handover checklist is open (D.4). The earlier reading, comAllocatedDate <=
//   today < comResponsibleDate, was empty under omic2023, where both dates are one day (issue 17,
//   "Policy readings to put right").
// - approaching parole, indeterminate and determinate: the parole eligibility date, tariff date
//   or target hearing date falls within the next 26 weeks (today to today + 182 days inclusive):
//   the parole review timetable starts 26 weeks ahead (Generic Parole Process). Past dates do not
//   count: a post-tariff prisoner is "approaching" again once a new target hearing date is set.
// - early allocation (e.g. TACT): earlyAllocation or tact is true.
// - care experienced: careExperienced is true.
// - young adult: aged 18 to 25 inclusive on today (HMPPS usage, "young adults (18-25)"); without a
//   date of birth the cohort is reported as undetermined, not silently dropped.
// - key worker priority: keyWorkerPriority is true (identified after key worker/POM consultation).
import type { IsoDate } from '../types'
import type { Responsibility } from '../case/types'
import { handoverLists, responsibilityFromHandoverDates } from '../mpc/handoverLists'
import { ageOn, dayOf, optionalDayOf } from './dates'
import { ukDateOrNull } from '../../dates'

/** A reason's date as a person reads it (issue 16: dd/mm/yyyy wherever a user reads a date). */
const shown = (iso: IsoDate | null | undefined): string => (iso ? (ukDateOrNull(iso) ?? iso) : 'an unknown date')

export const OMU_PRIORITY_COHORT_IDS = [
  'newly_sentenced_indeterminate',
  'handover_period',
  'approaching_parole',
  'early_allocation',
  'care_experienced',
  'young_adult',
  'key_worker_priority',
] as const
export type PriorityCohortId = (typeof OMU_PRIORITY_COHORT_IDS)[number]

/**
 * Whether the caseload lists the priority cohorts first at an establishment stage (issue 17).
 * Seed 002: "Priority supervision should be given to the following cohorts as we progress through
 * stages 4 to 1". Our reading: at every stage below 1 (4 Red / lockdown, 3 Restrict, 2 Reduce) the
 * cohorts come first; at stage 1 (Prepare) seed 002 has "Staffing levels near target and
 * sufficient for normal regime delivery including full offender management processes", so the
 * caseload keeps its normal order there (the progression ends at 1; priority is no longer needed
 * when full offender management is back). An earlier reading put them first at stages 4 and 3 only.
 */
export function priorityCohortsFirst(stage: 1 | 2 | 3 | 4): boolean {
  switch (stage) {
    case 4:
    case 3:
    case 2:
      return true
    case 1:
      return false
    default: {
      const never: never = stage
      throw new Error(`Unknown stage ${String(never)}`)
    }
  }
}

/** Days in "newly sentenced" (12 weeks, seed 003 start of custody). */
export const NEWLY_SENTENCED_DAYS = 84
/** Days ahead in "approaching parole" (26 weeks). */
export const APPROACHING_PAROLE_DAYS = 182
export const YOUNG_ADULT_MIN_AGE = 18
export const YOUNG_ADULT_MAX_AGE = 25

/** Plain case facts; dates are ISO 'YYYY-MM-DD'; names match the case engine's CaseInput / Handover. */
export interface PriorityCohortFacts {
  today: IsoDate
  sentenceType: 'determinate' | 'indeterminate'
  sentenceStartDate: IsoDate
  comAllocatedDate?: IsoDate | null
  comResponsibleDate?: IsoDate | null
  /** Live responsibility (the case engine's, never an override); default: from the two dates (spec A.2). */
  responsibility?: Responsibility
  /** Spec A.3: a case released on or before today is in no handover period (A1). */
  earliestReleaseDate?: IsoDate | null
  /** Spec A.1 / F: the establishment's upcoming window in days (default 56, 8 weeks). */
  upcomingWindowDays?: number
  paroleEligibilityDate?: IsoDate | null
  tariffDate?: IsoDate | null
  targetHearingDate?: IsoDate | null
  earlyAllocation?: boolean
  tact?: boolean
  careExperienced?: boolean
  dateOfBirth?: IsoDate | null
  keyWorkerPriority?: boolean
}

export interface PriorityCohortMatch {
  id: PriorityCohortId
  reason: string
}

export interface PriorityCohortResult {
  /** Cohorts the prisoner is in, in the seed's order. */
  cohorts: PriorityCohortMatch[]
  /** Cohorts that could not be decided for lack of a fact. */
  undetermined: PriorityCohortMatch[]
}

function approachingParole(f: PriorityCohortFacts, today: number): string | null {
  const dates: [string, IsoDate | null | undefined][] = [
    ['parole eligibility date', f.paroleEligibilityDate],
    ['tariff date', f.tariffDate],
    ['target hearing date', f.targetHearingDate],
  ]
  for (const [label, value] of dates) {
    const day = optionalDayOf(value, label)
    if (day !== null && day >= today && day - today <= APPROACHING_PAROLE_DAYS) {
      return `${label} ${shown(value)} is within the next 26 weeks`
    }
  }
  return null
}

/**
 * Spec A.1: on the upcoming (A2) or in-progress (A3) list. Their union does not depend on the COM's
 * details (a recorded COM only moves a case from one to the other), so none are asked for.
 */
function handoverPeriod(f: PriorityCohortFacts): string | null {
  const comAllocatedDate = optionalDayOf(f.comAllocatedDate, 'comAllocatedDate') === null ? null : (f.comAllocatedDate as IsoDate)
  const comResponsibleDate = optionalDayOf(f.comResponsibleDate, 'comResponsibleDate') === null ? null : (f.comResponsibleDate as IsoDate)
  const earliestReleaseDate = optionalDayOf(f.earliestReleaseDate, 'earliestReleaseDate') === null ? null : (f.earliestReleaseDate as IsoDate)
  const responsibility = f.responsibility ?? responsibilityFromHandoverDates({ today: f.today, comAllocatedDate, comResponsibleDate }).responsibility
  const window = f.upcomingWindowDays ?? 56
  const lists = handoverLists({ today: f.today, responsibility, comResponsibleDate, comAllocatedDate, earliestReleaseDate, upcomingWindowDays: window })
  const within = window % 7 === 0 ? `${window / 7} weeks` : `${window} days`
  if (lists.upcoming) return `handover starts on ${shown(comAllocatedDate ?? comResponsibleDate)}, within the next ${within}`
  if (lists.inProgress) return responsibility === 'com' ? `COM responsible from ${shown(comResponsibleDate)}; not yet released` : `handover under way; COM responsible from ${shown(comResponsibleDate)}`
  return null
}

/** Throws OmuInputError when a date is not a real 'YYYY-MM-DD' date. */
export function priorityCohortsFor(facts: PriorityCohortFacts): PriorityCohortResult {
  const today = dayOf(facts.today, 'today')
  const start = dayOf(facts.sentenceStartDate, 'sentenceStartDate')
  const cohorts: PriorityCohortMatch[] = []
  const undetermined: PriorityCohortMatch[] = []
  const sinceStart = today - start
  if (facts.sentenceType === 'indeterminate' && sinceStart >= 0 && sinceStart <= NEWLY_SENTENCED_DAYS) {
    cohorts.push({ id: 'newly_sentenced_indeterminate', reason: `indeterminate sentence started ${sinceStart} days ago (within 12 weeks)` })
  }
  const handover = handoverPeriod(facts)
  if (handover !== null) cohorts.push({ id: 'handover_period', reason: handover })
  const parole = approachingParole(facts, today)
  if (parole !== null) cohorts.push({ id: 'approaching_parole', reason: parole })
  if (facts.earlyAllocation === true || facts.tact === true) {
    cohorts.push({ id: 'early_allocation', reason: facts.tact === true ? 'TACT offender (early allocation criteria)' : 'meets the early allocation criteria' })
  }
  if (facts.careExperienced === true) cohorts.push({ id: 'care_experienced', reason: 'has experienced care' })
  if (facts.dateOfBirth === undefined || facts.dateOfBirth === null) {
    undetermined.push({ id: 'young_adult', reason: 'no date of birth recorded' })
  } else {
    const age = ageOn(facts.dateOfBirth, facts.today)
    if (age >= YOUNG_ADULT_MIN_AGE && age <= YOUNG_ADULT_MAX_AGE) cohorts.push({ id: 'young_adult', reason: `aged ${age} (young adult: 18 to 25)` })
  }
  if (facts.keyWorkerPriority === true) cohorts.push({ id: 'key_worker_priority', reason: 'identified as a priority after key worker/POM consultation' })
  return { cohorts, undetermined }
}
