import Database from 'better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'

// Issue 15: a data file is accepted (opened, restored) only when its schema objects are exactly
// those this app's migrations create for the version it records. A file from elsewhere could
// otherwise bring a trigger that deletes audit rows, a view that shadows a table, or a missing
// append-only trigger, and the app would run with it. The reference is built by applying the
// same migrations to an empty in-memory database, so SQLite's own text of each CREATE statement
// is compared, whatever ALTERs the migrations made.

interface SchemaObject {
  type: string
  name: string
  sql: string | null
}

/** SQLite's own objects (sqlite_sequence, sqlite_stat1 after ANALYZE) and the migrations table, checked apart. */
const OBJECTS = "select type, name, sql from sqlite_master where name not like 'sqlite\\_%' escape '\\' and name <> '__drizzle_migrations' order by type, name"

const references = new Map<string, Map<string, SchemaObject>>()

const keyOf = (o: SchemaObject) => `${o.type} ${o.name}`

/** The objects the first `count` migrations create, from an in-memory database (kept per folder and count). */
function reference(migrationsFolder: string, count: number, nativeBinding?: string): Map<string, SchemaObject> {
  const cacheKey = `${migrationsFolder}\n${count}`
  const cached = references.get(cacheKey)
  if (cached) return cached
  const db = new Database(':memory:', { nativeBinding })
  try {
    for (const m of readMigrationFiles({ migrationsFolder }).slice(0, count)) {
      for (const statement of m.sql) if (statement.trim()) db.exec(statement)
    }
    const objects = new Map((db.prepare(OBJECTS).all() as SchemaObject[]).map((o) => [keyOf(o), o]))
    references.set(cacheKey, objects)
    return objects
  } finally {
    db.close()
  }
}

const KIND: Record<string, string> = { table: 'table', index: 'index', trigger: 'trigger', view: 'view' }
const described = (o: SchemaObject) => `${KIND[o.type] ?? o.type} ${o.name}`

/**
 * Null when `sqlite`'s schema is exactly what this app's migrations make for the version the file
 * records; otherwise a sentence naming what differs. A file with no tables at all is a new file.
 * A file that records more migrations than this app ships is left to the newer-version check.
 */
export function schemaMismatch(sqlite: Database.Database, migrationsFolder: string, nativeBinding?: string): string | null {
  const known = readMigrationFiles({ migrationsFolder })
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'").all() as { name: string }[]).map((t) => t.name)
  if (tables.length === 0) return null
  if (!tables.includes('__drizzle_migrations')) return 'It does not record which version of OMU Desk made it, so it is not an OMU Desk data file.'
  let applied: { hash: string }[]
  try {
    applied = sqlite.prepare('select hash from __drizzle_migrations order by created_at, rowid').all() as { hash: string }[]
  } catch {
    return 'Its record of versions cannot be read.'
  }
  if (applied.length > known.length) return null
  const diverges = applied.findIndex((a, i) => a.hash !== known[i]?.hash)
  if (diverges >= 0) return `Its history of versions differs from this version of OMU Desk’s from step ${diverges + 1}.`
  const expected = reference(migrationsFolder, applied.length, nativeBinding)
  const actual = new Map((sqlite.prepare(OBJECTS).all() as SchemaObject[]).map((o) => [keyOf(o), o]))
  const extra = [...actual.values()].filter((o) => !expected.has(keyOf(o)))
  const missing = [...expected.values()].filter((o) => !actual.has(keyOf(o)))
  const changed = [...actual.values()].filter((o) => expected.has(keyOf(o)) && expected.get(keyOf(o))?.sql !== o.sql)
  const problems = [
    ...extra.map((o) => `it has a ${described(o)} that OMU Desk does not make`),
    ...missing.map((o) => `its ${described(o)} is missing`),
    ...changed.map((o) => `its ${described(o)} has been changed`),
  ]
  if (problems.length === 0) return null
  const listed = problems.slice(0, 3).join('; ')
  return `Its structure is not what OMU Desk makes: ${listed}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''}.`
}
