import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { openStore, StoreOpenError, type StoreProblemKind } from '../../db/bootstrap'
import type { SqliteStore } from '../../db/store/sqlite'
import { ServerUnavailableError, type PostgresStore, type SharedLocation } from '../../db/store/postgres'
import type { Store } from '../../db/store/types'
import type { Storage } from '../../shared/ipc/channels/storage'
import { readStorageChoice, writeStorageChoice, type StorageChoice } from './storage/choice'
import { openShared } from './storage/connect'
import { SignInBackoff } from './storage/signInBackoff'
import { sendsPlainTextOverNetwork } from '../../shared/transport'
import { isHealthy, listBackups } from '../../db/backups'
import type { AppStatus } from '../../shared/ipc/channels/app'
import { UserFacingError } from '../../shared/ipc/result'
import { BackupService } from './backupService'
import { londonToday, type Clock } from './clock'
import { readEstablishment } from './establishment/store'
import type { Host } from './host'

export interface RuntimeConfig {
  dbPath: string
  backupDir: string
  migrationsFolder: string
  nativeBinding?: string
  clock: Clock
  appVersion: string
  host: Host
  log: (err: unknown) => void
  /** The shared database's migrations (db/migrations-pg), checked against its schema at sign-in. */
  pgMigrationsFolder?: string
  /** Where the choice of store is kept (default: storage.json beside the data file). Never a password. */
  storageFile?: string
}

type StoreState =
  | { kind: 'open'; store: SqliteStore }
  | { kind: 'recovery'; problem: { kind: StoreProblemKind; message: string } }
  /** The shared OMU database (issue 13): open only while someone is signed in, with their own login. */
  | { kind: 'shared'; location: SharedLocation; store: PostgresStore | null }

/**
 * Owns the store's lifecycle in the main process: open (or recovery when it cannot be opened),
 * and the two recovery choices. Nothing is overwritten without the user's choice: a damaged file
 * is renamed aside, never deleted.
 */
export class StoreRuntime {
  private state: StoreState = { kind: 'recovery', problem: { kind: 'unreadable', message: 'The data file has not been opened yet.' } }

  /** Daily backup, "Back up now", rotation and restore while open (issue 7). */
  readonly backups: BackupService

  /** Shared mode: this app's brake on sign-ins the server keeps refusing (issue 14), on the app's clock. */
  readonly signIns: SignInBackoff

  private constructor(readonly config: RuntimeConfig) {
    this.backups = new BackupService(this)
    this.signIns = new SignInBackoff(() => this.config.clock().getTime())
  }

  static async start(config: RuntimeConfig): Promise<StoreRuntime> {
    const rt = new StoreRuntime(config)
    const choice = readStorageChoice(rt.storageFile)
    if (choice.kind === 'shared') {
      rt.state = { kind: 'shared', location: choice.location, store: null }
      return rt
    }
    await rt.open()
    // Issue 7: an automatic backup on start, once a day. A failure is logged, never blocks the app.
    await rt.backups.dailyIfDue().catch((err: unknown) => config.log(err))
    return rt
  }

  private async open(): Promise<void> {
    fs.mkdirSync(path.dirname(this.config.dbPath), { recursive: true })
    try {
      const { store } = await openStore(this.config.dbPath, {
        migrationsFolder: this.config.migrationsFolder,
        backupDir: this.config.backupDir,
        nativeBinding: this.config.nativeBinding,
        now: this.config.clock,
      })
      this.state = { kind: 'open', store }
    } catch (err) {
      if (!(err instanceof StoreOpenError)) this.config.log(err)
      const problem =
        err instanceof StoreOpenError
          ? { kind: err.kind, message: err.message }
          : { kind: 'unreadable' as const, message: `The data file at ${this.config.dbPath} could not be opened.` }
      this.state = { kind: 'recovery', problem }
    }
  }

  /** The open store: the SQLite file, or the shared database while someone is signed in; null on the recovery page. */
  get store(): Store | null {
    return this.state.kind === 'recovery' ? null : this.state.store
  }

  /** The SQLite file when it is the store (backups and recovery are the file's own; in shared mode they are the server's). */
  get localStore(): SqliteStore | null {
    return this.state.kind === 'open' ? this.state.store : null
  }

  private get storageFile(): string {
    return this.config.storageFile ?? path.join(path.dirname(this.config.dbPath), 'storage.json')
  }

  /** Where the data is kept, for Settings and the sign-in page. */
  get storage(): Storage {
    if (this.state.kind !== 'shared') return { kind: 'local', path: this.config.dbPath }
    const store = this.state.store
    const location = { ...this.state.location, allowPlainText: this.state.location.allowPlainText === true }
    return { kind: 'shared', location, online: store ? store.isOnline : true, connected: store !== null }
  }

  /**
   * In shared mode, signs in to the shared database with the user's own login (issue 13): the
   * store is then theirs until sign-out. The password is kept only in this process's memory, for
   * the connections it opens; never on disk.
   */
  async openSharedAs(username: string, password: string): Promise<PostgresStore> {
    if (this.state.kind !== 'shared') throw new Error('Not in shared mode')
    const folder = this.config.pgMigrationsFolder
    if (!folder) throw new UserFacingError('unavailable', 'This installation has no shared database migrations. Reinstall OMU Desk.')
    const location = this.state.location
    const opened = await openShared(location, { user: username, password }, folder, this.config.log)
    // Another user's connections (the previous sign-in on this computer) end here.
    const previous = this.state.kind === 'shared' ? this.state.store : null
    this.state = { kind: 'shared', location, store: opened }
    await previous?.close()
    return opened
  }

