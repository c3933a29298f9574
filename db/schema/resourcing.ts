import { sql } from 'drizzle-orm'
import { check, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { staff } from './caseload'

// Resourcing plan (issue 19; migration 0011_pom_capacity). Planned changes to the OMU's POM
// capacity over the coming weeks, as seed 002 describes for stages 3 to 1: probation staff
// returning, Band 4 staff returned to POM roles, leavers and new starters. The POMs' own capacity
// facts (band, working pattern, availability) are columns of `staff`.

/**
 * One planned change. `returning`, `leaving` and `hours_changed` belong to a POM on the staff
 * list (`staff_id`); `starting` is a new starter not yet on it (`staff_id` null), described by
 * `name`, `pom_type`, `band`, `hours_per_week` and `days_per_week`. Keep the kinds in step with
 * PLANNED_CHANGE_KINDS (shared/ipc/channels/resourcing.ts) and the checks below.
 */
export const pomPlannedChange = sqliteTable(
  'pom_planned_change',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id').references(() => staff.id),
    kind: text('kind').notNull(),
    /** The day the change takes effect ('YYYY-MM-DD'): back, first day gone, first day in post, new hours from. */
    date: text('date').notNull(),
    /** A new starter's label, e.g. "New probation POM". */
    name: text('name'),
    /** A new starter's type: 'prison' or 'probation'. */
    pomType: text('pom_type'),
    band: integer('band'),
    /** A new starter's hours, or a POM's new hours from `date`. */
    hoursPerWeek: real('hours_per_week'),
    daysPerWeek: real('days_per_week'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('pom_planned_change_staff').on(t.staffId, t.date),
    check('pom_planned_change_kind', sql`${t.kind} in ('returning', 'leaving', 'starting', 'hours_changed')`),
    // A new starter is not on the staff list yet; every other change is about someone who is.
    check('pom_planned_change_whose', sql`(${t.kind} = 'starting') = (${t.staffId} is null)`),
  ],
)
