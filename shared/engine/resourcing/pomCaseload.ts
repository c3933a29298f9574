// A POM's caseload against their capacity, and whether they are available on a given day
// (issue 16, HOMD home: "POMs over their capacity"; issue 17, "POMs: availability"). Pure: `today`
// is a parameter; dates are 'YYYY-MM-DD' strings.
import { addDaysIso } from '../../dates'

/** Contracted hours of a full-time POM (db/schema/caseload.ts, staff.hoursPerWeek: "37 is full time"). */
export const FULL_TIME_HOURS = 37

/**
 * Cases a full-time POM can hold. OUR ASSUMPTION, not a seed figure: seed 002 speaks of staffing
 * only as "staffing levels" (stage 1: "Staffing levels near target and sufficient for normal
 * regime delivery including full offender management processes"; stage 3: "Prison Band 4 staff
 * returned to POM roles ... subject to local availability") and gives no caseload per POM, and
 * seed 003 sets the supervision minima, not caseloads. 50 is chosen as a plausible full-time
 * OMiC caseload for a closed establishment, to be replaced by the figure the establishment's
 * resourcing plan agrees with its Divisional Implementation Board (seed 002: "Local resourcing
 * plans should be submitted and agreed by the Divisional Implementation Boards").
 */
export const FULL_TIME_CASELOAD = 50

/**
 * Cases a POM can hold: the full-time caseload in proportion to their contracted hours, to the
 * nearest whole case (22.5 hours: 30 cases; 18.5 hours: 25). Hours, not days: the days worked
 * are the pattern the hours are spread over (staff.daysPerWeek), the hours are the time.
 */
export function caseCapacity(hoursPerWeek: number): number {
  if (!Number.isFinite(hoursPerWeek) || hoursPerWeek <= 0) return 0
  return Math.round((FULL_TIME_CASELOAD * hoursPerWeek) / FULL_TIME_HOURS)
}

/** Cases held beyond capacity (0 when at or under it). */
export function casesOverCapacity(caseCount: number, capacity: number): number {
  return Math.max(0, caseCount - capacity)
}

/** The availability facts of a POM's staff record (staff.active, unavailable_from, unavailable_to). */
export interface AvailabilityFacts {
  active: boolean
  /** First day away, or null: no absence recorded. */
  unavailableFrom: string | null
  /** Last day away, or null with a first day: no end date known. */
  unavailableTo: string | null
  /**
   * The planned return (a 'returning' planned change, issue 19) after the first day away, if any:
   * the first day back, as the resourcing engine reads it (capacity.ts, inPostAndPresent).
   */
  plannedReturn: string | null
}

/**
 * A POM's availability on one day:
 * - `available`: in post and not away (an absence that ended, or a planned return reached, counts as back);
 * - `unavailable`: away today; `until` is the last day away and `returnsOn` the first day back, each null when not known;
 * - `away_from`: available today, with an absence recorded from a later day;
 * - `inactive`: no longer a POM here.
 */
export type AvailabilityOn =
  | { status: 'available' }
  | { status: 'unavailable'; from: string; until: string | null; returnsOn: string | null }
  | { status: 'away_from'; from: string; until: string | null; returnsOn: string | null }
  | { status: 'inactive' }

export function availabilityOn(f: AvailabilityFacts, today: string): AvailabilityOn {
  if (!f.active) return { status: 'inactive' }
  const from = f.unavailableFrom
  if (from === null) return { status: 'available' }
  const plannedReturn = f.plannedReturn !== null && f.plannedReturn > from ? f.plannedReturn : null
  // The earlier of the recorded last day and the day before the planned return.
  const beforeReturn = plannedReturn === null ? null : addDaysIso(plannedReturn, -1)
  const until = f.unavailableTo === null ? beforeReturn : beforeReturn === null || f.unavailableTo < beforeReturn ? f.unavailableTo : beforeReturn
  if (until !== null && until < today) return { status: 'available' }
  const returnsOn = until === null ? null : addDaysIso(until, 1)
  return from > today ? { status: 'away_from', from, until, returnsOn } : { status: 'unavailable', from, until, returnsOn }
}
