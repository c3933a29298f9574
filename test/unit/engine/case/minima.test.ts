// POM supervision minima. Sources: seed 003 Annex B ("Start custodial sentence": 3 in-person
// sessions within 12 weeks of POM allocation; "Pre-release - Handover to the COM": 3 sessions in
// the last 3 months before handover with more than 20 months to serve, else 1; "POM to POM
// transfers": a face-to-face session within 14 working days of arrival) and issue 3,
// "Supervision minima" (windows, dueBy, statuses, in-person sessions only).
import { describe, expect, it } from 'vitest'
import type { CaseInput, MinimumResult } from '../../../../shared/engine/case/index'
import { evaluateCase } from '../../../../shared/engine/case/index'
import { determinate, inPerson } from './fixtures'

function rule(input: CaseInput, today: string, name: MinimumResult['rule'], policy: 'omic2021' | 'omic2023' = 'omic2021', extraHolidays?: string[]): MinimumResult {
  const found = evaluateCase(input, today, policy, extraHolidays ? { extraHolidays } : undefined).minima.find((m) => m.rule === name)
  if (!found) throw new Error(`rule ${name} missing`)
  return found
}

const NA = { required: 0, achieved: 0, windowStart: null, dueBy: null, status: 'not_applicable' }

describe('evaluateCase minima: always all three rules, in order (issue 3)', () => {
  it('returns start_of_custody, pre_handover, transfer_arrival', () => {
    for (const input of [determinate(), determinate({ recall: true }), determinate({ conditionalReleaseDate: '2025-03-31', pomAllocatedDate: '2022-01-20', arrivalDate: '2022-03-01' })]) {
      expect(evaluateCase(input, '2023-01-01').minima.map((m) => m.rule)).toEqual(['start_of_custody', 'pre_handover', 'transfer_arrival'])
    }
  })
})

