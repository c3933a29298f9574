// Capacity: the hours each POM can give in each week of the projection (issue 19, "Capacity").
import { isWorkingDay } from '../case/workingDays'
import type { ParsedContract, ParsedPom } from './input'
import { DAYS_IN_WEEK, HORIZON_WEEKS, weekStart } from './weeks'

/**
 * In post and not away on `day`. A planned start makes the POM unavailable before it, a planned
 * leaving date from that date on (it is the first day no longer in post), and a planned return
 * ends the unavailable period the day before the return (seed 002 stages 3 and 2: probation
 * staff returning, Band 4 staff returned to POM roles).
 */
export function inPostAndPresent(p: ParsedPom, day: number): boolean {
  if (p.starting !== null && day < p.starting) return false
  if (p.leaving !== null && day >= p.leaving) return false
  if (p.awayFrom !== null && day >= p.awayFrom && day <= p.awayTo && !(p.returning !== null && day >= p.returning)) return false
  return true
}

function contractOn(p: ParsedPom, day: number): ParsedContract {
  let c = p.contracts[0] as ParsedContract
  for (let i = 1; i < p.contracts.length; i++) {
    const next = p.contracts[i] as ParsedContract
    if (next.from <= day) c = next
  }
  return c
}

/**
 * Available hours of one POM in each of the 12 weeks.
 *
 * Reading (documented choice): a contract's weekly hours are worked as `daysPerWeek` days of
 * hoursPerWeek / daysPerWeek each, on working days (Monday to Friday, not a bank holiday or an
 * extra non-working day: case/workingDays.ts) the POM is in post and present, at most daysPerWeek
 * of them in a week (a fractional last day counts its share). Which weekdays a part-time POM works
 * is not in the staff records, so a part-timer is taken to work their days on any working days of
 * the week: a bank holiday or a day away reduces their hours only when fewer working days than
 * their pattern remain. A full-time POM (5 days) loses a fifth of the week for each such day.
 */
export function pomWeekHours(p: ParsedPom, today: number, extra: ReadonlySet<number> | null): number[] {
  const hours: number[] = []
  for (let w = 0; w < HORIZON_WEEKS; w++) {
    const first = weekStart(w, today)
    let used = 0
    let h = 0
    for (let d = first; d < first + DAYS_IN_WEEK; d++) {
      if (!isWorkingDay(d, extra) || !inPostAndPresent(p, d)) continue
      const c = contractOn(p, d)
      const room = c.daysPerWeek - used
      if (room <= 0) continue
      const share = room < 1 ? room : 1
      h += (share * c.hoursPerWeek) / c.daysPerWeek
      used += share
    }
    hours.push(h)
  }
  return hours
}
