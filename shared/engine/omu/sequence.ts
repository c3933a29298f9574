// sequencePlan (issue 4): the order to work in, from seed 002's "Guide to weightings/prioritisation
// (mandatory tasks only)": 3 "action required as a precursor to other tasks", then 2 "as part of
// wider work", then 1 "once others have been completed"; within a weighting by area order (the
// seed's Area/Process order), then catalogue order. Desirable baselines follow all mandatory ones
// (weightings are for mandatory tasks only). Validly not-applicable baselines are left out.
//
// Warnings: a baseline that is delivering while a higher-weighted mandatory baseline is not ready
// (the precursor is missing), whatever the area of either (issue 17, "Policy readings to put
// right"). Seed 002's guide to weightings does not tie a weighting to an area: 3 is "action required
// as a precursor to other tasks" (any other task) and 1 "action required once others have been
// completed" (any others). An earlier reading warned within an area only. "Not ready" is the full
// readiness test of assessReadiness, so a precursor marked ready without its face-to-face evidence
// still warns.
import type { EdmBaseline, EdmCatalog, EdmStageRef } from './schema'
import type { RrmpPlanEntry, RrmpStatus } from './plan'
import { baselineState, type BaselineStateResult } from './baselineState'
import { catalogOrder, weightOf } from './readiness'
import { baselinesAtStage } from './stages'

export interface PlanStep {
  /** 1-based position in the order to work in. */
  position: number
  baselineId: string
  area: string
  areaTitle: string
  weighting: number | null
  mandatory: boolean
  status: RrmpStatus
  /** Passes the readiness test (see assessReadiness). */
  ready: boolean
}

export interface SequenceWarning {
  baselineId: string
  /** The higher-weighted baselines (any area) that are not ready, highest weighting first, then in area order. */
  blockedBy: string[]
  message: string
}

export interface SequencedPlan {
  steps: PlanStep[]
  notApplicable: string[]
  warnings: SequenceWarning[]
}

interface Row {
  b: EdmBaseline
  s: BaselineStateResult
}

function sortRows(catalog: EdmCatalog, rows: Row[]): Row[] {
  const order = catalogOrder(catalog)
  return [...rows].sort(
    (x, y) => Number(y.b.mandatory) - Number(x.b.mandatory) || (y.b.mandatory ? weightOf(y.b) - weightOf(x.b) : 0) || order(x.b, y.b),
  )
}

function warningsFor(catalog: EdmCatalog, rows: Row[]): SequenceWarning[] {
  const areaTitle = new Map(catalog.areas.map((a) => [a.id, a.title]))
  const out: SequenceWarning[] = []
  for (const low of rows) {
    if (low.s.entry?.status !== 'delivering' || low.b.weighting === undefined) continue
    const lowWeight = low.b.weighting
    const blockers = rows.filter(
      (high) => high.b.mandatory && high.b.weighting !== undefined && high.b.weighting > lowWeight && high.s.state === 'not_ready',
    )
    if (blockers.length === 0) continue
    const where = (h: Row): string => (h.b.area === low.b.area ? 'same area' : (areaTitle.get(h.b.area) ?? h.b.area))
    const list = blockers.map((h) => `${h.b.id} (weighting ${h.b.weighting ?? ''}, ${where(h)})`).join(', ')
    out.push({
      baselineId: low.b.id,
      blockedBy: blockers.map((h) => h.b.id),
      // The words a HOMS knows: the guidance by name, not its seed file (issue 16).
      message:
        `Baseline ${low.b.id} (weighting ${lowWeight}, ${areaTitle.get(low.b.area) ?? low.b.area}) is delivering while ${blockers.length === 1 ? 'baseline' : 'baselines'} ${list} ` +
        `${blockers.length === 1 ? 'is' : 'are'} not ready: higher weightings are precursors to other tasks in any area (Exceptional Delivery Model, guide to weightings).`,
    })
  }
  return out
}

/** The order to work in, with warnings. `stage` limits the plan to the baselines that apply there. */
export function sequencePlan(catalog: EdmCatalog, entries: readonly RrmpPlanEntry[], stage?: EdmStageRef): SequencedPlan {
  const baselines = stage === undefined ? catalog.baselines : baselinesAtStage(catalog, stage)
  const all: Row[] = baselines.map((b) => ({ b, s: baselineState(catalog, b, entries) }))
  const active = all.filter((r) => r.s.state !== 'not_applicable')
  const areaTitle = new Map(catalog.areas.map((a) => [a.id, a.title]))
  const steps = sortRows(catalog, active).map(
    (r, i): PlanStep => ({
      position: i + 1,
      baselineId: r.b.id,
      area: r.b.area,
      areaTitle: areaTitle.get(r.b.area) ?? r.b.area,
      weighting: r.b.weighting ?? null,
      mandatory: r.b.mandatory,
      status: r.s.entry?.status ?? 'not_started',
      ready: r.s.state === 'ready',
    }),
  )
  return {
    steps,
    notApplicable: all.filter((r) => r.s.state === 'not_applicable').map((r) => r.b.id),
    warnings: warningsFor(catalog, sortRows(catalog, active)),
  }
}
