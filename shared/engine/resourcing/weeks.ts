// The projection's 12 weeks and how outstanding sessions are placed in them.
//
// Reading (documented choice): the weeks start on `today`, not on its Monday: week i is the days
// today + 7i to today + 7i + 6. So the horizon holds no day already past, every week has each
// weekday exactly once (five Monday-to-Friday days, less bank holidays), and a contract's weekly
// hours apply to every week unchanged. Week 0 is "the next 7 days".

/** issue 19: the next 12 weeks. */
export const HORIZON_WEEKS = 12
export const DAYS_IN_WEEK = 7

/** The week (0-based, from `today`) holding `day`; negative before today, 12 or more after the horizon. */
export function weekOf(day: number, today: number): number {
  return Math.floor((day - today) / DAYS_IN_WEEK)
}

/** First day of week `week`. */
export function weekStart(week: number, today: number): number {
  return today + week * DAYS_IN_WEEK
}

/**
 * The week of each of `outstanding` sessions still to hold between `firstWeek` and `lastWeek`
 * (inclusive, lastWeek >= firstWeek). Reading (documented choice): the sessions are spread evenly
 * over the weeks left in the counting window, the first in the earliest week: session j falls in
 * firstWeek + floor(j * k / outstanding), k = lastWeek - firstWeek + 1. So 3 sessions over a fresh
 * 12-week start of custody window fall in its weeks 0, 4 and 8 (seed 003 Annex B: "3 in-person
 * within 12 weeks"), and when fewer weeks than sessions are left several fall in one week. Every
 * session lands inside the window, so meeting this plan meets the minimum by its due date.
 */
export function spreadSessions(outstanding: number, firstWeek: number, lastWeek: number): number[] {
  const k = lastWeek - firstWeek + 1
  const weeks: number[] = []
  for (let j = 0; j < outstanding; j++) weeks.push(firstWeek + Math.floor((j * k) / outstanding))
  return weeks
}
