import type Database from 'better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import fs from 'node:fs'
import path from 'node:path'
import { takeBackup, type BackupInfo } from './backups'
import { MigrationForeignKeyError, migrateSqlite } from './migrateSqlite'
import { chainLegacyAuditRows } from './auditChain'
import { schemaMismatch } from './schemaCheck'
import { SqliteStore } from './store/sqlite'
import { openSqliteFile, WrongKeyError, type SqliteAccess } from './sqliteFile'

// The one place the SQLite store is opened: pragmas, health check, backup-before-migrate,
// migrations, close. Everything else receives an open Store.

export type { Db } from './store/types'

export interface OpenStoreOptions {
  migrationsFolder: string
  backupDir: string
  /** The driver build and the data key (issue 15: the app's files are encrypted; null only for a plain file). */
  access: SqliteAccess
  now?: () => Date
}

/**
 * key_unavailable: the file is encrypted with a key this computer's account does not hold (a file
 * or laptop moved, a new Windows profile): the recovery key opens it. no_key_protection: the
 * operating system offers no protected store for the key, so the app will not create one (issue 15).
 */
export type StoreProblemKind = 'corrupt' | 'unreadable' | 'newer_version' | 'unexpected_schema' | 'busy' | 'key_unavailable' | 'no_key_protection'

/** The store cannot be used as it is; the app shows the recovery page instead of continuing. */
export class StoreOpenError extends Error {
  constructor(
    readonly kind: StoreProblemKind,
    message: string,
  ) {
    super(message)
    this.name = 'StoreOpenError'
  }
}

export interface OpenedStore {
  store: SqliteStore
  /** Migrations applied on this open (0 when the file was already current). */
  migrationsApplied: number
  /** Backup taken before migrating an existing file, if any. */
  preMigrationBackup: BackupInfo | null
}

const BUSY_TIMEOUT_MS = 5000

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  // NORMAL is durable in WAL mode against application crashes (only a power cut can lose the last commit).
  sqlite.pragma('synchronous = NORMAL')
}

function checkHealth(sqlite: Database.Database, file: string): void {
  let result: string
  try {
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[]
    result = rows.map((r) => r.quick_check).join('; ')
  } catch (err) {
    const code = (err as { code?: string }).code ?? ''
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new StoreOpenError('busy', `The data file at ${file} is in use by another program (it stayed locked for ${BUSY_TIMEOUT_MS / 1000} seconds). Close other copies of OMU Desk or any program that has it open, then try again.`)
    }
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StoreOpenError('corrupt', `The data file at ${file} is damaged or is not an OMU Desk data file.`)
    }
    throw new StoreOpenError('unreadable', `The data file at ${file} could not be read (${code || 'unknown error'}).`)
  }
  if (result !== 'ok') {
    throw new StoreOpenError('corrupt', `The data file at ${file} failed its integrity check.`)
  }
}

interface MigrationState {
  pending: number
  /** True when the file records a migration this app version does not know (written by a newer version). */
  newer: boolean
  hasUserTables: boolean
}

function migrationState(sqlite: Database.Database, migrationsFolder: string): MigrationState {
  const known = readMigrationFiles({ migrationsFolder })
  const hasTable = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get()
  const hasUserTables =
    sqlite.prepare("select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'").get() as { n: number }
  if (!hasTable) return { pending: known.length, newer: false, hasUserTables: hasUserTables.n > 0 }
  const applied = sqlite.prepare('select created_at as createdAt from __drizzle_migrations').all() as { createdAt: number }[]
  const last = applied.reduce((m, r) => Math.max(m, Number(r.createdAt)), 0)
  const newest = known.reduce((m, k) => Math.max(m, k.folderMillis), 0)
  return { pending: known.filter((k) => k.folderMillis > last).length, newer: last > newest, hasUserTables: true }
}

/**
 * Opens (creating on first run) the store at `file`: health check, WAL + foreign keys + busy
 * timeout, then pending migrations in one transaction after an online backup of the existing file.
 */
export async function openStore(file: string, opts: OpenStoreOptions): Promise<OpenedStore> {
  const now = opts.now ?? (() => new Date())
  let sqlite: Database.Database
  try {
    sqlite = openSqliteFile(file, opts.access)
  } catch (err) {
    if (err instanceof WrongKeyError) {
      // With this account's own key (its fingerprint checked), an unreadable first page is most often damage; a file copied in from another computer reads the same.
      throw new StoreOpenError('corrupt', `The data file at ${file} cannot be read: it is damaged, or it was encrypted on another computer. Restore a backup, or enter that file's recovery key.`)
    }
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new StoreOpenError('busy', `The data file at ${file} is in use by another program (it stayed locked for ${BUSY_TIMEOUT_MS / 1000} seconds). Close other copies of OMU Desk or any program that has it open, then try again.`)
    }
    const code = (err as { code?: string }).code ?? 'unknown error'
    throw new StoreOpenError('unreadable', `The data file at ${file} could not be opened (${code}).`)
  }
  try {
    // Waiting for a lock first: a file another program holds for a moment is busy, not damaged (issue 15).
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    checkHealth(sqlite, file)
    applyPragmas(sqlite)
    const state = migrationState(sqlite, opts.migrationsFolder)
    if (state.newer) {
      throw new StoreOpenError(
        'newer_version',
        `The data file at ${file} was written by a newer version of OMU Desk. Install the newer version to open it.`,
      )
    }
    // Issue 15: only a file whose tables, indexes, triggers and views are exactly this app's.
    const mismatch = schemaMismatch(sqlite, opts.migrationsFolder, opts.access.nativeBinding)
    if (mismatch) throw new StoreOpenError('unexpected_schema', `The data file at ${file} cannot be used. ${mismatch} Restore a backup, or ask IT to look at the file.`)
    let preMigrationBackup: BackupInfo | null = null
    if (state.pending > 0 && state.hasUserTables) {
      preMigrationBackup = takeBackup(sqlite, opts.backupDir, 'premigration', now(), opts.access)
    }
    // drizzle's SQLite migrator applies every pending migration inside one BEGIN ... COMMIT, with
    // foreign keys off around it and every foreign key checked after it (issue 18, db/migrateSqlite.ts).
    if (state.pending > 0) {
      try {
        migrateSqlite(sqlite, opts.migrationsFolder)
      } catch (err) {
        if (!(err instanceof MigrationForeignKeyError)) throw err
        const restore = preMigrationBackup ? `Restore the backup taken before the upgrade (${path.basename(preMigrationBackup.path)})` : 'Restore a backup'
        throw new StoreOpenError('unexpected_schema', `The data file at ${file} cannot be used. ${err.message} ${restore}, or ask IT to look at the file.`)
      }
    }
    // Issue 15: a trail written before migration 0009 is chained at this open (db/auditChain.ts).
    chainLegacyAuditRows(sqlite)
    return { store: new SqliteStore(file, sqlite), migrationsApplied: state.pending, preMigrationBackup }
  } catch (err) {
    sqlite.close()
    throw err
  }
}

/** Whether a file exists and is non-empty (an empty file is a fresh store, not a damaged one). */
export function storeFileExists(file: string): boolean {
  try {
    return fs.statSync(file).size > 0
  } catch {
    return false
  }
}
