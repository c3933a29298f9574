// Shared fixtures for the case engine tests (not a test file itself).
import type { CaseInput } from '../../../../shared/engine/case/index'

/** A determinate case with only the required fields; override what a test is about. */
export function determinate(overrides: Partial<CaseInput> = {}): CaseInput {
  return { sentenceType: 'determinate', sentenceStartDate: '2022-01-10', ...overrides }
}

export function indeterminate(overrides: Partial<CaseInput> = {}): CaseInput {
  return { sentenceType: 'indeterminate', sentenceStartDate: '2015-05-01', ...overrides }
}

/** n in-person sessions on the given dates, recorded the same day. */
export function inPerson(...dates: string[]): NonNullable<CaseInput['sessions']> {
  return dates.map((date) => ({ date, inPerson: true, recordedOn: date }))
}
