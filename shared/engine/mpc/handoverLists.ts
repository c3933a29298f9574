// Handover lists (../shared/specs/mpc-rules.md section A): which handover list a case is on today,
// from its live responsibility and handover dates. Pure; `today` is an input. The lists are MPC's
// (Manage POM Cases) with the app's deliberate differences of section E (live responsibility E.1,
// 'pom_with_com' in progress E.2, one "COM recorded" E.3, the window leading up to the start E.7).
import type { Responsibility } from '../case/types'
import type { IsoDate } from '../types'
import { optionalDay, requireDay } from '../case/dates'
import { CaseInputError, describe } from '../case/errors'

export interface HandoverListsInput {
  today: IsoDate
  responsibility: Responsibility // live: responsibilityOn(handover, today); never an override
  comResponsibleDate: IsoDate | null // the handover date
  comAllocatedDate?: IsoDate | null // the handover start (COM allocated); omic2023: usually = comResponsibleDate
  earliestReleaseDate?: IsoDate | null // A.3
  comName?: string | null
  comEmail?: string | null
  checklistComplete?: boolean | null // handoverChecklist().complete; null when no checklist exists
  upcomingWindowDays?: number // default 56 (8 weeks)
}

export interface HandoverListsResult {
  upcoming: boolean
  inProgress: boolean
  overdueTasks: boolean
  comAllocationOverdue: boolean
  dueSoon: boolean // "Handover due soon" highlight
  comAllocationDaysOverdue: number | null
}

export interface HandoverDatesInput {
  today: IsoDate
  comAllocatedDate?: IsoDate | null
  comResponsibleDate: IsoDate | null
}

/** Spec A: the default upcoming window, 8 weeks (MPC config/initializers/constants.rb). */
export const DEFAULT_UPCOMING_WINDOW_DAYS = 56
/** Spec A5: COM allocation is overdue from the handover date + 2 days. */
export const COM_ALLOCATION_GRACE_DAYS = 2
/** Spec A7: "Handover due soon" from 14 days before the handover start. */
export const DUE_SOON_DAYS = 14

const RESPONSIBILITIES: ReadonlySet<string> = new Set<Responsibility>(['pom', 'pom_with_com', 'com'])

export function requireResponsibility(value: unknown, field: string): Responsibility {
  if (typeof value !== 'string' || !RESPONSIBILITIES.has(value)) {
    throw new CaseInputError(field, `expected 'pom', 'pom_with_com' or 'com', got ${describe(value)}`, value)
  }
  return value as Responsibility
}

export function windowDays(value: unknown): number {
  if (value === undefined) return DEFAULT_UPCOMING_WINDOW_DAYS
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new CaseInputError('upcomingWindowDays', `expected a whole number of days, 0 or more, got ${describe(value)}`, value)
  }
  return value
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') throw new CaseInputError(field, `expected text, got ${describe(value)}`, value)
  return value
}

/** Section A's terms in day numbers, shared with checklistEditable (D.4). */
export interface HandoverTerms {
  released: boolean
  inWindow: boolean
  underway: boolean
  pastHandover: boolean
}

export function handoverTerms(
  today: number,
  responsibility: Responsibility,
  resp: number | null,
  alloc: number | null,
  release: number | null,
  window: number,
): HandoverTerms {
  // A: S = comAllocatedDate ?? comResponsibleDate.
  const start = alloc ?? resp
  return {
    released: release !== null && release <= today,
    // A inWindow (app, E.7): S - W <= today < S, keyed on the handover start.
    inWindow: responsibility === 'pom' && resp !== null && start !== null && start - window <= today && today < start,
    // A underway (app, E.2): the COM supports or is responsible, with a handover date.
    underway: (responsibility === 'pom_with_com' || responsibility === 'com') && resp !== null,
    pastHandover: responsibility === 'com' && resp !== null,
  }
}

/** A comRecorded (app, E.3): a COM name or email with a non-whitespace character. */
export function comRecorded(comName: string | null, comEmail: string | null): boolean {
  return (comName !== null && comName.trim() !== '') || (comEmail !== null && comEmail.trim() !== '')
}

/** Spec A.1: the handover lists a case is on today. */
export function handoverLists(input: HandoverListsInput): HandoverListsResult {
  const today = requireDay(input.today, 'today')
  const responsibility = requireResponsibility(input.responsibility, 'responsibility')
  const resp = optionalDay(input.comResponsibleDate, 'comResponsibleDate')
  const alloc = optionalDay(input.comAllocatedDate, 'comAllocatedDate')
  const release = optionalDay(input.earliestReleaseDate, 'earliestReleaseDate')
  const window = windowDays(input.upcomingWindowDays)
  const recorded = comRecorded(optionalText(input.comName, 'comName'), optionalText(input.comEmail, 'comEmail'))
  const checklistComplete = input.checklistComplete
  if (checklistComplete !== undefined && checklistComplete !== null && typeof checklistComplete !== 'boolean') {
    throw new CaseInputError('checklistComplete', `expected true, false or null, got ${describe(checklistComplete)}`, checklistComplete)
  }
  const t = handoverTerms(today, responsibility, resp, alloc, release, window)
  // A1: a released case is on no list.
  if (t.released) {
    return { upcoming: false, inProgress: false, overdueTasks: false, comAllocationOverdue: false, dueSoon: false, comAllocationDaysOverdue: null }
  }
  const upcoming = t.inWindow && !recorded // A2
  const inProgress = t.underway || (t.inWindow && recorded) // A3
  const overdueTasks = t.pastHandover && checklistComplete !== true // A4
  const comAllocationOverdue = t.pastHandover && !recorded && resp !== null && today >= resp + COM_ALLOCATION_GRACE_DAYS // A5
  const start = alloc ?? resp
  return {
    upcoming,
    inProgress,
    overdueTasks,
    comAllocationOverdue,
    dueSoon: upcoming && start !== null && today >= start - DUE_SOON_DAYS, // A7
    comAllocationDaysOverdue: comAllocationOverdue && resp !== null ? today - resp : null, // A6
  }
}

