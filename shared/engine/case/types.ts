// Public types of the case engine. Names and shapes are fixed by issue 3 ("Public API").
import type { IsoDate } from '../types'

export type { IsoDate }

export type Policy = 'omic2021' | 'omic2023'

export const POLICIES: readonly Policy[] = ['omic2021', 'omic2023']

export interface CaseSession {
  date: IsoDate
  inPerson: boolean
  recordedOn?: IsoDate | null
}

export interface CaseInput {
  sentenceType: 'determinate' | 'indeterminate'
  sentenceStartDate: IsoDate
  conditionalReleaseDate?: IsoDate | null
  automaticReleaseDate?: IsoDate | null
  paroleEligibilityDate?: IsoDate | null
  tariffDate?: IsoDate | null // indeterminate
  targetHearingDate?: IsoDate | null // indeterminate
  homeDetentionCurfewEligibilityDate?: IsoDate | null
  homeDetentionCurfewActualDate?: IsoDate | null
  mappaLevel?: 0 | 1 | 2 | 3 | null
  earlyAllocation?: boolean
  recall?: boolean
  pomAllocatedDate?: IsoDate | null // first allocation to a POM at this establishment
  arrivalDate?: IsoDate | null // arrival here on transfer from another establishment
  // issue 17: the sentence's first allocation to a POM, at whichever establishment. When given,
  // start_of_custody counts from it rather than from pomAllocatedDate (minima.ts).
  firstPomAllocatedDate?: IsoDate | null
  // Handover spec (../shared/specs/handover-2023.md) section 1: read under 'omic2023' only.
  openConditions?: boolean // held in open conditions (men: open prison; women: category T)
  openConditionsArrivalDate?: IsoDate | null // the day the open-conditions handover start counts from
  immigrationCase?: boolean // held under immigration powers (NOMIS status DET)
  additionalIsp?: boolean // a further ISP, starting after the earliest, still to serve
  paroleOutcome?: ParoleOutcome | null // most recent parole review of this sentence with an outcome
  sessions?: CaseSession[]
}

/** Handover spec section 1: 'release' = the Parole Board directed release; 'not_release' = any other recorded outcome. */
export type ParoleOutcome = 'release' | 'not_release'

/** Stable machine-readable reason codes of a handover calculation. */
export type HandoverReason =
  | 'recall' // COM responsible from the start
  | 'less_than_10_months_to_serve' // COM responsible from the start
  | 'release_date_unknown' // POM responsible, no dates
  | 'early_allocation'
  | 'indeterminate'
  | 'determinate_parole' // determinate with a parole eligibility date
  | 'determinate_mappa_2_3' // omic2021 only
  | 'determinate_mappa_1_n' // omic2021 only: MAPPA level 0, 1 or unknown
  | 'determinate' // omic2023: other determinate
  // omic2023 only, handover spec section 2:
  | 'additional_isp' // R1: POM responsible, no dates
  | 'recall_thd_over_12_months' // R2a: POM responsible with the COM supporting, no dates
  | 'thd_over_12_months' // R2c: POM responsible with the COM supporting, no dates
  | 'parole_mappa_2_3' // R2b: COM responsible, no dates
  | 'immigration_case' // R3: COM responsible, no dates
  | 'indeterminate_open' // R4: ISP in open conditions, handover starts on arrival

/** Reasons under which the COM is responsible from the start (no dates); handover spec R5. */
export const COM_FROM_START: ReadonlySet<string> = new Set<HandoverReason>(['recall', 'less_than_10_months_to_serve', 'parole_mappa_2_3', 'immigration_case'])

/** Reasons under which the POM is responsible with the COM supporting, with no dates; handover spec R5. */
export const POM_WITH_COM_FROM_START: ReadonlySet<string> = new Set<HandoverReason>(['recall_thd_over_12_months', 'thd_over_12_months'])

export interface Handover {
  comAllocatedDate: IsoDate | null // handover starts: COM allocated and supporting
  comResponsibleDate: IsoDate | null // COM becomes responsible
  releaseDate: IsoDate | null // the release date the calculation used
  reason: HandoverReason
}

/** What responsibilityOn reads: a Handover, or any stored copy of one with a plain string reason. */
export interface HandoverDates {
  comAllocatedDate: IsoDate | null
  comResponsibleDate: IsoDate | null
  reason: string
}

export type Responsibility = 'pom' | 'pom_with_com' | 'com'

export type MinimumRule = 'start_of_custody' | 'pre_handover' | 'transfer_arrival'

/**
 * issue 16: `overdue` is unmet and past dueBy by at most EvaluateOptions.missedAfterDays days
 * (still actionable); `missed` is unmet and past it by more (history: out of worklists and the
 * case's headline status, still not met in compliance figures).
 */
export type MinimumStatus = 'met' | 'due' | 'overdue' | 'missed' | 'not_applicable'

export interface MinimumResult {
  rule: MinimumRule
  required: number
  achieved: number
  windowStart: IsoDate | null
  dueBy: IsoDate | null
  status: MinimumStatus
}

export interface CaseEvaluation {
  handover: Handover
  responsibility: Responsibility // on `today`
  minima: MinimumResult[] // always all three rules, in this order
  lateRecords: number // sessions recorded more than one working day after they took place
}

/**
 * In-person sessions held inside each rule's counting window (countingWindows), counted by the
 * caller, e.g. by SQLite from an index, so that the settled history need not be read at all
 * (issue 8). A rule left out counts 0.
 */
export type WindowCounts = Partial<Record<MinimumRule, number>>

export interface EvaluateOptions {
  /** Extra non-working days from Settings (e.g. a new one-off bank holiday not yet in the library). */
  extraHolidays?: readonly IsoDate[]
  /**
   * When given, these are the minima's achieved counts and `sessions` is read only for late
   * records and input errors: it may then leave out every ordinary record (isOrdinaryRecord),
   * since those are never late and never wrong. The counts must cover every in-person session
   * dated inside the window, ordinary or not (relevance.ts).
   */
  windowCounts?: WindowCounts
  /**
   * issue 16: days after dueBy when an unmet minimum stops being `overdue` (act now) and becomes
   * `missed` (history). Default 28 (DEFAULT_MISSED_AFTER_DAYS); an establishment setting.
   */
  missedAfterDays?: number
}
