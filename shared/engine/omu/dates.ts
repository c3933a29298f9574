// Calendar dates for the OMU engine: ISO 'YYYY-MM-DD' strings turned into integer day numbers
// (days since 1970-01-01, proleptic Gregorian) so no time zone or BST/GMT change can shift a
// date. Internal to shared/engine/omu: not re-exported (the case engine has its own helpers).
import type { IsoDate } from '../types'
import { OmuInputError } from './errors'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** [year, month 1-12, day] of a well-formed real calendar date, or null. */
export function isoParts(value: unknown): [number, number, number] | null {
  if (typeof value !== 'string') return null
  const m = ISO_DATE.exec(value)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null
  return [y, mo, d]
}

export function isIsoDateString(value: unknown): value is IsoDate {
  return isoParts(value) !== null
}

/** Day number (H. Hinnant's days_from_civil). */
function dayFromParts([y, m, d]: [number, number, number]): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Day number of a required date; throws OmuInputError naming the field when it is not a real date. */
export function dayOf(value: unknown, field: string): number {
  const parts = isoParts(value)
  if (!parts) throw new OmuInputError(`${field} must be a real date written YYYY-MM-DD (got ${JSON.stringify(value)}).`)
  return dayFromParts(parts)
}

/** Day number of an optional date (undefined or null means "not known"). */
export function optionalDayOf(value: unknown, field: string): number | null {
  if (value === undefined || value === null) return null
  return dayOf(value, field)
}

/** Whole years of age on `today` (a 29 February birthday falls on 1 March in common years). */
export function ageOn(dateOfBirth: IsoDate, today: IsoDate, field = 'dateOfBirth'): number {
  const b = isoParts(dateOfBirth)
  const t = isoParts(today)
  if (!b) throw new OmuInputError(`${field} must be a real date written YYYY-MM-DD (got ${JSON.stringify(dateOfBirth)}).`)
  if (!t) throw new OmuInputError(`today must be a real date written YYYY-MM-DD (got ${JSON.stringify(today)}).`)
  let age = t[0] - b[0]
  const birthdayPassed = t[1] > b[1] || (t[1] === b[1] && t[2] >= b[2])
  if (!birthdayPassed) age -= 1
  return age
}
