// England and Wales working days (shared/engine/case/workingDays.ts).
// Sources: seed 003 standard 1.1 / Annex B 1.1 ("within one working day") and Annex B "POM to POM
// transfers" ("within 14 working days of their arrival"); issue 3: working days exclude weekends
// and England and Wales bank holidays incl. one-off ones, from date-holidays GB-ENG, plus an
// extra-holiday list from Settings.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addWorkingDays, CaseInputError } from '../../../../shared/engine/case/index'
import { formatDay, parseDay, weekday } from '../../../../shared/engine/case/dates'
import { bankHolidaysOfYear, isWorkingDay } from '../../../../shared/engine/case/workingDays'

const isoSet = (year: number): string[] => [...bankHolidaysOfYear(year)].map(formatDay).sort()

describe('bank holidays from date-holidays GB-ENG (issue 3: maintained library, not a hand-typed list)', () => {
  it('2022: includes substitute days and the one-off Jubilee and State Funeral holidays', () => {
    expect(isoSet(2022)).toEqual([
      '2022-01-01', // New Year's Day (a Saturday: the substitute below is the day off)
      '2022-01-03', // New Year's Day substitute
      '2022-04-15', // Good Friday
      '2022-04-18', // Easter Monday
      '2022-05-02', // Early May
      '2022-06-02', // Spring bank holiday (moved)
      '2022-06-03', // Platinum Jubilee (one-off)
      '2022-08-29', // Summer
      '2022-09-19', // State Funeral of Queen Elizabeth II (one-off)
      '2022-12-25',
      '2022-12-26',
      '2022-12-27', // Christmas Day substitute
    ])
  })

  it('2023: includes the Coronation (2023-05-08) and the New Year substitute', () => {
    const days = isoSet(2023)
    expect(days).toContain('2023-01-02')
    expect(days).toContain('2023-04-07') // Good Friday
    expect(days).toContain('2023-04-10') // Easter Monday
    expect(days).toContain('2023-05-08') // Coronation of King Charles III (one-off)
    expect(days).toContain('2023-12-26')
    expect(days).toHaveLength(10)
  })

  it('observances (Mother\'s Day, Easter Sunday, Father\'s Day) are not bank holidays', () => {
    const days = isoSet(2023)
    expect(days).not.toContain('2023-03-19') // Mother's Day
    expect(days).not.toContain('2023-04-09') // Easter Sunday
    expect(days).not.toContain('2023-06-18') // Father's Day
  })

  it('is memoised per year (the same Set instance on a second call)', () => {
    expect(bankHolidaysOfYear(2024)).toBe(bankHolidaysOfYear(2024))
  })

  it.each([
    ['2021-12-27', 'Christmas Day substitute 2021'],
    ['2021-12-28', 'Boxing Day substitute 2021'],
    ['2020-12-28', 'Boxing Day substitute 2020'],
    ['2027-12-28', 'Boxing Day substitute 2027'],
    ['2024-03-29', 'Good Friday 2024'],
    ['2024-04-01', 'Easter Monday 2024'],
  ])('%s is not a working day (%s)', (iso) => {
    expect(isWorkingDay(parseDay(iso), null)).toBe(false)
  })
})

