import { drizzle } from 'drizzle-orm/sqlite-proxy'
import crypto from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'
import * as schema from '../schema'
import { plainTextRefusal } from '../../shared/transport'
import { toPostgres } from './placeholders'
import { endedGuard, type ChangeListener, type Db, type RawSql, type ReadScope, type SqlValue, type Store, type StoreConn } from './types'

// The shared OMU database (issue 13): PostgreSQL 15 or later, one login per user. The queries are
// the same drizzle queries the SQLite file runs (db/store/types.ts says why that works); here they
// run on node-postgres connections signed in as the user, never as a stored service account.

// int8 (count(*), sums) as a number, as SQLite gives it: every count here is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

export type TlsMode = 'disable' | 'require' | 'verify-ca' | 'verify-full'

/** Where the shared database is (kept in the app's settings file; never a password). */
export interface SharedLocation {
  host: string
  port: number
  database: string
  tls: TlsMode
  /** The estate's CA certificate (PEM) for verify-ca / verify-full. */
  caFile: string | null
  /**
   * A HOMS's explicit permission to connect to this server with `tls: 'disable'` (issue 14).
   * Absent or false: plain text is refused to anything but this computer (shared/transport.ts).
   */
  allowPlainText?: boolean
}

export interface Credentials {
  user: string
  password: string
}

/** How many connections one app holds at most: a team of 40 stays well inside max_connections (README). */
const POOL_SIZE = 4
/** Serialization failures and deadlocks are retried this many times before the user is told. */
const WRITE_ATTEMPTS = 10
// 23505 too: two machines inserting the same unique key at once; run again, the handler's own check
// then sees the committed row and says so in its own words ("already on record").
const RETRYABLE = new Set(['40001', '40P01', '23505'])

/** The advisory lock key writers take turns on for the audit chain's head (issue 15). */
const AUDIT_CHAIN_TURN = 7_302_015

/** The app refuses to connect to this location unencrypted (issue 14); the message says what to change. */
export class PlainTextRefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlainTextRefusedError'
  }
}

/**
 * Every connection to the shared database is configured here (the pool, the listener, the copy's
 * client), so the transport rule is checked here, before any name is looked up or any socket opened.
 */
export function clientConfig(loc: SharedLocation, creds: Credentials): pg.ClientConfig {
  const refusal = plainTextRefusal(loc)
  if (refusal) throw new PlainTextRefusedError(refusal)
  let ssl: pg.ClientConfig['ssl'] = false
  if (loc.tls !== 'disable') {
    const ca = loc.caFile ? fs.readFileSync(loc.caFile, 'utf8') : undefined
    ssl =
      loc.tls === 'require'
        ? { rejectUnauthorized: false }
        : // verify-ca checks the chain only; verify-full also the host name (the README recommends it).
          { ca, rejectUnauthorized: true, ...(loc.tls === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}) }
  }
  return {
    host: loc.host,
    port: loc.port,
    database: loc.database,
    user: creds.user,
    password: creds.password,
    ssl,
    application_name: 'omu-desk',
    connectionTimeoutMillis: 5000,
    // A request that hangs (a lock held by a crashed client) ends rather than freezing the window.
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
  }
}

type Queryable = Pick<pg.ClientBase, 'query'>

/**
 * A query as node-postgres takes it: translated (placeholders.ts) and named, so each connection
 * parses and plans a statement once and then only binds it (the store sends the same few hundred
 * statements again and again; planning was a third of a session's recording time).
 */
