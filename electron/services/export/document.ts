// Builds the readiness assessment document (JSON schema version 2, shared/export/readinessExport.ts)
// for one plan version. The PDF and XLSX writers render this same document, so all three formats
// carry the same content. Readiness, sequencing and blockers come from the OMU task engine
// (assessReadiness, sequencePlan: seed 002 guides to weightings and autonomy).
import type { StoreConn } from '../../../db/store/types'
import { assessReadiness, sequencePlan, type EdmBaseline, type RrmpDeliveryChoice } from '../../../shared/engine/index'
import { deliveryText } from '../../../shared/export/labels'
import { READINESS_EXPORT_FORMAT, READINESS_EXPORT_SCHEMA_VERSION, type ExportBaseline, type ReadinessExport } from '../../../shared/export/readinessExport'
import { UserFacingError } from '../../../shared/ipc/result'
import { readEstablishment, readSettings } from '../establishment/store'
import { catalogFor, entriesOf, entryRows, signOffHistory, toVersionView, versionRow } from '../rrmp/store'
import { areaReadiness } from '../rrmp/view'
import { caseloadSummary } from './caseloadSummary'
import { resourcingSection } from './resourcingSection'

function deliveryOf(b: EdmBaseline, d: RrmpDeliveryChoice | null): ExportBaseline['delivery'] {
  const text = deliveryText(b, d)
  if (d === null) return { kind: (b.autonomy ?? 'limited') === 'limited' ? 'as_stipulated' : 'not_chosen', optionId: null, text }
  switch (d.kind) {
    case 'as_stipulated':
      return { kind: 'as_stipulated', optionId: null, text }
    case 'option':
      return { kind: 'option', optionId: d.optionId, text }
    case 'local_design':
      return { kind: 'local_design', optionId: null, text }
    default: {
      const never: never = d
      return never
    }
  }
}

/** The document for one version, read through `store` (one connection: one consistent view of the data). */
export async function buildReadinessDocument(store: StoreConn, versionId: number, today: string, now: Date): Promise<ReadinessExport> {
  const db = store.db
  const est = await readEstablishment(db)
  if (!est) throw new UserFacingError('not_found', 'Set up the establishment first.')
  const row = await versionRow(db, versionId)
  const view = await toVersionView(db, row)
  const catalog = await catalogFor(db, row.catalogId, row.catalogVersion)
  const entries = entriesOf(await entryRows(db, row.id))
  const assessment = assessReadiness(catalog, entries, row.targetStage)
  const sequence = sequencePlan(catalog, entries, row.targetStage)
  const position = new Map(sequence.steps.map((s) => [s.baselineId, s.position]))
  const byId = new Map(catalog.baselines.map((b) => [b.id, b]))
  const areaTitle = new Map(catalog.areas.map((a) => [a.id, a.title]))
  const baselines: ExportBaseline[] = assessment.baselines.map((r) => {
    const b = byId.get(r.baselineId) as EdmBaseline
    const e = entries.find((x) => x.baselineId === b.id) ?? null
    return {
      id: b.id,
      areaId: b.area,
      areaTitle: areaTitle.get(b.area) ?? b.area,
      text: b.text,
      weighting: b.weighting ?? null,
      autonomy: b.autonomy ?? null,
      mandatory: b.mandatory,
      faceToFace: r.faceToFace,
      sequence: position.get(b.id) ?? null,
      status: e?.status ?? 'not_started',
      readiness: r.state,
      reasons: r.reasons,
      delivery: deliveryOf(b, e?.delivery ?? null),
      notApplicableReason: e?.notApplicableReason ?? null,
      owner: e?.owner ?? '',
      targetDate: e?.targetDate ?? null,
      resourcingNote: e?.resourcingNote ?? '',
      evidence: e?.evidence ?? { riskAssessmentDone: false, safeSystemOfWorkDone: false, unionsConsulted: false },
      comments: e?.comments ?? '',
      actionItems: (e?.actionItems ?? []).map((i) => ({ ...i, progressUpdates: i.progressUpdates.map((u) => ({ ...u })) })),
    }
  })
  const settings = await readSettings(db)
  const signOffSteps = await signOffHistory(db, row.id)
  const caseload = await caseloadSummary(store, { today, policy: est.policy, stage: est.currentStage, extraHolidays: settings.extraHolidays, missedAfterDays: settings.missedAfterDays })
  return {
    format: READINESS_EXPORT_FORMAT,
    schemaVersion: READINESS_EXPORT_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    asOf: today,
    establishment: { name: est.name, code: est.code, category: est.category },
    policy: est.policy,
    catalogue: { id: catalog.id, title: catalog.title, version: catalog.version, source: `${catalog.source.publisher}: ${catalog.source.document}` },
    plan: {
      version: view.version,
      basedOnVersion: view.basedOnVersion,
      currentStage: view.currentStage,
      targetStage: view.targetStage,
      status: view.status,
      statusText: view.statusText,
      lastChanged: view.updatedAt,
    },
    readiness: {
      overall: assessment.overall,
      achieved: assessment.score.achieved,
      possible: assessment.score.possible,
      percent: assessment.score.percent,
      areas: areaReadiness(catalog, assessment),
      blockers: assessment.blockers.map((b) => ({ baselineId: b.baselineId, weighting: b.weighting, reasons: b.reasons })),
      sequencingWarnings: sequence.warnings.map((w) => w.message),
      warnings: assessment.warnings,
    },
    baselines,
    signOff: { statusText: view.statusText, steps: signOffSteps },
    caseload,
    // Version 2 (issue 19): can the OMU staff the target stage? Null when no resourcing plan is recorded.
    resourcing: await resourcingSection(store, today),
  }
}
