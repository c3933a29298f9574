import { describe, expect, it } from 'vitest'
import type { CaseRow } from '../../shared/ipc/channels/caseload'
import { DEFAULT_CASELOAD_VIEW } from '../../shared/ipc/values'
import { applyView, dueWithinDays } from '../../renderer/src/screens/caseload/view'

function row(id: number, name: string, status: CaseRow['status'], dueBy: string | null, priority = false): CaseRow {
  return {
    prisonerId: id,
    prisonNumber: `A${String(id).padStart(4, '0')}AA`,
    name,
    pomId: null,
    pomName: null,
    tier: null,
    sentenceType: 'determinate',
    responsibility: 'pom',
    handover: { comAllocatedDate: null, comResponsibleDate: null, releaseDate: null, reason: 'release_date_unknown' },
    next: dueBy ? { rule: 'start_of_custody', required: 3, achieved: 0, windowStart: '2026-01-01', dueBy, status: status === 'overdue' ? 'overdue' : 'due' } : null,
    status,
    cohorts: priority ? ['care_experienced'] : [],
    priority,
    lateRecords: 0,
  }
}

const rows = [
  row(1, "O'BRIEN, Sam", 'due', '2026-12-10'),
  row(2, 'ABBOTT, Kim', 'met', null),
  row(3, 'ÉCLAIR, Jo', 'overdue', '2026-11-01'),
  row(4, 'obrien, Al', 'due', '2026-11-30', true),
  row(5, 'BAKER, Lee', 'overdue', '2026-10-01'),
]
const names = (rs: CaseRow[]) => rs.map((r) => r.name)

describe('caseload view: sorting (issue 5, issue 8)', () => {
  it('default sort: most urgent first (overdue, then due), earliest due date first, cases with no date last', () => {
    expect(names(applyView(rows, DEFAULT_CASELOAD_VIEW, '2026-11-23', false))).toEqual(['BAKER, Lee', 'ÉCLAIR, Jo', 'obrien, Al', "O'BRIEN, Sam", 'ABBOTT, Kim'])
  })

  it('under stages 4 and 3 priority-cohort cases come first whatever the sort (seed 002 priority cohorts)', () => {
    expect(names(applyView(rows, DEFAULT_CASELOAD_VIEW, '2026-11-23', true))[0]).toBe('obrien, Al')
  })

  it('name sort follows English collation: accents and case do not push a name out of place', () => {
    const view = { ...DEFAULT_CASELOAD_VIEW, sort: { column: 'name' as const, direction: 'asc' as const } }
    expect(names(applyView(rows, view, '2026-11-23', false))).toEqual(['ABBOTT, Kim', 'BAKER, Lee', 'ÉCLAIR, Jo', "O'BRIEN, Sam", 'obrien, Al'])
    const desc = { ...view, sort: { column: 'name' as const, direction: 'desc' as const } }
    expect(names(applyView(rows, desc, '2026-11-23', false))).toEqual(['obrien, Al', "O'BRIEN, Sam", 'ÉCLAIR, Jo', 'BAKER, Lee', 'ABBOTT, Kim'])
  })

  it('due-date sort puts cases with nothing due last', () => {
    const view = { ...DEFAULT_CASELOAD_VIEW, sort: { column: 'dueBy' as const, direction: 'asc' as const } }
    expect(names(applyView(rows, view, '2026-11-23', false))).toEqual(['BAKER, Lee', 'ÉCLAIR, Jo', 'obrien, Al', "O'BRIEN, Sam", 'ABBOTT, Kim'])
  })
})

describe('due-within filter field', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['14', 14],
    ['0', 0],
    ['7.9', 7],
    ['-3', 0],
    ['99999', 3650],
    ['e', null],
  ])('%j reads as %j days', (text, days) => {
    expect(dueWithinDays(text)).toBe(days)
  })
})