const prepared = new Map<string, { name: string; text: string }>()
function statement(text: string): { name: string; text: string } {
  let s = prepared.get(text)
  if (!s) {
    s = { name: `omu_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text: toPostgres(text) }
    if (prepared.size > 2000) prepared.clear()
    prepared.set(text, s)
  }
  return s
}

function pgDb(client: Queryable): Db {
  return drizzle(
    async (text, params, method) => {
      const res = await client.query({ ...statement(text), values: params as unknown[], rowMode: 'array' })
      if (method === 'get') return { rows: (res.rows[0] as unknown[] | undefined) as unknown as unknown[] }
      return { rows: res.rows as unknown[] }
    },
    { schema },
  )
}

function pgRaw(client: Queryable): RawSql {
  return {
    rows: async <T extends readonly unknown[]>(text: string, params: readonly SqlValue[] = []) =>
      (await client.query({ text: toPostgres(text), values: params as SqlValue[], rowMode: 'array' })).rows as unknown as T[],
    value: async <T>(text: string, params: readonly SqlValue[] = []) => {
      const res = await client.query({ text: toPostgres(text), values: params as SqlValue[], rowMode: 'array' })
      return (res.rows[0] as unknown[] | undefined)?.[0] as T | undefined
    },
    exec: async (text: string, params: readonly SqlValue[] = []) => {
      await client.query({ text: toPostgres(text), values: params as SqlValue[] })
    },
  }
}

/** The connection to the shared database was lost or could not be made. */
export class ServerUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super('The shared database could not be reached.')
  }
}

/** Connection-level failures (as opposed to an SQL error the server answered with). */
export function isConnectionError(err: unknown): boolean {
  const e = rootCause(err) as { code?: string; message?: string } | null
  if (!e) return false
  if (e.code && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)$/.test(e.code)) return true
  // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 08xxx connection exceptions.
  if (e.code && (/^08/.test(e.code) || /^57P0[1-3]$/.test(e.code))) return true
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(e.message ?? '')
}

/** The driver's error under drizzle's DrizzleQueryError (which keeps it as `cause`). */
export function rootCause(err: unknown): unknown {
  let e = err
  for (let depth = 0; depth < 4; depth++) {
    const c = (e as { cause?: unknown; code?: unknown } | null)
    if (!c || typeof c.code === 'string' || c.cause === undefined) return e
    e = c.cause
  }
  return e
}

export class PostgresStore implements Store {
  readonly kind = 'shared' as const
  readonly dialect = 'postgres' as const
  /** Autocommit reads on the pool, for code that needs no snapshot (status, start-up). */
  readonly db: Db
  readonly sql: RawSql
  private readonly pool: pg.Pool
  private readonly listeners = new Set<ChangeListener>()
  private listener: pg.Client | null = null
  private closed = false
  private reconnectTimer: NodeJS.Timeout | null = null
  private online = true
  private readonly onlineListeners = new Set<(online: boolean) => void>()

  private constructor(
    readonly location: string,
    private readonly config: pg.ClientConfig,
    private readonly log: (err: unknown) => void,
  ) {
    this.pool = new pg.Pool({ ...config, max: POOL_SIZE, idleTimeoutMillis: 30_000 })
    // An idle connection dropped by the server must not crash the main process.
    this.pool.on('error', (err) => this.connectionLost(err))
    this.pool.on('connect', (client) => {
      // A connection that breaks while a request has it checked out emits 'error' on the client
      // (the pool listens only while it is idle): unheard, that would end the main process.
      client.on('error', (err) => this.connectionLost(err))
    })
    this.db = pgDb(this.pool)
    this.sql = pgRaw(this.pool)
  }

  /** Signs in to the shared database as `creds` and starts listening for other clients' changes. */
  static async open(loc: SharedLocation, creds: Credentials, log: (err: unknown) => void): Promise<PostgresStore> {
    const store = new PostgresStore(`${loc.host}:${loc.port}/${loc.database}`, clientConfig(loc, creds), log)
    try {
      await store.pool.query('select 1')
      await store.listen()
    } catch (err) {
      await store.close()
      throw err
    }
    return store
  }

  get store(): Store {
    return this
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /** False while the server cannot be reached (the app shows a banner and keeps what it shows). */
  get isOnline(): boolean {
    return this.online
  }

  onOnlineChange(fn: (online: boolean) => void): () => void {
    this.onlineListeners.add(fn)
    return () => this.onlineListeners.delete(fn)
  }

  private setOnline(online: boolean): void {
    if (this.online === online) return
    this.online = online
    for (const fn of this.onlineListeners) fn(online)
  }

  private bind(client: pg.PoolClient): StoreConn {
    return { dialect: 'postgres', db: pgDb(client), sql: pgRaw(client), store: this }
  }

  private async client(): Promise<pg.PoolClient> {
    try {
      const client = await this.pool.connect()
      this.setOnline(true)
      return client
    } catch (err) {
      if (isConnectionError(err)) {
        this.connectionLost(err)
        throw new ServerUnavailableError(err)
      }
      throw err
    }
  }

  /** One read-only transaction for the whole request; each statement sees the latest commit. */
  async read<T>(fn: (c: StoreConn) => Promise<T>): Promise<T> {
    const scope = await this.beginRead()
    try {
      return await fn(scope.conn)
    } catch (err) {
      throw this.translate(err)
    } finally {
      await scope.end()
    }
  }

  async beginRead(): Promise<ReadScope> {
    const client = await this.client()
    try {
      // READ COMMITTED, as each statement on the SQLite file sees the latest commit: a desk's case
      // cache, reading on a request's connection, must never keep facts older than a change it
      // has already been told of. READ ONLY: a query that tried to write would fail loudly here.
      await client.query('BEGIN READ ONLY')
    } catch (err) {
      client.release(isConnectionError(err))
      throw this.translate(err)
    }
    let ended = false
    return {
      conn: endedGuard(this.bind(client), () => ended),
      end: async () => {
        if (ended) return
        ended = true
        // Nothing was written: a read-only transaction that cannot be closed cleanly has still
        // given its answer, so the connection is dropped rather than the request failed.
        const broken = await client.query('COMMIT').then(
          () => false,
          () => true,
        )
        client.release(broken)
      },
    }
  }

  /**
   * SERIALIZABLE, so read-check-write handlers (a version check, "already allocated") stay right
   * when two machines race; the server refuses one of two conflicting transactions (40001) or
   * breaks a deadlock (40P01), and that attempt is rolled back and run again. If the connection
   * is lost during COMMIT, the transaction's id tells whether it was committed (txid_status), so
   * a write is never reported as saved unless it was, nor as lost when it was saved.
   */
  async write<T>(fn: (c: StoreConn) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.client()
      let broken = false
      let txid: string | null = null
      let result: { value: T } | null = null
      let locked = false
      try {
        // Issue 15: every write adds to the one audit chain (its head row, migration 0007). The
        // desks take turns for it before their transaction's snapshot is taken (a session lock,
        // released below or by the server if the connection goes), so a write never starts from a
        // chain head another desk is about to move: without it, 32 desks writing at once clashed
        // on the head (40001) five times over the limit in sharedConcurrency.test.ts.
        // Its own round trip: in one query string with BEGIN it would join the transaction and take its snapshot.
        await client.query(`SELECT pg_advisory_lock(${AUDIT_CHAIN_TURN})`)
        locked = true
        // One round trip: the transaction begun and its id, by which a lost COMMIT is looked up.
        const begun = (await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT txid_current()::text AS t')) as unknown as pg.QueryResult<{ t: string }>[]
        txid = begun[1]?.rows[0]?.t ?? null
        result = { value: await fn(this.bind(client)) }
        await client.query('COMMIT')
        return result.value
      } catch (err) {
        broken = isConnectionError(err)
        if (broken && result && txid && (await this.committed(txid))) return result.value
        if (!broken) await client.query('ROLLBACK').catch(() => undefined)
        const code = (rootCause(err) as { code?: string }).code
        if (!broken && code && RETRYABLE.has(code) && attempt < WRITE_ATTEMPTS) {
          // Growing, jittered pauses: clashing machines fall out of step instead of clashing again.
          await new Promise((r) => setTimeout(r, Math.min(400, 8 * 2 ** attempt) * (0.5 + Math.random())))
          continue
        }
        throw this.translate(err)
      } finally {
        if (locked && !broken) await client.query(`SELECT pg_advisory_unlock(${AUDIT_CHAIN_TURN})`).catch(() => undefined)
        client.release(broken)
      }
    }
  }

  /** Whether transaction `txid` committed, asked on a fresh connection (null when that is impossible too). */
  private async committed(txid: string): Promise<boolean> {
    try {
      const res = await this.pool.query<{ s: string | null }>('select txid_status($1::bigint) as s', [txid])
      return res.rows[0]?.s === 'committed'
    } catch {
      return false
    }
  }

  private translate(err: unknown): unknown {
    if (err instanceof ServerUnavailableError) return err
    if (isConnectionError(err)) {
      this.connectionLost(err)
      return new ServerUnavailableError(err)
    }
    return err
  }

  onForeignChange(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Pushed by LISTEN/NOTIFY; one round trip on the listening connection first makes sure every
   * notification of a commit made before this read has been heard (the server sends them ahead
   * of its answer), so a desk's next read after a commit it knows of never misses it.
   */
  async checkForeignChanges(): Promise<void> {
    const listener = this.listener
    if (!listener) return // offline: everything is read again on reconnecting
    await listener.query('select 1').catch(() => undefined) // a lost connection is handled by its events
  }

  private notify(ids: readonly number[] | null): void {
    for (const l of this.listeners) l(ids)
  }

  private async listen(): Promise<void> {
    const client = new pg.Client(this.config)
    client.on('error', (err) => this.connectionLost(err))
    client.on('end', () => {
      if (this.listener === client) this.connectionLost(new Error('listener ended'))
    })
    client.on('notification', (msg) => {
      // This desk's own commits are heard too: the dispatcher has already invalidated what they
      // touched (reading one prisoner again costs one query), and a write that did not come
      // through the dispatcher (a script on this desk's connection) is then noticed as well,
      // as total_changes() notices it on the SQLite file.
      if (msg.channel !== 'omu_cases') return
      if (msg.payload === '*' || msg.payload === undefined) this.notify(null)
      else this.notify([Number(msg.payload)])
    })
    await client.connect()
    await client.query('LISTEN omu_cases')
    this.listener = client
    this.setOnline(true)
  }

  /**
   * The server went away (or a connection broke): say so, and try again with growing pauses until
   * it answers. Notifications sent meanwhile are lost, so on reconnecting every case is read again.
   */
  private connectionLost(err: unknown): void {
    if (this.closed) return
    this.setOnline(false)
    const old = this.listener
    this.listener = null
    if (old) old.end().catch(() => undefined)
    if (this.reconnectTimer) return
    let delay = 500
    const retry = () => {
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null
        if (this.closed) return
        this.listen()
          .then(() => this.notify(null))
          .catch(() => {
            delay = Math.min(delay * 2, 10_000)
            retry()
          })
      }, delay)
      this.reconnectTimer.unref()
    }
    if (!isConnectionError(err)) this.log(err)
    retry()
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    const listener = this.listener
    this.listener = null
    await listener?.end().catch(() => undefined)
    await this.pool.end().catch(() => undefined)
  }
}
