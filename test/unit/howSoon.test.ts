// issue 16, "Actionable versus history": "Due" shows how soon; lists say "in N days" / "N days late".
import { describe, expect, it } from 'vitest'
import { daysBetweenIso } from '../../shared/dates'
import { dueText, howSoon } from '../../renderer/src/lib/howSoon'

describe('daysBetweenIso: whole calendar days, across month ends and the clock change', () => {
  it.each([
    ['2026-03-28', '2026-03-30', 2], // British Summer Time starts 29 March 2026: still 2 calendar days
    ['2026-02-27', '2026-03-01', 2],
    ['2026-03-01', '2026-02-27', -2],
    ['2024-12-31', '2025-01-01', 1],
  ])('%s to %s is %i', (from, to, n) => {
    expect(daysBetweenIso(from, to)).toBe(n)
  })
})

describe('howSoon: a due date in days up to four weeks, then in weeks; late in days', () => {
  const today = '2026-06-10'
  it.each([
    ['2026-06-07', '3 days late', 'late'],
    ['2026-06-09', '1 day late', 'late'],
    ['2026-06-10', 'today', 'soon'],
    ['2026-06-11', 'tomorrow', 'soon'],
    ['2026-06-13', 'in 3 days', 'soon'],
    ['2026-06-17', 'in 7 days', 'soon'],
    ['2026-06-18', 'in 8 days', 'later'],
    ['2026-07-07', 'in 27 days', 'later'],
    ['2026-07-08', 'in 4 weeks', 'later'],
    ['2026-08-26', 'in 11 weeks', 'later'],
  ])('due %s reads "%s" (%s)', (dueBy, text, urgency) => {
    expect(howSoon(dueBy, today)).toMatchObject({ text, urgency })
  })
  it('"due in 3 days" and "due in 11 weeks" read differently; late ones say late', () => {
    expect(dueText('2026-06-13', today)).toBe('due in 3 days')
    expect(dueText('2026-08-26', today)).toBe('due in 11 weeks')
    expect(dueText('2026-06-07', today)).toBe('3 days late')
  })
})