describe('start_of_custody (seed 003 Annex B: 3 in-person sessions within 12 weeks of POM allocation)', () => {
  // Allocated Mon 9 Jan 2023; + 84 days = Mon 3 Apr 2023. CRD 5 Jan 2026: POM responsible until 2025.
  const base = determinate({ sentenceStartDate: '2023-01-05', conditionalReleaseDate: '2026-01-05', pomAllocatedDate: '2023-01-09' })
  const window = { windowStart: '2023-01-09', dueBy: '2023-04-03', required: 3 }
  it.each([
    ['third in-person session on day 84 meets the minimum', inPerson('2023-01-10', '2023-02-10', '2023-04-03'), '2023-05-01', 3, 'met'],
    ['third session on day 85 is outside the window: overdue after dueBy', inPerson('2023-01-10', '2023-02-10', '2023-04-04'), '2023-05-01', 2, 'overdue'],
    ['two sessions, today = dueBy: due', inPerson('2023-01-10', '2023-02-10'), '2023-04-03', 2, 'due'],
    ['two sessions, today = dueBy + 1: overdue', inPerson('2023-01-10', '2023-02-10'), '2023-04-04', 2, 'overdue'],
    ['a session on the allocation date (day 0) counts', inPerson('2023-01-09', '2023-02-01', '2023-03-01'), '2023-05-01', 3, 'met'],
    ['a session the day before allocation does not count (reading: sessions before allocation are outside the window)', inPerson('2023-01-08', '2023-02-01', '2023-03-01'), '2023-05-01', 2, 'overdue'],
    ['duplicate same-day sessions each count (reading: each recorded session is a contact)', inPerson('2023-02-01', '2023-02-01', '2023-02-01'), '2023-05-01', 3, 'met'],
    ['sessions dated after today are planned, not held: they do not count yet (reading)', inPerson('2023-01-10', '2023-02-01', '2023-03-01'), '2023-02-15', 2, 'due'],
    ['no sessions, first day: due', [], '2023-01-09', 0, 'due'],
    ['met stays met after dueBy', inPerson('2023-01-10', '2023-01-11', '2023-01-12'), '2024-01-01', 3, 'met'],
  ])('%s', (_name, sessions, today, achieved, status) => {
    expect(rule({ ...base, sessions }, today, 'start_of_custody')).toEqual({ rule: 'start_of_custody', ...window, achieved, status })
  })

  it('only in-person sessions count (seed 003 Annex B: "in person ... same physical space")', () => {
    const sessions = [...inPerson('2023-01-10', '2023-02-10'), { date: '2023-03-10', inPerson: false, recordedOn: '2023-03-10' }]
    expect(rule({ ...base, sessions }, '2023-05-01', 'start_of_custody')).toMatchObject({ achieved: 2, status: 'overdue' })
  })

  it.each([
    ['allocated 8 Dec 2023: day 84 is 1 Mar 2024 (leap February)', '2023-12-08', '2024-03-01'],
    ['allocated 8 Dec 2022: day 84 is 2 Mar 2023 (common February)', '2022-12-08', '2023-03-02'],
    ['allocated 1 Mar 2023 (BST starts 26 Mar): day 84 is 24 May 2023', '2023-03-01', '2023-05-24'],
  ])('12 weeks = 84 calendar days: %s', (_name, allocated, dueBy) => {
    const input = determinate({ sentenceStartDate: '2022-11-01', conditionalReleaseDate: '2027-01-01', pomAllocatedDate: allocated })
    expect(rule(input, '2022-12-01', 'start_of_custody')).toMatchObject({ windowStart: allocated, dueBy, required: 3 })
  })

  it.each([
    ['no POM allocation date', determinate({ conditionalReleaseDate: '2026-01-05' })],
    ['recall: COM responsible on the allocation date', determinate({ recall: true, pomAllocatedDate: '2023-01-09' })],
    ['10 months or less to serve: COM responsible on the allocation date', determinate({ sentenceStartDate: '2023-01-05', conditionalReleaseDate: '2023-06-01', pomAllocatedDate: '2023-01-09' })],
    ['allocated on comResponsibleDate (21 Aug 2025): COM responsible', determinate({ sentenceStartDate: '2023-01-05', conditionalReleaseDate: '2026-01-05', pomAllocatedDate: '2025-08-21' })],
  ])('not applicable (issue 3): %s', (_name, input) => {
    expect(rule(input, '2023-05-01', 'start_of_custody')).toEqual({ rule: 'start_of_custody', ...NA })
  })

  it("applies when allocated the day before comResponsibleDate ('pom_with_com' is still POM-responsible)", () => {
    const input = determinate({ sentenceStartDate: '2023-01-05', conditionalReleaseDate: '2026-01-05', pomAllocatedDate: '2025-08-20' })
    expect(rule(input, '2025-08-20', 'start_of_custody')).toMatchObject({ required: 3, windowStart: '2025-08-20', status: 'due' })
  })
})

