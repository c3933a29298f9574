import { and, eq, inArray, isNull } from 'drizzle-orm'
import { allocation, comHandover } from '../../../db/schema'
import type { StoreConn } from '../../../db/store/types'
import type { User } from '../../../shared/ipc/channels/auth'
import type { AuditRecord } from '../audit'
import { evalSettings } from '../caseload/context'
import { loadCases } from '../caseload/load'
import { verdictFor } from '../caseload/verdict'
import { readEstablishment } from '../establishment/store'
import { TASK_COLUMNS, writeComHandover, type ComHandoverRecord } from './store'
import { caseHandover, handoverContext } from './view'

// ../shared/specs/mpc-rules.md D.5 (checklistReset): "Call it on each recalculation (dates change;
// first evaluation of the day), then store `after` as the next `before`. On `reset`, set all four
// tasks false, keep the record, audit a system change." Without this the reset was only worked
// out for display, so ticks came back when the case returned to the COM with no write in between.
//
// It runs (1) in the same transaction as every write that can change a case's handover (facts,
// parole reviews, early allocation, imports, the policy), for the cases written; and (2) once a day
// per desk, before the first request of a user who may write handover records (dispatcher.ts):
// a POM's session reconciles the cases allocated to them (all the shared database's row policy
// lets a POM change: migration 0010_com_handover), a HOMD's or HOMS's every case. Only cases with
// a handover record are looked at: with none there are no ticks to clear and no state to keep.

/** The audit trail's name for the changes the app makes itself to a case's handover record. */
export const HANDOVER_RECALCULATED = 'omu:handover.recalculated'

export interface ReconcileContext {
  store: StoreConn
  today: string
  now: Date
  /** The signed-in user in whose session the check ran (named in the audit row). */
  actor: User | null
  audit(rec: AuditRecord): void
}

export type ReconcileScope = { prisonerIds: readonly number[] } | { pomStaffId: number } | 'all'

const TASKS = Object.keys(TASK_COLUMNS) as (keyof typeof TASK_COLUMNS)[]

async function rowsIn(conn: StoreConn, scope: ReconcileScope): Promise<ComHandoverRecord[]> {
  if (scope !== 'all' && 'prisonerIds' in scope) {
    if (scope.prisonerIds.length === 0) return []
    return conn.db.select().from(comHandover).where(inArray(comHandover.prisonerId, [...scope.prisonerIds])).all()
  }
  if (scope !== 'all') {
    // A POM's daily run: only the records of the cases allocated to them, not every record read
    // and most dropped (30 POMs signing in at once on a shared database of 20,000 cases).
    const mine = conn.db.select({ id: allocation.prisonerId }).from(allocation).where(and(eq(allocation.staffId, scope.pomStaffId), isNull(allocation.endDate)))
    return conn.db.select().from(comHandover).where(inArray(comHandover.prisonerId, mine)).all()
  }
  return conn.db.select().from(comHandover).all()
}

/** One case whose stored handover state differs from the live one (spec D.5), with what to store. */
interface Pending {
  prisonerId: number
  row: ComHandoverRecord
  before: { responsibility: string | null; comResponsibleDate: string | null }
  after: { responsibility: 'pom' | 'pom_with_com' | 'com'; comResponsibleDate: string | null }
  reset: boolean
}

/** The cases in `scope` whose record must change (read only: nothing is written here). */
async function pendingIn(conn: StoreConn, today: string, scope: ReconcileScope): Promise<Pending[]> {
  const rows = await rowsIn(conn, scope)
  if (rows.length === 0 || !(await readEstablishment(conn.db))) return []
  const s = await evalSettings(conn.db, today)
  const byPrisoner = new Map(rows.map((r) => [r.prisonerId, r]))
  const records = await loadCases(conn, { prisonerIds: [...byPrisoner.keys()] }, s)
  const out: Pending[] = []
  for (const rec of records) {
    // A POM's session changes only the cases allocated to them (the shared database's row policy).
    if (scope !== 'all' && 'pomStaffId' in scope && rec.current?.staffId !== scope.pomStaffId) continue
    const row = byPrisoner.get(rec.prisoner.id)
    const v = verdictFor(rec, s)
    if (!row || !v.ok) continue
    const after = { responsibility: v.evaluation.responsibility, comResponsibleDate: v.evaluation.handover.comResponsibleDate }
    const before = { responsibility: row.lastResponsibility, comResponsibleDate: row.lastComResponsibleDate }
    const reset = caseHandover(rec.prisoner, v.evaluation, row, today, handoverContext(rec, s)).reset
    if (!reset && before.responsibility === after.responsibility && before.comResponsibleDate === after.comResponsibleDate) continue
    out.push({ prisonerId: rec.prisoner.id, row, before, after, reset })
  }
  return out
}

/**
 * The prisoners in `scope` whose handover record a reconcile would change, worked out in a read:
 * the daily run takes a write (and on the shared database the writers' turn) only when there are some.
 */
export async function handoversToReconcile(conn: StoreConn, today: string, scope: ReconcileScope): Promise<number[]> {
  return (await pendingIn(conn, today, scope)).map((p) => p.prisonerId)
}

/**
 * Spec D.5 for the cases in `scope`: stores each case's live handover state as the next `before`
 * and, where `checklistReset` says so, clears the ticks (the record kept) with a system audit row.
 * `auditState`: also audit a state stored without a reset (the daily run, which no other audited
 * write accompanies). Returns the prisoners whose record changed.
 */
export async function reconcileHandovers(ctx: ReconcileContext, scope: ReconcileScope, opts: { auditState?: boolean } = {}): Promise<number[]> {
  const conn = ctx.store
  const changed: number[] = []
  for (const { prisonerId, row, before, after, reset } of await pendingIn(conn, ctx.today, scope)) {
    const state = { lastResponsibility: after.responsibility, lastComResponsibleDate: after.comResponsibleDate }
    if (reset) {
      // "Set all four tasks false, keep the record": a change the user sees, so the version moves on.
      const cleared = Object.fromEntries(Object.values(TASK_COLUMNS).flatMap((c) => [[c.done, false], [c.by, null], [c.at, null]]))
      await writeComHandover(conn.db, prisonerId, { ...cleared, ...state }, ctx.now.toISOString())
      const wasTicked = TASKS.filter((t) => row[TASK_COLUMNS[t].done])
      ctx.audit({
        entity: 'prisoner',
        entityId: prisonerId,
        channel: HANDOVER_RECALCULATED,
        before: { handoverChecklist: { ticked: wasTicked }, handoverState: before },
        after: {
          handoverChecklist: { ticked: [] },
          handoverState: after,
          checklistReset: true,
          // Spec D.5 (a) responsibility went back to the POM, or (b) the handover date moved away.
          why: before.responsibility !== after.responsibility ? 'responsibility_back_to_pom' : 'handover_date_moved',
          changedBy: 'system',
          inSessionOf: ctx.actor?.username ?? null,
        },
      })
    } else {
      // Bookkeeping only: the version (what a user's form was read at) stays.
      await conn.db.update(comHandover).set(state).where(eq(comHandover.id, row.id)).run()
      if (opts.auditState) {
        ctx.audit({ entity: 'prisoner', entityId: prisonerId, channel: HANDOVER_RECALCULATED, before: { handoverState: before }, after: { handoverState: after, checklistReset: false, changedBy: 'system', inSessionOf: ctx.actor?.username ?? null } })
      }
    }
    changed.push(prisonerId)
  }
  return changed
}
