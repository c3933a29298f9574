// Test helpers for the OMU engine: plan entries and a small synthetic catalogue that has what seed
// 002 lacks (weighting 1, total autonomy, a desirable baseline).
import { emptyPlanEntry, type EdmBaseline, type EdmCatalog, type RrmpPlanEntry } from '../../../../shared/engine/omu/index'

export function entry(baselineId: string, patch: Partial<RrmpPlanEntry> = {}): RrmpPlanEntry {
  return { ...emptyPlanEntry(baselineId), ...patch }
}

const ALL_EVIDENCE = { riskAssessmentDone: true, safeSystemOfWorkDone: true, unionsConsulted: true }

/** An entry that passes the readiness test for its baseline (first option for partial, evidence done). */
export function readyEntry(b: EdmBaseline, patch: Partial<RrmpPlanEntry> = {}): RrmpPlanEntry {
  const delivery: RrmpPlanEntry['delivery'] =
    b.autonomy === 'partial'
      ? { kind: 'option', optionId: b.deliveryOptions[0]?.id ?? 'missing' }
      : b.autonomy === 'total'
        ? { kind: 'local_design', design: 'Local design agreed with the SMT', faceToFace: false }
        : { kind: 'as_stipulated' }
  return entry(b.id, { status: 'ready', owner: 'Custody Manager OMU', targetDate: '2020-07-01', delivery, evidence: { ...ALL_EVIDENCE }, ...patch })
}

export function allReady(catalog: EdmCatalog): RrmpPlanEntry[] {
  return catalog.baselines.map((b) => readyEntry(b))
}

export function baseline(catalog: EdmCatalog, id: string): EdmBaseline {
  const b = catalog.baselines.find((x) => x.id === id)
  if (b === undefined) throw new Error(`no baseline ${id}`)
  return b
}

const common = { sources: [], faceToFace: false, stages: ['3', '2', '1'], deliveryOptions: [] }

/** Synthetic: areas A then B; weightings 3, 2, 1; a total-autonomy and a desirable baseline. */
export const SYNTHETIC: EdmCatalog = {
  id: 'synthetic',
  title: 'Synthetic EDM for tests',
  version: '0.1',
  source: { publisher: 'Tests', document: 'Synthetic' },
  stageModel: 'cumulative',
  stages: [
    { id: '4', level: 4, name: 'Lockdown', heading: 'Stage 4', summary: '', items: [{ id: 'x4', text: 'Lockdown task' }] },
    { id: '3', level: 3, name: 'Restrict', heading: 'Stage 3', summary: '', items: [{ id: 'x3', text: 'Restrict task' }] },
    { id: '2', level: 2, name: 'Reduce', heading: 'Stage 2', summary: '', items: [] },
    { id: '1', level: 1, name: 'Prepare', heading: 'Stage 1', summary: '', items: [] },
  ],
  areas: [
    { id: 'A', title: 'Area A' },
    { id: 'B', title: 'Area B' },
  ],
  baselines: [
    { ...common, id: 'A.1', area: 'A', text: 'A one (weighting 1)', weighting: 1, autonomy: 'limited', mandatory: true },
    { ...common, id: 'A.2', area: 'A', text: 'A two (weighting 3)', weighting: 3, autonomy: 'limited', mandatory: true },
    { ...common, id: 'A.3', area: 'A', text: 'A three (weighting 2, total)', weighting: 2, autonomy: 'total', mandatory: true },
    { ...common, id: 'A.4', area: 'A', text: 'A four (desirable)', mandatory: false },
    { ...common, id: 'B.1', area: 'B', text: 'B one (weighting 3, only at stage 2 and 1)', weighting: 3, autonomy: 'limited', mandatory: true, stages: ['2', '1'] },
    { ...common, id: 'B.2', area: 'B', text: 'B two (weighting 1)', weighting: 1, autonomy: 'limited', mandatory: true },
  ],
  priorityCohorts: [],
}
