import { desc, eq } from 'drizzle-orm'
import { paroleReview } from '../../../db/schema'
import type { Db, StoreConn } from '../../../db/store/types'
import type { ParoleReviewFacts, ParoleReviewOutcome } from '../../../shared/engine/case/paroleReviews'
import type { ParoleReview } from '../../../shared/ipc/channels/parole'
import { UserFacingError } from '../../../shared/ipc/result'

// The parole domain's store functions (issues 17 and 20): the only code that knows the
// parole_review table. Handlers and the case reads (caseload/load.ts) come here. Every query is the
// portable subset both backends run (drizzle's builder, or `?`-parameter SQL).

export type ParoleReviewRecord = typeof paroleReview.$inferSelect
export type ParoleReviewValues = typeof paroleReview.$inferInsert

export function toParoleReview(r: ParoleReviewRecord): ParoleReview {
  return {
    id: r.id,
    prisonerId: r.prisonerId,
    hearingDate: r.hearingDate,
    outcome: r.outcome as ParoleReviewOutcome,
    outcomeDate: r.outcomeDate,
    nextHearingDate: r.nextHearingDate,
    version: r.version,
  }
}

/** A case's reviews, latest hearing first (of two on one day, the one recorded last first). */
export async function reviewsOfCase(db: Db, prisonerId: number): Promise<ParoleReviewRecord[]> {
  return db.select().from(paroleReview).where(eq(paroleReview.prisonerId, prisonerId)).orderBy(desc(paroleReview.hearingDate), desc(paroleReview.id)).all()
}

export async function requireReview(db: Db, id: number): Promise<ParoleReviewRecord> {
  const row = await db.select().from(paroleReview).where(eq(paroleReview.id, id)).get()
  if (!row) throw new UserFacingError('not_found', 'That parole review is not on record. Reload the case.', 'reviewId')
  return row
}

export async function insertReview(db: Db, values: ParoleReviewValues): Promise<ParoleReviewRecord> {
  return db.insert(paroleReview).values(values).returning().get()
}

export async function updateReview(db: Db, id: number, values: Partial<ParoleReviewValues>): Promise<ParoleReviewRecord | undefined> {
  return db.update(paroleReview).set(values).where(eq(paroleReview.id, id)).returning().get()
}

/**
 * The reviews of the prisoners `scope` selects (SQL giving prisoner ids, with its `?` parameters),
 * in the order they were recorded, for the bulk case reads (caseload/load.ts). Raw rows: one small
 * read beside the prisoners' own.
 */
export async function paroleReviewsOf(conn: StoreConn, scope: string, params: readonly (number | string)[]): Promise<[number, ParoleReviewFacts][]> {
  const rows = await conn.sql.rows<[number, string, string, string | null, string | null]>(
    `select prisoner_id, hearing_date, outcome, outcome_date, next_hearing_date from parole_review where prisoner_id in (${scope}) order by id`,
    [...params],
  )
  return rows.map(([prisonerId, hearingDate, outcome, outcomeDate, nextHearingDate]) => [prisonerId, { hearingDate, outcome: outcome as ParoleReviewOutcome, outcomeDate, nextHearingDate }])
}
