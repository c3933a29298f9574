// POM supervision minima, evaluated against in-person sessions only, and late records.
// Source: seed 003 Annex B ("Start custodial sentence", "Pre-release - Handover to the COM",
// "POM to POM transfers", 1.1 records within one working day) as made precise by issue 3,
// "Supervision minima".
import { addMonths, formatDay, parseDay } from './dates'
import { CaseInputError, describe, invalidDate } from './errors'
import type { HandoverDays } from './handoverDays'
import { responsibilityOnDay } from './handoverDays'
import type { ParsedCase } from './input'
import type { CaseSession, MinimumResult, MinimumRule, WindowCounts } from './types'
import { addWorkingDaysDay } from './workingDays'

/** seed 003 Annex B: 3 in-person sessions within 12 weeks (84 days) of POM allocation. */
const START_OF_CUSTODY_REQUIRED = 3
const START_OF_CUSTODY_DAYS = 84
/** seed 003 Annex B: 14 working days of arrival after a transfer; 1 face-to-face session. */
const TRANSFER_WORKING_DAYS = 14
const TRANSFER_REQUIRED = 1

/**
 * The three rule windows of one case as inclusive day ranges (`to` is also dueBy). A rule that does
 * not apply has required = 0 and an empty range (from > to), so the session pass never counts into
 * it. One flat object per case keeps the hot loop on plain numbers.
 */
export interface Windows {
  socRequired: number
  socFrom: number
  socTo: number
  socAchieved: number
  preRequired: number
  preFrom: number
  preTo: number
  preAchieved: number
  trRequired: number
  trFrom: number
  trTo: number
  trAchieved: number
}

export function buildWindows(c: ParsedCase, h: HandoverDays, extra: ReadonlySet<number> | null): Windows {
  const w: Windows = {
    socRequired: 0,
    socFrom: 1,
    socTo: 0,
    socAchieved: 0,
    preRequired: 0,
    preFrom: 1,
    preTo: 0,
    preAchieved: 0,
    trRequired: 0,
    trFrom: 1,
    trTo: 0,
    trAchieved: 0,
  }
  // seed 003 Annex B "Start custodial sentence" / issue 3: window = allocation .. allocation + 84
  // days inclusive. Not applicable without an allocation date or when the COM is responsible on it.
  // issue 17 ("Policy readings to put right"): the minimum belongs to the start of the sentence
  // (Annex B: "The first 12 weeks of the sentence is a crucial stage ... a minimum of 3 supervision
  // sessions in the first 12 weeks at the point of POM allocation"), so it counts from the
  // sentence's first POM allocation (firstPomAllocatedDate) when that is known, else from the
  // allocation here. A case that arrived on transfer without that date is past its start of
  // custody: "POM to POM Transfers" ("a face to face supervision session within 14 working days of
  // their arrival") applies instead, and start_of_custody is not applicable.
  const pa = startOfCustodyFrom(c)
  if (pa !== null && responsibilityOnDay(h.reason, h.alloc, h.resp, pa) !== 'com') {
    w.socRequired = START_OF_CUSTODY_REQUIRED
    w.socFrom = pa
    w.socTo = pa + START_OF_CUSTODY_DAYS
  }

  // seed 003 Annex B "Pre-release - Handover to the COM" / issue 3: applies when comAllocatedDate
  // exists; 3 sessions when release is more than 20 months after sentence start, else 1 ("fewer
  // than 20 months to serve leaves room for one session only"); window = comAllocatedDate minus
  // 3 months .. comAllocatedDate inclusive.
  // Reading (documented choice): when comAllocatedDate is before sentenceStartDate (possible with
  // early allocation: release - 15 months) the whole 3-month window precedes the sentence, so no
  // POM could hold those sessions: the rule is not_applicable. On the start date itself it applies.
  // issue 17: the minimum is headed "Pre-release – Handover to the COM (Standard Determinate
  // sentenced prisoners)" in seed 003 Annex B, so it is not applicable to indeterminate sentences.
  if (c.determinate && h.alloc !== null && h.release !== null && h.alloc >= c.start) {
    w.preRequired = h.release > addMonths(c.start, 20) ? 3 : 1
    w.preFrom = addMonths(h.alloc, -3)
    w.preTo = h.alloc
  }

  // seed 003 Annex B "POM to POM transfers" / issue 3: 1 in-person session from arrivalDate to
  // addWorkingDays(arrivalDate, 14) inclusive.
  // issue 17: Annex B is headed "OMiC POM RESPONSIBLE CASES", so the minimum is not applicable when
  // the COM is responsible on the arrival date (as start_of_custody is on the allocation date).
  const arr = c.arrival
  if (arr !== null && responsibilityOnDay(h.reason, h.alloc, h.resp, arr) !== 'com') {
    w.trRequired = TRANSFER_REQUIRED
    w.trFrom = arr
    w.trTo = addWorkingDaysDay(arr, TRANSFER_WORKING_DAYS, extra)
  }
  return w
}