describe('pre_handover (seed 003 Annex B "Pre-release - Handover to the COM"; issue 3 windows)', () => {
  // omic2021, CRD 31 Mar 2025: comAllocatedDate 16 Aug 2024; window 16 May .. 16 Aug 2024.
  // Sentence start 10 Jan 2022: release is more than 20 months after start: 3 required.
  const base = determinate({ conditionalReleaseDate: '2025-03-31' })
  const window = { windowStart: '2024-05-16', dueBy: '2024-08-16', required: 3 }
  it.each([
    ['three sessions from the first to the last day of the window: met', inPerson('2024-05-16', '2024-06-20', '2024-08-16'), '2024-09-01', 3, 'met'],
    ['a session the day before the window does not count', inPerson('2024-05-15', '2024-06-20', '2024-08-16'), '2024-09-01', 2, 'overdue'],
    ['a session the day after comAllocatedDate does not count', inPerson('2024-05-16', '2024-06-20', '2024-08-17'), '2024-09-01', 2, 'overdue'],
    ['two sessions, today = comAllocatedDate: due', inPerson('2024-05-16', '2024-06-20'), '2024-08-16', 2, 'due'],
    ['two sessions, today = comAllocatedDate + 1: overdue', inPerson('2024-05-16', '2024-06-20'), '2024-08-17', 2, 'overdue'],
    ['long before the window: due with 0', [], '2023-01-01', 0, 'due'],
  ])('%s', (_name, sessions, today, achieved, status) => {
    expect(rule({ ...base, sessions }, today, 'pre_handover')).toEqual({ rule: 'pre_handover', ...window, achieved, status })
  })

  it.each([
    ['release exactly 20 months after start: 1 required ("more than 20 months" is false)', '2024-09-10', 1, '2023-10-26', '2024-01-26'],
    ['release 20 months and 1 day after start: 3 required', '2024-09-11', 3, '2023-10-27', '2024-01-27'],
    ['release 19 months after start: 1 required', '2024-08-10', 1, '2023-09-26', '2023-12-26'],
  ])('seed 003 Annex B (20 months to serve): %s', (_name, crd, required, windowStart, dueBy) => {
    const input = determinate({ sentenceStartDate: '2023-01-10', conditionalReleaseDate: crd })
    expect(rule(input, '2023-02-01', 'pre_handover')).toMatchObject({ required, windowStart, dueBy, status: 'due' })
  })

  it('window start clamps at month end: comAllocatedDate 31 May 2024 - 3 months = 29 Feb 2024', () => {
    // omic2021 determinate with PED 31 Jan 2025: comAllocatedDate = PED - 8 months = 31 May 2024.
    const input = determinate({ paroleEligibilityDate: '2025-01-31' })
    expect(rule(input, '2023-06-01', 'pre_handover')).toMatchObject({ windowStart: '2024-02-29', dueBy: '2024-05-31', required: 3 })
  })

  it('omic2023 uses its single handover date (17 Jul 2024 for CRD 31 Mar 2025)', () => {
    const sessions = inPerson('2024-04-17', '2024-05-01', '2024-07-17')
    expect(rule({ ...base, sessions }, '2024-08-01', 'pre_handover', 'omic2023')).toEqual({
      rule: 'pre_handover', required: 3, achieved: 3, windowStart: '2024-04-17', dueBy: '2024-07-17', status: 'met',
    })
  })

  it('only in-person sessions count', () => {
    const sessions = [...inPerson('2024-06-01'), { date: '2024-06-02', inPerson: false }, { date: '2024-06-03', inPerson: false }]
    expect(rule({ ...base, sessions }, '2024-09-01', 'pre_handover')).toMatchObject({ achieved: 1, status: 'overdue' })
  })

  it.each([
    ['recall', determinate({ recall: true, conditionalReleaseDate: '2025-03-31' })],
    ['10 months or less to serve', determinate({ sentenceStartDate: '2023-01-10', conditionalReleaseDate: '2023-09-01' })],
    ['release date unknown', determinate()],
    ['comAllocatedDate before sentence start (omic2023 early allocation: 1 Jun 2022 < 1 Jan 2023) (reading)', determinate({ sentenceStartDate: '2023-01-01', conditionalReleaseDate: '2023-09-01', earlyAllocation: true })],
  ])('not applicable: %s', (_name, input) => {
    expect(rule(input, '2023-02-01', 'pre_handover', 'omic2023')).toEqual({ rule: 'pre_handover', ...NA })
  })

  it('applies when comAllocatedDate is the sentence start date itself (reading: only earlier dates are not applicable)', () => {
    // omic2023 early allocation: 1 Apr 2024 - 15 months = 1 Jan 2023 = sentence start
    const input = determinate({ sentenceStartDate: '2023-01-01', conditionalReleaseDate: '2024-04-01', earlyAllocation: true, sessions: inPerson('2023-01-01') })
    expect(rule(input, '2023-02-01', 'pre_handover', 'omic2023')).toEqual({
      rule: 'pre_handover', required: 1, achieved: 1, windowStart: '2022-10-01', dueBy: '2023-01-01', status: 'met',
    })
  })
})

