// Case engine public API (issue 3): OMiC handover dates, responsibility and POM supervision
// minima (seed 003 National Standards 2021, Annex B), policy-versioned ('omic2021' | 'omic2023').
// Pure: no I/O, never reads the clock (`today` is always a parameter), plain data in and out.
export type { IsoDate } from '../types'
export type {
  CaseEvaluation,
  CaseInput,
  CaseSession,
  EvaluateOptions,
  Handover,
  HandoverDates,
  HandoverReason,
  MinimumResult,
  MinimumRule,
  MinimumStatus,
  ParoleOutcome,
  Policy,
  Responsibility,
  WindowCounts,
} from './types'
// Handover spec (handover-2023.md R5): the reasons with no dates, COM responsible from the start
// and (a new exported set) POM responsible with the COM supporting from the start.
export { COM_FROM_START, POLICIES, POM_WITH_COM_FROM_START } from './types'
export { CaseInputError } from './errors'
export { calculateHandover, responsibilityOn } from './handover'
export { evaluateCase } from './evaluate'
export { DEFAULT_MISSED_AFTER_DAYS } from './minima'
export { countingWindows, isOrdinaryRecord, type SessionWindow } from './relevance'
export { addWorkingDays } from './workingDays'