/**
 * The day start_of_custody counts from (issue 17): the sentence's first POM allocation when given;
 * otherwise the first allocation here, unless the case arrived here on transfer (then none).
 */
function startOfCustodyFrom(c: ParsedCase): number | null {
  if (c.firstPomAllocated !== null) return c.firstPomAllocated
  return c.arrival === null ? c.pomAllocated : null
}

/**
 * The error for an invalid session, naming the exact field. Kept out of the hot loop, which only
 * detects that something is wrong; this re-examines the one session to say what.
 */
function sessionFault(sessions: readonly CaseSession[], i: number): CaseInputError {
  const s: unknown = sessions[i]
  if (typeof s !== 'object' || s === null) return new CaseInputError(`sessions[${i}]`, `expected a session object, got ${describe(s)}`, s)
  const { date, inPerson, recordedOn } = s as CaseSession
  const day = parseDay(date)
  if (day !== day) return invalidDate(`sessions[${i}].date`, date)
  if (inPerson !== true && inPerson !== false) {
    return new CaseInputError(`sessions[${i}].inPerson`, `expected true or false, got ${describe(inPerson)}`, inPerson)
  }
  const recDay = parseDay(recordedOn)
  if (recDay !== recDay) return invalidDate(`sessions[${i}].recordedOn`, recordedOn)
  return new CaseInputError(`sessions[${i}].recordedOn`, `${describe(recordedOn)} is before the session date ${describe(date)}`, recordedOn)
}

/**
 * One pass over the sessions: validate each, count in-person sessions into the three windows
 * (unless `countWindows` is false: the caller counted them, see applyWindowCounts) and count late
 * records. Returns lateRecords; window counts are written into `w`.
 *
 * Readings (documented choices):
 * - Windows are inclusive at both ends; a session outside a window (e.g. before the POM
 *   allocation date, or before arrival, i.e. held at the previous establishment) does not count.
 * - Sessions dated after `today` are planned, not held: they never count towards a minimum
 *   (otherwise a diary entry would show 'met' early). They are still validated.
 * - Two sessions on the same day both count (each is a recorded supervision contact).
 * - A session with no recordedOn is not late (there is no record date to judge yet).
 * - recordedOn before the session date is impossible and throws.
 * - Late means recordedOn is after addWorkingDays(date, 1) (seed 003 Annex B 1.1, "recorded ...
 *   within one working day"); recordedOn on that working day is on time.
 */
export function scanSessions(
  sessions: readonly CaseSession[] | null | undefined,
  today: number,
  w: Windows,
  extra: ReadonlySet<number> | null,
  countWindows = true,
): number {
  if (!sessions) return 0
  const socFrom = w.socFrom
  const socTo = w.socTo
  const preFrom = w.preFrom
  const preTo = w.preTo
  const trFrom = w.trFrom
  const trTo = w.trTo
  let soc = 0
  let pre = 0
  let tr = 0
  let late = 0
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i]
    if (s === undefined || s === null) throw sessionFault(sessions, i)
    const date = s.date
    const day = parseDay(date)
    const inPerson = s.inPerson
    if (day !== day || (inPerson !== true && inPerson !== false)) throw sessionFault(sessions, i)
    const rec = s.recordedOn
    // Recorded on the session day (the usual case) is valid and on time without a second parse.
    if (rec !== undefined && rec !== null && rec !== date) {
      const recDay = parseDay(rec)
      if (!(recDay >= day)) throw sessionFault(sessions, i) // invalid (NaN) or before the session
      // The next working day is always >= day + 1, so records up to day + 1 skip the calendar.
      if (recDay > day + 1 && recDay > addWorkingDaysDay(day, 1, extra)) late++
    }
    if (countWindows && inPerson && day <= today) {
      if (day >= socFrom && day <= socTo) soc++
      if (day >= preFrom && day <= preTo) pre++
      if (day >= trFrom && day <= trTo) tr++
    }
  }
  if (countWindows) {
    w.socAchieved = soc
    w.preAchieved = pre
    w.trAchieved = tr
  }
  return late
}

