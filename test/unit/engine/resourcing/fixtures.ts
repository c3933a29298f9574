// Shared fixtures for the resourcing projection tests (not a test file itself).
import type { CaseInput } from '../../../../shared/engine/case/index'
import type { PomCapacity, ResourcingCase, ResourcingInput } from '../../../../shared/engine/resourcing/index'

/**
 * A Monday. The 12 weeks run 2025-03-03 to 2025-05-25; England and Wales bank holidays inside:
 * Good Friday 2025-04-18 (week 6), Easter Monday 2025-04-21 (week 7), Early May 2025-05-05 (week 9).
 */
export const TODAY = '2025-03-03'

/** A full-time prison POM, active; override what a test is about. */
export function pom(overrides: Partial<PomCapacity> = {}): PomCapacity {
  return {
    id: 'pom-1',
    name: 'Sam Jones',
    type: 'prison',
    band: 4,
    hoursPerWeek: 37,
    workingPattern: { daysPerWeek: 5 },
    availability: { status: 'active' },
    ...overrides,
  }
}

export function determinateCase(overrides: Partial<CaseInput> = {}): CaseInput {
  return { sentenceType: 'determinate', sentenceStartDate: '2023-01-02', ...overrides }
}

export function caseOf(id: string, pomId: string | null, c: CaseInput): ResourcingCase {
  return { id, pomId, case: c }
}

/**
 * An input with no receptions and no stage change (so no tasks): only what a test adds counts.
 */
export function input(overrides: Partial<ResourcingInput> = {}): ResourcingInput {
  return { poms: [pom()], caseload: [], receptionsPerWeek: 0, currentStage: '3', targetStage: '3', ...overrides }
}
