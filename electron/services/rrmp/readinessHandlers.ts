// Readiness handlers (issue 6): sign-off decisions after submission, the caseload summary, the
// document preview, exports, and other establishments' JSON exports imported read-only.
import type { z } from 'zod'
import { SIGN_OFF_ROUTE, applySignOffDecision, nextSignOffStep } from '../../../shared/engine/index'
import { signOffStageLabel } from '../../../shared/export/labels'
import { READINESS_EXPORT_FORMAT, READINESS_EXPORT_SCHEMA_VERSION, readinessExportSchema, type ReadinessExport } from '../../../shared/export/readinessExport'
import { UserFacingError } from '../../../shared/ipc/result'
import { readEstablishment, readSettings } from '../establishment/store'
import { buildReadinessDocument } from '../export/document'
import { caseloadSummary } from '../export/caseloadSummary'
import { exportReadiness } from '../export/index'
import type { Handlers } from '../handlers/types'
import { appendSignOff, comparisonRow, comparisonRows, deleteComparison, insertComparison, latestVersionRow, signOffHistory, toVersionView, touchVersion, versionRow } from './store'

function reason(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return (issue as { input?: unknown }).input === undefined ? 'is missing' : `should be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a group of fields' : `a ${issue.expected}`}`
    case 'invalid_value':
      if ((issue as { input?: unknown }).input === undefined) return 'is missing'
      return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    default:
      return 'is not valid'
  }
}

/** Where and what, for the first problems: "baselines should be a list; readiness.overall is missing" (kept short). */
function problemList(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : 'the file'} ${reason(i)}`)
  const more = error.issues.length > shown.length ? `; and ${error.issues.length - shown.length} more` : ''
  const text = `${shown.join('; ')}${more}`
  return text.length > 220 ? `${text.slice(0, 217)}…` : text
}

/** Validates a JSON readiness export from another installation; every problem is a sentence. */
export function parseComparison(text: string): ReadinessExport {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new UserFacingError('invalid_input', 'This file is not valid JSON. Choose the .json file exported from the Readiness and export screen.')
  }
  const head = raw as { format?: unknown; schemaVersion?: unknown } | null
  if (head === null || typeof head !== 'object' || head.format !== READINESS_EXPORT_FORMAT) {
    throw new UserFacingError('invalid_input', 'This file is not an OMU Desk readiness export. Choose the .json file exported from the Readiness and export screen.')
  }
  if (head.schemaVersion !== READINESS_EXPORT_SCHEMA_VERSION) {
    throw new UserFacingError('invalid_input', `This export uses schema version ${String(head.schemaVersion)}; this version of OMU Desk reads version ${READINESS_EXPORT_SCHEMA_VERSION}. Ask for an export from a matching version of the app.`)
  }
  const parsed = readinessExportSchema.safeParse(raw, { reportInput: true })
  if (!parsed.success) throw new UserFacingError('invalid_input', `This readiness export is damaged or incomplete, so it was not imported. Problems: ${problemList(parsed.error)}.`)
  return parsed.data
}

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
    return caseloadSummary(store, { today, policy: est?.policy ?? 'omic2021', stage: est?.currentStage ?? 4, extraHolidays: settings.extraHolidays })
  },

  document: (input, { store, today, now }) => buildReadinessDocument(store, input.versionId, today, now),

  export: (input, { store, host, today, now, endRead }) => exportReadiness({ store, host, versionId: input.versionId, format: input.format, today, now, endRead }),

  importComparison: async (input, { store, now, audit }) => {
    const doc = parseComparison(input.text)
    const own = await readEstablishment(store.db)
    if (own && own.code === doc.establishment.code) {
      throw new UserFacingError('invalid_input', `This export is from your own establishment (${own.code}). Import exports from other establishments to compare with yours.`)
    }
    const row = await insertComparison(store.db, doc, now.toISOString())
    audit({ entity: 'comparison_import', entityId: row.id, before: null, after: { fileName: input.fileName, establishment: doc.establishment, planVersion: doc.plan.version, exportedAt: doc.exportedAt } })
    return { id: row.id, importedAt: row.importedAt, document: doc }
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