describe('transfer_arrival (seed 003 Annex B: face-to-face session within 14 working days of arrival)', () => {
  // Arrival Mon 3 Apr 2023: 14 working days (Good Friday 7 Apr, Easter Monday 10 Apr) = Tue 25 Apr.
  const base = determinate({ conditionalReleaseDate: '2025-03-31', arrivalDate: '2023-04-03' })
  const window = { windowStart: '2023-04-03', dueBy: '2023-04-25', required: 1 }
  it.each([
    ['a session on the 14th working day (25 Apr, across Easter) meets it', inPerson('2023-04-25'), '2023-05-01', 1, 'met'],
    ['a session on the day of arrival meets it', inPerson('2023-04-03'), '2023-05-01', 1, 'met'],
    ['a session on the 15th working day does not count', inPerson('2023-04-26'), '2023-05-01', 0, 'overdue'],
    ['a session the day before arrival (the previous establishment) does not count', inPerson('2023-04-02'), '2023-05-01', 0, 'overdue'],
    ['no session yet, today = dueBy: due', [], '2023-04-25', 0, 'due'],
    ['no session, today = dueBy + 1: overdue', [], '2023-04-26', 0, 'overdue'],
    ['a video session does not count', [{ date: '2023-04-04', inPerson: false }], '2023-05-01', 0, 'overdue'],
  ])('%s', (_name, sessions, today, achieved, status) => {
    expect(rule({ ...base, sessions }, today, 'transfer_arrival')).toEqual({ rule: 'transfer_arrival', ...window, achieved, status })
  })

  it.each([
    ['arrival Mon 19 Dec 2022: Christmas, Boxing Day, the 27 Dec substitute and the 2 Jan substitute are skipped', '2022-12-19', '2023-01-11'],
    ['arrival Mon 5 Jun 2023: no holidays', '2023-06-05', '2023-06-23'],
    ['arrival Fri 16 Sep 2022: the State Funeral 19 Sep is skipped', '2022-09-16', '2022-10-07'],
    ['arrival on a Saturday counts from the next working day', '2023-06-03', '2023-06-22'],
  ])('dueBy: %s', (_name, arrival, dueBy) => {
    expect(rule(determinate({ conditionalReleaseDate: '2025-03-31', arrivalDate: arrival }), '2022-01-11', 'transfer_arrival')).toMatchObject({ windowStart: arrival, dueBy })
  })

  it('extra holidays from Settings move dueBy (issue 3: user-supplied extra-holiday list)', () => {
    expect(rule(base, '2023-04-03', 'transfer_arrival', 'omic2021', ['2023-04-12'])).toMatchObject({ dueBy: '2023-04-26' })
  })

  it('not applicable without an arrival date', () => {
    expect(rule(determinate({ conditionalReleaseDate: '2025-03-31' }), '2023-04-03', 'transfer_arrival')).toEqual({ rule: 'transfer_arrival', ...NA })
  })

})


describe('windowCounts (issue 8): the caller counted the in-person sessions in each counting window', () => {
  // Allocated Mon 9 Jan 2023, window to Mon 3 Apr 2023 (start_of_custody above).
  const base = determinate({ sentenceStartDate: '2023-01-05', conditionalReleaseDate: '2026-01-05', pomAllocatedDate: '2023-01-09' })
  it('start_of_custody: a count of 3 meets the minimum without any session listed', () => {
    const m = evaluateCase(base, '2023-05-01', 'omic2021', { windowCounts: { start_of_custody: 3 } }).minima[0]
    expect(m).toMatchObject({ rule: 'start_of_custody', achieved: 3, status: 'met' })
  })
  it('start_of_custody: listed sessions are not counted again when counts are given (they only decide late records)', () => {
    const e = evaluateCase({ ...base, sessions: [{ date: '2023-01-10', inPerson: true, recordedOn: '2023-01-20' }] }, '2023-05-01', 'omic2021', { windowCounts: { start_of_custody: 2 } })
    expect(e.minima[0]).toMatchObject({ achieved: 2, status: 'overdue' })
    expect(e.lateRecords).toBe(1)
  })
  it('a count for a rule that does not apply is ignored (not_applicable, achieved 0)', () => {
    expect(evaluateCase(base, '2023-05-01', 'omic2021', { windowCounts: { transfer_arrival: 4 } }).minima[2]).toEqual({ rule: 'transfer_arrival', ...NA })
  })
})
