// Calendar arithmetic on integer day numbers (shared/engine/case/dates.ts).
// Sources: issue 3 ("X months Y days before D" = subtract X calendar months, clamping to the last
// day of a shorter month, then Y days; dates are 'YYYY-MM-DD' calendar dates, strictly validated).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addMonths,
  civilFromDay,
  dayFromCivil,
  formatDay,
  MAX_YEAR,
  MIN_YEAR,
  monthsDaysBefore,
  parseDay,
  weekday,
} from '../../../../shared/engine/case/dates'

const utcDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000
const day = (iso: string): number => {
  const n = parseDay(iso)
  if (Number.isNaN(n)) throw new Error(`test fixture is not a valid date: ${iso}`)
  return n
}

describe('parseDay: strict ISO calendar dates (issue 3: reject impossible or malformed dates)', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', utcDay(2000, 2, 29)],
    ['2024-02-29', utcDay(2024, 2, 29)],
    ['2023-12-31', utcDay(2023, 12, 31)],
    ['1900-01-01', utcDay(1900, 1, 1)],
    ['2999-12-31', utcDay(2999, 12, 31)],
  ])('accepts %s as day %i', (iso, expected) => {
    expect(parseDay(iso)).toBe(expected)
  })

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not a leap year'],
    ['2100-02-29', 'century, not a leap year'],
    ['2023-04-31', 'April has 30 days'],
    ['2023-13-01', 'month 13'],
    ['2023-00-10', 'month 0'],
    ['2023-01-00', 'day 0'],
    ['2023-01-32', 'day 32'],
    ['2023-1-1', 'unpadded'],
    ['2023-01-1', 'unpadded day'],
    ['23-01-01', 'two-digit year'],
    ['2023/01/01', 'slashes'],
    ['2023-01-01T00:00:00Z', 'a timestamp'],
    [' 2023-01-01', 'leading space'],
    ['2023-01-0a', 'letter'],
    ['2023-01-0/', 'character below 0'],
    ['2023-01-0:', 'character above 9'],
    ['1899-12-31', 'before 1900'],
    ['3000-01-01', 'after 2999'],
    ['', 'empty'],
  ])('rejects %s (%s)', (iso) => {
    expect(parseDay(iso)).toBeNaN()
  })

  it.each([[null], [undefined], [20230101], [new Date(0)], [{}]])('rejects the non-string %s', (value) => {
    expect(parseDay(value)).toBeNaN()
  })

  it('property: every day 1900-2999 round-trips through formatDay and matches Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: utcDay(MIN_YEAR, 1, 1), max: utcDay(MAX_YEAR, 12, 31) }), (n) => {
        const iso = formatDay(n)
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        expect(parseDay(iso)).toBe(n)
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(iso)
      }),
      { numRuns: 2000 },
    )
  })

  it('exhaustive: every calendar day 1900-2999 parses to the next day number after the previous one', () => {
    let expected = utcDay(MIN_YEAR, 1, 1)
    let checked = 0
    for (let y = MIN_YEAR; y <= MAX_YEAR; y++) {
      for (let m = 1; m <= 12; m++) {
        const dim = new Date(Date.UTC(y, m, 0)).getUTCDate()
        for (let d = 1; d <= dim; d++) {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
          if (parseDay(iso) !== expected) throw new Error(`${iso} parsed to ${parseDay(iso)}, expected ${expected}`)
          expected++
          checked++
        }
        expect(parseDay(`${y}-${String(m).padStart(2, '0')}-${dim + 1}`)).toBeNaN()
      }
    }
    expect(checked).toBe(utcDay(MAX_YEAR + 1, 1, 1) - utcDay(MIN_YEAR, 1, 1))
  })
})

describe('civil conversions', () => {
  it('dayFromCivil and civilFromDay are inverse and agree with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 400_000 }), (n) => {
        const [y, m, d] = civilFromDay(n)
        expect(dayFromCivil(y, m, d)).toBe(n)
        const u = new Date(n * 86_400_000)
        expect([u.getUTCFullYear(), u.getUTCMonth() + 1, u.getUTCDate()]).toEqual([y, m, d])
      }),
    )
  })

  it.each([
    ['1970-01-01', 4, 'Thursday'],
    ['2023-03-26', 0, 'Sunday (BST starts)'],
    ['2023-10-29', 0, 'Sunday (GMT resumes)'],
    ['2024-02-29', 4, 'Thursday'],
    ['1969-12-28', 0, 'Sunday before the epoch'],
    ['1900-01-01', 1, 'Monday'],
  ])('weekday(%s) = %i (%s)', (iso, expected) => {
    expect(weekday(day(iso))).toBe(expected)
  })
})

describe('addMonths: calendar months with month-end clamping (issue 3, "X months Y days before D")', () => {
  it.each([
    ['2023-03-31', -1, '2023-02-28', '31 March minus 1 month = 28 February (common year)'],
    ['2024-03-31', -1, '2024-02-29', '31 March minus 1 month = 29 February (leap year)'],
    ['2024-02-29', -12, '2023-02-28', '29 Feb minus 12 months clamps to 28 Feb'],
    ['2024-02-29', 12, '2025-02-28', '29 Feb plus 12 months clamps to 28 Feb'],
    ['2023-08-31', 1, '2023-09-30', '31 August plus 1 month = 30 September'],
    ['2023-05-31', -3, '2023-02-28', '31 May minus 3 months = 28 February'],
    ['2023-10-31', -8, '2023-02-28', '31 October minus 8 months = 28 February'],
    ['2024-10-31', -8, '2024-02-29', '31 October minus 8 months = 29 February (leap)'],
    ['2023-01-31', 10, '2023-11-30', '31 January plus 10 months = 30 November'],
    ['2023-01-15', -1, '2022-12-15', 'across the year boundary backwards'],
    ['2022-12-15', 1, '2023-01-15', 'across the year boundary forwards'],
    ['2025-03-31', -15, '2023-12-31', 'minus 15 months'],
    ['2023-06-15', 0, '2023-06-15', 'zero months'],
    ['2000-02-29', -1200, '1900-02-28', '100 years back to a non-leap century'],
  ])('%s %+i months = %s (%s)', (from, months, expected) => {
    expect(formatDay(addMonths(day(from), months))).toBe(expected)
  })

  it.each([
    ['2025-03-31', 7, 15, '2024-08-16', '7 months 15 days before 31 March 2025 (31 Aug - 15 days)'],
    ['2025-03-31', 4, 15, '2024-11-15', '4 months 15 days before: 30 Nov (clamped) - 15 days'],
    ['2024-09-30', 7, 15, '2024-02-14', '7 months before 30 Sep 2024 clamps to 29 Feb, then 15 days'],
    ['2023-09-30', 7, 15, '2023-02-13', '7 months before 30 Sep 2023 clamps to 28 Feb, then 15 days'],
    ['2025-03-31', 8, 14, '2024-07-17', '8 months 14 days before 31 March 2025'],
    ['2024-10-30', 8, 14, '2024-02-15', '8 months before 30 Oct 2024 clamps to 29 Feb, then 14 days'],
  ])('monthsDaysBefore(%s, %i, %i) = %s (%s)', (from, months, days, expected) => {
    expect(formatDay(monthsDaysBefore(day(from), months, days))).toBe(expected)
  })
})
