import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { prisoner } from './caseload'

// Parole reviews (issues 17 and 20). Each review of a case: the hearing, its outcome when known,
// the day the outcome was received, and the next hearing the panel listed. The case engine's
// `targetHearingDate` and `paroleOutcome` are derived from these (shared/engine/case/paroleReviews.ts,
// ../shared/specs/handover-2023.md section 6). No free-text notes: dates and an outcome only.

/**
 * `release`: the Parole Board directed release; `refused` / `deferred`: not released (a further
 * review follows); `not_known`: no outcome recorded yet. Keep in step with PAROLE_OUTCOMES
 * (shared/ipc/values.ts) and the check below.
 */
export const paroleReview = sqliteTable(
  'parole_review',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    hearingDate: text('hearing_date').notNull(),
    outcome: text('outcome').notNull().default('not_known'),
    /** The day the outcome was received (spec section 6: a date alone counts as an outcome). */
    outcomeDate: text('outcome_date'),
    /** The next hearing the panel listed after a refusal or deferral, if set. */
    nextHearingDate: text('next_hearing_date'),
    /** Optimistic concurrency: a correction names the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('parole_review_prisoner').on(t.prisonerId, t.hearingDate),
    check('parole_review_outcome', sql`${t.outcome} in ('release', 'refused', 'deferred', 'not_known')`),
  ],
)
