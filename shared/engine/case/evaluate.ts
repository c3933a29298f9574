// evaluateCase: handover, responsibility on today, the three supervision minima and late records.
// Source: issue 3, "Public API" and "Supervision minima"; seed 003 Annex B.
import type { IsoDate } from '../types'
import { requireDay } from './dates'
import { CaseInputError, describe } from './errors'
import { formatHandover, handoverDays } from './handover'
import { responsibilityOnDay } from './handoverDays'
import { parseCase, parsePolicy } from './input'
import { applyWindowCounts, buildWindows, parseMissedAfterDays, parseWindowCounts, scanSessions, toResults } from './minima'
import type { CaseEvaluation, CaseInput, EvaluateOptions, Policy } from './types'
import { resolveExtraHolidays } from './workingDays'

export function evaluateCase(input: CaseInput, today: IsoDate, policy?: Policy, options?: EvaluateOptions): CaseEvaluation {
  const p = parsePolicy(policy)
  const c = parseCase(input)
  const t = requireDay(today, 'today')
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new CaseInputError('options', `expected an options object, got ${describe(options)}`, options)
  }
  const extra = resolveExtraHolidays(options?.extraHolidays)
  const counts = parseWindowCounts(options?.windowCounts)
  const missedAfterDays = parseMissedAfterDays(options?.missedAfterDays)
  const h = handoverDays(c, t, p)
  const windows = buildWindows(c, h, extra)
  const lateRecords = scanSessions(input.sessions, t, windows, extra, counts === null)
  if (counts) applyWindowCounts(windows, counts)
  return {
    handover: formatHandover(h),
    responsibility: responsibilityOnDay(h.reason, h.alloc, h.resp, t),
    minima: toResults(windows, t, missedAfterDays),
    lateRecords,
  }
}
