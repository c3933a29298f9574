// Public types of the resourcing projection (issue 19, "Resourcing plan"): can the OMU staff the
// target stage over the next 12 weeks? Seed 002 (OMU EDM): "Local resourcing plans should be
// submitted and agreed by the Divisional Implementation Boards"; stages 3 to 1 bring probation
// staff back, return Band 4 staff to POM roles, and stage 1 needs "Staffing levels near target
// and sufficient for normal regime delivery". Plain data in and out, dates 'YYYY-MM-DD'.
import type { CaseInput, MinimumRule, Policy, WindowCounts } from '../case/types'
import type { EdmCatalog, EdmStageRef } from '../omu/schema'
import type { IsoDate } from '../types'

/** Prison-employed or probation-employed POM (seed 002 stage 3: "probation staff", "Prison Band 4 staff"). */
export type PomType = 'prison' | 'probation'
export const POM_TYPES: readonly PomType[] = ['prison', 'probation']

/**
 * How many of the five weekdays the POM works: either a number of days, or a share of a
 * five-day week (0.6 = three days). Used only to spread the weekly hours over the days worked
 * (capacity.ts); the hours themselves are `hoursPerWeek`.
 */
export type WorkingPattern = { daysPerWeek: number } | { fractionOfWeek: number }

/** In post and working, or away (leave, sickness, redeployed elsewhere in the prison) between two dates, both inclusive; `to` null: no end date known. */
export type PomAvailability = { status: 'active' } | { status: 'unavailable'; from: IsoDate; to: IsoDate | null }

/**
 * A planned change to a POM's capacity (seed 002 stages 3 to 1: probation staff returning,
 * Band 4 staff returned to POM roles, and the ordinary leavers and new starters).
 * - returning: back from the unavailable period on `date` (needs availability 'unavailable').
 * - leaving: `date` is the first day no longer in post.
 * - starting: `date` is the first day in post (not available before it).
 * - hours_changed: from `date`, the new contracted hours (and pattern, if given).
 */
export type PlannedChange =
  | { kind: 'returning'; date: IsoDate }
  | { kind: 'leaving'; date: IsoDate }
  | { kind: 'starting'; date: IsoDate }
  | { kind: 'hours_changed'; date: IsoDate; hoursPerWeek: number; workingPattern?: WorkingPattern }

/** One POM's capacity record, from the staff records. What-if "add a POM" is one more of these. */
export interface PomCapacity {
  id: string
  name: string
  type: PomType
  /** Pay band, e.g. 4 for a Band 4 prison POM. */
  band: number
  /** Contracted hours a week (37 is full time). */
  hoursPerWeek: number
  workingPattern: WorkingPattern
  availability: PomAvailability
  plannedChanges?: PlannedChange[]
}

/** A case of the caseload: the case engine's input and the POM it is allocated to (null: unallocated). */
export interface ResourcingCase {
  id: string
  pomId: string | null
  case: CaseInput
  /** Passed to evaluateCase (EvaluateOptions.windowCounts) when the caller counted the sessions itself. */
  windowCounts?: WindowCounts
}

/** The editable estimates the projection rests on. Defaults and their reasons: assumptions.ts. */
export interface ResourcingAssumptions {
  /** POM hours per in-person supervision session, with its preparation and recording. */
  hoursPerSupervisionSession: number
  /** POM hours per handover to the COM (seed 002 baseline 3.2). */
  hoursPerHandover: number
  /** Hours per new allocation of a reception (seed 002 baseline 1.2). */
  hoursPerAllocation: number
  /** Share (0 to 1) of receptions that will need the start of custody sessions (POM responsible). */
  receptionShareNeedingStartOfCustody: number
  /** Ongoing case management per POM-responsible case per week, beyond the minima (OASys, reports). */
  caseManagementHoursPerCasePerWeek: number
  /** OMU hours per week for each task or baseline reinstated at the target stage, by id ('s3.4', '2.7'). */
  taskHoursPerWeek: Record<string, number>
}

