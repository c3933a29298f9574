// Calendar dates as integer day numbers (days since 1970-01-01, the same numbers as
// Date.UTC(y, m - 1, d) / 86400000, which the tests check). All arithmetic is integer arithmetic on
// the proleptic Gregorian calendar (H. Hinnant's days_from_civil / civil_from_days) and uses no
// Date at all, so no time zone, BST/GMT change or local-time method can ever shift a date, and
// parsing a date costs a handful of charCodeAt calls with no allocation.
// Issue 18: the rest of the app does its calendar arithmetic with date-fns (shared/dates.ts); the
// engine keeps this module because date-fns, going through a Date for each call, misses the
// issue 8 engine target even for addMonths alone (figures at addMonths below), and parsing and
// formatting run for every one of 150,000 sessions, far more often than addMonths.
import type { IsoDate } from '../types'
import { invalidDate } from './errors'

/** Accepted input years. Outside this range a date is treated as a typing error (e.g. '0223-01-01'). */
export const MIN_YEAR = 1900
export const MAX_YEAR = 2999

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** Day number of a valid (y, m 1-12, d) civil date. Years here are >= 0. */
export function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = (((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) | 0) + d - 1
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy
  return era * 146097 + doe - 719468
}

// Scratch result of civil(): module-level so conversions on hot paths allocate nothing.
let cy = 1970
let cm = 1
let cd = 1

/** Convert a day number into the scratch (cy, cm, cd). */
function civil(day: number): void {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0))
  const mp = ((5 * doy + 2) / 153) | 0
  cd = doy - (((153 * mp + 2) / 5) | 0) + 1
  cm = mp < 10 ? mp + 3 : mp - 9
  cy = yoe + era * 400 + (cm <= 2 ? 1 : 0)
}

/** Year of a day number. */
export function yearOfDay(day: number): number {
  civil(day)
  return cy
}

/** [year, month 1-12, day 1-31] of a day number. */
export function civilFromDay(day: number): [number, number, number] {
  civil(day)
  return [cy, cm, cd]
}

/** Day of the week: 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  const r = (day + 4) % 7
  return r < 0 ? r + 7 : r
}

// Lookup tables for the parser, so the hot path has no integer division (an x86 idiv costs tens
// of cycles; the parser runs 150,000+ times per caseload evaluation).
const YEARS = MAX_YEAR - MIN_YEAR + 1
/** YEAR_START[y - MIN_YEAR] = day number of 1 January y. */
const YEAR_START = new Int32Array(YEARS)
/** LEAP_ROW[y - MIN_YEAR] = 16 in a leap year, else 0: the row of the month tables below. */
const LEAP_ROW = new Int32Array(YEARS)
/** [row + m]: days before the first of month m, and days in month m (rows: common, leap). */
const DAYS_BEFORE_MONTH = new Int32Array(32)
const DAYS_IN_MONTH = new Int32Array(32)
for (let y = MIN_YEAR; y <= MAX_YEAR; y++) {
  YEAR_START[y - MIN_YEAR] = dayFromCivil(y, 1, 1)
  LEAP_ROW[y - MIN_YEAR] = isLeapYear(y) ? 16 : 0
}
for (let row = 0; row <= 16; row += 16) {
  let before = 0
  for (let m = 1; m <= 12; m++) {
    const dim = daysInMonth(row === 16 ? 2000 : 2001, m)
    DAYS_BEFORE_MONTH[row + m] = before
    DAYS_IN_MONTH[row + m] = dim
    before += dim
  }
}

/**
 * Strict ISO parse: exactly 'YYYY-MM-DD', a real calendar date, year MIN_YEAR..MAX_YEAR.
 * Returns the day number, or NaN for anything else ('2023-02-29', '2023-13-01', '2023-1-1',
 * '2023-01-01T00:00', non-strings). Allocation-free and division-free: this is the hot path for
 * 150,000 sessions. (`x >>> 0 > k` tests 0 <= x <= k in one unsigned comparison.)
 */
