// assessReadiness (issue 4): the readiness assessment a HOMS submits with the RRMP to the PGD
// (seed 002, "Regime Recovery Management Plans- RRMP"). Per baseline ready or not; overall
// 'ready' only when every applicable mandatory baseline is ready; a weighted score; blockers
// weighting 3 first (seed 002: 3 = "action required as a precursor to other tasks").
//
// Applicable = the baseline applies at the target stage and is not validly marked not_applicable.
// Desirable (non-mandatory) baselines are assessed and listed but never block and never score.
// Unweighted catalogues (seed 000) count every mandatory baseline as weight 1.
import type { EdmBaseline, EdmCatalog, EdmStageRef } from './schema'
import type { RrmpPlanEntry } from './plan'
import { baselineState, type BaselineState } from './baselineState'
import { baselinesAtStage, findStage } from './stages'

export interface BaselineReadiness {
  baselineId: string
  area: string
  weighting: number | null
  mandatory: boolean
  faceToFace: boolean
  state: BaselineState
  reasons: string[]
}

export interface ReadinessScore {
  /** Sum of the weightings of ready applicable mandatory baselines. */
  achieved: number
  /** Sum of the weightings of all applicable mandatory baselines. */
  possible: number
  /** achieved / possible; 1 when nothing mandatory applies. */
  ratio: number
  /** ratio as a whole percentage, rounded down so 99.6% never shows as 100%. */
  percent: number
}

export interface ReadinessAssessment {
  catalogId: string
  targetStage: string
  overall: 'ready' | 'not_ready'
  score: ReadinessScore
  /** Every baseline that applies at the target stage, in catalogue order. */
  baselines: BaselineReadiness[]
  /** Not-ready applicable mandatory baselines: weighting 3 first, then by area order, then catalogue order. */
  blockers: BaselineReadiness[]
  /** Entries the assessment ignored, and other things worth a look. */
  warnings: string[]
}

export function weightOf(b: EdmBaseline): number {
  return b.weighting ?? 1
}

/** Sort key helpers shared with sequencePlan: area position, then catalogue position. */
export function catalogOrder(catalog: EdmCatalog): (a: EdmBaseline, b: EdmBaseline) => number {
  const areaPos = new Map(catalog.areas.map((a, i) => [a.id, i]))
  const pos = new Map(catalog.baselines.map((b, i) => [b.id, i]))
  return (a, b) => (areaPos.get(a.area) ?? 0) - (areaPos.get(b.area) ?? 0) || (pos.get(a.id) ?? 0) - (pos.get(b.id) ?? 0)
}

function strayEntryWarnings(catalog: EdmCatalog, entries: readonly RrmpPlanEntry[], applicable: Set<string>, stage: string): string[] {
  const known = new Set(catalog.baselines.map((b) => b.id))
  const out: string[] = []
  for (const e of entries) {
    if (!known.has(e.baselineId)) out.push(`The plan has an entry for baseline ${e.baselineId}, which is not in "${catalog.title}": it was ignored.`)
    else if (!applicable.has(e.baselineId)) out.push(`Baseline ${e.baselineId} does not apply at stage ${stage}: its entry was ignored.`)
  }
  return out
}

export function assessReadiness(catalog: EdmCatalog, entries: readonly RrmpPlanEntry[], targetStage: EdmStageRef): ReadinessAssessment {
  const stage = findStage(catalog, targetStage)
  const atStage = baselinesAtStage(catalog, stage.id)
  const baselines: BaselineReadiness[] = atStage.map((b) => {
    const s = baselineState(catalog, b, entries)
    return { baselineId: b.id, area: b.area, weighting: b.weighting ?? null, mandatory: b.mandatory, faceToFace: s.faceToFace, state: s.state, reasons: s.reasons }
  })
  const byId = new Map(atStage.map((b) => [b.id, b]))
  const counted = baselines.filter((r) => r.mandatory && r.state !== 'not_applicable')
  const weight = (r: BaselineReadiness): number => r.weighting ?? 1
  const achieved = counted.filter((r) => r.state === 'ready').reduce((n, r) => n + weight(r), 0)
  const possible = counted.reduce((n, r) => n + weight(r), 0)
  const ratio = possible === 0 ? 1 : achieved / possible
  const order = catalogOrder(catalog)
  const blockers = counted
    .filter((r) => r.state === 'not_ready')
    .sort((a, b) => weight(b) - weight(a) || order(byId.get(a.baselineId) as EdmBaseline, byId.get(b.baselineId) as EdmBaseline))
  const warnings = strayEntryWarnings(catalog, entries, new Set(byId.keys()), stage.id)
  if (atStage.every((b) => !b.mandatory)) warnings.push(`No mandatory baseline of "${catalog.title}" applies at stage ${stage.id} (${stage.name}).`)
  return {
    catalogId: catalog.id,
    targetStage: stage.id,
    overall: blockers.length === 0 ? 'ready' : 'not_ready',
    score: { achieved, possible, ratio, percent: Math.floor(ratio * 100 + 1e-9) },
    baselines,
    blockers,
    warnings,
  }
}
