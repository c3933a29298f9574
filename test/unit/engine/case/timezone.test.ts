// Time-zone independence. Source: issue 3 (IsoDate is "a calendar date, never a timestamp") and
// the task brief (results are the same whatever process.env.TZ is, including across the BST/GMT
// changes). The engine's arithmetic is integer day numbers with no Date at all; the only Date use
// is inside date-holidays, whose calendar-date strings (not instants) the engine reads. This
// block recomputes a battery of results under several TZ values, clearing the holiday cache each
// time so the library's data is rebuilt under each zone too.
import { afterAll, describe, expect, it } from 'vitest'
import { addWorkingDays, calculateHandover, evaluateCase } from '../../../../shared/engine/case/index'
import { clearHolidayCache } from '../../../../shared/engine/case/workingDays'
import { determinate, indeterminate, inPerson } from './fixtures'

const ZONES = ['UTC', 'Europe/London', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe', 'Asia/Kathmandu']
const original = process.env.TZ

function battery(): unknown {
  const cases = [
    determinate({ conditionalReleaseDate: '2025-03-31', pomAllocatedDate: '2024-03-30', arrivalDate: '2023-03-24', sessions: inPerson('2024-03-31', '2024-10-27') }),
    determinate({ conditionalReleaseDate: '2024-10-27', mappaLevel: 3, homeDetentionCurfewEligibilityDate: '2024-06-01' }),
    determinate({ sentenceStartDate: '2023-03-26', paroleEligibilityDate: '2025-03-30', conditionalReleaseDate: '2026-10-25' }),
    indeterminate({ tariffDate: '2024-03-31', targetHearingDate: '2025-10-26' }),
    determinate({ conditionalReleaseDate: '2025-03-31', sessions: [{ date: '2023-03-24', inPerson: true, recordedOn: '2023-03-28' }, { date: '2023-10-27', inPerson: true, recordedOn: '2023-10-30' }] }),
  ]
  return {
    handovers: cases.flatMap((c) => [calculateHandover(c, '2024-03-31', 'omic2021'), calculateHandover(c, '2023-10-29', 'omic2023')]),
    evaluations: cases.flatMap((c) => [evaluateCase(c, '2024-10-27'), evaluateCase(c, '2023-03-26', 'omic2023')]),
    working: ['2023-03-24', '2023-10-27', '2024-03-28', '2022-12-23', '2022-09-16', '2023-05-05'].map((d) => [addWorkingDays(d, 1), addWorkingDays(d, 14)]),
  }
}

describe('results do not depend on process.env.TZ', () => {
  afterAll(() => {
    if (original === undefined) delete process.env.TZ
    else process.env.TZ = original
    clearHolidayCache()
  })

  it('the TZ switch really changes local time in this process (so the comparison below means something)', () => {
    const offsets = new Set<number>()
    for (const zone of ZONES) {
      process.env.TZ = zone
      offsets.add(new Date(2023, 6, 1, 12).getTimezoneOffset())
    }
    expect(offsets.size).toBeGreaterThan(4)
  })

  it.each(ZONES)('TZ=%s gives the same results as UTC', (zone) => {
    process.env.TZ = 'UTC'
    clearHolidayCache()
    const expected = battery()
    process.env.TZ = zone
    clearHolidayCache()
    expect(battery()).toEqual(expected)
  })

  it('spot check under a far-ahead and a far-behind zone: BST/GMT change weekends', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = zone
      clearHolidayCache()
      expect(addWorkingDays('2023-03-24', 1)).toBe('2023-03-27')
      expect(addWorkingDays('2023-10-27', 1)).toBe('2023-10-30')
      expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20')
      expect(calculateHandover(determinate({ conditionalReleaseDate: '2025-03-31' }), '2023-01-01').comAllocatedDate).toBe('2024-08-16')
    }
  })
})
