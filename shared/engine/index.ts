// Public API of the two pure rule engines (no I/O, no clock: `today` is always a parameter).
// Case engine: OMiC handover, responsibility and POM supervision minima (seed 003, Annex B).
export * from './case/index'
// OMU task engine: EDM stages 4-1, baselines, RRMP readiness and sequencing (seed 002, seed 000).
export * from './omu/index'
// Resourcing projection: POM hours needed versus available over 12 weeks at a target stage (issue 19, seed 002).
export * from './resourcing/index'
// Handover lists and handover checklist (issue 17; ../shared/specs/mpc-rules.md sections A and D).
export { handoverLists, responsibilityFromHandoverDates, earliestReleaseDate, caseEarliestReleaseDate, type CaseReleaseFacts, type ReleaseDateCandidates, type HandoverListsInput, type HandoverListsResult, type HandoverDatesInput } from './mpc/handoverLists'
export {
  handoverType,
  handoverChecklist,
  checklistEditable,
  checklistReset,
  CHECKLIST_TASKS,
  CHECKLIST_TASK_LABELS,
  type ChecklistTask,
  type HandoverType,
  type HandoverTypeInput,
  type HandoverChecklistInput,
  type HandoverChecklistResult,
  type ChecklistEditableInput,
  type HandoverState,
  type ChecklistResetInput,
} from './mpc/handoverChecklist'
// Recommended POM type and early allocation (issue 17; ../shared/specs/mpc-rules.md sections B and C).
export {
  recommendPomType,
  recommendationText,
  RECOMMENDATION_STRATEGIES,
  DEFAULT_RECOMMENDATION_STRATEGY,
  type PomType,
  type RecommendationReason,
  type RecommendationStrategy,
  type RecommendPomTypeInput,
  type RecommendPomTypeResult,
  type RecommendationTextFacts,
} from './mpc/recommendPomType'
export {
  validateOasysDate,
  earlyAllocationOutcome,
  withinReferralWindow,
  earlyAllocationState,
  assessedEarlyAllocation,
  EARLY_ALLOCATION_QUESTIONS,
  EARLY_ALLOCATION_OUTCOMES,
  STAGE_ONE_QUESTIONS,
  STAGE_TWO_QUESTIONS,
  EARLY_ALLOCATION_DISPLAY,
  type EarlyAllocationQuestion,
  type EarlyAllocationAnswers,
  type EarlyAllocationOutcomeValue,
  type OasysDateInput,
  type OasysDateResult,
  type EarlyAllocationOutcomeInput,
  type EarlyAllocationOutcomeResult,
  type ReferralWindowInput,
  type EarlyAllocationRecord,
  type EarlyAllocationStateInput,
  type EarlyAllocationStateResult,
  type EarlyAllocationStateValue,
} from './mpc/earlyAllocation'
export { overrideInForce, overrideOn, type ResponsibilityOverrideRecord } from './mpc/responsibilityOverride'
