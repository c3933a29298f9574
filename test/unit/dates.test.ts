// Calendar arithmetic on 'YYYY-MM-DD' strings with date-fns (shared/dates.ts; issue 18, "Runtime and
// libraries"). Sources: issue 3 ("X months Y days before D": subtract X calendar months, clamping to
// the last day of a shorter month; dates are calendar dates, never timestamps) and the README
// ("calendar dates are YYYY-MM-DD strings end to end").
import { afterAll, describe, expect, it } from 'vitest'
import { addDaysIso, addMonthsIso, addMonthsToDayNumber, daysBetweenIso, ukDateOrNull } from '../../shared/dates'
import { addMonths, dayFromCivil, formatDay, parseDay } from '../../shared/engine/case/dates'

const original = process.env.TZ
afterAll(() => {
  if (original === undefined) delete process.env.TZ
  else process.env.TZ = original
})

describe('addMonthsIso: calendar months, clamped to the end of a shorter month (issue 3)', () => {
  it('31 August plus a month is 30 September; 31 March less a month is the end of February', () => {
    expect(addMonthsIso('2026-08-31', 1)).toBe('2026-09-30')
    expect(addMonthsIso('2023-03-31', -1)).toBe('2023-02-28')
    expect(addMonthsIso('2024-03-31', -1)).toBe('2024-02-29')
  })

  it('29 February plus or less a year is 28 February, plus four years is 29 February again', () => {
    expect(addMonthsIso('2024-02-29', -12)).toBe('2023-02-28')
    expect(addMonthsIso('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonthsIso('2024-02-29', 48)).toBe('2028-02-29')
  })

  it('crosses year ends both ways and leaves a day that exists alone', () => {
    expect(addMonthsIso('2026-11-15', 3)).toBe('2027-02-15')
    expect(addMonthsIso('2026-01-15', -15)).toBe('2024-10-15')
    expect(addMonthsIso('2026-05-10', 0)).toBe('2026-05-10')
  })
})

describe('addDaysIso and daysBetweenIso: whole calendar days', () => {
  it('a day is a day across the clock changes (BST starts 29 March 2026, ends 25 October 2026)', () => {
    expect(addDaysIso('2026-03-28', 1)).toBe('2026-03-29')
    expect(addDaysIso('2026-03-28', 2)).toBe('2026-03-30')
    expect(addDaysIso('2026-10-26', -2)).toBe('2026-10-24')
    expect(daysBetweenIso('2026-03-28', '2026-03-30')).toBe(2)
    expect(daysBetweenIso('2026-10-24', '2026-10-26')).toBe(2)
  })

  it('counts leap days and year ends, negative when the second date is earlier', () => {
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetweenIso('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetweenIso('2026-11-29', '2026-11-01')).toBe(-28)
    expect(daysBetweenIso('2026-11-29', '2026-11-29')).toBe(0)
  })

  it('refuses what is not a calendar date rather than rolling it into the next month', () => {
    expect(() => addDaysIso('2026-02-30', 1)).toThrow(RangeError)
    expect(() => addMonthsIso('2026-13-01', 1)).toThrow(RangeError)
    expect(() => daysBetweenIso('2026-02-30', '2026-03-01')).toThrow('Not a calendar date: 2026-02-30')
    expect(() => addDaysIso('29/03/2026', 1)).toThrow(RangeError)
  })
})

describe('ukDateOrNull: dd/MM/yyyy', () => {
  it('re-orders a calendar date the en-GB way, and gives null for anything else', () => {
    expect(ukDateOrNull('2026-03-29')).toBe('29/03/2026')
    expect(ukDateOrNull('0999-01-05')).toBe('05/01/0999')
    expect(ukDateOrNull('2026-02-30')).toBeNull()
    expect(ukDateOrNull('2026-03-29T10:00:00Z')).toBeNull()
    expect(ukDateOrNull('')).toBeNull()
  })
})

describe('results do not depend on the machine’s time zone', () => {
  const ZONES = ['Europe/London', 'America/New_York', 'Pacific/Kiritimati']
  const battery = () => ({
    months: [['2026-03-31', -1], ['2026-10-25', 1], ['2024-02-29', -12], ['1994-12-31', 1], ['2026-03-08', 1]].map(([d, n]) => addMonthsIso(d as string, n as number)),
    days: [['2026-03-28', 1], ['2026-10-24', 2], ['2026-03-07', 1], ['2026-10-31', 1], ['1994-12-30', 1], ['1995-01-01', -1]].map(([d, n]) => addDaysIso(d as string, n as number)),
    between: [['2026-03-28', '2026-03-30'], ['2026-03-07', '2026-03-09'], ['2026-10-31', '2026-11-02'], ['1994-12-30', '1995-01-01']].map(([a, b]) => daysBetweenIso(a!, b!)),
    uk: ['2026-03-29', '2026-10-25', '1994-12-31'].map(ukDateOrNull),
  })

  it('the TZ switch really changes local time in this process, and a local-time Date would lose a day Kiritimati skipped', () => {
    const offsets = new Set<number>()
    for (const zone of ZONES) {
      process.env.TZ = zone
      offsets.add(new Date(2026, 6, 1, 12).getTimezoneOffset())
    }
    expect(offsets.size).toBe(3)
    // Pacific/Kiritimati moved across the date line: its clocks had no 31 December 1994.
    process.env.TZ = 'Pacific/Kiritimati'
    expect(new Date(1994, 11, 31).getDate()).not.toBe(31)
  })

  it.each(ZONES)('TZ=%s gives the same results as UTC, across its own clock changes', (zone) => {
    process.env.TZ = 'UTC'
    const expected = battery()
    expect(expected.days).toEqual(['2026-03-29', '2026-10-26', '2026-03-08', '2026-11-01', '1994-12-31', '1994-12-31'])
    expect(expected.between).toEqual([2, 2, 2, 2])
    process.env.TZ = zone
    expect(battery()).toEqual(expected)
  })
})

describe('the case engine’s hand-written addMonths (kept for speed) agrees with date-fns', () => {
  it('for every day of 1990 to 2040 and every month offset the handover and minima rules use', () => {
    const from = dayFromCivil(1990, 1, 1)
    const to = dayFromCivil(2040, 12, 31)
    const offsets = [-15, -12, -8, -7, -4, -3, 1, 10, 12, 20]
    let differences = 0
    for (let day = from; day <= to; day++) {
      for (const months of offsets) if (addMonths(day, months) !== addMonthsToDayNumber(day, months)) differences++
    }
    expect(differences).toBe(0)
    expect(formatDay(addMonthsToDayNumber(parseDay('2024-03-31'), -1))).toBe('2024-02-29')
  })
})
