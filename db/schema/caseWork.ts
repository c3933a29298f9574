import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { prisoner } from './caseload'

// Case work (issue 17): early allocation assessments and HOMD responsibility overrides
// (../shared/specs/mpc-rules.md sections C and F). Kept as written: an assessment is never edited
// except to record the community's decision later; an override is ended, never deleted.

/**
 * One early allocation assessment (spec C; section F "Per assessment"). `answers` is the JSON of
 * the eleven questions (EarlyAllocationAnswers, null where not asked). `outcome` is the engine's
 * (earlyAllocationOutcome) when it was saved; `created_within_referral_window` is C.4 on `created_on`.
 */
export const earlyAllocationAssessment = sqliteTable(
  'early_allocation_assessment',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    answers: text('answers').notNull(),
    oasysDate: text('oasys_date').notNull(),
    createdOn: text('created_on').notNull(),
    outcome: text('outcome').notNull(),
    createdWithinReferralWindow: integer('created_within_referral_window', { mode: 'boolean' }).notNull(),
    /** The community probation team's decision on a discretionary case (null: not yet). */
    communityDecision: integer('community_decision', { mode: 'boolean' }),
    communityDecisionOn: text('community_decision_on'),
    communityDecisionBy: text('community_decision_by'),
    /** Discretionary: the reason the case should be referred, and the HOMD's approval (spec C.1). */
    reason: text('reason').notNull().default(''),
    approved: integer('approved', { mode: 'boolean' }).notNull().default(false),
    /** Who assessed: the signed-in user's display name, and their user id when there is one. */
    assessor: text('assessor').notNull(),
    assessorUserId: integer('assessor_user_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('early_allocation_prisoner').on(t.prisonerId, t.createdOn),
    check('early_allocation_outcome', sql`${t.outcome} in ('eligible', 'discretionary', 'ineligible')`),
  ],
)

/**
 * A HOMD's override of who is responsible for a case (issue 17 "Responsibility override"): in
 * force from `start_date` until the day before `end_date` (null: until ended), or until
 * `ended_on` when ended early. The engine's own answer is always shown beside it.
 */
export const responsibilityOverride = sqliteTable(
  'responsibility_override',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    responsibility: text('responsibility').notNull(),
    reason: text('reason').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    endedOn: text('ended_on'),
    setBy: text('set_by').notNull(),
    setByUserId: integer('set_by_user_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('responsibility_override_prisoner').on(t.prisonerId, t.startDate),
    check('responsibility_override_value', sql`${t.responsibility} in ('pom', 'com')`),
  ],
)
