// The resourcing section of the readiness export, schema version 2 (issue 19, "Resourcing plan":
// "The resourcing summary (table and chart) goes into the readiness PDF, XLSX and JSON"). Seed 002
// (OMU EDM): "Local resourcing plans should be submitted and agreed by the Divisional
// Implementation Boards"; stage 1 needs "Staffing levels near target and sufficient for normal
// regime delivery". Built by one pure function from the resourcing engine's result
// (projectResourcing, shared/engine/resourcing), so the PDF, XLSX, JSON and the Group view carry
// the same figures. Counts and hours only: no case, prisoner or POM is named.
import { z } from 'zod'
import type { ResourcingProjection } from '../engine/resourcing/index'

const isoDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
const hours = z.number().min(0)
const count = z.number().int().min(0)

export const resourcingWeekSchema = z.object({
  /** 0 to 11: the week starting `start` (today + 7 × index). */
  index: count,
  start: isoDateText,
  end: isoDateText,
  /** POM hours the work needs: on cases held by each type of POM, and shared work (allocations, receptions, reinstated tasks, unallocated cases). */
  needed: z.object({ prison: hours, probation: hours, shared: hours, total: hours }),
  /** POM hours available, by type (contracted hours, less time away, planned changes applied). */
  available: z.object({ prison: hours, probation: hours, total: hours }),
  /** Hours needed beyond those available: each type against its own cases, the total against all work. */
  shortfall: z.object({ prison: hours, probation: hours, total: hours }),
  /** Demand exceeds capacity this week (for either type, or in total). */
  inShortfall: z.boolean(),
})

export const resourcingSummarySchema = z.object({
  /** The date the projection was worked out for (Europe/London); the 12 weeks start on it. */
  asOf: isoDateText,
  currentStage: z.string(),
  /** The stage the demand was worked out for (the RRMP's target stage). */
  targetStage: z.string(),
  /** Expected new receptions to allocate each week (an input of the plan). */
  receptionsPerWeek: hours,
  /** POMs in the plan with any hours in the 12 weeks, by type. */
  poms: z.object({ prison: count, probation: count }),
  weeks: z.array(resourcingWeekSchema),
  summary: z.object({
    /** Weeks in which demand exceeds capacity. */
    shortfallWeeks: count,
    /** The first day of the first such week; null when none. */
    firstShortfallWeek: isoDateText.nullable(),
    /** Shortfall hours added over the 12 weeks. */
    shortfallHours: z.object({ prison: hours, probation: hours, total: hours }),
    /** Cases with a minimum at risk of being missed if nothing changes (each case once). */
    casesAtRisk: count,
  }),
  /** The estimates the figures rest on (defaults: shared/engine/resourcing/assumptions.ts; the plan may change them). */
  assumptions: z.object({
    hoursPerSupervisionSession: hours,
    hoursPerHandover: hours,
    hoursPerAllocation: hours,
    receptionShareNeedingStartOfCustody: z.number().min(0).max(1),
    caseManagementHoursPerCasePerWeek: hours,
    /** The tasks and baselines the target stage reinstates, with the hours a week each was given. */
    tasks: z.array(z.object({ id: z.string(), text: z.string(), hoursPerWeek: hours })),
  }),
})
export type ResourcingSummary = z.infer<typeof resourcingSummarySchema>
export type ResourcingSummaryWeek = z.infer<typeof resourcingWeekSchema>

/** Hours to one decimal place: a file that says 37.5, not 37.49999999. */
export function roundHours(h: number): number {
  return Math.round(h * 10) / 10
}

/**
 * What the summary reads of a projection: the engine's ResourcingProjection, or the resourcing
 * service's plan built from it (electron/services/resourcing/service.ts, POMs named).
 */
export type ProjectionLike = Pick<ResourcingProjection, 'today' | 'currentStage' | 'targetStage' | 'weeks' | 'tasks' | 'summary' | 'assumptions'> & {
  poms: readonly { type: 'prison' | 'probation'; hours: readonly number[] }[]
}

/** What the projection does not carry itself: the plan's inputs. */
export interface ResourcingSummaryInputs {
  receptionsPerWeek: number
}

/**
 * The export's resourcing section from the engine's projection. Pure. Shortfall weeks are the
 * engine's flagged weeks (ResourcingWeek.flagged): either type's own work over its hours, or all
 * work over all hours. Cases at risk are the engine's count (each case once, project.ts).
 */
export function resourcingSummary(p: ProjectionLike, inputs: ResourcingSummaryInputs): ResourcingSummary {
  const weeks: ResourcingSummaryWeek[] = p.weeks.map((w) => ({
    index: w.index,
    start: w.start,
    end: w.end,
    needed: { prison: roundHours(w.needed.prison.hours), probation: roundHours(w.needed.probation.hours), shared: roundHours(w.needed.shared.hours), total: roundHours(w.needed.total) },
    available: { prison: roundHours(w.available.prison), probation: roundHours(w.available.probation), total: roundHours(w.available.total) },
    shortfall: { prison: roundHours(w.shortfall.prison), probation: roundHours(w.shortfall.probation), total: roundHours(w.shortfall.total) },
    inShortfall: w.flagged,
  }))
  const poms = { prison: 0, probation: 0 }
  for (const pom of p.poms) if (pom.hours.some((h) => h > 0)) poms[pom.type]++
  const first = weeks.find((w) => w.inShortfall)
  const a = p.assumptions
  return {
    asOf: p.today,
    currentStage: String(p.currentStage),
    targetStage: String(p.targetStage),
    receptionsPerWeek: inputs.receptionsPerWeek,
    poms,
    weeks,
    summary: {
      shortfallWeeks: p.summary.weeksFlagged,
      firstShortfallWeek: first?.start ?? null,
      shortfallHours: { prison: roundHours(p.summary.shortfallHours.prison), probation: roundHours(p.summary.shortfallHours.probation), total: roundHours(p.summary.shortfallHours.total) },
      casesAtRisk: p.summary.casesAtRisk,
    },
    assumptions: {
      hoursPerSupervisionSession: a.hoursPerSupervisionSession,
      hoursPerHandover: a.hoursPerHandover,
      hoursPerAllocation: a.hoursPerAllocation,
      receptionShareNeedingStartOfCustody: a.receptionShareNeedingStartOfCustody,
      caseManagementHoursPerCasePerWeek: a.caseManagementHoursPerCasePerWeek,
      tasks: p.tasks.map((t) => ({ id: t.id, text: t.text, hoursPerWeek: t.hoursPerWeek })),
    },
  }
}
