// Which sessions evaluateCase can depend on, so the main process reads only those (issue 8: a
// 2,000-case establishment holds about 100,000 sessions, most of them settled history).
//
// evaluateCase looks at a session for exactly three things (minima.ts, scanSessions):
//  1. an in-person session held on or before `today` inside a rule window counts towards it;
//  2. a record entered more than one working day after the session is late (standard 1.1);
//  3. a session with an invalid date, or recorded before it took place, is an input error.
// So a session outside every window whose dates are valid and whose record was entered on the day
// or the next calendar day (never late, since the next working day is never earlier) changes
// nothing: leaving it out gives the same evaluation. And inside a window such an ordinary record
// only adds one to that rule's count, which a database can count from an index without reading
// the row (EvaluateOptions.windowCounts). test/unit/engine/case/properties.test.ts checks both on
// generated cases; db/schema/caseload.ts indexes the sessions that are not ordinary records.
import type { IsoDate } from '../types'
import { formatDay, parseDay, requireDay } from './dates'
import { handoverDays } from './handover'
import { parseCase, parsePolicy } from './input'
import { buildWindows } from './minima'
import type { CaseInput, CaseSession, EvaluateOptions, MinimumRule, Policy } from './types'
import { resolveExtraHolidays } from './workingDays'

/** The inclusive range of session dates in which an in-person session counts towards `rule`. */
export interface SessionWindow {
  rule: MinimumRule
  from: IsoDate
  to: IsoDate
}

/**
 * The date ranges in which an in-person session counts towards one of the case's minima on
 * `today` (empty when no minimum applies). Throws as evaluateCase would for invalid case facts;
 * the sessions in `input` are not read (only checked to be a list, as evaluateCase does).
 */
export function countingWindows(input: CaseInput, today: IsoDate, policy?: Policy, options?: EvaluateOptions): SessionWindow[] {
  const c = parseCase(input)
  const t = requireDay(today, 'today')
  const w = buildWindows(c, handoverDays(c, t, parsePolicy(policy)), resolveExtraHolidays(options?.extraHolidays))
  const out: SessionWindow[] = []
  // Sessions after today are planned, not held: they never count (scanSessions).
  for (const [rule, from, to] of [
    ['start_of_custody', w.socFrom, w.socTo],
    ['pre_handover', w.preFrom, w.preTo],
    ['transfer_arrival', w.trFrom, w.trTo],
  ] as const) {
    const end = Math.min(to, t)
    if (from <= end) out.push({ rule, from: formatDay(from), to: formatDay(end) })
  }
  return out
}

/**
 * A session with valid dates whose record was entered on the day or the next calendar day: never
 * late and never an error. The SQL twin is the `session_unusual_record` index's condition.
 */
export function isOrdinaryRecord(s: CaseSession): boolean {
  const day = parseDay(s.date)
  if (day !== day) return false
  if (s.recordedOn === null || s.recordedOn === undefined) return true
  const rec = parseDay(s.recordedOn)
  return rec >= day && rec <= day + 1
}
