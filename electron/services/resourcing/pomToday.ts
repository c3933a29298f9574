// Each POM's capacity and availability today (issue 16, HOMD home: "POMs over their capacity";
// issue 17, "POMs: availability"), read from the resourcing store (the staff records' capacity
// facts and the planned returns) and worked out by the pure rules in
// shared/engine/resourcing/pomCaseload.ts. The home screen and the allocation control read it
// from here; the allocation handler asks it before allocating to a POM who is away.
import type { Db } from '../../../db/store/types'
import { ukDateOrNull } from '../../../shared/dates'
import { availabilityOn, caseCapacity, type AvailabilityOn } from '../../../shared/engine/resourcing/index'
import { UserFacingError } from '../../../shared/ipc/result'
import { plannedChangeRecords, pomRecords, type PlannedChangeRecord, type StaffRecord } from './store'

export interface PomToday {
  staffId: number
  name: string
  /** Cases the POM can hold for their contracted hours (caseCapacity). */
  capacity: number
  availability: AvailabilityOn
}

/** The earliest planned return (issue 19's 'returning' change) after the POM's first day away, if any. */
function plannedReturnOf(r: StaffRecord, changes: readonly PlannedChangeRecord[]): string | null {
  if (r.unavailableFrom === null) return null
  let first: string | null = null
  for (const c of changes) {
    if (c.staffId !== r.id || c.kind !== 'returning' || c.date <= r.unavailableFrom) continue
    if (first === null || c.date < first) first = c.date
  }
  return first
}

export function pomTodayOf(r: StaffRecord, changes: readonly PlannedChangeRecord[], today: string): PomToday {
  return {
    staffId: r.id,
    name: r.name,
    capacity: caseCapacity(r.hoursPerWeek),
    availability: availabilityOn({ active: r.active, unavailableFrom: r.unavailableFrom, unavailableTo: r.unavailableTo, plannedReturn: plannedReturnOf(r, changes) }, today),
  }
}

/** Every POM on the staff list (active or not), by staff id. */
export async function pomsToday(db: Db, today: string): Promise<Map<number, PomToday>> {
  const changes = await plannedChangeRecords(db)
  return new Map((await pomRecords(db)).map((r) => [r.id, pomTodayOf(r, changes, today)]))
}

/** "unavailable until 10/01/2027" or "unavailable with no return date recorded". */
export function awayText(a: Extract<AvailabilityOn, { status: 'unavailable' }>): string {
  return a.until === null ? 'unavailable with no return date recorded' : `unavailable until ${ukDateOrNull(a.until) ?? a.until}`
}

/**
 * Issue 17: a case allocated to a POM who is away today waits for them, so it goes to them only
 * when the HOMD confirms it (a HOMD may mean to: a POM back next week who knows the prisoner).
 * Our reading, neither refused nor silent: the HOMD decides, knowingly. An inactive POM is refused
 * before this (caseload/store.ts requirePom).
 */
export async function requireAvailableOrConfirmed(db: Db, pom: StaffRecord, today: string, confirmed: boolean): Promise<void> {
  if (confirmed) return
  const a = pomTodayOf(pom, await plannedChangeRecords(db), today).availability
  if (a.status !== 'unavailable') return
  throw new UserFacingError('conflict', confirmAwaySentence(pom.name, awayText(a)), 'confirmUnavailable')
}

/** The sentence asking the HOMD to confirm a case for a POM away today (allocation and bulk reallocation alike). */
export function confirmAwaySentence(name: string, away: string): string {
  return `${name} is ${away}. Confirm that the case should go to them while they are away, or choose another POM.`
}
