import { and, desc, eq, isNull } from 'drizzle-orm'
import { coWorking } from '../../../db/schema'
import type { Db } from '../../../db/store/types'

// Co-working second POMs (issue 17): the only code that knows the co_working table. History is
// kept as for allocations: ending a co-working sets its end date, never deletes the row (only a
// retention purge does, with the rest of the person's records: trust/store.ts).

export type CoWorkingRecord = typeof coWorking.$inferSelect
export type CoWorkingValues = typeof coWorking.$inferInsert

/** A case's co-workings, latest first. */
export async function coWorkingsOf(db: Db, prisonerId: number): Promise<CoWorkingRecord[]> {
  return db.select().from(coWorking).where(eq(coWorking.prisonerId, prisonerId)).orderBy(desc(coWorking.startDate), desc(coWorking.id)).all()
}

/** The case's open (current) co-working, if any. */
export async function openCoWorking(db: Db, prisonerId: number): Promise<CoWorkingRecord | undefined> {
  return db
    .select()
    .from(coWorking)
    .where(and(eq(coWorking.prisonerId, prisonerId), isNull(coWorking.endDate)))
    .get()
}

export async function insertCoWorking(db: Db, values: CoWorkingValues): Promise<CoWorkingRecord> {
  return db.insert(coWorking).values(values).returning().get()
}

/** Ends a co-working on `endDate` (the only change a co-working row ever takes). */
export async function endCoWorking(db: Db, id: number, endDate: string): Promise<CoWorkingRecord | undefined> {
  return db.update(coWorking).set({ endDate }).where(eq(coWorking.id, id)).returning().get()
}
