import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import { earlyAllocationAssessment, responsibilityOverride } from '../../../db/schema'
import type { Db, StoreConn } from '../../../db/store/types'
import type { EarlyAllocationAnswers, EarlyAllocationOutcomeValue, EarlyAllocationRecord, ResponsibilityOverrideRecord } from '../../../shared/engine'
import { UserFacingError } from '../../../shared/ipc/result'

// The case-work domain's store functions (issue 17; ../shared/specs/mpc-rules.md sections C and F):
// the only code that knows the early_allocation_assessment and responsibility_override tables.
// Handlers and the bulk case reads (caseload/load.ts) come here. Every query is the portable subset
// both backends run (drizzle's builder, or `?`-parameter SQL).

export type AssessmentRecord = typeof earlyAllocationAssessment.$inferSelect
export type AssessmentValues = typeof earlyAllocationAssessment.$inferInsert
export type OverrideRecord = typeof responsibilityOverride.$inferSelect
export type OverrideValues = typeof responsibilityOverride.$inferInsert

/** What the case engine and the lists read of a case's case work (CaseRecord.caseWork). */
export interface CaseWorkFacts {
  /** Oldest first (spec C.5 `assessments`). */
  earlyAllocation: EarlyAllocationRecord[]
  /** Every override not ended early, oldest first; which is in force depends on the day (overrideOn). */
  overrides: (ResponsibilityOverrideRecord & { reason: string })[]
}

export const NO_CASE_WORK: CaseWorkFacts = { earlyAllocation: [], overrides: [] }

export function answersOf(r: AssessmentRecord): EarlyAllocationAnswers {
  return JSON.parse(r.answers) as EarlyAllocationAnswers
}

export function toEarlyAllocationRecord(r: Pick<AssessmentRecord, 'createdOn' | 'outcome' | 'createdWithinReferralWindow' | 'communityDecision'>): EarlyAllocationRecord {
  return { createdOn: r.createdOn, outcome: r.outcome as EarlyAllocationOutcomeValue, createdWithinReferralWindow: r.createdWithinReferralWindow, communityDecision: r.communityDecision }
}

// ---- Early allocation assessments --------------------------------------------------------------

/** A case's assessments, oldest first (the order spec C.5 reads them in). */
export async function assessmentsOf(db: Db, prisonerId: number): Promise<AssessmentRecord[]> {
  return db.select().from(earlyAllocationAssessment).where(eq(earlyAllocationAssessment.prisonerId, prisonerId)).orderBy(asc(earlyAllocationAssessment.createdOn), asc(earlyAllocationAssessment.id)).all()
}

export async function insertAssessment(db: Db, values: AssessmentValues): Promise<AssessmentRecord> {
  return db.insert(earlyAllocationAssessment).values(values).returning().get()
}

export async function setCommunityDecision(db: Db, id: number, decision: boolean, on: string, by: string): Promise<AssessmentRecord> {
  const row = await db
    .update(earlyAllocationAssessment)
    .set({ communityDecision: decision, communityDecisionOn: on, communityDecisionBy: by })
    .where(eq(earlyAllocationAssessment.id, id))
    .returning()
    .get()
  if (!row) throw new UserFacingError('not_found', 'That assessment is not on record. Reload the case.', 'assessmentId')
  return row
}

// ---- Responsibility overrides ------------------------------------------------------------------

/** A case's overrides, newest first. */
export async function overridesOf(db: Db, prisonerId: number): Promise<OverrideRecord[]> {
  return db.select().from(responsibilityOverride).where(eq(responsibilityOverride.prisonerId, prisonerId)).orderBy(desc(responsibilityOverride.startDate), desc(responsibilityOverride.id)).all()
}

/** Overrides of the case not ended early (some may be past their end date). */
export async function openOverridesOf(db: Db, prisonerId: number): Promise<OverrideRecord[]> {
  return db
    .select()
    .from(responsibilityOverride)
    .where(and(eq(responsibilityOverride.prisonerId, prisonerId), isNull(responsibilityOverride.endedOn)))
    .orderBy(asc(responsibilityOverride.startDate), asc(responsibilityOverride.id))
    .all()
}

export async function insertOverride(db: Db, values: OverrideValues): Promise<OverrideRecord> {
  return db.insert(responsibilityOverride).values(values).returning().get()
}

export async function endOverrideOn(db: Db, id: number, endedOn: string): Promise<OverrideRecord> {
  const row = await db.update(responsibilityOverride).set({ endedOn }).where(eq(responsibilityOverride.id, id)).returning().get()
  if (!row) throw new UserFacingError('not_found', 'That override is not on record. Reload the case.', 'prisonerId')
  return row
}

// ---- Bulk reads for the case engine ------------------------------------------------------------

/**
 * The case work of the prisoners `scope` selects (SQL giving prisoner ids, with its `?`
 * parameters), for the bulk case reads (caseload/load.ts): each case's assessments oldest first,
 * and its overrides not ended early. Two small reads beside the prisoners' own: only assessed or
 * overridden cases have rows.
 */
export async function caseWorkOf(conn: StoreConn, scope: string, params: readonly (number | string)[]): Promise<Map<number, CaseWorkFacts>> {
  const out = new Map<number, CaseWorkFacts>()
  const of = (id: number): CaseWorkFacts => {
    let f = out.get(id)
    if (!f) {
      f = { earlyAllocation: [], overrides: [] }
      out.set(id, f)
    }
    return f
  }
  const assessments = await conn.sql.rows<[number, string, string, number, number | null]>(
    `select prisoner_id, created_on, outcome, created_within_referral_window, community_decision from early_allocation_assessment where prisoner_id in (${scope}) order by created_on, id`,
    [...params],
  )
  for (const [prisonerId, createdOn, outcome, within, decision] of assessments) {
    of(prisonerId).earlyAllocation.push({ createdOn, outcome: outcome as EarlyAllocationOutcomeValue, createdWithinReferralWindow: within === 1, communityDecision: decision === null ? null : decision === 1 })
  }
  const overrides = await conn.sql.rows<[number, string, string, string | null, string]>(
    `select prisoner_id, responsibility, start_date, end_date, reason from responsibility_override where ended_on is null and prisoner_id in (${scope}) order by start_date, id`,
    [...params],
  )
  for (const [prisonerId, responsibility, startDate, endDate, reason] of overrides) {
    of(prisonerId).overrides.push({ responsibility: responsibility as 'pom' | 'com', startDate, endDate, endedOn: null, reason })
  }
  return out
}
