// Public handover API: calculateHandover and responsibilityOn (issue 3, "Public API").
import type { IsoDate } from '../types'
import { formatOrNull, optionalDay, requireDay } from './dates'
import { CaseInputError, describe } from './errors'
import { handover2021 } from './handover2021'
import { handover2023 } from './handover2023'
import type { HandoverDays } from './handoverDays'
import { responsibilityOnDay } from './handoverDays'
import type { ParsedCase } from './input'
import { parseCase, parsePolicy } from './input'
import type { CaseInput, Handover, HandoverDates, Policy, Responsibility } from './types'

export function handoverDays(c: ParsedCase, today: number, policy: Policy): HandoverDays {
  return policy === 'omic2023' ? handover2023(c, today) : handover2021(c, today)
}

export function formatHandover(h: HandoverDays): Handover {
  return {
    comAllocatedDate: formatOrNull(h.alloc),
    comResponsibleDate: formatOrNull(h.resp),
    releaseDate: formatOrNull(h.release),
    reason: h.reason,
  }
}

/** When the COM is allocated and when it becomes responsible, under `policy` (default 'omic2021'). */
export function calculateHandover(input: CaseInput, today: IsoDate, policy?: Policy): Handover {
  const p = parsePolicy(policy)
  const c = parseCase(input)
  return formatHandover(handoverDays(c, requireDay(today, 'today'), p))
}

/**
 * Who is responsible on `date` according to a calculateHandover result. Accepts any object of that
 * shape with `reason: string` (e.g. a result stored and read back), not only the literal type.
 */
export function responsibilityOn(h: HandoverDates, date: IsoDate): Responsibility {
  if (typeof h !== 'object' || h === null) throw new CaseInputError('handover', `expected a calculateHandover result, got ${describe(h)}`, h)
  if (typeof h.reason !== 'string') throw new CaseInputError('reason', `expected a reason code, got ${describe(h.reason)}`, h.reason)
  const alloc = optionalDay(h.comAllocatedDate, 'comAllocatedDate')
  const resp = optionalDay(h.comResponsibleDate, 'comResponsibleDate')
  return responsibilityOnDay(h.reason, alloc, resp, requireDay(date, 'date'))
}
