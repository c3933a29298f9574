// A HOMD's responsibility override (issue 17, "Responsibility override": a HOMD can override who
// is responsible, POM or COM, with a reason and an end date; the engine's own answer stays
// visible beside it). Pure: `today` is an input. Section A's lists never use an override
// (../shared/specs/mpc-rules.md A.1 "overrides play no part"); section B's recommendation does
// (B `responsibilityOverride`).
import type { IsoDate } from '../types'
import { optionalDay, requireDay } from '../case/dates'

export interface ResponsibilityOverrideRecord {
  responsibility: 'pom' | 'com'
  startDate: IsoDate
  /** The first day it no longer applies (it "ends on its end date"); null: until ended. */
  endDate: IsoDate | null
  /** The day a HOMD ended it early (from that day it no longer applies); null: not ended. */
  endedOn: IsoDate | null
}

/** In force on `today`: started, and today is before both its end date and the day it was ended. */
export function overrideInForce(o: ResponsibilityOverrideRecord, today: IsoDate): boolean {
  const day = requireDay(today, 'today')
  const start = requireDay(o.startDate, 'startDate')
  const end = optionalDay(o.endDate, 'endDate')
  const ended = optionalDay(o.endedOn, 'endedOn')
  return start <= day && (end === null || day < end) && (ended === null || day < ended)
}

/** The override in force on `today` (the latest started, when records overlap), or null. */
export function overrideOn<T extends ResponsibilityOverrideRecord>(overrides: readonly T[], today: IsoDate): T | null {
  let found: T | null = null
  for (const o of overrides) if (overrideInForce(o, today) && (found === null || o.startDate >= found.startDate)) found = o
  return found
}
