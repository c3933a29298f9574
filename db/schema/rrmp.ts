import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

// RRMP (issues 4 and 6). Entries are stored as the engine's RrmpPlanEntry JSON and re-validated
// with its zod schema on every read and write, so the DB and the engine cannot drift apart.

export const planVersion = sqliteTable(
  'plan_version',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    version: integer('version').notNull(),
    currentStage: integer('current_stage').notNull(),
    targetStage: integer('target_stage').notNull(),
    catalogId: text('catalog_id').notNull(),
    catalogVersion: text('catalog_version').notNull(),
    basedOnVersionId: integer('based_on_version_id'),
    /** Optimistic concurrency for the version's own fields. */
    rev: integer('rev').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('plan_version_number').on(t.version)],
)

export const planEntry = sqliteTable(
  'plan_entry',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planVersionId: integer('plan_version_id').notNull().references(() => planVersion.id),
    baselineId: text('baseline_id').notNull(),
    /** RrmpPlanEntry as JSON. */
    data: text('data').notNull(),
    /** Optimistic concurrency: an edit names the rev it read; a stale rev is a conflict, not an overwrite. */
    rev: integer('rev').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('plan_entry_baseline').on(t.planVersionId, t.baselineId)],
)

export const signOffStep = sqliteTable(
  'sign_off_step',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planVersionId: integer('plan_version_id').notNull().references(() => planVersion.id),
    seq: integer('seq').notNull(),
    stage: text('stage').notNull(),
    by: text('by').notNull(),
    role: text('role').notNull(),
    date: text('date').notNull(),
    decision: text('decision').notNull(),
    comments: text('comments'),
    /** Issue 16: the signed-in user who recorded the step (a Governor on a board's behalf); null before migration 0016. */
    recordedBy: text('recorded_by'),
  },
  (t) => [uniqueIndex('sign_off_step_seq').on(t.planVersionId, t.seq), index('sign_off_step_version').on(t.planVersionId)],
)

/** EDM catalogues imported through Settings (the shipped ones live in shared/engine/omu/catalogues). */
export const importedCatalog = sqliteTable(
  'imported_catalog',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    catalogId: text('catalog_id').notNull(),
    version: text('version').notNull(),
    json: text('json').notNull(),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [uniqueIndex('imported_catalog_id_version').on(t.catalogId, t.version)],
)

/** Readiness exports from other establishments, imported read-only for comparison (a PGD's view). */
export const comparisonImport = sqliteTable('comparison_import', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  establishmentCode: text('establishment_code').notNull(),
  establishmentName: text('establishment_name').notNull(),
  exportedAt: text('exported_at').notNull(),
  json: text('json').notNull(),
  importedAt: text('imported_at').notNull(),
})
