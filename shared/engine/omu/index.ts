// OMU task engine public API (issue 4): EDM catalogues (seed 002 OMU EDM, seed 000 Probation
// Supervision EDM) validated by a zod schema, RRMP plan entries, readiness, sequencing, tasks per
// stage, priority cohorts and the sign-off route. Pure: no I/O, no clock (`today` is a parameter).
// Names avoid the case engine's (IsoDate, Policy, CaseInput, ... are exported from ./case/index).

// Catalogue schema and loading
export {
  EDM_AUTONOMY_LEVELS,
  EDM_STAGE_MODELS,
  edmCatalogSchema,
  edmBaselineSchema,
  edmStageSchema,
  edmDeliveryOptionSchema,
} from './schema'
export type {
  EdmAction,
  EdmArea,
  EdmAutonomy,
  EdmBaseline,
  EdmCatalog,
  EdmDeliveryOption,
  EdmPriorityCohort,
  EdmStage,
  EdmStageItem,
  EdmStageModel,
  EdmStageRef,
} from './schema'
export { loadCatalog, catalogCrossFieldProblems } from './loadCatalog'
export type { CatalogProblem, LoadCatalogResult } from './loadCatalog'
export { placeInWords, problemInWords } from './problems'
export { OmuInputError } from './errors'

// Shipped catalogues
export { OMU_EDM } from './catalogues/omuEdm'
export { PROBATION_SUPERVISION_EDM } from './catalogues/probationSupervisionEdm'

// RRMP plan entries
export {
  RRMP_STATUSES,
  RRMP_ACTION_STATUSES,
  rrmpPlanEntrySchema,
  rrmpActionItemSchema,
  rrmpDeliveryChoiceSchema,
  rrmpEvidenceSchema,
  emptyPlanEntry,
} from './plan'
export type { RrmpStatus, RrmpActionStatus, RrmpDeliveryChoice, RrmpEvidence, RrmpActionItem, RrmpProgressUpdate, RrmpPlanEntry } from './plan'
export { validatePlanEntry, rrmpStatusLabel } from './validatePlan'
export { hasFaceToFaceElement } from './baselineState'
export type { BaselineState } from './baselineState'

// Engine functions
export { assessReadiness } from './readiness'
export type { BaselineReadiness, ReadinessAssessment, ReadinessScore } from './readiness'
export { sequencePlan } from './sequence'
export type { PlanStep, SequenceWarning, SequencedPlan } from './sequence'
export { tasksAtStage, stageChange, baselinesAtStage, findStage } from './stages'
export type { StageTask, StageTasks, StageChange } from './stages'
export {
  priorityCohortsFor,
  priorityCohortsFirst,
  OMU_PRIORITY_COHORT_IDS,
  NEWLY_SENTENCED_DAYS,
  APPROACHING_PAROLE_DAYS,
  YOUNG_ADULT_MIN_AGE,
  YOUNG_ADULT_MAX_AGE,
} from './cohorts'
export type { PriorityCohortFacts, PriorityCohortId, PriorityCohortMatch, PriorityCohortResult } from './cohorts'

// Sign-off route, frozen versions, diffs
export { SIGN_OFF_ROUTE, SIGN_OFF_STAGES, nextSignOffStep, applySignOffDecision, isFrozen } from './signOff'
export type { SignOffDecision, SignOffResult, SignOffRouteStep, SignOffStage, SignOffState, SignOffStep } from './signOff'
export { diffPlans, compareBaselineIds } from './diff'
export type { PlanBaselineDiff, PlanFieldChange } from './diff'
export { startNewPlanVersion, changesSinceSubmitted } from './versions'
export type { RrmpPlanVersion, NewVersionResult } from './versions'
