import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { prisoner, staff } from './caseload'

// Co-working (issue 17, "a co-working second POM per case"): a second POM who works a case beside
// its allocated POM. Kept as its own history, like allocations: ending a co-working sets its end
// date, never deletes the row. The case's minima stay the allocated POM's (seed 003 Annex B 3.2:
// "only one professional (POM or COM) can be responsible for the management of a prisoner at any
// time"); the co-worker sees the case in their caseload marked co-working. Migration
// 0014_first_allocation_coworking.

export const coWorking = sqliteTable(
  'co_working',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    reason: text('reason').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('co_working_prisoner').on(t.prisonerId, t.startDate),
    index('co_working_staff_open').on(t.staffId, t.endDate),
    // At most one co-working POM at a time per case.
    uniqueIndex('co_working_one_open').on(t.prisonerId).where(sql`${t.endDate} is null`),
  ],
)