describe('addWorkingDays: the n-th England and Wales working day after a date', () => {
  it.each([
    // [date, n, expected, why]
    ['2023-06-12', 1, '2023-06-13', 'Monday + 1 = Tuesday'],
    ['2023-06-16', 1, '2023-06-19', 'Friday + 1 skips the weekend'],
    ['2023-06-17', 1, '2023-06-19', 'Saturday + 1 = Monday'],
    ['2023-06-18', 1, '2023-06-19', 'Sunday + 1 = Monday'],
    ['2023-06-12', 0, '2023-06-12', 'n = 0 returns the date itself'],
    ['2023-06-17', 0, '2023-06-17', 'n = 0 returns the date even at a weekend'],
    ['2023-06-12', 5, '2023-06-19', 'a working week'],
    // Easter (Good Friday and Easter Monday)
    ['2023-04-06', 1, '2023-04-11', 'Thursday before Easter 2023 + 1 = Tuesday after Easter Monday'],
    ['2023-04-05', 1, '2023-04-06', 'Wednesday before Easter + 1 = Maundy Thursday'],
    ['2024-03-28', 1, '2024-04-02', 'Thursday before Easter 2024 (spans the BST change on 31 March)'],
    // Christmas, substitute days and New Year
    ['2022-12-23', 1, '2022-12-28', 'Friday 23 Dec 2022 + 1 skips Boxing Day and the Christmas substitute'],
    ['2022-12-30', 1, '2023-01-03', 'Friday 30 Dec 2022 + 1 skips the New Year substitute 2 Jan 2023'],
    ['2021-12-24', 1, '2021-12-29', 'Friday 24 Dec 2021 + 1 skips both 2021 substitute days'],
    ['2023-12-22', 1, '2023-12-27', 'Friday 22 Dec 2023 + 1 skips Christmas and Boxing Day'],
    // One-off holidays
    ['2022-09-16', 1, '2022-09-20', 'Friday + 1 skips the State Funeral 19 Sep 2022'],
    ['2023-05-05', 1, '2023-05-09', 'Friday + 1 skips the Coronation 8 May 2023'],
    ['2022-06-01', 1, '2022-06-06', 'Wednesday + 1 skips the Jubilee 2-3 Jun 2022'],
    // BST / GMT changes are ordinary days for a calendar date
    ['2023-03-24', 1, '2023-03-27', 'Friday before BST starts (Sun 26 Mar 2023) + 1 = Monday'],
    ['2023-10-27', 1, '2023-10-30', 'Friday before GMT resumes (Sun 29 Oct 2023) + 1 = Monday'],
    // 14 working days (seed 003 Annex B transfers)
    ['2023-04-03', 14, '2023-04-25', 'arrival Mon 3 Apr 2023: 14 working days span Easter'],
    ['2022-12-19', 14, '2023-01-11', 'arrival Mon 19 Dec 2022: 14 working days span Christmas and New Year'],
    ['2023-06-05', 14, '2023-06-23', 'arrival Mon 5 Jun 2023: 14 working days, no holidays'],
    // Leap day
    ['2024-02-28', 1, '2024-02-29', 'Wednesday 28 Feb 2024 + 1 = Thursday 29 Feb'],
    ['2024-02-29', 1, '2024-03-01', '29 Feb + 1 = 1 March'],
  ])('%s + %i working days = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected)
  })

  it('user-supplied extra holidays are skipped (issue 3: extra-holiday list in Settings)', () => {
    expect(addWorkingDays('2023-06-30', 1)).toBe('2023-07-03')
    expect(addWorkingDays('2023-06-30', 1, ['2023-07-03'])).toBe('2023-07-04')
    expect(addWorkingDays('2023-06-30', 1, ['2023-07-03', '2023-07-04'])).toBe('2023-07-05')
    expect(addWorkingDays('2023-06-30', 1, [])).toBe('2023-07-03')
  })

  it('an extra-holiday array changed in place is re-read, not served stale from the memo', () => {
    const extra = ['2023-07-03']
    expect(addWorkingDays('2023-06-30', 1, extra)).toBe('2023-07-04')
    extra[0] = '2023-07-05'
    expect(addWorkingDays('2023-06-30', 1, extra)).toBe('2023-07-03')
  })

  it.each([
    ['date', '2023-02-29', 1, undefined],
    ['date', '2023-1-1', 1, undefined],
    ['n', '2023-06-12', -1, undefined],
    ['n', '2023-06-12', 1.5, undefined],
    ['n', '2023-06-12', Number.NaN, undefined],
    ['n', '2023-06-12', Number.POSITIVE_INFINITY, undefined],
    ['n', '2023-06-12', 100_001, undefined],
    ['extraHolidays[1]', '2023-06-12', 1, ['2023-07-03', '2023-02-30']],
  ])('invalid input throws CaseInputError naming %s', (field, date, n, extra) => {
    const call = (): string => addWorkingDays(date, n, extra)
    expect(call).toThrow(CaseInputError)
    try {
      call()
    } catch (e) {
      expect((e as CaseInputError).field).toBe(field)
    }
  })

  it('property: the answer is a valid ISO working day, after the date, with exactly n working days in between', () => {
    const start = parseDay('2015-01-01')
    const end = parseDay('2035-12-31')
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.integer({ min: 1, max: 40 }), (d, n) => {
        const from = formatDay(d)
        const out = addWorkingDays(from, n)
        const outDay = parseDay(out)
        expect(formatDay(outDay)).toBe(out)
        expect(outDay).toBeGreaterThan(d)
        expect(isWorkingDay(outDay, null)).toBe(true)
        expect([0, 6]).not.toContain(weekday(outDay))
        let between = 0
        for (let x = d + 1; x <= outDay; x++) if (isWorkingDay(x, null)) between++
        expect(between).toBe(n)
      }),
      { numRuns: 300 },
    )
  })

  it('property: adding a then b working days equals adding a + b', () => {
    fc.assert(
      fc.property(fc.integer({ min: parseDay('2000-01-01'), max: parseDay('2040-12-31') }), fc.nat(30), fc.nat(30), (d, a, b) => {
        const from = formatDay(d)
        expect(addWorkingDays(addWorkingDays(from, a), b)).toBe(addWorkingDays(from, a + b))
      }),
      { numRuns: 300 },
    )
  })
})
