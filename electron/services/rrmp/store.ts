// The RRMP domain's store functions (issue 13: data access in one layer per domain): plan
// versions, entries and sign-off steps (db/schema/rrmp.ts), imported EDM catalogues and other
// establishments' readiness exports imported for comparison. The only RRMP code that knows the
// backend; handlers, the plan view and the readiness export all come here. Every query is the
// drizzle query builder's portable SQL, awaited on both backends.
//
// Entries are stored as the engine's RrmpPlanEntry JSON and re-validated with its zod schema on
// every read, so the DB and the engine cannot drift apart.
import { and, asc, desc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/store/types'
import { comparisonImport, importedCatalog, planEntry, planVersion, signOffStep } from '../../../db/schema'
import {
  OMU_EDM,
  PROBATION_SUPERVISION_EDM,
  loadCatalog,
  nextSignOffStep,
  isFrozen,
  rrmpPlanEntrySchema,
  type EdmCatalog,
  type RrmpPlanEntry,
  type SignOffStep,
  type SignOffState,
} from '../../../shared/engine/index'
import { awaitingText, ukDate } from '../../../shared/export/labels'
import { normaliseReadiness, parseReadinessFile, type ReadinessExport, type ReadinessExportV1 } from '../../../shared/export/readinessExport'
import type { Comparison } from '../../../shared/ipc/channels/readiness'
import type { PlanEntryRow, PlanStatus, PlanVersionView } from '../../../shared/ipc/channels/rrmp'
import { UserFacingError } from '../../../shared/ipc/result'

export type VersionRow = typeof planVersion.$inferSelect
export type EntryRecord = typeof planEntry.$inferSelect
export type ImportedCatalogRow = typeof importedCatalog.$inferSelect
export type ComparisonRow = typeof comparisonImport.$inferSelect
type Stage = PlanVersionView['currentStage']

// ---- Catalogues ----------------------------------------------------------------------------

/** The catalogues shipped with the app: the OMU EDM (seed 002) and the Probation Supervision EDM (seed 000). */
export const SHIPPED_CATALOGS: readonly EdmCatalog[] = [OMU_EDM, PROBATION_SUPERVISION_EDM]

/**
 * The catalogue a version was built from: a shipped one or one imported in Settings (issue 17: a
 * plan can be built from any installed catalogue, the Probation Supervision EDM included).
 */
export async function catalogFor(db: Db, id: string, version: string): Promise<EdmCatalog> {
  const shipped = SHIPPED_CATALOGS.find((c) => c.id === id && c.version === version)
  if (shipped) return shipped
  const rows = await db.select().from(importedCatalog).where(eq(importedCatalog.catalogId, id)).all()
  const row = rows.find((r) => r.version === version)
  if (row) {
    const loaded = loadCatalog(row.json)
    if (loaded.ok) return loaded.catalog
  }
  throw new UserFacingError('not_found', `The catalogue "${id}" version ${version} is not available in this installation. Import it in Settings, then try again.`)
}

/** Every imported catalogue, oldest import first (the id breaks ties, the same on both backends). */
export async function importedCatalogRows(db: Db): Promise<ImportedCatalogRow[]> {
  return db.select().from(importedCatalog).orderBy(asc(importedCatalog.importedAt), asc(importedCatalog.id)).all()
}

export async function catalogImported(db: Db, catalogId: string, version: string): Promise<boolean> {
  const row = await db
    .select({ id: importedCatalog.id })
    .from(importedCatalog)
    .where(and(eq(importedCatalog.catalogId, catalogId), eq(importedCatalog.version, version)))
    .get()
  return row !== undefined
}

export async function insertCatalog(db: Db, catalog: EdmCatalog, now: string): Promise<ImportedCatalogRow> {
  const row = await db.insert(importedCatalog).values({ catalogId: catalog.id, version: catalog.version, json: JSON.stringify(catalog), importedAt: now }).returning().get()
  if (!row) throw new Error(`Catalogue ${catalog.id} version ${catalog.version} was not stored`)
  return row
}

// ---- Plan versions -------------------------------------------------------------------------

export async function versionRow(db: Db, versionId: number): Promise<VersionRow> {
  const row = await db.select().from(planVersion).where(eq(planVersion.id, versionId)).get()
  if (!row) throw new UserFacingError('not_found', 'That plan version does not exist. Reload the plan.')
  return row
}

export async function latestVersionRow(db: Db): Promise<VersionRow | null> {
  return (await db.select().from(planVersion).orderBy(desc(planVersion.version)).limit(1).get()) ?? null
}

/** Every version, latest first. */
export async function allVersionRows(db: Db): Promise<VersionRow[]> {
  return db.select().from(planVersion).orderBy(desc(planVersion.version)).all()
}

export async function insertVersion(db: Db, values: Omit<typeof planVersion.$inferInsert, 'id'>): Promise<VersionRow> {
  const row = await db.insert(planVersion).values(values).returning().get()
  if (!row) throw new Error(`Plan version ${values.version} was not stored`)
  return row
}

/**
 * Records a change to a version: its updated time always; its rev when its own fields change
 * (stages, sign-off), so an entry saved in one window never makes another window's stage change
 * a conflict.
 */
export async function touchVersion(db: Db, versionId: number, now: string, fields: Partial<Pick<VersionRow, 'currentStage' | 'targetStage'>> | null = null): Promise<VersionRow> {
  const row = await versionRow(db, versionId)
  const updated = await db
    .update(planVersion)
    .set({ ...(fields ?? {}), rev: fields === null ? row.rev : row.rev + 1, updatedAt: now })
    .where(eq(planVersion.id, versionId))
    .returning()
    .get()
  if (!updated) throw new UserFacingError('not_found', 'That plan version does not exist. Reload the plan.')
  return updated
}

// ---- Plan entries --------------------------------------------------------------------------

/** Code-unit order of baseline ids: the order SQLite's plan_entry_baseline index gives, on both backends. */
const byBaselineId = (a: { baselineId: string }, b: { baselineId: string }): number => (a.baselineId < b.baselineId ? -1 : a.baselineId > b.baselineId ? 1 : 0)

/** A version's entries, validated, in baseline id order. */
export async function entryRows(db: Db, versionId: number): Promise<PlanEntryRow[]> {
  const rows = await db.select().from(planEntry).where(eq(planEntry.planVersionId, versionId)).all()
  return rows.sort(byBaselineId).map((r) => ({ baselineId: r.baselineId, rev: r.rev, updatedAt: r.updatedAt, entry: rrmpPlanEntrySchema.parse(JSON.parse(r.data)) }))
}

export function entriesOf(rows: readonly PlanEntryRow[]): RrmpPlanEntry[] {
  return rows.map((r) => r.entry)
}

/** One entry's stored row (its JSON not parsed), or undefined. */
export async function entryRecord(db: Db, versionId: number, baselineId: string): Promise<EntryRecord | undefined> {
  return db
    .select()
    .from(planEntry)
    .where(and(eq(planEntry.planVersionId, versionId), eq(planEntry.baselineId, baselineId)))
    .get()
}

export async function insertEntry(db: Db, versionId: number, entry: RrmpPlanEntry, now: string): Promise<void> {
  await db.insert(planEntry).values({ planVersionId: versionId, baselineId: entry.baselineId, data: JSON.stringify(entry), rev: 1, updatedAt: now }).run()
}

/**
 * Saves an entry over the rev it was read at: undefined when that rev is no longer the stored one
 * (someone else saved it meanwhile), so the caller reports a conflict rather than overwriting.
 */
export async function saveEntry(db: Db, entryId: number, readRev: number, entry: RrmpPlanEntry, now: string): Promise<EntryRecord | undefined> {
  return db
    .update(planEntry)
    .set({ data: JSON.stringify(entry), rev: readRev + 1, updatedAt: now })
    .where(and(eq(planEntry.id, entryId), eq(planEntry.rev, readRev)))
    .returning()
    .get()
}

// ---- Sign-off ------------------------------------------------------------------------------

export async function signOffHistory(db: Db, versionId: number): Promise<SignOffStep[]> {
  const rows = await db.select().from(signOffStep).where(eq(signOffStep.planVersionId, versionId)).orderBy(asc(signOffStep.seq)).all()
  return rows.map((r) => ({ stage: r.stage as SignOffStep['stage'], by: r.by, role: r.role, date: r.date, decision: r.decision as SignOffStep['decision'], comments: r.comments, recordedBy: r.recordedBy }))
}

export async function appendSignOff(db: Db, versionId: number, step: SignOffStep, seq: number): Promise<void> {
  await db.insert(signOffStep).values({ planVersionId: versionId, seq, ...step }).run()
}

export function planStatus(state: SignOffState, history: readonly SignOffStep[]): { status: PlanStatus; statusText: string } {
  if (!isFrozen(history)) return { status: 'draft', statusText: 'Draft: not submitted yet' }
  switch (state.kind) {
    case 'awaiting':
      return { status: 'in_sign_off', statusText: `Submitted: awaiting ${awaitingText(state.next.stage, state.next.role)}` }
    case 'returned':
      return { status: 'returned', statusText: `Returned with comments by ${state.returned.by} (${state.returned.role}) on ${ukDate(state.returned.date)}` }
    case 'complete':
      return { status: 'signed_off', statusText: `Signed off: Probation Gold signed off the OMU section on ${ukDate(state.completedOn)}` }
    case 'invalid':
      return { status: 'in_sign_off', statusText: `Submitted, but the sign-off record has a problem: ${state.problem}` }
    default: {
      const never: never = state
      return never
    }
  }
}

function statusOf(history: readonly SignOffStep[], latest: boolean): { status: PlanStatus; statusText: string } {
  const state = nextSignOffStep(history)
  const out = planStatus(state, history)
  // A later version was started while this one was still in sign-off: it goes no further.
  if (!latest && state.kind === 'awaiting' && out.status === 'in_sign_off') return { status: out.status, statusText: 'Superseded by a later version before sign-off finished' }
  return out
}

/** A version as the screens show it; `latestId` (the latest version's id) is read when not given. */
export async function toVersionView(db: Db, row: VersionRow, latestId?: number | null): Promise<PlanVersionView> {
  const latest = latestId === undefined ? ((await latestVersionRow(db))?.id ?? null) : latestId
  const history = await signOffHistory(db, row.id)
  const based = row.basedOnVersionId === null ? null : ((await db.select().from(planVersion).where(eq(planVersion.id, row.basedOnVersionId)).get()) ?? null)
  return {
    id: row.id,
    version: row.version,
    currentStage: row.currentStage as Stage,
    targetStage: row.targetStage as Stage,
    catalogId: row.catalogId,
    catalogVersion: row.catalogVersion,
    basedOnVersion: based?.version ?? null,
    rev: row.rev,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...statusOf(history, row.id === latest),
    frozen: isFrozen(history),
    latest: row.id === latest,
  }
}

/** Refuses any change to a submitted version (issue 4: a submitted version is frozen). */
export async function assertEditable(db: Db, row: VersionRow): Promise<void> {
  if (isFrozen(await signOffHistory(db, row.id))) {
    throw new UserFacingError('frozen', `Version ${row.version} has been submitted, so it can no longer be changed. Start a new version to make changes.`)
  }
}

// ---- Beyond the plan tables ----------------------------------------------------------------

// ---- Comparison imports --------------------------------------------------------------------

/**
 * Other establishments' readiness exports, newest import first, each in version 2's shape
 * (normaliseReadiness; the file is kept as imported, in its own version); a row that no longer
 * validates is left out.
 */
export async function comparisonRows(db: Db): Promise<Comparison[]> {
  const rows = await db.select().from(comparisonImport).orderBy(desc(comparisonImport.id)).all()
  return rows.flatMap((r) => {
    const parsed = parseReadinessFile(JSON.parse(r.json))
    return parsed.ok ? [{ id: r.id, importedAt: r.importedAt, document: normaliseReadiness(parsed.file) }] : []
  })
}

export async function insertComparison(db: Db, doc: ReadinessExport | ReadinessExportV1, now: string): Promise<ComparisonRow> {
  const row = await db
    .insert(comparisonImport)
    .values({ establishmentCode: doc.establishment.code, establishmentName: doc.establishment.name, exportedAt: doc.exportedAt, json: JSON.stringify(doc), importedAt: now })
    .returning()
    .get()
  if (!row) throw new Error('The comparison import was not stored')
  return row
}

export async function comparisonRow(db: Db, id: number): Promise<ComparisonRow | undefined> {
  return db.select().from(comparisonImport).where(eq(comparisonImport.id, id)).get()
}

export async function deleteComparison(db: Db, id: number): Promise<void> {
  await db.delete(comparisonImport).where(eq(comparisonImport.id, id)).run()
}
