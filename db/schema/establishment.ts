import { sql } from 'drizzle-orm'
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** The one establishment this installation serves (a single row, id = 1). */
export const establishment = sqliteTable(
  'establishment',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    category: text('category').notNull(),
    // EDM stage 4 (Red/lockdown) to 1 (Prepare), seed 002.
    currentStage: integer('current_stage').notNull().default(4),
    targetStage: integer('target_stage').notNull().default(3),
    policy: text('policy').notNull().default('omic2021'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    check('establishment_single_row', sql`${t.id} = 1`),
    check('establishment_stages', sql`${t.currentStage} between 1 and 4 and ${t.targetStage} between 1 and 4`),
  ],
)

/** Installation-wide settings as JSON values by key. */
export const appSetting = sqliteTable('app_setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})
