// projectResourcing (issue 19): hours needed versus available per week, by POM type, over the next
// 12 weeks at the target stage; the weeks where demand exceeds capacity; the cases at risk of
// missing a minimum if nothing changes. What-if questions (add a POM, change the receptions) are
// answered by calling it again with changed input: it is pure, `today` is a parameter.
import { formatDay, requireDay } from '../case/dates'
import { CaseInputError } from '../case/errors'
import type { MinimumRule } from '../case/types'
import type { IsoDate } from '../types'
import { pomWeekHours } from './capacity'
import type { DemandBreakdown } from './types'
import { addCaseDemand, addReceptionDemand, addTaskDemand, emptyGrid, reinstatedTasks, totalHours, type OpenMinimum } from './demand'
import { ResourcingInputError } from './errors'
import { parseResourcingInput } from './input'
import type { AtRiskReason, CaseAtRisk, CaseWeekDemand, PomWeekHours, ResourcingInput, ResourcingProjection, ResourcingWeek } from './types'
import { HORIZON_WEEKS, weekStart } from './weeks'

const RULE_ORDER: Record<MinimumRule, number> = { start_of_custody: 0, pre_handover: 1, transfer_arrival: 2 }
const REASON_ORDER: readonly AtRiskReason[] = ['no_pom', 'pom_unavailable', 'shortfall']

function requireToday(today: unknown): number {
  try {
    return requireDay(today, 'today')
  } catch (e) {
    if (e instanceof CaseInputError) throw new ResourcingInputError('today', e.message.slice('today: '.length), today)
    throw e
  }
}

/**
 * Reading of "at risk of missing a minimum if nothing changes" (documented choice): a minimum
 * still 'due' is at risk when at least one of the horizon weeks holding its outstanding sessions
 * (demand.ts, weeks.ts) is a week in which
 * - the case has no allocated POM ('no_pom'), or
 * - the allocated POM has no available hours ('pom_unavailable': away, not yet started, left), or
 * - the POM's type is in shortfall ('shortfall': the type's own work exceeds its hours, or the
 *   OMU's total work exceeds all hours, ResourcingWeek.inShortfall).
 * Sessions beyond the horizon are not judged. Overdue minima are already missed, not at risk.
 */
function atRiskOf(m: OpenMinimum, weeks: readonly ResourcingWeek[], pomHours: readonly number[] | null): CaseAtRisk | null {
  const reasons = new Set<AtRiskReason>()
  const riskWeeks: number[] = []
  for (const w of m.weeks) {
    let risky = false
    if (m.pomType === null || pomHours === null) {
      reasons.add('no_pom')
      risky = true
    } else {
      if ((pomHours[w] as number) <= 0) {
        reasons.add('pom_unavailable')
        risky = true
      }
      if ((weeks[w] as ResourcingWeek).inShortfall[m.pomType]) {
        reasons.add('shortfall')
        risky = true
      }
    }
    if (risky) riskWeeks.push(w)
  }
  if (riskWeeks.length === 0) return null
  return {
    caseId: m.caseId,
    pomId: m.pomId,
    rule: m.rule,
    required: m.required,
    achieved: m.achieved,
    outstanding: m.required - m.achieved,
    dueBy: m.dueBy,
    weeks: riskWeeks.sort((a, b) => a - b),
    reasons: REASON_ORDER.filter((r) => reasons.has(r)),
  }
}

function positive(x: number): number {
  return x > 0 ? x : 0
}

/**
 * The resourcing projection for the 12 weeks from `today` (weeks.ts). Throws ResourcingInputError
 * naming the first field at fault (input.ts), case facts included ('caseload[3].case.crd...').
 */
export function projectResourcing(input: ResourcingInput, today: IsoDate): ResourcingProjection {
  const t = requireToday(today)
  const parsed = parseResourcingInput(input)

  // Capacity, per POM and per type.
  const poms: PomWeekHours[] = parsed.poms.map((p) => ({ pomId: p.id, type: p.type, hours: pomWeekHours(p, t, parsed.extra) }))
  const available = { prison: new Array<number>(HORIZON_WEEKS).fill(0), probation: new Array<number>(HORIZON_WEEKS).fill(0) }
  for (const p of poms) {
    const into = available[p.type]
    for (let w = 0; w < HORIZON_WEEKS; w++) into[w] = (into[w] as number) + (p.hours[w] as number)
  }

  // Demand.
  const grid = emptyGrid()
  const caseDemand: CaseWeekDemand[] = []
  const open: OpenMinimum[] = []
  const extraHolidays = input.extraHolidays
  input.caseload.forEach((c, i) => addCaseDemand(c, i, parsed, today, t, extraHolidays, grid, caseDemand, open))
  addReceptionDemand(parsed, t, grid)
  const tasks = reinstatedTasks(parsed)
  addTaskDemand(tasks, grid)

  // Weeks: each type against its own cases' work; the total against all work, shared included.
  const weeks: ResourcingWeek[] = []
  for (let w = 0; w < HORIZON_WEEKS; w++) {
    const prison = grid.prison[w] as DemandBreakdown
    const probation = grid.probation[w] as DemandBreakdown
    const shared = grid.shared[w] as DemandBreakdown
    const total = totalHours(prison) + totalHours(probation) + totalHours(shared)
    const availPrison = available.prison[w] as number
    const availProbation = available.probation[w] as number
    const availTotal = availPrison + availProbation
    const shortfall = { prison: positive(prison.hours - availPrison), probation: positive(probation.hours - availProbation), total: positive(total - availTotal) }
    const inShortfall = { prison: shortfall.prison > 0 || shortfall.total > 0, probation: shortfall.probation > 0 || shortfall.total > 0 }
    const start = weekStart(w, t)
    weeks.push({
      index: w,
      start: formatDay(start),
      end: formatDay(start + 6),
      needed: { prison, probation, shared, total },
      available: { prison: availPrison, probation: availProbation, total: availTotal },
      shortfall,
      inShortfall,
      flagged: inShortfall.prison || inShortfall.probation,
    })
  }

  const hoursOfPom = new Map(poms.map((p) => [p.pomId, p.hours]))
  const atRisk: CaseAtRisk[] = []
  for (const m of open) {
    const r = atRiskOf(m, weeks, m.pomId === null ? null : (hoursOfPom.get(m.pomId) ?? null))
    if (r) atRisk.push(r)
  }
  atRisk.sort((a, b) => (a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : RULE_ORDER[a.rule] - RULE_ORDER[b.rule]))

  const sum = (f: (w: ResourcingWeek) => number): number => weeks.reduce((n, w) => n + f(w), 0)
  return {
    today,
    currentStage: parsed.currentStage,
    targetStage: parsed.targetStage,
    weeks,
    poms,
    tasks,
    caseDemand,
    atRisk,
    summary: {
      weeksFlagged: weeks.filter((w) => w.flagged).length,
      shortfallHours: { prison: sum((w) => w.shortfall.prison), probation: sum((w) => w.shortfall.probation), total: sum((w) => w.shortfall.total) },
      casesAtRisk: new Set(atRisk.map((r) => r.caseId)).size,
    },
    assumptions: parsed.assumptions,
  }
}