export function parseDay(s: unknown): number {
  if (typeof s !== 'string' || s.length !== 10) return NaN
  const c0 = s.charCodeAt(0) - 48
  const c1 = s.charCodeAt(1) - 48
  const c2 = s.charCodeAt(2) - 48
  const c3 = s.charCodeAt(3) - 48
  const c5 = s.charCodeAt(5) - 48
  const c6 = s.charCodeAt(6) - 48
  const c8 = s.charCodeAt(8) - 48
  const c9 = s.charCodeAt(9) - 48
  if (
    c0 >>> 0 > 9 || c1 >>> 0 > 9 || c2 >>> 0 > 9 || c3 >>> 0 > 9 ||
    c5 >>> 0 > 9 || c6 >>> 0 > 9 || c8 >>> 0 > 9 || c9 >>> 0 > 9 ||
    s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45
  ) return NaN
  const yi = c0 * 1000 + c1 * 100 + c2 * 10 + c3 - MIN_YEAR
  const m = c5 * 10 + c6
  const d = c8 * 10 + c9
  if (yi >>> 0 >= YEARS || (m - 1) >>> 0 > 11) return NaN
  const k = (LEAP_ROW[yi] as number) + m
  if ((d - 1) >>> 0 >= (DAYS_IN_MONTH[k] as number)) return NaN
  return (YEAR_START[yi] as number) + (DAYS_BEFORE_MONTH[k] as number) + d - 1
}

/** Parse or throw CaseInputError naming `field`. */
export function requireDay(value: unknown, field: string): number {
  const day = parseDay(value)
  if (day !== day) throw invalidDate(field, value)
  return day
}

/** Parse an optional field: undefined / null -> null, otherwise strict parse or throw. */
export function optionalDay(value: unknown, field: string): number | null {
  if (value === undefined || value === null) return null
  return requireDay(value, field)
}

// '00'..'99' for months and days, so formatting is two lookups and a concatenation.
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`))

// Memo of formatted dates by day number (a deterministic cache of a pure function, cleared past
// FORMAT_MEMO_LIMIT entries): a caseload formats the same few thousand handover and window dates on
// every evaluation.
const FORMAT_MEMO_LIMIT = 50_000
const formatMemo = new Map<number, IsoDate>()

/** 'YYYY-MM-DD' of a day number (years 1000-9999: all the engine can produce from valid input). */
export function formatDay(day: number): IsoDate {
  const hit = formatMemo.get(day)
  if (hit !== undefined) return hit
  civil(day)
  const y = cy < 1000 ? `000${cy}`.slice(-4) : `${cy}`
  const iso = `${y}-${TWO_DIGITS[cm] as string}-${TWO_DIGITS[cd] as string}`
  if (formatMemo.size >= FORMAT_MEMO_LIMIT) formatMemo.clear()
  formatMemo.set(day, iso)
  return iso
}

export function formatOrNull(day: number | null): IsoDate | null {
  return day === null ? null : formatDay(day)
}

/**
 * Add (or, with a negative count, subtract) calendar months, clamping to the last day of a
 * shorter month: 31 March - 1 month = 28 February (29 in a leap year); 31 Aug + 1 month = 30 Sep.
 * Source: issue 3, "X months Y days before D" definition.
 *
 * Hand-written rather than date-fns's addMonths (shared/dates.ts addMonthsToDayNumber), which
 * gives the same answers (test/unit/dates.test.ts checks every day of 1990-2040 against it) but
 * misses the issue 8 engine target: `npx tsx bench/engine.ts` (2,000 cases, 150,000 sessions,
 * 2026-11-29) took 58.0 ms, 11.5x its floor loop, with date-fns here, against 10.8 ms, 2.74x,
 * with this function (target < 50 ms and <= 3x; about 2.7 µs a call against 0.15 µs).
 */
export function addMonths(day: number, months: number): number {
  civil(day)
  const total = cy * 12 + (cm - 1) + months
  const ny = Math.floor(total / 12)
  const nm = total - ny * 12 + 1
  const dim = daysInMonth(ny, nm)
  return dayFromCivil(ny, nm, cd > dim ? dim : cd)
}

/**
 * "X months Y days before D": subtract X calendar months from D (clamping), then Y days.
 * Source: issue 3, handover rules, definition of "X months Y days before D".
 */
export function monthsDaysBefore(day: number, months: number, days: number): number {
  return addMonths(day, -months) - days
}