export interface ResourcingInput {
  poms: PomCapacity[]
  caseload: ResourcingCase[]
  /** Expected new receptions to allocate each week (what-if input). */
  receptionsPerWeek: number
  /** The establishment's stage now and the stage it is asking to move to (seed 002: '4' to '1'). */
  currentStage: EdmStageRef
  targetStage: EdmStageRef
  /** The EDM catalogue the stages come from; default the shipped OMU EDM (seed 002). */
  catalog?: EdmCatalog
  /** Overrides of DEFAULT_ASSUMPTIONS; taskHoursPerWeek is merged task by task. */
  assumptions?: Partial<ResourcingAssumptions>
  /** Case engine policy (default 'omic2021', as evaluateCase). */
  policy?: Policy
  /** Extra non-working days from Settings (for working days and the transfer window). */
  extraHolidays?: IsoDate[]
}

/** Hours (and counts) of one kind of work in one week. */
export interface DemandBreakdown {
  supervisionSessions: number
  supervisionHours: number
  handovers: number
  handoverHours: number
  allocations: number
  allocationHours: number
  caseManagementHours: number
  taskHours: number
  /** The sum of the hours above. */
  hours: number
}

export interface ResourcingWeek {
  /** 0 to 11. */
  index: number
  /** First and last day of the week, inclusive (start = today + 7 * index). */
  start: IsoDate
  end: IsoDate
  /**
   * Hours needed: work on cases allocated to each type of POM, and shared work that any POM or
   * the OMU does (allocations, receptions' sessions, reinstated tasks, unallocated cases).
   */
  needed: { prison: DemandBreakdown; probation: DemandBreakdown; shared: DemandBreakdown; total: number }
  available: { prison: number; probation: number; total: number }
  /** Hours needed beyond those available, 0 or more: each type against its own cases, total against all work. */
  shortfall: { prison: number; probation: number; total: number }
  /** The type's own work exceeds its hours, or the OMU's total work exceeds all hours. */
  inShortfall: { prison: boolean; probation: boolean }
  /** Demand exceeds capacity this week for either type or in total. */
  flagged: boolean
}

/** One case's work of one kind in one week: a case appears at most once per week per minimum. */
export interface CaseWeekDemand {
  caseId: string
  pomId: string | null
  pomType: PomType | null
  week: number
  work: MinimumRule | 'handover'
  /** Supervision sessions to hold that week (0 for a handover). */
  sessions: number
  hours: number
}

/**
 * Why a minimum may be missed if nothing changes (at-risk reading, project.ts):
 * - no_pom: the case has no allocated POM to hold the sessions;
 * - pom_unavailable: a session falls in a week in which the allocated POM has no hours;
 * - shortfall: a session falls in a week in shortfall for the POM's type.
 */
export type AtRiskReason = 'no_pom' | 'pom_unavailable' | 'shortfall'

export interface CaseAtRisk {
  caseId: string
  pomId: string | null
  rule: MinimumRule
  required: number
  achieved: number
  /** required - achieved. */
  outstanding: number
  dueBy: IsoDate
  /** The horizon weeks holding the sessions at risk. */
  weeks: number[]
  reasons: AtRiskReason[]
}

/** A task or baseline reinstated at the target stage, with the hours the projection used. */
export interface ResourcingTask {
  id: string
  text: string
  source: 'stage_item' | 'baseline'
  hoursPerWeek: number
}

export interface PomWeekHours {
  pomId: string
  type: PomType
  /** Available hours in each of the 12 weeks. */
  hours: number[]
}

export interface ResourcingProjection {
  today: IsoDate
  currentStage: string
  targetStage: string
  weeks: ResourcingWeek[]
  poms: PomWeekHours[]
  tasks: ResourcingTask[]
  caseDemand: CaseWeekDemand[]
  /** By dueBy, then case id, then rule. */
  atRisk: CaseAtRisk[]
  summary: {
    weeksFlagged: number
    shortfallHours: { prison: number; probation: number; total: number }
    casesAtRisk: number
  }
  /** The assumptions used (defaults merged with the input's). */
  assumptions: ResourcingAssumptions
}
