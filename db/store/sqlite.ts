import type Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/sqlite-proxy'
import * as schema from '../schema'
import { ReadWriteLock } from './lock'
import { endedGuard, type ChangeListener, type Db, type RawSql, type ReadScope, type SqlValue, type Store, type StoreConn } from './types'

// The local store: one better-sqlite3 connection to the data file on this computer.

/**
 * Prepared statements by SQL text: the store functions send the same few hundred statements again
 * and again, and preparing costs more than running most of them (a bulk insert of 100,000 rows took
 * twice as long preparing each time). Bounded, oldest first out, for SQL built per call.
 */
function statementCache(sqlite: Database.Database, limit = 500): (text: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>()
  return (text) => {
    let stmt = cache.get(text)
    if (stmt) return stmt
    stmt = sqlite.prepare(text)
    if (cache.size >= limit) cache.delete(cache.keys().next().value as string)
    cache.set(text, stmt)
    return stmt
  }
}

/** drizzle's remote driver over the synchronous connection: each query runs at once, in the caller's turn. */
function sqliteDb(prepare: (text: string) => Database.Statement): Db {
  return drizzle(
    (text, params, method) => {
      const stmt = prepare(text)
      if (!stmt.reader) {
        stmt.run(...(params as unknown[]))
        return Promise.resolve({ rows: [] })
      }
      stmt.raw(true)
      if (method === 'get') return Promise.resolve({ rows: stmt.get(...(params as unknown[])) as unknown[] })
      return Promise.resolve({ rows: stmt.all(...(params as unknown[])) as unknown[] })
    },
    { schema },
  )
}

function sqliteRaw(prepare: (text: string) => Database.Statement): RawSql {
  return {
    rows: <T extends readonly unknown[]>(text: string, params: readonly SqlValue[] = []) => Promise.resolve(prepare(text).raw(true).all(...params) as T[]),
    value: <T>(text: string, params: readonly SqlValue[] = []) => {
      const row = prepare(text).raw(true).get(...params) as unknown[] | undefined
      return Promise.resolve(row?.[0] as T | undefined)
    },
    exec: (text: string, params: readonly SqlValue[] = []) => {
      const stmt = prepare(text)
      if (stmt.reader) stmt.raw(false).all(...params)
      else stmt.run(...params)
      return Promise.resolve()
    },
  }
}

export class SqliteStore implements Store {
  readonly kind = 'local' as const
  readonly dialect = 'sqlite' as const
  readonly db: Db
  readonly sql: RawSql
  private readonly lock = new ReadWriteLock()
  private readonly listeners = new Set<ChangeListener>()
  private readonly dataVersion: Database.Statement
  private readonly totalChanges: Database.Statement
  private knownVersion: number
  /** total_changes() as of the last write through `write` or the last check: any other change is unannounced. */
  private knownChanges: number

  constructor(
    readonly path: string,
    readonly sqlite: Database.Database,
  ) {
    const prepare = statementCache(sqlite)
    this.db = sqliteDb(prepare)
    this.sql = sqliteRaw(prepare)
    this.dataVersion = sqlite.prepare('pragma data_version').pluck()
    this.totalChanges = sqlite.prepare('select total_changes()').pluck()
    this.knownVersion = this.dataVersion.get() as number
    this.knownChanges = this.totalChanges.get() as number
  }

  get store(): Store {
    return this
  }

  get location(): string {
    return this.path
  }

  get isOpen(): boolean {
    return this.sqlite.open
  }

  read<T>(fn: (c: StoreConn) => Promise<T>): Promise<T> {
    return this.lock.shared(() => fn(this))
  }

  async beginRead(): Promise<ReadScope> {
    const release = await this.lock.acquireShared()
    let ended = false
    return {
      conn: endedGuard(this, () => ended),
      end: () => {
        ended = true
        release()
        return Promise.resolve()
      },
    }
  }

  write<T>(fn: (c: StoreConn) => Promise<T>): Promise<T> {
    return this.lock.exclusive(async () => {
      // Changes nobody announced are reported before this write's own are accounted for.
      await this.checkForeignChanges()
      // IMMEDIATE: the write lock on the file is taken now, so a second process writing meanwhile
      // waits (busy_timeout) rather than failing halfway through this transaction.
      this.sqlite.exec('BEGIN IMMEDIATE')
      try {
        const out = await fn(this)
        this.sqlite.exec('COMMIT')
        return out
      } catch (err) {
        if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK')
        throw err
      } finally {
        // Whoever wrote through here says what changed (the dispatcher, from its audit records).
        if (this.sqlite.open) this.knownChanges = this.totalChanges.get() as number
      }
    })
  }

  /**
   * Another connection's commit shows in `PRAGMA data_version`; a write on this connection that
   * did not come through `write` (a script, a direct statement) shows in total_changes(). Either
   * way nobody said which prisoners it touched, so listeners are told "anything".
   */
  checkForeignChanges(): Promise<void> {
    if (!this.sqlite.open) return Promise.resolve()
    const version = this.dataVersion.get() as number
    const changes = this.totalChanges.get() as number
    if (version !== this.knownVersion || changes !== this.knownChanges) {
      this.knownVersion = version
      this.knownChanges = changes
      for (const l of this.listeners) l(null)
    }
    return Promise.resolve()
  }

  onForeignChange(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Closes once any request using the connection has finished. */
  close(): Promise<void> {
    return this.lock.exclusive(() => {
      this.closeNow()
      return Promise.resolve()
    })
  }

  /** Closes at once (start-up failures, tests that simulate a crash). */
  closeNow(): void {
    if (!this.sqlite.open) return
    // Fold the WAL back into the main file so a closed store is a single self-contained file.
    try {
      this.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      this.sqlite.close()
    }
  }
}
