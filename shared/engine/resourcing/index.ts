// Resourcing projection public API (issue 19): can the OMU staff the target stage over the next
// 12 weeks? Capacity from the POMs' records, demand from the case engine's minima and handover
// dates, the receptions and the tasks the target stage reinstates (seed 002, stages 3 to 1).
// Pure: no I/O, never reads the clock (`today` is a parameter), plain data in and out.
export type {
  AtRiskReason,
  CaseAtRisk,
  CaseWeekDemand,
  DemandBreakdown,
  PlannedChange,
  PomAvailability,
  PomCapacity,
  PomType,
  PomWeekHours,
  ResourcingAssumptions,
  ResourcingCase,
  ResourcingInput,
  ResourcingProjection,
  ResourcingTask,
  ResourcingWeek,
  WorkingPattern,
} from './types'
export { POM_TYPES } from './types'
export { DEFAULT_ASSUMPTIONS, DEFAULT_TASK_HOURS_PER_WEEK } from './assumptions'
export { ResourcingInputError } from './errors'
export { validateResourcingInput } from './input'
export { HORIZON_WEEKS } from './weeks'
export { projectResourcing } from './project'
export { FULL_TIME_CASELOAD, FULL_TIME_HOURS, availabilityOn, caseCapacity, casesOverCapacity, type AvailabilityFacts, type AvailabilityOn } from './pomCaseload'
export { TIER_LETTERS, TIER_WEIGHTS, tierMix, tierMixText, weightedLoad, type TierLetter, type TierMix } from './tierMix'
