import fs from 'node:fs'
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

/**
 * Issue 15: the file this connection has open is no longer the data file (a restore in another
 * window of the app swapped it), or is being swapped now. Nothing is read from or written to a
 * file the app has moved on from.
 */
export class StoreReplacedError extends Error {
  constructor(readonly during: boolean) {
    super(during ? 'The data file is being replaced by a restore' : 'The data file was replaced')
    this.name = 'StoreReplacedError'
  }
}

/** The file a restore takes while it swaps the data file, holding the restoring process's id. */
export const restoreLockOf = (file: string): string => `${file}.restore-lock`

/** Which file on disk a path names now (device and inode), or null when it cannot be told. */
function identityOf(file: string): string | null {
  try {
    const st = fs.statSync(file)
    return `${st.dev}:${st.ino}`
  } catch {
    return null
  }
}

/** True when a restore lock is held by another process that is still running. */
export function restoreInProgress(file: string): boolean {
  let pid: number
  try {
    pid = Number(fs.readFileSync(restoreLockOf(file), 'utf8'))
  } catch {
    return false
  }
  if (!Number.isInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists but is another user's; ESRCH: the restoring process is gone (a stale lock).
    return (err as { code?: string }).code === 'EPERM'
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
  /** The file opened (device and inode), to notice it being swapped by another process's restore. */
  private readonly identity: string | null

  constructor(
    readonly path: string,
    readonly sqlite: Database.Database,
  ) {
    this.identity = identityOf(path)
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

  /**
   * Issue 15: two windows of the app may have the same file open; a restore in one swaps the file
   * under the other. Before each request the path is checked to still name the file this
   * connection has open, and no restore to be under way (one stat and one read of a small file).
   */
  private assertCurrentFile(): void {
    if (this.identity === null) return
    if (restoreInProgress(this.path)) throw new StoreReplacedError(true)
    if (identityOf(this.path) !== this.identity) throw new StoreReplacedError(false)
  }

  read<T>(fn: (c: StoreConn) => Promise<T>): Promise<T> {
    return this.lock.shared(() => {
      this.assertCurrentFile()
      return fn(this)
    })
  }

  async beginRead(): Promise<ReadScope> {
    const release = await this.lock.acquireShared()
    try {
      this.assertCurrentFile()
    } catch (err) {
      release()
      throw err
    }
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
      this.assertCurrentFile()
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
