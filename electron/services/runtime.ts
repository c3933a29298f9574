import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { openStore, StoreOpenError, type Store, type StoreProblemKind } from '../../db/bootstrap'
import { isHealthy, listBackups } from '../../db/backups'
import type { AppStatus } from '../../shared/ipc/channels/app'
import { UserFacingError } from '../../shared/ipc/result'
import { BackupService } from './backupService'
import { londonToday, type Clock } from './clock'
import { readEstablishment } from './handlers/establishment'
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
}

type StoreState = { kind: 'open'; store: Store } | { kind: 'recovery'; problem: { kind: StoreProblemKind; message: string } }

/**
 * Owns the store's lifecycle in the main process: open (or recovery when it cannot be opened),
 * and the two recovery choices. Nothing is overwritten without the user's choice: a damaged file
 * is renamed aside, never deleted.
 */
export class StoreRuntime {
  private state: StoreState = { kind: 'recovery', problem: { kind: 'unreadable', message: 'The data file has not been opened yet.' } }

  /** Daily backup, "Back up now", rotation and restore while open (issue 7). */
  readonly backups: BackupService

  private constructor(readonly config: RuntimeConfig) {
    this.backups = new BackupService(this)
  }

  static async start(config: RuntimeConfig): Promise<StoreRuntime> {
    const rt = new StoreRuntime(config)
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

  /** The open store, or null when the recovery page is showing. */
  get store(): Store | null {
    return this.state.kind === 'open' ? this.state.store : null
  }

  today(): string {
    return londonToday(this.config.clock())
  }

  status(): AppStatus {
    const latest = listBackups(this.config.backupDir)[0] ?? null
    const base = {
      dbPath: this.config.dbPath,
      appVersion: this.config.appVersion,
      today: this.today(),
      latestBackup: latest ? { path: latest.path, takenAt: latest.takenAt } : null,
    }
    if (this.state.kind === 'recovery') return { ...base, state: 'recovery', problem: this.state.problem }
    const est = readEstablishment(this.state.store.db)
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
    if (this.state.kind === 'open') this.state.store.close()
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
    if (this.state.kind === 'open') {
      // Recovery actions only make sense when the store could not be opened; refusing them
      // otherwise means a stray call can never replace a working data file.
      throw new UserFacingError('conflict', 'The data file is open and working: there is nothing to recover.')
    }
  }

  close(): void {
    if (this.state.kind === 'open') this.state.store.close()
    this.state = { kind: 'recovery', problem: { kind: 'unreadable', message: 'The data file is closed.' } }
  }
}
