import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, StoreOpenError } from '../../db/bootstrap'
import { listBackups } from '../../db/backups'
import { migrationsFolderFrom } from '../../db/paths'
import { openTestStore, repoRoot, TEST_ACCESS } from '../../db/testing'
import { openSqliteFile } from '../../db/sqliteFile'

const MIGRATIONS = migrationsFolderFrom(repoRoot())
const dirs: string[] = []
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-boot-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

/** A copy of the real migrations with one more appended (as a later app version would ship). */
function migrationsPlus(sqlText: string): string {
  const dir = path.join(tempDir(), 'migrations')
  fs.cpSync(MIGRATIONS, dir, { recursive: true })
  const journalPath = path.join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[] }
  const last = journal.entries[journal.entries.length - 1]!
  const tag = `${String(last.idx + 1).padStart(4, '0')}_later`
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag })
  fs.writeFileSync(journalPath, JSON.stringify(journal))
  fs.writeFileSync(path.join(dir, `${tag}.sql`), sqlText)
  return dir
}

describe('store bootstrap (db/bootstrap.ts)', () => {
  it('a new file opens with WAL journal, foreign keys on and a busy timeout, with every migration applied', async () => {
    const t = await openTestStore()
    try {
      const { sqlite } = t.store
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
      expect(t.migrationsApplied).toBeGreaterThan(0)
      expect(t.preMigrationBackup).toBeNull() // nothing to back up in a brand-new file
      const tables = sqlite.prepare("select name from sqlite_master where type='table'").all().map((r) => (r as { name: string }).name)
      expect(tables).toEqual(expect.arrayContaining(['establishment', 'app_setting', '__drizzle_migrations']))
    } finally {
      await t.cleanup()
    }
  })

  it('re-opening a current file applies nothing and takes no backup', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'omu.db')
    const backupDir = path.join(dir, 'backups')
    await (await openStore(file, { migrationsFolder: MIGRATIONS, backupDir, access: TEST_ACCESS })).store.close()
    const again = await openStore(file, { migrationsFolder: MIGRATIONS, backupDir, access: TEST_ACCESS })
    expect(again.migrationsApplied).toBe(0)
    expect(listBackups(backupDir, TEST_ACCESS)).toEqual([])
    await again.store.close()
  })

  it('pending migrations on an existing file are preceded by an online backup holding the old data', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'omu.db')
    const backupDir = path.join(dir, 'backups')
    const first = await openStore(file, { migrationsFolder: MIGRATIONS, backupDir, access: TEST_ACCESS })
    first.store.sqlite.prepare("insert into establishment (id, name, code, category, updated_at) values (1, 'HMP Old', 'OLD', 'training', 'x')").run()
    await first.store.close()
    const next = await openStore(file, { migrationsFolder: migrationsPlus('CREATE TABLE later_thing (id integer primary key);'), backupDir, now: () => new Date('2026-11-23T09:00:00Z'), access: TEST_ACCESS })
    expect(next.migrationsApplied).toBe(1)
    expect(next.preMigrationBackup?.label).toBe('premigration')
    const backup = openSqliteFile(next.preMigrationBackup!.path, TEST_ACCESS, { readonly: true })
    expect(backup.prepare('select name from establishment').get()).toEqual({ name: 'HMP Old' })
    expect(backup.prepare("select 1 from sqlite_master where name = 'later_thing'").get()).toBeUndefined()
    backup.close()
    await next.store.close()
  })

  it('a failing migration rolls back completely: the file stays as it was', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'omu.db')
    const backupDir = path.join(dir, 'backups')
    await (await openStore(file, { migrationsFolder: MIGRATIONS, backupDir, access: TEST_ACCESS })).store.close()
    const broken = migrationsPlus('CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nTHIS IS NOT SQL;')
    await expect(openStore(file, { migrationsFolder: broken, backupDir, access: TEST_ACCESS })).rejects.toThrow()
    const check = openSqliteFile(file, TEST_ACCESS, { readonly: true })
    expect(check.prepare("select 1 from sqlite_master where name = 'half_done'").get()).toBeUndefined()
    check.close()
  })

  it('a deliberately corrupted file is refused as corrupt, and left untouched', async () => {
    const t = await openTestStore()
    t.store.sqlite.prepare("insert into establishment (id, name, code, category, updated_at) values (1, 'HMP A', 'AAA', 'training', 'x')").run()
    await t.store.close()
    const file = t.store.path
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 0)
    fs.closeSync(fd)
    const before = fs.readFileSync(file)
    const err = await openStore(file, { migrationsFolder: MIGRATIONS, backupDir: path.join(t.dir, 'backups'), access: TEST_ACCESS }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StoreOpenError)
    expect((err as StoreOpenError).kind).toBe('corrupt')
    expect((err as StoreOpenError).message).toContain(file)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    fs.rmSync(t.dir, { recursive: true, force: true })
  })

  it('a file written by a newer app version is refused rather than used', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'omu.db')
    const backupDir = path.join(dir, 'backups')
    await (await openStore(file, { migrationsFolder: migrationsPlus('CREATE TABLE future (id integer);'), backupDir, access: TEST_ACCESS })).store.close()
    const err = await openStore(file, { migrationsFolder: MIGRATIONS, backupDir, access: TEST_ACCESS }).catch((e: unknown) => e)
    expect((err as StoreOpenError).kind).toBe('newer_version')
  })
})
