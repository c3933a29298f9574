import type Database from 'better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import fs from 'node:fs'
import path from 'node:path'
import { schemaMismatch } from './schemaCheck'
import { openSqliteFile, type SqliteAccess } from './sqliteFile'

// Backups are always taken by SQLite itself (VACUUM INTO: a consistent copy of one read
// transaction, even while the store is open and in WAL mode), never by copying a live file
// (issue 7). The copy is encrypted with the data file's own key (issue 15); the online backup API
// cannot write to a file it opens without a key, so it is not used.

export interface BackupInfo {
  path: string
  /** ISO timestamp (UTC) the backup was taken, from its file name. */
  takenAt: string
  /** Why it was taken: daily, manual, premigration, prerestore (a same-second '-2' suffix is dropped). */
  label: string
  /**
   * Issue 15: the order the app took its backups in, written into each backup (its SQLite
   * user_version), one more than the highest in the folder. Newest means highest, whatever the
   * clock said (a computer's clock can be wrong or set back); 0 for backups made before this.
   */
  seq: number
}

/** How far ahead of the clock a backup may be dated before it is flagged (clocks drift a little). */
const FUTURE_SLACK_MS = 5 * 60_000

/** A backup dated after `now`: flagged in the list, never taken as the latest (issue 15). */
export function isFutureDated(b: Pick<BackupInfo, 'takenAt'>, now: Date): boolean {
  return new Date(b.takenAt).getTime() > now.getTime() + FUTURE_SLACK_MS
}

/** Newest first: by the app's sequence, then (for backups made before it) by date, then name. */
export function newestFirst(a: BackupInfo, b: BackupInfo): number {
  if (a.seq !== b.seq) return b.seq - a.seq
  if (a.takenAt !== b.takenAt) return a.takenAt < b.takenAt ? 1 : -1
  return b.path.localeCompare(a.path)
}

/** Each backup's sequence, read once per version of its file. */
const sequences = new Map<string, { stamp: string; seq: number }>()

function sequenceOf(file: string, access: SqliteAccess): number {
  let stamp: string
  try {
    const st = fs.statSync(file)
    stamp = `${st.size}:${st.mtimeMs}`
  } catch {
    return 0
  }
  const cached = sequences.get(file)
  if (cached?.stamp === stamp) return cached.seq
  let seq = 0
  let probe: Database.Database | undefined
  try {
    probe = openSqliteFile(file, access, { readonly: true, fileMustExist: true })
    seq = Number(probe.pragma('user_version', { simple: true })) || 0
  } catch {
    seq = 0
  } finally {
    probe?.close()
  }
  sequences.set(file, { stamp, seq })
  return seq
}

const NAME = /^omu-(\d{8}T\d{6}Z)-([a-z0-9-]+)\.db$/
const PARTIAL = '.partial'

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')
}

function unstamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`
}

/**
 * An online backup of `sqlite` into `dir`. It is written under a temporary name and renamed into
 * place only when complete, so a crash mid-backup never leaves a half file that looks like a
 * backup. The copy is switched to a rollback journal so it is one self-contained file that can be
 * checked read-only without SQLite creating -wal/-shm files beside it.
 */
export function takeBackup(sqlite: Database.Database, dir: string, label: string, now: Date, access: SqliteAccess): BackupInfo {
  fs.mkdirSync(dir, { recursive: true })
  let file = path.join(dir, `omu-${stamp(now)}-${label}.db`)
  // Two backups in one second (e.g. a migration straight after a manual backup) must not overwrite each other.
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `omu-${stamp(now)}-${label}-${n}.db`)
  const partial = file + PARTIAL
  const seq = listBackups(dir, access).reduce((m, b) => Math.max(m, b.seq), 0) + 1
  try {
    sqlite.prepare('vacuum into ?').run(partial)
    const copy = openSqliteFile(partial, access, { fileMustExist: true })
    try {
      copy.pragma('journal_mode = DELETE')
      copy.pragma(`user_version = ${seq}`)
    } finally {
      copy.close()
    }
    fs.renameSync(partial, file)
  } catch (err) {
    removeDatabaseFile(partial)
    throw err
  }
  return { path: file, takenAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'), label, seq }
}

/** Backups in `dir`, newest first (`newestFirst`: by the app's sequence, not the clock). */
export function listBackups(dir: string, access: SqliteAccess): BackupInfo[] {
  if (!fs.existsSync(dir)) return []
  const out: BackupInfo[] = []
  for (const name of fs.readdirSync(dir)) {
    const m = NAME.exec(name)
    if (!m?.[1] || !m[2]) continue
    const file = path.join(dir, name)
    out.push({ path: file, takenAt: unstamp(m[1]), label: m[2].replace(/-\d+$/, ''), seq: sequenceOf(file, access) })
  }
  return out.sort(newestFirst)
}

/** Deletes an SQLite file (a backup, a restore's staging copy) and any WAL or journal files beside it. */
export function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true })
}

/** Leftovers of backups a crash interrupted (never complete, never listed): safe to delete. */
export function partialBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((n) => /^omu-.*\.db\.partial(-wal|-shm|-journal)?$/.test(n))
    .map((n) => path.join(dir, n))
}

/** True when the file opens as SQLite and passes `PRAGMA integrity_check`. */
export function isHealthy(file: string, access: SqliteAccess): boolean {
  let probe: Database.Database | undefined
  try {
    probe = openSqliteFile(file, access, { readonly: true, fileMustExist: true })
    const rows = probe.pragma('integrity_check') as { integrity_check: string }[]
    return rows.length === 1 && rows[0]?.integrity_check === 'ok'
  } catch {
    return false
  } finally {
    probe?.close()
  }
}

export type StoreFileProblem = 'not_a_store' | 'newer_version'

/**
 * Whether a (healthy) SQLite file is an OMU Desk data file this version can open: it records its
 * migrations, and none of them is newer than the ones this app ships. Null when it can be used.
 */
export function storeFileProblem(file: string, migrationsFolder: string, access: SqliteAccess): StoreFileProblem | null {
  let probe: Database.Database | undefined
  try {
    probe = openSqliteFile(file, access, { readonly: true, fileMustExist: true })
    const tables = probe.prepare("select name from sqlite_master where type = 'table' and name in ('__drizzle_migrations', 'establishment')").all()
    if (tables.length !== 2) return 'not_a_store'
    const row = probe.prepare('select max(created_at) as last from __drizzle_migrations').get() as { last: number | null }
    const newest = readMigrationFiles({ migrationsFolder }).reduce((m, k) => Math.max(m, k.folderMillis), 0)
    return Number(row.last ?? 0) > newest ? 'newer_version' : null
  } catch {
    return 'not_a_store'
  } finally {
    probe?.close()
  }
}

/**
 * Issue 15: null when the (healthy, this-version) file's tables, indexes, triggers and views are
 * exactly those OMU Desk makes for the version it records (db/schemaCheck.ts); otherwise the
 * sentence saying what differs.
 */
export function unexpectedSchema(file: string, migrationsFolder: string, access: SqliteAccess): string | null {
  let probe: Database.Database | undefined
  try {
    probe = openSqliteFile(file, access, { readonly: true, fileMustExist: true })
    return schemaMismatch(probe, migrationsFolder, access.nativeBinding)
  } catch {
    return 'It cannot be read as an OMU Desk data file.'
  } finally {
    probe?.close()
  }
}

/** When a backup file was taken, from its name; null for a file not named as the app names backups. */
export function backupTakenAt(file: string): string | null {
  const m = NAME.exec(path.basename(file))
  return m?.[1] ? unstamp(m[1]) : null
}
