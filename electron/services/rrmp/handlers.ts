// RRMP handlers (issue 6): start a plan, choose stages, save entries as the HOMS works (optimistic
// concurrency on plan_entry.rev), submit (freezes the version) and start a new version. Mutations
// run inside the dispatcher's single write transaction; every query goes through ./store.
import type { Db } from '../../../db/store/types'
import {
  OMU_EDM,
  SIGN_OFF_ROUTE,
  applySignOffDecision,
  baselinesAtStage,
  emptyPlanEntry,
  findStage,
  startNewPlanVersion,
  type EdmBaseline,
  type EdmCatalog,
  type RrmpPlanEntry,
} from '../../../shared/engine/index'
import { stageLabel } from '../../../shared/export/labels'
import { UserFacingError } from '../../../shared/ipc/result'
import { readEstablishment } from '../establishment/store'
import type { Handlers } from '../handlers/types'
import {
  appendSignOff,
  assertEditable,
  catalogFor,
  entriesOf,
  entryRecord,
  entryRows,
  insertEntry,
  insertVersion,
  latestVersionRow,
  saveEntry,
  signOffHistory,
  toVersionView,
  touchVersion,
  versionRow,
  type VersionRow,
} from './store'
import { setEstablishmentStages } from '../establishment/store'
import { buildPlanView } from './view'

const blank = (s: string | null | undefined): boolean => (s ?? '').trim() === ''

/** The chosen catalogue, or a refusal that says what to do (the field is the start form's select). */
async function catalogOrRefuse(db: Db, id: string, version: string): Promise<EdmCatalog> {
  try {
    return await catalogFor(db, id, version)
  } catch (e) {
    if (e instanceof UserFacingError) throw new UserFacingError('invalid_input', 'That catalogue is not installed: choose one of the catalogues listed, or import it in Settings first.', 'catalog')
    throw e
  }
}

function stalePlan(what: string): UserFacingError {
  return new UserFacingError('conflict', `${what} was changed in another window after you opened it, so your change was not saved. Reload the plan to see the latest, then make your change again.`)
}

/** Seed 002 stages: recovery plans move to a lower stage number; stage 4 (lockdown) has no baselines to plan. */
function checkStages(current: number, target: number): void {
  if (target === 4) throw new UserFacingError('invalid_input', 'Target stage: choose stage 3, 2 or 1. Stage 4 (Red / lockdown) has no baselines to plan for.', 'targetStage')
  if (target > current) throw new UserFacingError('invalid_input', 'Target stage: choose the current stage or a later recovery stage (a lower number).', 'targetStage')
}

/** Adds an empty entry for each baseline that applies at the target stage and has none yet. */
async function addMissingEntries(db: Db, row: VersionRow, now: string): Promise<void> {
  const catalog = await catalogFor(db, row.catalogId, row.catalogVersion)
  const have = new Set((await entryRows(db, row.id)).map((r) => r.baselineId))
  for (const b of baselinesAtStage(catalog, row.targetStage)) {
    if (!have.has(b.id)) await insertEntry(db, row.id, emptyPlanEntry(b.id), now)
  }
}

/**
 * Refuses what an entry can never be (the editor never sends these): a delivery choice the
 * baseline's autonomy does not allow (seed 002 guide to autonomy levels), and not applicable on a
 * mandatory baseline without a reason (issue 4). Softer gaps (no owner yet, evidence missing)
 * are saved and shown as readiness reasons, so work in progress is never lost.
 */
function checkEntry(b: EdmBaseline, entry: RrmpPlanEntry): void {
  if (entry.status === 'not_applicable' && b.mandatory && blank(entry.notApplicableReason)) {
    throw new UserFacingError('invalid_input', `Baseline ${b.id} is mandatory: give the reason it does not apply here (for example the establishment’s category or function).`, 'notApplicableReason')
  }
  const d = entry.delivery
  if (d === null) return
  const autonomy = b.autonomy ?? 'limited'
  switch (autonomy) {
    case 'limited':
      if (d.kind !== 'as_stipulated') throw new UserFacingError('invalid_input', `Baseline ${b.id} has limited autonomy: it is delivered as stipulated, so no option or local design can be chosen.`, 'delivery')
      return
    case 'partial':
      if (d.kind !== 'option' || !b.deliveryOptions.some((o) => o.id === d.optionId)) {
        throw new UserFacingError('invalid_input', `Baseline ${b.id} has partial autonomy: choose one of its listed delivery options.`, 'delivery')
      }
      return
    case 'total':
      if (d.kind !== 'local_design') throw new UserFacingError('invalid_input', `Baseline ${b.id} has total autonomy: describe the establishment’s own design.`, 'delivery')
      return
    default: {
      const never: never = autonomy
      throw new Error(`Unknown autonomy ${String(never)}`)
    }
  }
}

