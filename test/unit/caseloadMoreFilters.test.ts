// Issue 16 (the caseload at 1024x700: the filters filled the first screen): the filters under
// "More filters" are summed up in words while the panel is closed (renderer/src/screens/caseload/view.ts).
import { describe, expect, it } from 'vitest'
import { DEFAULT_CASELOAD_VIEW } from '../../shared/ipc/values'
import { moreFiltersKeyFor, moreFiltersSummary } from '../../renderer/src/screens/caseload/view'
import { COHORT_LABELS, HEADLINE_LABELS, RESPONSIBILITY_LABELS } from '../../renderer/src/lib/labels'

const labels = { status: HEADLINE_LABELS, responsibility: RESPONSIBILITY_LABELS, cohorts: COHORT_LABELS }

describe('moreFiltersSummary: the closed "More filters" panel says what still limits the list (issue 16)', () => {
  it('says nothing when none of those filters is set', () => {
    expect(moreFiltersSummary(DEFAULT_CASELOAD_VIEW, labels)).toEqual([])
  })

  it('names each set filter and its choices in the screen’s words', () => {
    const view = { ...DEFAULT_CASELOAD_VIEW, status: ['overdue', 'not_applicable'] as const, dueWithinDays: 7, responsibility: ['pom_with_com'] as const, cohorts: ['young_adult'] }
    expect(moreFiltersSummary({ ...view, status: [...view.status], responsibility: [...view.responsibility] }, labels)).toEqual([
      `Status: ${HEADLINE_LABELS.overdue}, ${HEADLINE_LABELS.not_applicable}`,
      'Next minimum due within 7 days',
      `Responsible: ${RESPONSIBILITY_LABELS.pom_with_com}`,
      `Priority cohort: ${COHORT_LABELS.young_adult}`,
    ])
  })

  it('counts one day in the singular, and leaves out a missed status kept from an older saved view (no longer a headline status)', () => {
    expect(moreFiltersSummary({ ...DEFAULT_CASELOAD_VIEW, dueWithinDays: 1, status: ['missed'] }, labels)).toEqual(['Next minimum due within 1 day'])
  })

  it('keeps each user’s choice under their own key, by id only', () => {
    expect(moreFiltersKeyFor(7)).not.toBe(moreFiltersKeyFor(8))
    expect(moreFiltersKeyFor(7)).toContain('7')
  })
})