  /** Sign-out in shared mode closes the user's connections: the next user signs in with their own. */
  async closeShared(): Promise<void> {
    if (this.state.kind !== 'shared' || !this.state.store) return
    const store = this.state.store
    this.state = { kind: 'shared', location: this.state.location, store: null }
    await store.close()
  }

  /** Switches where the data is kept (storage.choose); the caller signs everyone out. */
  async choose(choice: StorageChoice): Promise<void> {
    writeStorageChoice(this.storageFile, choice)
    await this.close()
    if (choice.kind === 'shared') this.state = { kind: 'shared', location: choice.location, store: null }
    else await this.open()
  }

  today(): string {
    return londonToday(this.config.clock())
  }

  async status(): Promise<AppStatus> {
    const storage = this.storage
    const shared = storage.kind === 'shared'
    const latest = shared ? null : (listBackups(this.config.backupDir)[0] ?? null)
    const base = {
      dbPath: shared ? `${storage.location.host}:${storage.location.port}/${storage.location.database}` : this.config.dbPath,
      appVersion: this.config.appVersion,
      today: this.today(),
      latestBackup: latest ? { path: latest.path, takenAt: latest.takenAt } : null,
      storage: {
        kind: storage.kind,
        online: shared ? storage.online : true,
        // Allowed by a HOMS, but said on every page while it lasts (issue 14). Not allowed, nothing is sent.
        plainText: shared && sendsPlainTextOverNetwork(storage.location) && storage.location.allowPlainText === true,
      },
    }
    if (this.state.kind === 'recovery') return { ...base, state: 'recovery', problem: this.state.problem }
    const store = this.state.store
    // Signed out of the shared database: whether it is set up is known after sign-in.
    if (!store) return { ...base, state: 'ready', problem: null }
    let est
    try {
      est = await store.read((c) => readEstablishment(c.db))
    } catch (err) {
      // The shared database went away: the app keeps what it shows, with the banner (issue 13).
      if (err instanceof ServerUnavailableError) return { ...base, state: 'ready', problem: null, storage: { ...base.storage, online: false } }
      throw err
    }
    return { ...base, state: est ? 'ready' : 'setup', problem: null }
  }

  /** Renames the damaged file (and its WAL/SHM) aside with a timestamp; returns the new name. */
  private setAside(): string | null {
    if (!fs.existsSync(this.config.dbPath)) return null
    const stamp = this.config.clock().toISOString().replace(/[-:.]/g, '')
    const aside = `${this.config.dbPath}.unreadable-${stamp}`
    fs.renameSync(this.config.dbPath, aside)
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(this.config.dbPath + suffix)) fs.renameSync(this.config.dbPath + suffix, aside + suffix)
    }
    return aside
  }

  async restoreLatestBackup(): Promise<AppStatus> {
    this.requireRecovery()
    const healthy = listBackups(this.config.backupDir).find((b) => isHealthy(b.path, this.config.nativeBinding))
    if (!healthy) {
      throw new UserFacingError('not_found', 'There is no usable backup to restore. Choose "Start a new data file" instead.')
    }
    // The same path as a restore from Settings: the damaged file is set aside, the backup kept.
    await this.replaceStoreFile(healthy.path)
    return this.status()
  }

  /**
   * Makes `source` (a checked backup) the data file: it is first copied beside the store with the
   * online backup API (so a WAL beside it is included), then the store is closed (an unreadable
   * one is renamed aside instead), the copy renamed into place and the store opened again through
   * the bootstrap (health check, migrations). Until the rename, the current file is untouched.
   */
  async replaceStoreFile(source: string): Promise<void> {
    const staging = `${this.config.dbPath}.restoring`
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(staging + suffix, { force: true })
    const from = new Database(source, { readonly: true, fileMustExist: true, nativeBinding: this.config.nativeBinding })
    try {
      await from.backup(staging)
    } finally {
      from.close()
    }
    if (this.state.kind === 'open') await this.state.store.close()
    else this.setAside()
    this.state = { kind: 'recovery', problem: { kind: 'unreadable', message: 'The data file is being replaced by a backup.' } }
    // A WAL left by the replaced file must never be applied to the restored one.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(this.config.dbPath + suffix, { force: true })
    fs.renameSync(staging, this.config.dbPath)
    await this.open()
  }

  async startNewFile(): Promise<AppStatus> {
    this.requireRecovery()
    this.setAside()
    await this.open()
    return this.status()
  }

  private requireRecovery(): void {
    if (this.state.kind === 'shared') {
      throw new UserFacingError('conflict', 'The data is in the shared OMU database, which IT looks after: there is no file on this computer to recover.')
    }
    if (this.state.kind === 'open') {
      // Recovery actions only make sense when the store could not be opened; refusing them
      // otherwise means a stray call can never replace a working data file.
      throw new UserFacingError('conflict', 'The data file is open and working: there is nothing to recover.')
    }
  }

  async close(): Promise<void> {
    const open = this.state.kind === 'recovery' ? null : this.state.store
    this.state = { kind: 'recovery', problem: { kind: 'unreadable', message: 'The data file is closed.' } }
    await open?.close()
  }

  /** For tests that simulate a crash: the connection goes without waiting for requests in flight. */
  closeNow(): void {
    if (this.state.kind === 'open') this.state.store.closeNow()
    else if (this.state.kind === 'shared') void this.state.store?.close()
    this.state = { kind: 'recovery', problem: { kind: 'unreadable', message: 'The data file is closed.' } }
  }
}
