import type { SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy'
import type * as schema from '../schema'

// The data-access contract both backends serve (issue 13). Store functions are written once,
// with drizzle's query builder over the schema in db/schema; each backend runs the SQL it builds
// on its own connection: the local SQLite file through better-sqlite3, the shared OMU database
// through node-postgres. The SQL drizzle writes for these tables (quoted identifiers, `?`
// parameters, RETURNING, ON CONFLICT) is the subset SQLite and PostgreSQL share; the PostgreSQL
// backend only renumbers the parameters. The few hot bulk reads that use dialect functions have a
// form per backend (`Store.dialect`; electron/services/caseload/relevant.ts).

export type Dialect = 'sqlite' | 'postgres'

/** The query builder every store function uses; its queries are awaited on both backends. */
export type Db = SqliteRemoteDatabase<typeof schema>

export type SqlValue = string | number | null

/** Raw SQL on the same connection as `db`, for reads that have a form per dialect. Rows come back as arrays. */
export interface RawSql {
  rows<T extends readonly unknown[] = unknown[]>(text: string, params?: readonly SqlValue[]): Promise<T[]>
  /** The first column of the first row (undefined when there is no row). */
  value<T = unknown>(text: string, params?: readonly SqlValue[]): Promise<T | undefined>
  exec(text: string, params?: readonly SqlValue[]): Promise<void>
}

/** What a handler or store function reads and writes through: bound to one connection or transaction. */
export interface StoreConn {
  readonly dialect: Dialect
  readonly db: Db
  readonly sql: RawSql
  /** The open store this connection belongs to (the key of per-store state such as the case cache). */
  readonly store: Store
}

export interface ReadScope {
  readonly conn: StoreConn
  end(): Promise<void>
}

/** A connection that refuses use once its read has ended (so a handler cannot read outside it by mistake). */
export function endedGuard(conn: StoreConn, ended: () => boolean): StoreConn {
  const check = () => {
    if (ended()) throw new Error('This request has finished reading: the connection can no longer be used.')
  }
  return {
    dialect: conn.dialect,
    store: conn.store,
    get db() {
      check()
      return conn.db
    },
    get sql() {
      check()
      return conn.sql
    },
  }
}

/** Something another connection committed that may change cases: which prisoners, or null for anything. */
export type ChangeListener = (prisonerIds: readonly number[] | null) => void

export interface Store extends StoreConn {
  /** 'local': the SQLite file on this computer; 'shared': the OMU's PostgreSQL database. */
  readonly kind: 'local' | 'shared'
  /** Where the data is, for Settings and the status page (a file path, or host/database). */
  readonly location: string
  readonly isOpen: boolean
  /**
   * Reads that must not see another request's uncommitted work. On SQLite (one connection) they wait
   * while a write transaction is open; on PostgreSQL each read has its own pooled connection and a
   * read-only transaction. On both, each statement sees the latest commit.
   */
  read<T>(fn: (c: StoreConn) => Promise<T>): Promise<T>
  /**
   * The same as `read`, for a request that must stop reading before it is done (an export asks
   * where to save after it has read everything): `end` closes the read at once, and the
   * connection must not be used after it. Idempotent.
   */
  beginRead(): Promise<ReadScope>
  /**
   * One write transaction: committed when `fn` resolves, rolled back when it throws. On SQLite,
   * writes are queued (BEGIN IMMEDIATE, one at a time, so a transaction never spans another
   * request's work). On PostgreSQL, SERIALIZABLE, and `fn` is run again (up to a few times) when
   * the server reports a serialization failure or deadlock, so `fn` must not keep state across
   * attempts other than through its return value.
   */
  write<T>(fn: (c: StoreConn) => Promise<T>): Promise<T>
  /**
   * Other connections' commits that can change cases. SQLite: polled from `PRAGMA data_version`
   * before each read (`checkForeignChanges`); PostgreSQL: LISTEN/NOTIFY pushed by triggers, and
   * drained before each read.
   */
  onForeignChange(listener: ChangeListener): () => void
  /** Reports every foreign change committed so far before it resolves (SQLite's poll; PostgreSQL's listener drained). */
  checkForeignChanges(): Promise<void>
  close(): Promise<void>
}