export const rrmpHandlers: Handlers['rrmp'] = {
  plan: async (input, { store }) => {
    const row = input.versionId === undefined ? await latestVersionRow(store.db) : await versionRow(store.db, input.versionId)
    return row === null ? null : buildPlanView(store.db, row)
  },

  catalog: (input, { store }) => catalogFor(store.db, input.id, input.version),

  start: async (input, { store, now, audit }) => {
    const db = store.db
    const est = await readEstablishment(db)
    if (!est) throw new UserFacingError('not_found', 'Set up the establishment first.')
    if (await latestVersionRow(db)) throw new UserFacingError('conflict', 'A plan has already been started. Reload the RRMP screen to open it.')
    // Issue 17: any installed catalogue (shipped or imported in Settings), chosen when the plan is
    // started; the OMU EDM (seed 002) when none is chosen. Every later version keeps it (newVersion).
    const chosen = input.catalog ?? { id: OMU_EDM.id, version: OMU_EDM.version }
    const catalog = await catalogOrRefuse(db, chosen.id, chosen.version)
    // A new establishment sits at stage 4 with stage 3 as its first recovery target (seed 002).
    const targetStage = est.targetStage === 4 ? 3 : est.targetStage
    const currentStage = Math.max(est.currentStage, targetStage)
    for (const stage of [currentStage, targetStage]) {
      try {
        findStage(catalog, stage)
      } catch {
        throw new UserFacingError('invalid_input', `${catalog.title} has no stage that stands for ${stageLabel(stage)}: choose another catalogue.`, 'catalog')
      }
    }
    const stamp = now.toISOString()
    const row = await insertVersion(db, { version: 1, currentStage, targetStage, catalogId: catalog.id, catalogVersion: catalog.version, basedOnVersionId: null, rev: 1, createdAt: stamp, updatedAt: stamp })
    await addMissingEntries(db, row, stamp)
    audit({ entity: 'plan_version', entityId: row.id, before: null, after: { version: row.version, currentStage, targetStage, catalog: `${row.catalogId} ${row.catalogVersion}` } })
    return toVersionView(db, row)
  },

  setStages: async (input, { store, now, audit }) => {
    const db = store.db
    const row = await versionRow(db, input.versionId)
    await assertEditable(db, row)
    if (row.rev !== input.rev) throw stalePlan(`Version ${row.version}’s stages`)
    checkStages(input.currentStage, input.targetStage)
    const stamp = now.toISOString()
    const updated = await touchVersion(db, row.id, stamp, { currentStage: input.currentStage, targetStage: input.targetStage })
    await addMissingEntries(db, updated, stamp)
    // The establishment's stages follow the plan being prepared (the shell shows the current stage).
    await setEstablishmentStages(db, input.currentStage, input.targetStage, stamp)
    audit({ entity: 'plan_version', entityId: row.id, before: { currentStage: row.currentStage, targetStage: row.targetStage }, after: { currentStage: input.currentStage, targetStage: input.targetStage } })
    return toVersionView(db, updated)
  },

  updateEntry: async (input, { store, now, audit }) => {
    const db = store.db
    const row = await versionRow(db, input.versionId)
    await assertEditable(db, row)
    const catalog = await catalogFor(db, row.catalogId, row.catalogVersion)
    const b = catalog.baselines.find((x) => x.id === input.entry.baselineId)
    const existing = await entryRecord(db, row.id, input.entry.baselineId)
    if (!b || !existing) throw new UserFacingError('not_found', `Baseline ${input.entry.baselineId} is not part of version ${row.version} of the plan. Reload the plan.`)
    if (existing.rev !== input.rev) throw stalePlan(`Baseline ${b.id}`)
    checkEntry(b, input.entry)
    const stamp = now.toISOString()
    const saved = await saveEntry(db, existing.id, input.rev, input.entry, stamp)
    if (!saved) throw stalePlan(`Baseline ${b.id}`)
    await touchVersion(db, row.id, stamp)
    audit({ entity: 'plan_entry', entityId: saved.id, before: JSON.parse(existing.data) as unknown, after: input.entry })
    return { baselineId: saved.baselineId, rev: saved.rev, updatedAt: saved.updatedAt, entry: input.entry }
  },

  submit: async (input, { store, now, today, actor, audit }) => {
    const db = store.db
    const row = await versionRow(db, input.versionId)
    await assertEditable(db, row)
    if (row.rev !== input.rev) throw stalePlan(`Version ${row.version}`)
    const history = await signOffHistory(db, row.id)
    const by = blank(input.by) ? (actor?.displayName ?? '') : (input.by ?? '')
    const step = { stage: 'submit' as const, by, role: blank(input.role) ? (SIGN_OFF_ROUTE[0]?.role ?? 'HOMS') : (input.role ?? ''), date: today, decision: 'submitted' as const, comments: null, recordedBy: actor?.displayName ?? null }
    const r = applySignOffDecision(history, step)
    if (!r.ok) throw new UserFacingError('conflict', r.problem)
    await appendSignOff(db, row.id, step, history.length + 1)
    audit({ entity: 'plan_version', entityId: row.id, before: null, after: { signOff: step } })
    return toVersionView(db, await touchVersion(db, row.id, now.toISOString(), {}))
  },

  newVersion: async (input, { store, now, audit }) => {
    const db = store.db
    const from = await versionRow(db, input.fromVersionId)
    const latest = await latestVersionRow(db)
    if (latest && latest.id !== from.id) throw new UserFacingError('conflict', `Version ${latest.version} is already the latest version: open it instead of starting another.`)
    const r = startNewPlanVersion({ version: from.version, targetStage: String(from.targetStage), entries: entriesOf(await entryRows(db, from.id)), signOff: await signOffHistory(db, from.id), basedOnVersion: null })
    if (!r.ok) throw new UserFacingError('conflict', r.problem)
    const stamp = now.toISOString()
    const row = await insertVersion(db, { version: r.version.version, currentStage: from.currentStage, targetStage: from.targetStage, catalogId: from.catalogId, catalogVersion: from.catalogVersion, basedOnVersionId: from.id, rev: 1, createdAt: stamp, updatedAt: stamp })
    for (const e of r.version.entries) await insertEntry(db, row.id, e, stamp)
    await addMissingEntries(db, row, stamp)
    audit({ entity: 'plan_version', entityId: row.id, before: null, after: { version: row.version, basedOnVersion: from.version } })
    return toVersionView(db, row)
  },
}
