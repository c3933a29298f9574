// The plan view the editor and the readiness screen show: one version with its entries and
// everything the OMU task engine works out from them (issue 6: "readiness, sequencing and
// tasks-at-stage come from the engine in the main process").
import type { Db } from '../../../db/store/types'
import {
  assessReadiness,
  changesSinceSubmitted,
  nextSignOffStep,
  sequencePlan,
  stageChange,
  tasksAtStage,
  type EdmCatalog,
  type ReadinessAssessment,
  type SignOffState,
} from '../../../shared/engine/index'
import type { AreaReadiness, PlanVersionView, PlanView } from '../../../shared/ipc/channels/rrmp'
import { baselineName, baselineTitle } from '../../../shared/export/labels'
import { allVersionRows, catalogFor, entriesOf, entryRows, signOffHistory, toVersionView, versionRow, type VersionRow } from './store'
import { activeStaff } from '../caseload/store'

/** Readiness per area of the catalogue (seed 002 "Area/Process"), weighted as the overall score. */
export function areaReadiness(catalog: EdmCatalog, assessment: ReadinessAssessment): AreaReadiness[] {
  const out: AreaReadiness[] = []
  for (const area of catalog.areas) {
    const rows = assessment.baselines.filter((b) => b.area === area.id)
    if (rows.length === 0) continue
    const counted = rows.filter((r) => r.mandatory && r.state !== 'not_applicable')
    const w = (r: (typeof rows)[number]): number => r.weighting ?? 1
    const achieved = counted.filter((r) => r.state === 'ready').reduce((n, r) => n + w(r), 0)
    const possible = counted.reduce((n, r) => n + w(r), 0)
    out.push({
      id: area.id,
      title: area.title,
      ready: rows.filter((r) => r.state === 'ready').length,
      notReady: rows.filter((r) => r.state === 'not_ready').length,
      notApplicable: rows.filter((r) => r.state === 'not_applicable').length,
      achieved,
      possible,
      percent: possible === 0 ? 100 : Math.floor((achieved / possible) * 100 + 1e-9),
    })
  }
  return out
}

function stateView(state: SignOffState): PlanView['signOff']['state'] {
  return state.kind === 'awaiting' ? { kind: 'awaiting', next: { ...state.next, decisions: [...state.next.decisions] } } : state
}

export async function buildPlanView(db: Db, row: VersionRow): Promise<PlanView> {
  const catalog = await catalogFor(db, row.catalogId, row.catalogVersion)
  const rows = await entryRows(db, row.id)
  const entries = entriesOf(rows)
  const readiness = assessReadiness(catalog, entries, row.targetStage)
  const history = await signOffHistory(db, row.id)
  const versions = await allVersionRows(db)
  const latestId = versions[0]?.id ?? null
  const based = row.basedOnVersionId === null ? null : await versionRow(db, row.basedOnVersionId)
  const position = new Map(catalog.baselines.map((b, i) => [b.id, i]))
  const version = await toVersionView(db, row, latestId)
  // One after another: a connection answers one query at a time.
  const versionViews: PlanVersionView[] = []
  for (const v of versions) versionViews.push(await toVersionView(db, v, latestId))
  const changes =
    based === null
      ? null
      : {
          basedOnVersion: based.version,
          diffs: changesSinceSubmitted(
            { version: based.version, targetStage: String(based.targetStage), entries: entriesOf(await entryRows(db, based.id)), signOff: await signOffHistory(db, based.id), basedOnVersion: null },
            { version: row.version, targetStage: String(row.targetStage), entries, signOff: history, basedOnVersion: based.version },
            // Issue 16: each baseline named by number and title in the list of changes.
            new Map(catalog.baselines.map((b) => [b.id, baselineTitle(b.text)])),
          ),
        }
  return {
    version,
    versions: versionViews,
    entries: [...rows].sort((a, b) => (position.get(a.baselineId) ?? 0) - (position.get(b.baselineId) ?? 0)),
    readiness,
    areas: areaReadiness(catalog, readiness),
    sequence: sequencePlan(catalog, entries, row.targetStage),
    stages: {
      current: tasksAtStage(catalog, row.currentStage),
      target: tasksAtStage(catalog, row.targetStage),
      change: stageChange(catalog, row.currentStage, row.targetStage),
    },
    signOff: { steps: history, state: stateView(nextSignOffStep(history)) },
    changes,
    staff: await activeStaff(db),
    catalogTitle: catalog.title,
    // Issue 16: baselines by number and title wherever the plan's blockers are read.
    baselineNames: Object.fromEntries(catalog.baselines.map((b) => [b.id, baselineName(b.id, b.text)])),
  }
}
