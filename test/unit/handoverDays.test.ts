// The days beside a case on each handover list, in words (issue 17: "each list shows days left or
// days overdue"; ../shared/specs/mpc-rules.md A.1; issue 16: "1 day", never "1 day(s)").
import { describe, expect, it } from 'vitest'
import { handoverDaysText } from '../../renderer/src/lib/handoverDays'

describe('handover list days in words (spec A.1)', () => {
  it('upcoming (A2) counts the days left until the handover starts', () => {
    expect(handoverDaysText('upcoming', { days: 12, daysKind: 'left' })).toBe('12 days left until the handover starts')
    expect(handoverDaysText('upcoming', { days: 1, daysKind: 'left' })).toBe('1 day left until the handover starts')
    expect(handoverDaysText('upcoming', { days: 0, daysKind: 'left' })).toBe('Handover starts today')
  })

  it('COM allocation overdue (A5/A6) and overdue tasks (A4) count the days overdue', () => {
    expect(handoverDaysText('comAllocationOverdue', { days: 2, daysKind: 'overdue' })).toBe('COM allocation 2 days overdue')
    expect(handoverDaysText('overdueTasks', { days: 1, daysKind: 'overdue' })).toBe('Tasks 1 day overdue')
    expect(handoverDaysText('overdueTasks', { days: 0, daysKind: 'overdue' })).toBe('Tasks due today')
  })

  it('in progress (A3) and to notify (seed 003 Annex B) count to or since the handover date', () => {
    expect(handoverDaysText('inProgress', { days: 30, daysKind: 'left' })).toBe('30 days left until the handover date')
    expect(handoverDaysText('toNotify', { days: 3, daysKind: 'overdue' })).toBe('Handover date was 3 days ago')
    expect(handoverDaysText('inProgress', { days: 0, daysKind: 'overdue' })).toBe('Handover date today')
  })
})
