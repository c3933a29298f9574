import { is, SQL } from 'drizzle-orm'
import { getTableConfig as pgTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import * as sqliteSchema from '../../db/schema'
import * as pgSchema from '../../db/schema-pg'

// Issue 13: the SQLite file and the shared PostgreSQL database hold the same tables, and the app's
// queries (written once, over db/schema) run on both. The two schema definitions must not drift:
// every table, column, key, nullability, default and index is compared here.
//
// One difference is allowed, and only this one: the establishment dimension (issue 19, migration
// db/migrations-pg/0016_establishments.sql). The shared database holds several establishments, the
// SQLite file one, so on PostgreSQL only:
// - every data table has an establishment_id column (asserted separately below, table by table);
// - establishment_id is the first column of app_setting's primary key and of the unique indexes in
//   ESTABLISHMENT_FIRST_INDEXES;
// - establishment.id defaults to omu_new_row_establishment() (and its check allows any positive id,
//   not only 1; checks are not compared here).
// normalisePg() takes exactly this away from the PostgreSQL side before the strict comparison, so
// anything else that differs still fails.

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

const ESTABLISHMENT_COLUMN = 'establishment_id'
const ESTABLISHMENT_DEFAULT = 'omu_new_row_establishment()'
/** The unique indexes migration 0016 made per establishment (establishment_id first). */
const ESTABLISHMENT_FIRST_INDEXES = ['prisoner_prison_number', 'plan_version_number', 'imported_catalog_id_version', 'audit_chain']
/** The PostgreSQL tables without the column: the establishments themselves and per-login preferences. */
const TABLES_WITHOUT_ESTABLISHMENT = ['establishment', 'user_preference']

/** An SQL default's text (the parts a sql`` template holds), or undefined for a plain value. */
function sqlText(value: unknown): string | undefined {
  if (!is(value, SQL)) return undefined
  return value.queryChunks.map((c) => (typeof c === 'object' && c !== null && 'value' in c ? (c.value as string[]).join('') : String(c))).join('')
}

type PgConfig = ReturnType<typeof pgTableConfig>
interface ColumnShape {
  name: string
  kind: Kind
  notNull: boolean
  primary: boolean
  default: unknown
}

/**
 * The PostgreSQL table as the SQLite file would have it, the establishment dimension taken away
 * (see the top of the file): the column dropped, the composite key (establishment_id, x) read as
 * x's single-column key, establishment.id's server default dropped, and establishment_id dropped
 * from the front of the per-establishment unique indexes. Anything else is left for the test to see.
 */
function normalisePg(p: PgConfig): { columns: ColumnShape[]; indexes: { config: { name?: string; unique: boolean; columns: unknown[] } }[] } {
  const keyed = new Set<string>()
  for (const pk of p.primaryKeys) {
    const names = pk.columns.map((c) => c.name)
    if (names.length === 2 && names[0] === ESTABLISHMENT_COLUMN) keyed.add(names[1] as string)
    else throw new Error(`${p.name}: composite primary key (${names.join(', ')}) is not the establishment dimension`)
  }
  const columns = p.columns
    .filter((c) => c.name !== ESTABLISHMENT_COLUMN)
    .map((c) => {
      const establishmentKey = p.name === 'establishment' && c.name === 'id' && sqlText(c.default) === ESTABLISHMENT_DEFAULT
      return {
        name: c.name,
        kind: pgKind(c),
        notNull: c.notNull,
        primary: c.primary || keyed.has(c.name),
        default: establishmentKey ? undefined : defaultOf(c.default),
      }
    })
  const indexes = (p.indexes as unknown as { config: { name?: string; unique: boolean; columns: { name: string }[] } }[]).map((i) => {
    if (!ESTABLISHMENT_FIRST_INDEXES.includes(i.config.name ?? '')) return i
    expect(i.config.columns[0]?.name, `${i.config.name} names establishment_id first`).toBe(ESTABLISHMENT_COLUMN)
    return { config: { ...i.config, columns: i.config.columns.slice(1) } }
  })
  return { columns, indexes }
}

const sqliteTables = Object.values(sqliteSchema).filter((t) => typeof t === 'object' && t !== null && Symbol.for('drizzle:IsDrizzleTable') in t) as SQLiteTable[]
const pgTables = new Map(
  (Object.values(pgSchema).filter((t) => typeof t === 'object' && t !== null && Symbol.for('drizzle:IsDrizzleTable') in t) as PgTable[]).map((t) => [pgTableConfig(t).name, t]),
)

describe('SQLite and PostgreSQL schemas (issue 13)', () => {
  it('have the same tables', () => {
    expect([...pgTables.keys()].sort()).toEqual(sqliteTables.map((t) => sqliteTableConfig(t).name).sort())
  })

  it('every PostgreSQL data table has a non-null establishment_id (issue 19, migration 0016)', () => {
    const missing: string[] = []
    for (const [name, table] of pgTables) {
      const column = pgTableConfig(table).columns.find((c) => c.name === ESTABLISHMENT_COLUMN)
      if (TABLES_WITHOUT_ESTABLISHMENT.includes(name)) {
        expect(column, `${name} has no establishment_id`).toBeUndefined()
        continue
      }
      if (!column || !column.notNull || pgKind(column) !== 'integer' || sqlText(column.default) !== ESTABLISHMENT_DEFAULT) missing.push(name)
    }
    expect(missing).toEqual([])
    // The check is not vacuous: the dimension reaches every table but the two named.
    expect(pgTables.size - TABLES_WITHOUT_ESTABLISHMENT.length).toBeGreaterThanOrEqual(18)
  })

  for (const table of sqliteTables) {
    const s = sqliteTableConfig(table)
    it(`${s.name}: the same columns, types, nullability, defaults and keys`, () => {
      const p = pgTableConfig(pgTables.get(s.name) as PgTable)
      const describeS: ColumnShape[] = s.columns.map((c) => ({ name: c.name, kind: sqliteKind(c), notNull: c.notNull, primary: c.primary, default: defaultOf(c.default) }))
      const describeP = normalisePg(p).columns
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
      const p = normalisePg(pgTableConfig(pgTables.get(s.name) as PgTable))
      const idx = (xs: { config: { name?: string; unique: boolean; columns: unknown[] } }[]) =>
        xs.map((i) => `${i.config.unique ? 'unique ' : ''}${i.config.name}(${i.config.columns.map((c) => (c as { name: string }).name).join(',')})`).sort()
      const sqliteIndexes = idx(s.indexes as never).filter((i) => !i.startsWith('session_unusual_record('))
      expect(idx(p.indexes as never)).toEqual(sqliteIndexes)
    })
  }
})
