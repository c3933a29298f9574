import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'

// Backups are always taken with SQLite's online backup API (a consistent copy even while the
// store is open and in WAL mode), never by copying a live file.

export interface BackupInfo {
  path: string
  /** ISO timestamp (UTC) the backup was taken, from its file name. */
  takenAt: string
  label: string
}

const NAME = /^omu-(\d{8}T\d{6}Z)-([a-z0-9-]+)\.db$/

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')
}

function unstamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`
}

export async function takeBackup(sqlite: Database.Database, dir: string, label: string, now: Date): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true })
  let file = path.join(dir, `omu-${stamp(now)}-${label}.db`)
  // Two backups in one second (e.g. a migration straight after a manual backup) must not overwrite each other.
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `omu-${stamp(now)}-${label}-${n}.db`)
  await sqlite.backup(file)
  return { path: file, takenAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'), label }
}

/** Backups in `dir`, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return []
  const out: BackupInfo[] = []
  for (const name of fs.readdirSync(dir)) {
    const m = NAME.exec(name)
    if (m?.[1] && m[2]) out.push({ path: path.join(dir, name), takenAt: unstamp(m[1]), label: m[2] })
  }
  return out.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : b.path.localeCompare(a.path)))
}

/** True when the file opens as SQLite and passes `PRAGMA integrity_check`. */
export function isHealthy(file: string, nativeBinding?: string): boolean {
  let probe: Database.Database | undefined
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding })
    const rows = probe.pragma('integrity_check') as { integrity_check: string }[]
    return rows.length === 1 && rows[0]?.integrity_check === 'ok'
  } catch {
    return false
  } finally {
    probe?.close()
  }
}
