import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { foreignKeyViolations, MigrationForeignKeyError, migrateSqlite } from '../../db/migrateSqlite'
import { migrationsFolderFrom } from '../../db/paths'
import { openStore, StoreOpenError } from '../../db/bootstrap'
import { repoRoot, TEST_ACCESS } from '../../db/testing'

// Issue 18, "Migrations": foreign keys off around migrate() and checked after it
// (db/migrateSqlite.ts); the audit triggers (issue 7, migrations 0004 and 0008) present after
// every migration; and no generated table rebuild that silently drops a table's triggers.

const MIGRATIONS = migrationsFolderFrom(repoRoot())

interface JournalEntry { idx: number; when: number; tag: string; breakpoints: boolean; version: string }
const journalOf = (folder: string) => JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }
const REAL = journalOf(MIGRATIONS).entries

const dirs: string[] = []
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-migrate-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

/** A migrations folder with the first `count` real migrations, then `extra` ones (as a later version would ship). */
function migrationsFolder(count: number, extra: string[] = []): string {
  const dir = path.join(tempDir(), 'migrations')
  fs.cpSync(MIGRATIONS, dir, { recursive: true })
  const journal = journalOf(dir)
  journal.entries = journal.entries.slice(0, count)
  for (const sql of extra) {
    const last = journal.entries[journal.entries.length - 1]!
    const tag = `${String(last.idx + 1).padStart(4, '0')}_later`
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag })
    fs.writeFileSync(path.join(dir, `${tag}.sql`), sql)
  }
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal))
  return dir
}

const triggers = (db: Database.Database) =>
  new Map((db.prepare("select name, tbl_name as tbl from sqlite_master where type = 'trigger'").all() as { name: string; tbl: string }[]).map((t) => [t.name, t.tbl]))

// ---------------------------------------------------------------------------------------------
// A static reading of the migration SQL: which triggers each migration creates and drops, and
// which tables it drops (SQLite drops a table's triggers with it).

type Step =
  | { kind: 'create_trigger'; name: string; table: string }
  | { kind: 'drop_trigger'; name: string }
  | { kind: 'drop_table'; table: string }
  | { kind: 'rename_table'; from: string; to: string }

const ID = '[`"]?([A-Za-z_][A-Za-z0-9_]*)[`"]?'
const STATEMENTS = new RegExp(
  [
    `CREATE\\s+(?:TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?${ID}[\\s\\S]*?\\bON\\s+${ID}`,
    `DROP\\s+TRIGGER\\s+(?:IF\\s+EXISTS\\s+)?${ID}`,
    `DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?${ID}`,
    `ALTER\\s+TABLE\\s+${ID}\\s+RENAME\\s+TO\\s+${ID}`,
  ].map((p) => `(?:${p})`).join('|'),
  'gi',
)

function steps(sql: string): Step[] {
  const code = sql.replace(/--[^\n]*/g, ' ')
  return [...code.matchAll(STATEMENTS)].map((m): Step => {
    if (m[1] !== undefined) return { kind: 'create_trigger', name: m[1], table: m[2]! }
    if (m[3] !== undefined) return { kind: 'drop_trigger', name: m[3] }
    if (m[4] !== undefined) return { kind: 'drop_table', table: m[4] }
    return { kind: 'rename_table', from: m[5]!, to: m[6]! }
  })
}

/**
 * The triggers a migration loses without meaning to: those on a table it drops (drizzle-kit's
 * rebuild: CREATE TABLE __new_x, copy, DROP TABLE x, RENAME __new_x TO x) that it does not create
 * again later in the same migration. One sentence per migration at fault.
 */
function triggersLostByRebuilds(migrations: readonly { tag: string; sql: string }[]): string[] {
  const live = new Map<string, string>() // trigger -> table
  const problems: string[] = []
  for (const { tag, sql } of migrations) {
    const lost = new Map<string, string>() // trigger -> the table dropped with it
    for (const step of steps(sql)) {
      switch (step.kind) {
        case 'create_trigger':
          live.set(step.name, step.table)
          lost.delete(step.name)
          break
        case 'drop_trigger':
          live.delete(step.name)
          break
        case 'drop_table':
          for (const [name, table] of live) {
            if (table === step.table) {
              live.delete(name)
              lost.set(name, table)
            }
          }
          break
        case 'rename_table':
          for (const [name, table] of live) if (table === step.from) live.set(name, step.to)
          break
        default: {
          const never: never = step
          throw new Error(`unknown step ${JSON.stringify(never)}`)
        }
      }
    }
    if (lost.size > 0) {
      problems.push(`${tag} drops table ${[...new Set(lost.values())].join(', ')} and with it trigger ${[...lost.keys()].join(', ')}, which it does not create again`)
    }
  }
  return problems
}

