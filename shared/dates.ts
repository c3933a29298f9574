// Calendar arithmetic on 'YYYY-MM-DD' strings with date-fns (issue 18, "Runtime and libraries":
// the design card's date library, for what it does well). date-fns works on a Date's local-time
// fields, so a date is handed to it as a CalendarDay: a Date whose "local" fields are its UTC ones
// (the approach of date-fns's own @date-fns/utc UTCDate). No machine time zone can then shift a
// date: not a BST/GMT change, not America/New_York's, not a day some zone skipped
// (Pacific/Kiritimati has no 31 December 1994); test/unit/dates.test.ts runs under all three.
import { addDays, addMonths, differenceInCalendarDays, getISOWeek, getISOWeekYear, lightFormat } from 'date-fns'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date at 00:00 UTC whose local-time methods are the UTC ones, for date-fns. */
class CalendarDay extends Date {
  override getFullYear(): number { return this.getUTCFullYear() }
  override getMonth(): number { return this.getUTCMonth() }
  override getDate(): number { return this.getUTCDate() }
  override getDay(): number { return this.getUTCDay() }
  override getHours(): number { return this.getUTCHours() }
  override getMinutes(): number { return this.getUTCMinutes() }
  override getSeconds(): number { return this.getUTCSeconds() }
  override getMilliseconds(): number { return this.getUTCMilliseconds() }
  override getTimezoneOffset(): number { return 0 }
  override setFullYear(y: number, m?: number, d?: number): number {
    return this.setUTCFullYear(y, m ?? this.getUTCMonth(), d ?? this.getUTCDate())
  }
  override setMonth(m: number, d?: number): number { return this.setUTCMonth(m, d ?? this.getUTCDate()) }
  override setDate(d: number): number { return this.setUTCDate(d) }
  override setHours(h: number, min?: number, sec?: number, ms?: number): number {
    return this.setUTCHours(h, min ?? this.getUTCMinutes(), sec ?? this.getUTCSeconds(), ms ?? this.getUTCMilliseconds())
  }
  override setMinutes(min: number, sec?: number, ms?: number): number {
    return this.setUTCMinutes(min, sec ?? this.getUTCSeconds(), ms ?? this.getUTCMilliseconds())
  }
  override setSeconds(sec: number, ms?: number): number { return this.setUTCSeconds(sec, ms ?? this.getUTCMilliseconds()) }
  override setMilliseconds(ms: number): number { return this.setUTCMilliseconds(ms) }
}

const DAY_MS = 86_400_000

/** The CalendarDay of a 'YYYY-MM-DD' string; an Invalid Date for anything else ('2026-02-30' too). */
function calendarDay(iso: string): CalendarDay {
  const m = ISO_DATE.exec(iso)
  const day = new CalendarDay(m ? 0 : NaN)
  if (!m) return day
  const [y, month, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])]
  day.setUTCFullYear(y, month, d) // not Date.UTC, which reads years 0-99 as 1900-1999
  return day.getUTCFullYear() === y && day.getUTCMonth() === month && day.getUTCDate() === d ? day : new CalendarDay(NaN)
}

/** 'YYYY-MM-DD' of a CalendarDay (years 0000-9999); a RangeError for an Invalid Date. */
function isoOf(day: Date): string {
  return lightFormat(day, 'yyyy-MM-dd')
}

// The functions below take valid 'YYYY-MM-DD' calendar dates (the app's dates are checked where
// they enter: zod contracts, CSV import, the engine's parser); anything else is a RangeError.

/** 'YYYY-MM-DD' plus n calendar days (negative: earlier). */
export function addDaysIso(iso: string, days: number): string {
  return isoOf(addDays(calendarDay(iso), days))
}

/**
 * 'YYYY-MM-DD' plus n calendar months (negative: earlier), clamped to the last day of a shorter
 * month: 31 August + 1 month = 30 September; 29 February 2024 - 12 months = 28 February 2023.
 * The "X months before D" of the handover rules (issue 3) and whole-year retention periods.
 */
export function addMonthsIso(iso: string, months: number): string {
  return isoOf(addMonths(calendarDay(iso), months))
}

/**
 * The case engine's day numbers (days since 1970-01-01, shared/engine/case/dates.ts) plus n calendar
 * months, clamped as addMonthsIso.
 */
export function addMonthsToDayNumber(day: number, months: number): number {
  return Math.round(addMonths(new CalendarDay(day * DAY_MS), months).getTime() / DAY_MS)
}

/** The ISO 8601 week of a date, as 'YYYY-Www' (the week's Thursday decides the year): '2027-01-01' -> '2026-W53'. */
export function isoWeekIso(iso: string): string {
  const day = calendarDay(iso)
  if (Number.isNaN(day.getTime())) throw new RangeError(`Not a calendar date: ${iso}`)
  return `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, '0')}`
}

/** '2026-03-29' -> '29/03/2026' (en-GB), or null when `iso` is not a 'YYYY-MM-DD' calendar date. */
export function ukDateOrNull(iso: string): string | null {
  const day = calendarDay(iso)
  return Number.isNaN(day.getTime()) ? null : lightFormat(day, 'dd/MM/yyyy')
}

/** Whole calendar days from `from` to `to` ('YYYY-MM-DD'; negative when `to` is earlier). */
export function daysBetweenIso(from: string, to: string): number {
  const days = differenceInCalendarDays(calendarDay(to), calendarDay(from))
  if (Number.isNaN(days)) throw new RangeError(`Not a calendar date: ${Number.isNaN(calendarDay(from).getTime()) ? from : to}`)
  return days
}
