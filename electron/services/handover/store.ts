import { eq } from 'drizzle-orm'
import { comHandover } from '../../../db/schema'
import type { Db } from '../../../db/store/types'
import type { ChecklistTask } from '../../../shared/engine'
import type { ComDetails } from '../../../shared/ipc/channels/handover'
import { UserFacingError } from '../../../shared/ipc/result'

// The handover domain's store (issue 17): the only code that knows the com_handover table (one row
// per case: COM details, VLO contact, checklist with who/when, the D.5 state and community
// notified). Portable drizzle queries that both backends run.

export type ComHandoverRecord = typeof comHandover.$inferSelect
type Values = typeof comHandover.$inferInsert

/** The table's columns of each checklist task (../shared/specs/mpc-rules.md D.1). */
export const TASK_COLUMNS = {
  reviewedOasys: { done: 'reviewedOasys', by: 'reviewedOasysBy', at: 'reviewedOasysAt' },
  contactedCom: { done: 'contactedCom', by: 'contactedComBy', at: 'contactedComAt' },
  attendedHandoverMeeting: { done: 'attendedHandoverMeeting', by: 'attendedHandoverMeetingBy', at: 'attendedHandoverMeetingAt' },
  sentHandoverReport: { done: 'sentHandoverReport', by: 'sentHandoverReportBy', at: 'sentHandoverReportAt' },
} as const satisfies Record<ChecklistTask, { done: keyof Values; by: keyof Values; at: keyof Values }>

export function detailsOf(r: ComHandoverRecord | undefined): ComDetails {
  return {
    comName: r?.comName ?? null,
    comEmail: r?.comEmail ?? null,
    comPhone: r?.comPhone ?? null,
    comTeam: r?.comTeam ?? null,
    pdu: r?.pdu ?? null,
    ldu: r?.ldu ?? null,
    lduEmail: r?.lduEmail ?? null,
    comAllocatedOn: r?.comAllocatedOn ?? null,
    vloName: r?.vloName ?? null,
    vloContact: r?.vloContact ?? null,
    vloLastContactOn: r?.vloLastContactOn ?? null,
  }
}

export async function readComHandover(db: Db, prisonerId: number): Promise<ComHandoverRecord | undefined> {
  return db.select().from(comHandover).where(eq(comHandover.prisonerId, prisonerId)).get()
}

/** Every case's row, by prisoner id (the handover lists read them all at once). */
export async function comHandoversByPrisoner(db: Db): Promise<Map<number, ComHandoverRecord>> {
  const rows = await db.select().from(comHandover).all()
  return new Map(rows.map((r) => [r.prisonerId, r]))
}

/** Optimistic concurrency: the row must still be at the version the user read (null: no row yet). */
export function refuseUnlessVersion(existing: ComHandoverRecord | undefined, expectedVersion: number | null): void {
  if ((existing?.version ?? null) !== expectedVersion) {
    throw new UserFacingError('conflict', 'Someone else changed these handover details since you opened them. Reload the page to see their changes, then make yours again.')
  }
}

/**
 * Writes `values` to the case's row, creating it when there is none. `expectedVersion` (optimistic
 * concurrency, as prisoners.update): the version the user read, null for a case with no row yet;
 * undefined skips the check (changes the system makes itself, and ticks that change one task).
 */
export async function writeComHandover(db: Db, prisonerId: number, values: Partial<Values>, updatedAt: string, expectedVersion?: number | null): Promise<ComHandoverRecord> {
  const existing = await readComHandover(db, prisonerId)
  if (expectedVersion !== undefined) refuseUnlessVersion(existing, expectedVersion)
  if (!existing) return db.insert(comHandover).values({ ...values, prisonerId, updatedAt }).returning().get()
  const row = await db
    .update(comHandover)
    .set({ ...values, version: existing.version + 1, updatedAt })
    .where(eq(comHandover.id, existing.id))
    .returning()
    .get()
  if (!row) throw new UserFacingError('conflict', 'Someone else changed these handover details at the same time. Reload the page and try again.')
  return row
}
