// Reading and writing RRMP versions, entries and sign-off steps (db/schema/rrmp.ts). Entries are
// stored as the engine's RrmpPlanEntry JSON and re-validated with its zod schema on every read,
// so the DB and the engine cannot drift apart.
import { asc, desc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/bootstrap'
import { importedCatalog, planEntry, planVersion, signOffStep } from '../../../db/schema'
import {
  OMU_EDM,
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
import type { PlanEntryRow, PlanStatus, PlanVersionView } from '../../../shared/ipc/channels/rrmp'
import { UserFacingError } from '../../../shared/ipc/result'

export type VersionRow = typeof planVersion.$inferSelect
type Stage = PlanVersionView['currentStage']

/** The catalogue a version was built from: the shipped OMU EDM (seed 002) or one imported in Settings. */
export function catalogFor(db: Db, id: string, version: string): EdmCatalog {
  if (id === OMU_EDM.id && version === OMU_EDM.version) return OMU_EDM
  const rows = db.select().from(importedCatalog).where(eq(importedCatalog.catalogId, id)).all()
  const row = rows.find((r) => r.version === version)
  if (row) {
    const loaded = loadCatalog(row.json)
    if (loaded.ok) return loaded.catalog
  }
  throw new UserFacingError('not_found', `The catalogue "${id}" version ${version} is not available in this installation. Import it in Settings, then try again.`)
}

export function versionRow(db: Db, versionId: number): VersionRow {
  const row = db.select().from(planVersion).where(eq(planVersion.id, versionId)).get()
  if (!row) throw new UserFacingError('not_found', 'That plan version does not exist. Reload the plan.')
  return row
}

export function latestVersionRow(db: Db): VersionRow | null {
  return db.select().from(planVersion).orderBy(desc(planVersion.version)).limit(1).get() ?? null
}

export function allVersionRows(db: Db): VersionRow[] {
  return db.select().from(planVersion).orderBy(desc(planVersion.version)).all()
}

export function entryRows(db: Db, versionId: number): PlanEntryRow[] {
  return db
    .select()
    .from(planEntry)
    .where(eq(planEntry.planVersionId, versionId))
    .all()
    .map((r) => ({ baselineId: r.baselineId, rev: r.rev, updatedAt: r.updatedAt, entry: rrmpPlanEntrySchema.parse(JSON.parse(r.data)) }))
}

export function entriesOf(rows: readonly PlanEntryRow[]): RrmpPlanEntry[] {
  return rows.map((r) => r.entry)
}

export function insertEntry(db: Db, versionId: number, entry: RrmpPlanEntry, now: string): void {
  db.insert(planEntry).values({ planVersionId: versionId, baselineId: entry.baselineId, data: JSON.stringify(entry), rev: 1, updatedAt: now }).run()
}

export function signOffHistory(db: Db, versionId: number): SignOffStep[] {
  return db
    .select()
    .from(signOffStep)
    .where(eq(signOffStep.planVersionId, versionId))
    .orderBy(asc(signOffStep.seq))
    .all()
    .map((r) => ({ stage: r.stage as SignOffStep['stage'], by: r.by, role: r.role, date: r.date, decision: r.decision as SignOffStep['decision'], comments: r.comments }))
}

export function appendSignOff(db: Db, versionId: number, step: SignOffStep, seq: number): void {
  db.insert(signOffStep).values({ planVersionId: versionId, seq, ...step }).run()
}

/**
 * Records a change to a version: its updated time always; its rev when its own fields change
 * (stages, sign-off), so an entry saved in one window never makes another window's stage change
 * a conflict.
 */
export function touchVersion(db: Db, versionId: number, now: string, fields: Partial<Pick<VersionRow, 'currentStage' | 'targetStage'>> | null = null): VersionRow {
  const row = versionRow(db, versionId)
  return db
    .update(planVersion)
    .set({ ...(fields ?? {}), rev: fields === null ? row.rev : row.rev + 1, updatedAt: now })
    .where(eq(planVersion.id, versionId))
    .returning()
    .get()
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

export function toVersionView(db: Db, row: VersionRow, latestId: number | null = latestVersionRow(db)?.id ?? null): PlanVersionView {
  const history = signOffHistory(db, row.id)
  const based = row.basedOnVersionId === null ? null : (db.select().from(planVersion).where(eq(planVersion.id, row.basedOnVersionId)).get() ?? null)
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
    ...statusOf(history, row.id === latestId),
    frozen: isFrozen(history),
    latest: row.id === latestId,
  }
}

/** Refuses any change to a submitted version (issue 4: a submitted version is frozen). */
export function assertEditable(db: Db, row: VersionRow): void {
  if (isFrozen(signOffHistory(db, row.id))) {
    throw new UserFacingError('frozen', `Version ${row.version} has been submitted, so it can no longer be changed. Start a new version to make changes.`)
  }
}