/**
 * Spec A.2: responsibility from the two handover dates. No handover date: 'com' (a short
 * sentence), even with a comAllocatedDate. Otherwise before S 'pom', before H 'pom_with_com', else 'com'.
 */
export function responsibilityFromHandoverDates(input: HandoverDatesInput): { responsibility: Responsibility } {
  const today = requireDay(input.today, 'today')
  const alloc = optionalDay(input.comAllocatedDate, 'comAllocatedDate')
  const resp = optionalDay(input.comResponsibleDate, 'comResponsibleDate')
  if (resp === null) return { responsibility: 'com' }
  const start = alloc ?? resp
  if (today < start) return { responsibility: 'pom' }
  if (today < resp) return { responsibility: 'pom_with_com' }
  return { responsibility: 'com' }
}

/** The release dates spec A.3 reads, first group (the second group counts only when none of these is known). */
export interface ReleaseDateCandidates {
  first: readonly (IsoDate | null | undefined)[] // CRD, ARD, HDCED, HDC actual date, PED, TED
  fallback?: readonly (IsoDate | null | undefined)[] // SED, LED, post-recall release date, actual parole date
}

/**
 * Spec A.3 (the caller works it out): the earliest candidate on or after `today`, or if there is
 * none the latest candidate; null when no date is known.
 */
export function earliestReleaseDate(today: IsoDate, candidates: ReleaseDateCandidates): IsoDate | null {
  requireDay(today, 'today')
  const known = (list: readonly (IsoDate | null | undefined)[] | undefined, field: string) =>
    (list ?? []).filter((d): d is IsoDate => d !== null && d !== undefined).map((d, i) => (optionalDay(d, `${field}[${i}]`), d))
  let dates = known(candidates.first, 'first')
  if (dates.length === 0) dates = known(candidates.fallback, 'fallback')
  if (dates.length === 0) return null
  const sorted = [...dates].sort()
  return sorted.find((d) => d >= today) ?? (sorted[sorted.length - 1] as IsoDate)
}

/** The release facts of one case that spec A.3 reads (null: not known). */
export interface CaseReleaseFacts {
  sentenceType: 'determinate' | 'indeterminate'
  conditionalReleaseDate: IsoDate | null
  automaticReleaseDate: IsoDate | null
  homeDetentionCurfewEligibilityDate: IsoDate | null
  homeDetentionCurfewActualDate: IsoDate | null
  paroleEligibilityDate: IsoDate | null
  tariffDate: IsoDate | null
  /** The next hearing the handover rules use: the parole reviews' (handover spec section 6), else the case's own THD. */
  targetHearingDate: IsoDate | null
  sentenceExpiryDate: IsoDate | null
  licenceExpiryDate: IsoDate | null
  postRecallReleaseDate: IsoDate | null
  actualParoleDate: IsoDate | null
}

/**
 * Spec A.3 for one case: its earliest release date, which A.1 reads as "released" once it is on or
 * before today.
 *
 * Determinate sentences: the candidates are CRD, ARD, HDCED, the HDC actual date, PED and TED; if
 * none is known, SED, LED, the post-recall release date and the actual parole date (spec A.3).
 *
 * Indeterminate sentences, an app reading like those of spec section E: a passed tariff date is not
 * a release. Tariff expiry only makes the person eligible for parole, and the usual lifer past
 * tariff waits in custody for a hearing, so must stay on the handover lists. Neither is a hearing
 * a release: only the Parole Board's direction (recorded as the actual parole date) is. So the
 * first candidates are the next target hearing date the handover rules use and TED, each only while
 * it is today or later (a passed one is ignored when deciding "released"); if neither is, the second
 * group (SED, LED, post-recall release date, actual parole date) as spec A.3 reads it. Cases marked
 * released in the app drop out before this (spec A.3).
 */
export function caseEarliestReleaseDate(today: IsoDate, f: CaseReleaseFacts): IsoDate | null {
  requireDay(today, 'today')
  const fallback = [f.sentenceExpiryDate, f.licenceExpiryDate, f.postRecallReleaseDate, f.actualParoleDate]
  if (f.sentenceType === 'indeterminate') {
    optionalDay(f.targetHearingDate, 'targetHearingDate')
    optionalDay(f.tariffDate, 'tariffDate')
    const ahead = [f.targetHearingDate, f.tariffDate].filter((d): d is IsoDate => d !== null && d >= today)
    return earliestReleaseDate(today, { first: ahead, fallback })
  }
  return earliestReleaseDate(today, {
    first: [f.conditionalReleaseDate, f.automaticReleaseDate, f.homeDetentionCurfewEligibilityDate, f.homeDetentionCurfewActualDate, f.paroleEligibilityDate, f.tariffDate],
    fallback,
  })
}
