// Actionable versus history (issue 16, "Actionable versus history"): an unmet minimum past its
// dueBy by 1 to missedAfterDays days (default 28) is `overdue`, still worth acting on; by more it
// is `missed`. Windows as in minima.test.ts (seed 003 Annex B).
import { describe, expect, it } from 'vitest'
import type { CaseInput, EvaluateOptions, MinimumResult } from '../../../../shared/engine/case/index'
import { CaseInputError, DEFAULT_MISSED_AFTER_DAYS, evaluateCase } from '../../../../shared/engine/case/index'
import { determinate, inPerson } from './fixtures'

function rule(input: CaseInput, today: string, name: MinimumResult['rule'], options?: EvaluateOptions): MinimumResult {
  const found = evaluateCase(input, today, 'omic2021', options).minima.find((m) => m.rule === name)
  if (!found) throw new Error(`rule ${name} missing`)
  return found
}

describe('start_of_custody: overdue up to dueBy + 28 days, missed from dueBy + 29 (issue 16)', () => {
  // Allocated Mon 9 Jan 2023; dueBy = + 84 days = Mon 3 Apr 2023; dueBy + 28 = 1 May, + 29 = 2 May.
  const base = determinate({ sentenceStartDate: '2023-01-05', conditionalReleaseDate: '2026-01-05', pomAllocatedDate: '2023-01-09', sessions: inPerson('2023-01-10', '2023-02-10') })
  it('the default is 28 days', () => {
    expect(DEFAULT_MISSED_AFTER_DAYS).toBe(28)
  })
  it.each([
    ['due on dueBy', '2023-04-03', 'due'],
    ['overdue on dueBy + 1', '2023-04-04', 'overdue'],
    ['overdue on dueBy + 28', '2023-05-01', 'overdue'],
    ['missed on dueBy + 29', '2023-05-02', 'missed'],
    ['missed years later', '2026-01-01', 'missed'],
  ])('%s', (_name, today, status) => {
    expect(rule(base, today, 'start_of_custody')).toEqual({ rule: 'start_of_custody', required: 3, achieved: 2, windowStart: '2023-01-09', dueBy: '2023-04-03', status })
  })
  it('a met minimum stays met, never missed', () => {
    expect(rule({ ...base, sessions: inPerson('2023-01-10', '2023-02-10', '2023-03-10') }, '2026-01-01', 'start_of_custody').status).toBe('met')
  })
  it('the establishment setting moves the boundary: with 7 days, dueBy + 7 overdue and dueBy + 8 missed', () => {
    expect(rule(base, '2023-04-10', 'start_of_custody', { missedAfterDays: 7 }).status).toBe('overdue')
    expect(rule(base, '2023-04-11', 'start_of_custody', { missedAfterDays: 7 }).status).toBe('missed')
  })
  it('0 days: missed from the day after dueBy', () => {
    expect(rule(base, '2023-04-04', 'start_of_custody', { missedAfterDays: 0 }).status).toBe('missed')
  })
  it('the same boundary applies with counts from the database (windowCounts)', () => {
    expect(rule(base, '2023-05-01', 'start_of_custody', { windowCounts: { start_of_custody: 2 } }).status).toBe('overdue')
    expect(rule(base, '2023-05-02', 'start_of_custody', { windowCounts: { start_of_custody: 2 } }).status).toBe('missed')
  })
  it.each([[-1], [1.5], ['28'], [Number.NaN]])('refuses missedAfterDays %s, naming the option', (days) => {
    expect(() => evaluateCase(base, '2023-05-01', 'omic2021', { missedAfterDays: days as number })).toThrow(CaseInputError)
    expect(() => evaluateCase(base, '2023-05-01', 'omic2021', { missedAfterDays: days as number })).toThrow(/missedAfterDays/)
  })
})

describe('pre_handover and transfer_arrival follow the same boundary (issue 16)', () => {
  it('transfer_arrival: arrival Mon 3 Apr 2023, dueBy 14 working days later (Tue 25 Apr, after Easter), missed from 24 May', () => {
    const input = determinate({ conditionalReleaseDate: '2025-03-31', arrivalDate: '2023-04-03' })
    expect(rule(input, '2023-05-23', 'transfer_arrival')).toMatchObject({ dueBy: '2023-04-25', status: 'overdue' })
    expect(rule(input, '2023-05-24', 'transfer_arrival')).toMatchObject({ dueBy: '2023-04-25', status: 'missed' })
  })
  it('pre_handover: missed 29 days after comAllocatedDate', () => {
    const input = determinate({ sentenceStartDate: '2023-01-05', conditionalReleaseDate: '2026-01-05', pomAllocatedDate: '2023-01-09' })
    const m = rule(input, '2025-12-31', 'pre_handover')
    if (m.dueBy === null) throw new Error('pre_handover should apply')
    const day = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
    expect(rule(input, day(m.dueBy, 28), 'pre_handover').status).toBe('overdue')
    expect(rule(input, day(m.dueBy, 29), 'pre_handover').status).toBe('missed')
  })
})
