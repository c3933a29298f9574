// The Group view (issue 19, "Group view"): several establishments side by side for a Prison
// Group Director and reviewers — stage now and target, readiness score and blockers, compliance
// with each minimum (met, overdue, missed), handovers due, resourcing shortfall, and the date
// each figure is as of. Seed 002: the RRMP "goes to the Prison Group Director", who oversees
// several establishments. One row per establishment, built by one pure function from a readiness
// document of either schema version (normaliseReadiness), so this establishment's live figures
// (the same document builder as the exports) and imported files are read the same way. Each row
// says where it came from; nothing here can change any establishment's data.
import { z } from 'zod'
import { baselineName } from './labels'
import { caseloadReadSchema, type ReadinessDocument } from './readinessExport'

const isoDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const count = z.number().int().min(0)
const minimum = caseloadReadSchema.shape.startOfCustody

export const groupSourceSchema = z.discriminatedUnion('kind', [
  /** This establishment's own figures, worked out now. */
  z.object({ kind: z.literal('live') }),
  /**
   * Another establishment of the same shared database, worked out now, read through the server's
   * row policies as a group reader (issue 19; migration-pg 0016). `establishmentId` is its number there.
   */
  z.object({ kind: z.literal('shared'), establishmentId: z.number().int() }),
  /** Another establishment's readiness export, imported read-only; `schemaVersion` is the file's. */
  z.object({ kind: z.literal('imported'), id: z.number().int(), importedAt: z.string(), exportedAt: z.string(), schemaVersion: z.union([z.literal(1), z.literal(2)]) }),
])
export type GroupSource = z.infer<typeof groupSourceSchema>

export const groupRowSchema = z.object({
  source: groupSourceSchema,
  establishment: z.object({ name: z.string(), code: z.string(), category: z.string() }),
  /** The stage now and the target (seed 002: 4 Red / lockdown to 1 Prepare); target null when no plan sets one. */
  stages: z.object({ current: z.number().int(), target: z.number().int().nullable() }),
  /** The plan the readiness figures are of; null when the establishment has no RRMP yet. */
  plan: z.object({ version: z.number().int(), statusText: z.string(), asOf: isoDateText }).nullable(),
  readiness: z
    .object({
      overall: z.enum(['ready', 'not_ready']),
      percent: z.number(),
      achieved: z.number(),
      possible: z.number(),
      /** Not-ready applicable mandatory baselines, weighting 3 first; `name` by number and title (issue 16: "Baseline 1.1: …"). */
      blockers: z.array(z.object({ baselineId: z.string(), name: z.string(), weighting: z.number().int().nullable() })),
    })
    .nullable(),
  /** Compliance with each minimum (POM-responsible cases); null figures: not in a version 1 file. */
  compliance: z.object({ asOf: isoDateText, startOfCustody: minimum, preHandover: minimum, transferArrival: minimum.nullable() }),
  handoversDue: z.object({ asOf: isoDateText, days: count, cases: count }).nullable(),
  /** Null: no resourcing plan in the figures (or a version 1 file, which has none). */
  resourcing: z
    .object({ asOf: isoDateText, shortfallWeeks: count, weeks: count, shortfallHours: z.number().min(0), casesAtRisk: count, firstShortfallWeek: isoDateText.nullable() })
    .nullable(),
})
export type GroupRow = z.infer<typeof groupRowSchema>

/** The row of one readiness document (either version, normalised). */
export function groupRow(doc: ReadinessDocument, source: GroupSource): GroupRow {
  const c = doc.caseload
  // Every readiness document carries its baselines' text, so a blocker is named by number and
  // title whichever establishment or catalogue it comes from.
  const text = new Map(doc.baselines.map((b) => [b.id, b.text]))
  return {
    source,
    establishment: { ...doc.establishment },
    stages: { current: doc.plan.currentStage, target: doc.plan.targetStage },
    plan: { version: doc.plan.version, statusText: doc.plan.statusText, asOf: doc.asOf },
    readiness: {
      overall: doc.readiness.overall,
      percent: doc.readiness.percent,
      achieved: doc.readiness.achieved,
      possible: doc.readiness.possible,
      blockers: doc.readiness.blockers.map((b) => ({ baselineId: b.baselineId, name: baselineName(b.baselineId, text.get(b.baselineId)), weighting: b.weighting })),
    },
    compliance: { asOf: c.asOf, startOfCustody: c.startOfCustody, preHandover: c.preHandover, transferArrival: c.transferArrival },
    handoversDue: c.handoversDue === null ? null : { asOf: c.asOf, ...c.handoversDue },
    resourcing: resourcingCell(doc.resourcing),
  }
}

/**
 * This establishment's row when it has no RRMP yet: its stages from its settings, its caseload and
 * resourcing worked out now, and no readiness figures (there is no plan to assess).
 */
export function groupRowWithoutPlan(
  est: { name: string; code: string; category: string; currentStage: number; targetStage: number },
  caseload: ReadinessDocument['caseload'],
  resourcing: ReadinessDocument['resourcing'],
  source: GroupSource = { kind: 'live' },
): GroupRow {
  return {
    source,
    establishment: { name: est.name, code: est.code, category: est.category },
    stages: { current: est.currentStage, target: est.targetStage },
    plan: null,
    readiness: null,
    compliance: { asOf: caseload.asOf, startOfCustody: caseload.startOfCustody, preHandover: caseload.preHandover, transferArrival: caseload.transferArrival },
    handoversDue: caseload.handoversDue === null ? null : { asOf: caseload.asOf, ...caseload.handoversDue },
    resourcing: resourcingCell(resourcing),
  }
}

function resourcingCell(r: ReadinessDocument['resourcing']): GroupRow['resourcing'] {
  if (r === null) return null
  return { asOf: r.asOf, shortfallWeeks: r.summary.shortfallWeeks, weeks: r.weeks.length, shortfallHours: r.summary.shortfallHours.total, casesAtRisk: r.summary.casesAtRisk, firstShortfallWeek: r.summary.firstShortfallWeek }
}

// The table's order and words live in groupViewTable.ts (the screen loads them without zod or the engine).
export { GROUP_SORT_COLUMNS, complianceText, sortGroupRows, sourceText, type GroupSortColumn, type SortDirection } from './groupViewTable'
