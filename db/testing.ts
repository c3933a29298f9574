import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore, type OpenedStore } from './bootstrap'
import { fileURLToPath } from 'node:url'
import { migrationsFolderFrom } from './paths'
import type { SqliteAccess } from './sqliteFile'

/** The repo root, for tests and scripts run from the source tree. */
export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
}

/** Test hook: a fixed data key, so tests can open the encrypted files the app writes (issue 15). */
export const TEST_ACCESS: SqliteAccess = { key: Buffer.alloc(32, 0x5a) }

/** Test hook: a fresh real SQLite file in its own temp dir, with the real migrations applied. */
export async function openTestStore(): Promise<OpenedStore & { dir: string; cleanup(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-test-'))
  const opened = await openStore(path.join(dir, 'omu.db'), {
    migrationsFolder: migrationsFolderFrom(repoRoot()),
    backupDir: path.join(dir, 'backups'),
    access: TEST_ACCESS,
  })
  return {
    ...opened,
    dir,
    async cleanup() {
      await opened.store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