const realMigrations = () => REAL.map((e) => ({ tag: e.tag, sql: fs.readFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), 'utf8') }))

/** A table rebuild as drizzle-kit generates it for SQLite. */
function generatedRebuild(table: string, columns: string, copied = '`id`'): string {
  return [
    'PRAGMA foreign_keys=OFF;',
    `CREATE TABLE \`__new_${table}\` (${columns});`,
    `INSERT INTO \`__new_${table}\`(${copied}) SELECT ${copied} FROM \`${table}\`;`,
    `DROP TABLE \`${table}\`;`,
    `ALTER TABLE \`__new_${table}\` RENAME TO \`${table}\`;`,
    'PRAGMA foreign_keys=ON;',
  ].join('--> statement-breakpoint\n')
}

describe('migration safety (issue 18)', () => {
  it('every trigger survives every migration unless that migration drops it by name, and the audit trail’s triggers exist at each step after they are made', () => {
    const file = path.join(tempDir(), 'omu.db')
    const db = new Database(file)
    try {
      let before = new Map<string, string>()
      for (let count = 1; count <= REAL.length; count++) {
        const entry = REAL[count - 1]!
        migrateSqlite(db, migrationsFolder(count))
        const after = triggers(db)
        const own = steps(fs.readFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), 'utf8'))
        const droppedByName = new Set(own.flatMap((s) => (s.kind === 'drop_trigger' ? [s.name] : [])))
        const created = own.flatMap((s) => (s.kind === 'create_trigger' ? [s.name] : []))
        for (const [name, table] of before) if (!droppedByName.has(name) || created.includes(name)) expect(after.get(name), `${entry.tag}: trigger ${name}`).toBe(table)
        for (const name of created) expect(after.has(name), `${entry.tag}: trigger ${name}`).toBe(true)
        // Issue 7: once 0004 has made the audit trail append-only, it stays so at every later step.
        if (count >= REAL.findIndex((e) => e.tag === '0004_audit_append_only') + 1) {
          expect(after.get('audit_log_no_update'), entry.tag).toBe('audit_log')
          expect(after.get('audit_log_no_delete'), entry.tag).toBe('audit_log')
        }
        before = after
      }
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    } finally {
      db.close()
    }
  })

  it('no migration rebuilds or drops a table without creating its triggers again', () => {
    expect(triggersLostByRebuilds(realMigrations())).toEqual([])
  })

  it('the rebuild check is real: a generated rebuild of audit_log that leaves out its triggers is flagged, one that makes them again is not', () => {
    const rebuild = generatedRebuild('audit_log', '`id` integer PRIMARY KEY')
    const recreate = realMigrations()
      .filter((m) => /audit_log_no_(update|delete)/.test(m.sql))
      .map((m) => m.sql.split('--> statement-breakpoint').filter((s) => /CREATE TRIGGER/i.test(s)).join('--> statement-breakpoint'))
    expect(triggersLostByRebuilds([...realMigrations(), { tag: '9999_rebuild', sql: rebuild }])).toEqual([
      '9999_rebuild drops table audit_log and with it trigger audit_log_no_delete, audit_log_no_update, which it does not create again',
    ])
    expect(triggersLostByRebuilds([...realMigrations(), { tag: '9999_rebuild', sql: [rebuild, ...recreate].join('--> statement-breakpoint\n') }])).toEqual([])
  })

  it('a generated table rebuild keeps the rows that refer to the rebuilt table, and foreign keys are on again afterwards', () => {
    const parentAndChild = [
      'CREATE TABLE `parent_thing` (`id` integer PRIMARY KEY);',
      'CREATE TABLE `child_thing` (`id` integer PRIMARY KEY, `parent_id` integer NOT NULL REFERENCES `parent_thing`(`id`) ON DELETE CASCADE);',
      'INSERT INTO `parent_thing` VALUES (1), (2);',
      'INSERT INTO `child_thing` VALUES (10, 1), (20, 2);',
    ].join('--> statement-breakpoint\n')
    const rebuild = generatedRebuild('parent_thing', '`id` integer PRIMARY KEY, `note` text')
    const db = new Database(path.join(tempDir(), 'omu.db'))
    try {
      migrateSqlite(db, migrationsFolder(REAL.length, [parentAndChild]))
      migrateSqlite(db, migrationsFolder(REAL.length, [parentAndChild, rebuild]))
      expect(db.prepare('select id, parent_id as parentId from child_thing order by id').all()).toEqual([{ id: 10, parentId: 1 }, { id: 20, parentId: 2 }])
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(() => db.prepare('insert into child_thing values (30, 99)').run()).toThrow(/FOREIGN KEY/)
    } finally {
      db.close()
    }
  })

  it('the foreign-key switch is real: the same rebuild with foreign keys left on deletes the rows that refer to it', () => {
    const parentAndChild = [
      'CREATE TABLE `parent_thing` (`id` integer PRIMARY KEY);',
      'CREATE TABLE `child_thing` (`id` integer PRIMARY KEY, `parent_id` integer NOT NULL REFERENCES `parent_thing`(`id`) ON DELETE CASCADE);',
      'INSERT INTO `parent_thing` VALUES (1), (2);',
      'INSERT INTO `child_thing` VALUES (10, 1), (20, 2);',
    ].join('--> statement-breakpoint\n')
    const db = new Database(path.join(tempDir(), 'omu.db'))
    try {
      db.pragma('foreign_keys = ON')
      migrate(drizzle(db), { migrationsFolder: migrationsFolder(REAL.length, [parentAndChild, generatedRebuild('parent_thing', '`id` integer PRIMARY KEY, `note` text')]) })
      expect(db.prepare('select count(*) as n from child_thing').get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  })

  it('a migration that leaves a record pointing at nothing is reported after it runs, in a sentence naming the table', () => {
    const dangling = [
      'CREATE TABLE `parent_thing` (`id` integer PRIMARY KEY);',
      'CREATE TABLE `child_thing` (`id` integer PRIMARY KEY, `parent_id` integer NOT NULL REFERENCES `parent_thing`(`id`));',
      'INSERT INTO `child_thing` VALUES (10, 404);',
    ].join('--> statement-breakpoint\n')
    const db = new Database(path.join(tempDir(), 'omu.db'))
    try {
      let thrown: unknown
      try {
        migrateSqlite(db, migrationsFolder(REAL.length, [dangling]))
      } catch (err) {
        thrown = err
      }
      expect(thrown).toBeInstanceOf(MigrationForeignKeyError)
      expect((thrown as Error).message).toBe('After the upgrade, 1 record refers to records that do not exist (child_thing).')
      expect(foreignKeyViolations(db)).toEqual([{ table: 'child_thing', rowid: 10, parent: 'parent_thing' }])
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    } finally {
      db.close()
    }
  })

  it('the app refuses a data file a migration left with dangling references, and names the backup taken before it', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'omu.db')
    const backupDir = path.join(dir, 'backups')
    await (await openStore(file, { migrationsFolder: MIGRATIONS, backupDir, access: TEST_ACCESS })).store.close()
    const dangling = [
      'CREATE TABLE `child_thing` (`id` integer PRIMARY KEY, `staff_id` integer NOT NULL REFERENCES `staff`(`id`));',
      'INSERT INTO `child_thing` VALUES (10, 404);',
    ].join('--> statement-breakpoint\n')
    const refused = await openStore(file, { migrationsFolder: migrationsFolder(REAL.length, [dangling]), backupDir, access: TEST_ACCESS }).then(
      () => null,
      (err: unknown) => err,
    )
    expect(refused).toBeInstanceOf(StoreOpenError)
    expect((refused as StoreOpenError).kind).toBe('unexpected_schema')
    expect((refused as Error).message).toMatch(/1 record refers to records that do not exist \(child_thing\)\. Restore the backup taken before the upgrade \(.+premigration.+\), or ask IT/)
  })
})