const RULES: readonly MinimumRule[] = ['start_of_custody', 'pre_handover', 'transfer_arrival']

/**
 * Checks the caller's counts (EvaluateOptions.windowCounts): an object whose keys are rules and
 * whose values are whole numbers of sessions, 0 or more.
 */
export function parseWindowCounts(counts: unknown): WindowCounts | null {
  if (counts === undefined || counts === null) return null
  if (typeof counts !== 'object' || Array.isArray(counts)) {
    throw new CaseInputError('options.windowCounts', `expected an object of counts by rule, got ${describe(counts)}`, counts)
  }
  for (const [rule, n] of Object.entries(counts)) {
    const field = `options.windowCounts.${rule}`
    if (!(RULES as readonly string[]).includes(rule)) throw new CaseInputError(field, `expected one of ${RULES.join(', ')}`, rule)
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new CaseInputError(field, `expected a whole number of sessions, 0 or more, got ${describe(n)}`, n)
  }
  return counts as WindowCounts
}

/** The caller's counts as the achieved numbers (a rule that does not apply stays at 0: toResult). */
export function applyWindowCounts(w: Windows, counts: WindowCounts): void {
  w.socAchieved = counts.start_of_custody ?? 0
  w.preAchieved = counts.pre_handover ?? 0
  w.trAchieved = counts.transfer_arrival ?? 0
}

/** issue 16: unmet more than this many days after dueBy is `missed` rather than `overdue`. */
export const DEFAULT_MISSED_AFTER_DAYS = 28

/**
 * issue 3: 'met' when achieved >= required; else 'due' when today <= dueBy; else 'overdue'.
 * issue 16 ("Actionable versus history"): an unmet minimum past dueBy by 1 to `missedAfterDays`
 * days is 'overdue' (still worth holding the sessions now); by more, 'missed' (history only).
 */
export function toResult(rule: MinimumRule, required: number, achieved: number, from: number, to: number, today: number, missedAfterDays = DEFAULT_MISSED_AFTER_DAYS): MinimumResult {
  if (required === 0) return { rule, required: 0, achieved: 0, windowStart: null, dueBy: null, status: 'not_applicable' }
  const status = achieved >= required ? 'met' : today <= to ? 'due' : today - to <= missedAfterDays ? 'overdue' : 'missed'
  return { rule, required, achieved, windowStart: formatDay(from), dueBy: formatDay(to), status }
}

/** Checks EvaluateOptions.missedAfterDays: a whole number of days, 0 or more (default 28). */
export function parseMissedAfterDays(days: unknown): number {
  if (days === undefined || days === null) return DEFAULT_MISSED_AFTER_DAYS
  if (typeof days !== 'number' || !Number.isSafeInteger(days) || days < 0) {
    throw new CaseInputError('options.missedAfterDays', `expected a whole number of days, 0 or more, got ${describe(days)}`, days)
  }
  return days
}

export function toResults(w: Windows, today: number, missedAfterDays = DEFAULT_MISSED_AFTER_DAYS): MinimumResult[] {
  return [
    toResult('start_of_custody', w.socRequired, w.socAchieved, w.socFrom, w.socTo, today, missedAfterDays),
    toResult('pre_handover', w.preRequired, w.preAchieved, w.preFrom, w.preTo, today, missedAfterDays),
    toResult('transfer_arrival', w.trRequired, w.trAchieved, w.trFrom, w.trTo, today, missedAfterDays),
  ]
}
