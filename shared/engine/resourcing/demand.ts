// Demand: the work the next 12 weeks hold at the target stage (issue 19, "Demand"), worked out
// from each case's dates by the case engine (evaluateCase), the expected receptions, and the
// tasks and baselines the target stage reinstates (seed 002, stages 3 to 1).
import { parseDay } from '../case/dates'
import { evaluateCase } from '../case/evaluate'
import { responsibilityOnDay } from '../case/handoverDays'
import type { CaseEvaluation, MinimumRule } from '../case/types'
import { stageChange } from '../omu/stages'
import type { ParsedResourcing } from './input'
import { rethrowCaseError } from './input'
import type { CaseWeekDemand, DemandBreakdown, PomType, ResourcingCase, ResourcingTask } from './types'
import { HORIZON_WEEKS, spreadSessions, weekOf, weekStart } from './weeks'

/** seed 003 Annex B "Start custodial sentence": 3 in-person sessions within 12 weeks (84 days) of allocation. */
export const START_OF_CUSTODY_SESSIONS = 3
export const START_OF_CUSTODY_DAYS = 84

/** Whose hours a piece of work takes: the allocated POM's type, or shared (any POM / the OMU). */
export type DemandOwner = PomType | 'shared'

export function emptyBreakdown(): DemandBreakdown {
  return {
    supervisionSessions: 0,
    supervisionHours: 0,
    handovers: 0,
    handoverHours: 0,
    allocations: 0,
    allocationHours: 0,
    caseManagementHours: 0,
    taskHours: 0,
    hours: 0,
  }
}

/** 12 weeks of breakdowns per owner. */
export type DemandGrid = Record<DemandOwner, DemandBreakdown[]>

export function emptyGrid(): DemandGrid {
  const weeks = (): DemandBreakdown[] => Array.from({ length: HORIZON_WEEKS }, emptyBreakdown)
  return { prison: weeks(), probation: weeks(), shared: weeks() }
}

/** A minimum still to meet, with the weeks of the horizon its outstanding sessions were placed in. */
export interface OpenMinimum {
  caseId: string
  pomId: string | null
  pomType: PomType | null
  rule: MinimumRule
  required: number
  achieved: number
  dueBy: string
  /** Distinct horizon weeks holding at least one of its sessions, ascending. */
  weeks: number[]
}

/**
 * One case's demand, added into `grid`; its case-week lines are pushed to `lines` and its open
 * minima (those with sessions in the horizon) to `open`.
 *
 * - Supervision (seed 003 Annex B, via evaluateCase): each minimum still 'due' needs
 *   required - achieved more in-person sessions between the later of today and its window start,
 *   and its due date, placed by spreadSessions (weeks.ts). 'met', 'overdue' and 'not_applicable'
 *   minima need none: an overdue minimum can no longer be met in its window.
 * - Handover (seed 002 baseline 3.2, "Handover meetings with the Community Offender Manager"): one
 *   handover in the week holding the case's comAllocatedDate (the handover starts when the COM is
 *   allocated), when that date is in the horizon.
 * - Case management: caseManagementHoursPerCasePerWeek in each week on whose first day the POM is
 *   responsible ('pom' or 'pom_with_com', responsibilityOn).
 * Reading (documented choice): the work falls on the allocated POM's type; an unallocated case's
 * work is shared.
 */
