import fs from 'node:fs'
import path from 'node:path'

// Issue 15: every file the app makes (the data file and its WAL, backups, the storage choice,
// exports written through a temp file) is readable by the signed-in account only: 0600 files and
// 0700 folders on Linux and macOS, by the process's umask, so no code path can forget it. Files
// left by earlier versions are tightened at start. On Windows the app's folders are in the user's
// profile (%APPDATA%), whose access list already admits only that user, SYSTEM and
// administrators (docs/SECURITY.md); POSIX modes do not apply there.

/** Group and others get nothing on anything the process creates. */
export const PRIVATE_UMASK = 0o077

export function keepFilesPrivate(dataDir: string, backupDir: string): void {
  if (process.platform === 'win32') return
  process.umask(PRIVATE_UMASK)
  for (const dir of [dataDir, backupDir]) {
    let names: string[]
    try {
      names = fs.readdirSync(dir)
    } catch {
      continue
    }
    chmod(dir, 0o700)
    for (const name of names) {
      const file = path.join(dir, name)
      // Only what the app makes: its data file and companions, backups, its settings files.
      if (/^omu[-.]|^storage\.json$/.test(name) && isFile(file)) chmod(file, 0o600)
    }
  }
}

function isFile(p: string): boolean {
  try {
    return fs.lstatSync(p).isFile()
  } catch {
    return false
  }
}

function chmod(p: string, mode: number): void {
  try {
    fs.chmodSync(p, mode)
  } catch {
    // Not ours to change (another owner): left as it is rather than stopping the app.
  }
}
