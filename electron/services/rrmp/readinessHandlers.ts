// Readiness handlers (issue 6): sign-off decisions after submission, the caseload summary, the
// document preview, exports, and other establishments' JSON exports imported read-only.
import { SIGN_OFF_ROUTE, applySignOffDecision, nextSignOffStep } from '../../../shared/engine/index'
import { signOffStageLabel } from '../../../shared/export/labels'
import { normaliseReadiness } from '../../../shared/export/readinessExport'
import { UserFacingError } from '../../../shared/ipc/result'
import { readEstablishment, readSettings } from '../establishment/store'
import { buildReadinessDocument } from '../export/document'
import { caseloadSummary } from '../export/caseloadSummary'
import { exportReadiness } from '../export/index'
import { parseOffThread } from '../parseOffThread'
import type { Handlers } from '../handlers/types'
import { appendSignOff, comparisonRow, comparisonRows, deleteComparison, insertComparison, latestVersionRow, signOffHistory, toVersionView, touchVersion, versionRow } from './store'

export const readinessHandlers: Handlers['readiness'] = {
  decide: async (input, { store, now, today, actor, audit }) => {
    const db = store.db
    const row = await versionRow(db, input.versionId)
    const latest = await latestVersionRow(db)
    if (latest && latest.id !== row.id) {
      throw new UserFacingError('conflict', `Version ${row.version} has been replaced by version ${latest.version}: record decisions on the latest version once it is submitted.`)
    }
    const history = await signOffHistory(db, row.id)
    const state = nextSignOffStep(history)
    if (state.kind === 'awaiting' && state.next.stage === 'submit') {
      throw new UserFacingError('conflict', `Version ${row.version} has not been submitted yet: the HOMS submits it from the RRMP planning screen first.`)
    }
    if (state.kind === 'awaiting' && state.next.stage !== input.stage) {
      throw new UserFacingError('conflict', `The ${signOffStageLabel(input.stage)} cannot record a decision now: the plan is awaiting the ${signOffStageLabel(state.next.stage)}. Reload to see the latest.`)
    }
    const route = SIGN_OFF_ROUTE.find((r) => r.stage === input.stage)
    const comments = (input.comments ?? '').trim()
    const by = (input.by ?? '').trim()
    const step = {
      stage: input.stage,
      by: by === '' ? (actor?.displayName ?? '') : by,
      role: (input.role ?? '').trim() === '' ? (route?.role ?? input.stage) : (input.role ?? '').trim(),
      date: today,
      decision: input.decision,
      comments: comments === '' ? null : comments,
      // Issue 16: who recorded it, apart from whose decision it is (`by`: a board or Gold member
      // on whose behalf a Governor records it); shown in the route as "recorded by".
      recordedBy: actor?.displayName ?? null,
    }
    const r = applySignOffDecision(history, step)
    if (!r.ok) throw new UserFacingError(state.kind === 'awaiting' ? 'invalid_input' : 'conflict', r.problem, input.decision === 'returned' && comments === '' ? 'comments' : undefined)
    await appendSignOff(db, row.id, step, history.length + 1)
    audit({ entity: 'plan_version', entityId: row.id, before: null, after: { signOff: step } })
    return toVersionView(db, await touchVersion(db, row.id, now.toISOString(), {}))
  },

  caseload: async (_input, { store, today }) => {
    const est = await readEstablishment(store.db)
    const settings = await readSettings(store.db)
    return caseloadSummary(store, { today, policy: est?.policy ?? 'omic2021', stage: est?.currentStage ?? 4, extraHolidays: settings.extraHolidays, missedAfterDays: settings.missedAfterDays })
  },

  document: (input, { store, today, now }) => buildReadinessDocument(store, input.versionId, today, now),

  export: (input, { store, host, today, now, endRead }) => exportReadiness({ store, host, versionId: input.versionId, format: input.format, today, now, endRead }),

  importComparison: async (input, { store, now, audit }) => {
    // Read in a worker: a large file would otherwise hold the window still while it is parsed.
    const doc = await parseOffThread({ task: 'comparison', text: input.text })
    const own = await readEstablishment(store.db)
    if (own && own.code === doc.establishment.code) {
      throw new UserFacingError('invalid_input', `This export is from your own establishment (${own.code}). Import exports from other establishments to compare with yours.`)
    }
    const row = await insertComparison(store.db, doc, now.toISOString())
    audit({ entity: 'comparison_import', entityId: row.id, before: null, after: { fileName: input.fileName, establishment: doc.establishment, planVersion: doc.plan.version, exportedAt: doc.exportedAt } })
    return { id: row.id, importedAt: row.importedAt, document: normaliseReadiness(doc) }
  },

  comparisons: (_input, { store }) => comparisonRows(store.db),

  removeComparison: async (input, { store, audit }) => {
    const row = await comparisonRow(store.db, input.id)
    if (!row) return { removed: false }
    await deleteComparison(store.db, input.id)
    audit({ entity: 'comparison_import', entityId: row.id, before: { establishmentCode: row.establishmentCode, establishmentName: row.establishmentName, exportedAt: row.exportedAt }, after: null })
    return { removed: true }
  },
}