export function addCaseDemand(
  item: ResourcingCase,
  index: number,
  input: ParsedResourcing,
  todayIso: string,
  today: number,
  extraHolidays: string[] | undefined,
  grid: DemandGrid,
  lines: CaseWeekDemand[],
  open: OpenMinimum[],
): void {
  const pomIdx = item.pomId === null ? undefined : input.pomIndex.get(item.pomId)
  const pomType = pomIdx === undefined ? null : (input.poms[pomIdx] as ParsedResourcing['poms'][number]).type
  const owner: DemandOwner = pomType ?? 'shared'
  const weeks = grid[owner]
  const a = input.assumptions
  let evaluation: CaseEvaluation
  try {
    evaluation = evaluateCase(item.case, todayIso, input.policy, { extraHolidays, windowCounts: item.windowCounts })
  } catch (e) {
    return rethrowCaseError(e, `caseload[${index}].case`)
  }

  for (const m of evaluation.minima) {
    if (m.status !== 'due' || m.windowStart === null || m.dueBy === null) continue
    const from = parseDay(m.windowStart)
    const due = parseDay(m.dueBy)
    const first = weekOf(from > today ? from : today, today)
    if (first >= HORIZON_WEEKS) continue
    const perWeek = new Map<number, number>()
    for (const w of spreadSessions(m.required - m.achieved, first, weekOf(due, today))) {
      if (w < HORIZON_WEEKS) perWeek.set(w, (perWeek.get(w) ?? 0) + 1)
    }
    for (const [w, sessions] of perWeek) {
      const hours = sessions * a.hoursPerSupervisionSession
      const b = weeks[w] as DemandBreakdown
      b.supervisionSessions += sessions
      b.supervisionHours += hours
      lines.push({ caseId: item.id, pomId: item.pomId, pomType, week: w, work: m.rule, sessions, hours })
    }
    open.push({ caseId: item.id, pomId: item.pomId, pomType, rule: m.rule, required: m.required, achieved: m.achieved, dueBy: m.dueBy, weeks: [...perWeek.keys()] })
  }

  const h = evaluation.handover
  if (h.comAllocatedDate !== null) {
    const w = weekOf(parseDay(h.comAllocatedDate), today)
    if (w >= 0 && w < HORIZON_WEEKS) {
      const b = weeks[w] as DemandBreakdown
      b.handovers += 1
      b.handoverHours += a.hoursPerHandover
      lines.push({ caseId: item.id, pomId: item.pomId, pomType, week: w, work: 'handover', sessions: 0, hours: a.hoursPerHandover })
    }
  }

  if (a.caseManagementHoursPerCasePerWeek > 0) {
    const alloc = h.comAllocatedDate === null ? null : parseDay(h.comAllocatedDate)
    const resp = h.comResponsibleDate === null ? null : parseDay(h.comResponsibleDate)
    for (let w = 0; w < HORIZON_WEEKS; w++) {
      if (responsibilityOnDay(h.reason, alloc, resp, weekStart(w, today)) !== 'com') {
        ;(weeks[w] as DemandBreakdown).caseManagementHours += a.caseManagementHoursPerCasePerWeek
      }
    }
  }
}

/**
 * Receptions, shared work (issue 19: "allocation of expected new receptions"): each week,
 * receptionsPerWeek allocations (seed 002 baseline 1.2), and the start of custody sessions of the
 * share of them that needs them (seed 003 Annex B): a reception allocated in week a has the window
 * from that week's first day to 84 days later, its 3 sessions placed by spreadSessions like a
 * case's (weeks a, a + 4 and a + 8), those inside the horizon counted.
 */
export function addReceptionDemand(input: ParsedResourcing, today: number, grid: DemandGrid): void {
  const a = input.assumptions
  const r = input.receptionsPerWeek
  const needing = r * a.receptionShareNeedingStartOfCustody
  for (let arrival = 0; arrival < HORIZON_WEEKS; arrival++) {
    const b = grid.shared[arrival] as DemandBreakdown
    b.allocations += r
    b.allocationHours += r * a.hoursPerAllocation
    if (needing === 0) continue
    const last = weekOf(weekStart(arrival, today) + START_OF_CUSTODY_DAYS, today)
    for (const w of spreadSessions(START_OF_CUSTODY_SESSIONS, arrival, last)) {
      if (w >= HORIZON_WEEKS) continue
      const s = grid.shared[w] as DemandBreakdown
      s.supervisionSessions += needing
      s.supervisionHours += needing * a.hoursPerSupervisionSession
    }
  }
}

/**
 * The tasks the target stage reinstates (seed 002, "changes to increase delivery" at stages 3, 2
 * and 1, and the mandatory baselines that apply from stage 3; omu/stages.ts stageChange), each
 * with its hours a week (assumptions.taskHoursPerWeek, 0 when not given). Reading (documented
 * choice): the projection asks whether the OMU can work at the target stage, so the tasks count
 * from week 0, as shared OMU work. Moving to a more restricted stage reinstates nothing.
 */
export function reinstatedTasks(input: ParsedResourcing): ResourcingTask[] {
  const change = stageChange(input.catalog, input.currentStage, input.targetStage)
  const hours = (id: string): number => input.assumptions.taskHoursPerWeek[id] ?? 0
  const baselines = new Map(input.catalog.baselines.map((b) => [b.id, b]))
  return [
    ...change.reinstated.map((t): ResourcingTask => ({ id: t.id, text: t.text, source: 'stage_item', hoursPerWeek: hours(t.id) })),
    ...change.baselinesAdded.map((id): ResourcingTask => ({
      id,
      // The baseline's first paragraph: its title-like opening sentence in seed 002.
      text: (baselines.get(id)?.text ?? id).split('\n')[0] as string,
      source: 'baseline',
      hoursPerWeek: hours(id),
    })),
  ]
}

export function addTaskDemand(tasks: readonly ResourcingTask[], grid: DemandGrid): void {
  const perWeek = tasks.reduce((n, t) => n + t.hoursPerWeek, 0)
  for (const b of grid.shared) b.taskHours += perWeek
}

/** Fill in each breakdown's total hours. */
export function totalHours(b: DemandBreakdown): number {
  b.hours = b.supervisionHours + b.handoverHours + b.allocationHours + b.caseManagementHours + b.taskHours
  return b.hours
}
