import { getTableConfig as pgTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import * as sqliteSchema from '../../db/schema'
import * as pgSchema from '../../db/schema-pg'

// Issue 13: the SQLite file and the shared PostgreSQL database hold the same tables, and the app's
// queries (written once, over db/schema) run on both. The two schema definitions must not drift:
// every table, column, key, nullability, default and index is compared here.

type Kind = 'integer' | 'real' | 'text'

function sqliteKind(c: SQLiteColumn): Kind {
  switch (c.columnType) {
    case 'SQLiteInteger':
    case 'SQLiteBoolean':
      return 'integer'
    case 'SQLiteReal':
      return 'real'
    case 'SQLiteText':
      return 'text'
    default:
      throw new Error(`unexpected SQLite column type ${c.columnType}`)
  }
}

function pgKind(c: PgColumn): Kind {
  switch (c.columnType) {
    case 'PgInteger':
      return 'integer'
    case 'PgDoublePrecision':
      return 'real'
    case 'PgText':
      return 'text'
    default:
      throw new Error(`unexpected PostgreSQL column type ${c.columnType}`)
  }
}

/** Defaults compared as SQLite stores them: a boolean default is its integer. */
function defaultOf(value: unknown): unknown {
  return typeof value === 'boolean' ? Number(value) : value
}

const sqliteTables = Object.values(sqliteSchema).filter((t) => typeof t === 'object' && t !== null && Symbol.for('drizzle:IsDrizzleTable') in t) as SQLiteTable[]
const pgTables = new Map(
  (Object.values(pgSchema).filter((t) => typeof t === 'object' && t !== null && Symbol.for('drizzle:IsDrizzleTable') in t) as PgTable[]).map((t) => [pgTableConfig(t).name, t]),
)

describe('SQLite and PostgreSQL schemas (issue 13)', () => {
  it('have the same tables', () => {
    expect([...pgTables.keys()].sort()).toEqual(sqliteTables.map((t) => sqliteTableConfig(t).name).sort())
  })

  for (const table of sqliteTables) {
    const s = sqliteTableConfig(table)
    it(`${s.name}: the same columns, types, nullability, defaults and keys`, () => {
      const p = pgTableConfig(pgTables.get(s.name) as PgTable)
      const describeS = s.columns.map((c) => ({ name: c.name, kind: sqliteKind(c), notNull: c.notNull, primary: c.primary, default: defaultOf(c.default) }))
      const describeP = p.columns.map((c) => ({ name: c.name, kind: pgKind(c), notNull: c.notNull, primary: c.primary, default: defaultOf(c.default) }))
      const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name))
      expect(byName(describeP)).toEqual(byName(describeS))
      // An autoincrement key on SQLite is an identity column on PostgreSQL.
      for (const c of s.columns.filter((c) => c.primary && c.columnType === 'SQLiteInteger')) {
        const auto = (c as unknown as { autoIncrement?: boolean }).autoIncrement === true
        const twin = p.columns.find((x) => x.name === c.name) as unknown as { generatedIdentity?: unknown }
        expect(Boolean(twin.generatedIdentity), `${s.name}.${c.name} identity`).toBe(auto)
      }
      const fks = (xs: { reference(): { columns: { name: string }[]; foreignColumns: { name: string; table: unknown }[] } }[], nameOf: (t: never) => string) =>
        xs.map((f) => {
          const r = f.reference()
          return `${r.columns.map((c) => c.name).join(',')} -> ${nameOf(r.foreignColumns[0]?.table as never)}(${r.foreignColumns.map((c) => c.name).join(',')})`
        }).sort()
      expect(fks(p.foreignKeys, (t: PgTable) => pgTableConfig(t).name)).toEqual(fks(s.foreignKeys, (t: SQLiteTable) => sqliteTableConfig(t).name))
    })

    it(`${s.name}: the same indexes (the partial unusual-record index is the custom migration's on PostgreSQL)`, () => {
      const p = pgTableConfig(pgTables.get(s.name) as PgTable)
      const idx = (xs: { config: { name?: string; unique: boolean; columns: unknown[] } }[]) =>
        xs.map((i) => `${i.config.unique ? 'unique ' : ''}${i.config.name}(${i.config.columns.map((c) => (c as { name: string }).name).join(',')})`).sort()
      const sqliteIndexes = idx(s.indexes as never).filter((i) => !i.startsWith('session_unusual_record('))
      expect(idx(p.indexes as never)).toEqual(sqliteIndexes)
    })
  }
})
