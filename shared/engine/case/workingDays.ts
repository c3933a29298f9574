// England and Wales working days: not Saturday, not Sunday, not a bank holiday.
// Source: seed 003 standard 1.1 / Annex B 1.1 ("recorded ... within one working day") and Annex B
// "POM to POM transfers" ("within 14 working days of their arrival"); issue 3: working days exclude
// weekends and England and Wales bank holidays incl. one-off ones, from a maintained library
// (date-holidays, region GB-ENG), plus a user-supplied extra-holiday list from Settings.
import Holidays from 'date-holidays'
import type { IsoDate } from '../types'
import { dayFromCivil, formatDay, requireDay, weekday, yearOfDay } from './dates'
import { CaseInputError, describe } from './errors'

/**
 * date-holidays types for GB-ENG are 'public' (New Year, Good Friday, Easter Monday, the May,
 * spring and summer bank holidays, Christmas, Boxing Day, their substitute days and one-off
 * holidays such as 2022-06-03, 2022-09-19 and 2023-05-08) and 'observance' (Mother's Day, Easter
 * Sunday, Father's Day), which are not days off. 'bank' is accepted too in case a data update
 * uses it. 'optional' and 'school' are not bank holidays.
 */
const DAY_OFF_TYPES: ReadonlySet<string> = new Set(['public', 'bank'])

let library: Holidays | null = null
const yearCache = new Map<number, ReadonlySet<number>>()

/** Bank holidays of one year as day numbers (lazy, memoised: the data never changes in a run). */
export function bankHolidaysOfYear(year: number): ReadonlySet<number> {
  const cached = yearCache.get(year)
  if (cached) return cached
  library ??= new Holidays('GB', 'ENG')
  const set = new Set<number>()
  for (const h of library.getHolidays(year)) {
    if (!DAY_OFF_TYPES.has(h.type)) continue
    // `date` is the local calendar date in the holiday's own zone ('2022-09-19 00:00:00'):
    // take the calendar part only, never the Date instants, so the process TZ plays no part.
    // (Split rather than parseDay, whose 1900-2999 input range must not hide holidays of later
    // years reached by adding working days.)
    const [y, m, d] = h.date.slice(0, 10).split('-').map(Number)
    if (y !== undefined && m !== undefined && d !== undefined && Number.isInteger(y + m + d)) set.add(dayFromCivil(y, m, d))
  }
  yearCache.set(year, set)
  return set
}

// Derived flat cache for the hot path (lateRecords calls addWorkingDaysDay once per session):
// one byte per day from 1900 to 3099, 0 = year not loaded yet, 1 = working day, 2 = weekend or
// bank holiday. Filled a year at a time from bankHolidaysOfYear, allocated on first use (~440 kB).
const FLAG_FIRST_YEAR = 1900
const FLAG_END_YEAR = 3100 // exclusive
const FLAG_BASE = dayFromCivil(FLAG_FIRST_YEAR, 1, 1)
const FLAG_SPAN = dayFromCivil(FLAG_END_YEAR, 1, 1) - FLAG_BASE
let flags: Uint8Array | null = null

function fillYear(table: Uint8Array, year: number): void {
  const first = dayFromCivil(year, 1, 1)
  const next = dayFromCivil(year + 1, 1, 1)
  for (let d = first; d < next; d++) {
    const wd = weekday(d)
    table[d - FLAG_BASE] = wd === 0 || wd === 6 ? 2 : 1
  }
  for (const h of bankHolidaysOfYear(year)) table[h - FLAG_BASE] = 2
}

/** For tests: forget memoised holiday data (e.g. to prove results do not depend on process TZ). */
export function clearHolidayCache(): void {
  library = null
  yearCache.clear()
  flags = null
}

export function isBankHoliday(day: number): boolean {
  return bankHolidaysOfYear(yearOfDay(day)).has(day)
}

/** Not a Saturday, Sunday, England and Wales bank holiday or user-supplied extra holiday. */
export function isWorkingDay(day: number, extra: ReadonlySet<number> | null): boolean {
  const i = day - FLAG_BASE
  let f: number
  if (i >= 0 && i < FLAG_SPAN) {
    const table = (flags ??= new Uint8Array(FLAG_SPAN))
    f = table[i] as number
    if (f === 0) {
      fillYear(table, yearOfDay(day))
      f = table[i] as number
    }
  } else {
    const wd = weekday(day)
    f = wd === 0 || wd === 6 || isBankHoliday(day) ? 2 : 1
  }
  return f === 1 && (extra === null || !extra.has(day))
}

/** The n-th working day after `day` (n >= 0; n = 0 returns `day` itself). Day numbers in and out. */
export function addWorkingDaysDay(day: number, n: number, extra: ReadonlySet<number> | null): number {
  let d = day
  let left = n
  while (left > 0) {
    d++
    if (isWorkingDay(d, extra)) left--
  }
  return d
}

interface ExtraEntry {
  readonly copy: readonly IsoDate[]
  readonly set: ReadonlySet<number> | null
}
const extraCache = new WeakMap<readonly IsoDate[], ExtraEntry>()

/**
 * Validate and convert a user-supplied extra-holiday list (Settings) to day numbers. Memoised by
 * array identity (checked against a copy, so a mutated array is re-read): evaluating 2,000 cases
 * with the same Settings list converts it once. Weekends in the list are harmless.
 */
export function resolveExtraHolidays(list: readonly IsoDate[] | null | undefined, field = 'extraHolidays'): ReadonlySet<number> | null {
  if (list === undefined || list === null) return null
  if (!Array.isArray(list)) throw new CaseInputError(field, `expected an array of 'YYYY-MM-DD' dates, got ${describe(list)}`, list)
  const hit = extraCache.get(list)
  if (hit && sameItems(hit.copy, list)) return hit.set
  const set = new Set<number>()
  list.forEach((v, i) => set.add(requireDay(v, `${field}[${i}]`)))
  const entry: ExtraEntry = { copy: list.slice(), set: set.size > 0 ? set : null }
  extraCache.set(list, entry)
  return entry.set
}

function sameItems(a: readonly IsoDate[], b: readonly IsoDate[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Upper bound on n so the answer stays a 4-digit-year ISO date (100,000 working days is ~380 years). */
export const MAX_WORKING_DAYS = 100_000

/**
 * The n-th England and Wales working day after `date` (n = 0 returns `date`). Weekends, bank
 * holidays (date-holidays GB-ENG) and the optional extra holidays are skipped.
 * Throws CaseInputError('date' | 'n' | 'extraHolidays[i]') on invalid input.
 */
export function addWorkingDays(date: IsoDate, n: number, extraHolidays?: readonly IsoDate[]): IsoDate {
  const day = requireDay(date, 'date')
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new CaseInputError('n', `expected a whole number of working days 0..${MAX_WORKING_DAYS}, got ${describe(n)}`, n)
  }
  return formatDay(addWorkingDaysDay(day, n, resolveExtraHolidays(extraHolidays)))
}
