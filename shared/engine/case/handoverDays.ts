// Internal handover result in day numbers, shared by both policies, and the responsibility rule.
import type { HandoverReason, Responsibility } from './types'
import { COM_FROM_START, POM_WITH_COM_FROM_START } from './types'

export interface HandoverDays {
  alloc: number | null // comAllocatedDate
  resp: number | null // comResponsibleDate
  release: number | null // the release date the calculation used
  reason: HandoverReason
}

export function noDates(reason: HandoverReason, release: number | null): HandoverDays {
  return { alloc: null, resp: null, release, reason }
}

export function withDates(reason: HandoverReason, release: number, alloc: number, resp: number): HandoverDays {
  // issue 3, omic2021: "If comAllocatedDate would fall after comResponsibleDate, comResponsibleDate
  // is moved to comAllocatedDate" (a no-op for omic2023, where alloc <= resp by construction).
  return { alloc, resp: resp < alloc ? alloc : resp, release, reason }
}

/**
 * issue 3, responsibilityOn: no dates and a COM-responsible reason: 'com'; no dates otherwise:
 * 'pom'; date < comAllocatedDate: 'pom'; date < comResponsibleDate: 'pom_with_com'; else 'com'.
 * Handover spec (../shared/specs/handover-2023.md) R5: no dates and a reason in
 * POM_WITH_COM_FROM_START (hearing over 12 months away): 'pom_with_com', on any date.
 * A result with only one of the two dates (not produced by the engine) uses it for both.
 */
export function responsibilityOnDay(reason: string, alloc: number | null, resp: number | null, day: number): Responsibility {
  const a = alloc ?? resp
  const r = resp ?? alloc
  if (a === null || r === null) {
    if (COM_FROM_START.has(reason)) return 'com'
    return POM_WITH_COM_FROM_START.has(reason) ? 'pom_with_com' : 'pom'
  }
  if (day < a) return 'pom'
  if (day < r) return 'pom_with_com'
  return 'com'
}
