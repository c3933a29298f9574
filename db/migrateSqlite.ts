import type Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

// Issue 18, "Migrations": SQLite's own procedure for changing a table's definition
// (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"), which
// drizzle-kit generates as CREATE TABLE __new_x ... DROP TABLE x ... ALTER TABLE __new_x RENAME TO x:
// foreign keys off, the change, `PRAGMA foreign_key_check`, foreign keys on. With them on, the
// DROP TABLE would run as a DELETE of every row, and ON DELETE CASCADE would empty the child
// tables. `PRAGMA foreign_keys` does nothing inside a transaction, so it is switched here, around
// drizzle's migrator (which applies every pending migration inside one BEGIN ... COMMIT), not in
// the migration's SQL.

export interface ForeignKeyViolation {
  table: string
  rowid: number | null
  parent: string
}

/** A migration left rows pointing at rows that do not exist; the file must not be used as it is. */
export class MigrationForeignKeyError extends Error {
  constructor(readonly violations: readonly ForeignKeyViolation[]) {
    const tables = [...new Set(violations.map((v) => v.table))].join(', ')
    super(`After the upgrade, ${violations.length} ${violations.length === 1 ? 'record refers' : 'records refer'} to records that do not exist (${tables}).`)
    this.name = 'MigrationForeignKeyError'
  }
}

/** The rows whose foreign keys point at nothing (`PRAGMA foreign_key_check`), whatever the foreign_keys setting. */
export function foreignKeyViolations(sqlite: Database.Database): ForeignKeyViolation[] {
  const rows = sqlite.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[]
  return rows.map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }))
}

/**
 * Applies the pending migrations in `migrationsFolder` with foreign keys off, checks every foreign
 * key afterwards, and switches them back on whatever happens. Throws MigrationForeignKeyError when
 * a migration left dangling references (the caller keeps the backup it took before migrating).
 */
export function migrateSqlite(sqlite: Database.Database, migrationsFolder: string): void {
  const wasOn = (sqlite.pragma('foreign_keys', { simple: true }) as number) === 1
  sqlite.pragma('foreign_keys = OFF')
  try {
    migrate(drizzle(sqlite, { schema }), { migrationsFolder })
    const violations = foreignKeyViolations(sqlite)
    if (violations.length > 0) throw new MigrationForeignKeyError(violations)
  } finally {
    if (wasOn) sqlite.pragma('foreign_keys = ON')
  }
}
