import fs from 'node:fs'
import path from 'node:path'
import type { SqliteStore } from '../../db/store/sqlite'
import type { Store } from '../../db/store/types'
import { isFutureDated, isHealthy, listBackups, partialBackups, removeDatabaseFile, storeFileProblem, takeBackup, unexpectedSchema, type BackupInfo } from '../../db/backups'
import type { DataKey, SqliteAccess } from '../../db/sqliteFile'
import type { AppStatus } from '../../shared/ipc/channels/app'
import { BACKUP_KINDS, type BackupEntry, type BackupKind, type BackupList, type RestoreResult, type RestoreTarget } from '../../shared/ipc/channels/backup'
import { UserFacingError } from '../../shared/ipc/result'
import { planRotation } from './backupRotation'
import { londonToday } from './clock'
import type { RuntimeConfig } from './runtime'

/** What the backup service needs from the store runtime. */
export interface BackupRuntime {
  readonly config: RuntimeConfig
  /** The local file's store, null in shared mode: backups are the file's own (the shared database's are the server's job). */
  readonly localStore: SqliteStore | null
  /** Where the data is kept: in shared mode there is no file here to back up or restore. */
  readonly storage: { kind: 'local' | 'shared' }
  /** How the app's SQLite files are opened: the driver build and this computer's data key (issue 15). */
  readonly access: SqliteAccess
  status(): Promise<AppStatus>
  /** The key `file` is encrypted with (null: plain), or a refusal naming the recovery key field. */
  keyForBackup(file: string, recoveryKey: string | undefined, inBackupFolder: boolean): DataKey | null
  /**
   * Makes `source` the data file: the open store is closed (an unreadable one is renamed aside),
   * the file replaced (re-encrypted with this computer's key) and the store opened again through the bootstrap.
   */
  replaceStoreFile(source: string, sourceKey: DataKey | null): Promise<void>
}

/** The backup actions system channels receive (SystemContext.backups). */
export interface BackupActions {
  list(): BackupList
  backUpNow(): Promise<BackupEntry>
  chooseFile(): Promise<{ path: string; name: string } | null>
  restore(target: RestoreTarget): Promise<RestoreResult>
  /** The open store now (after a restore it is a new one), or null when it could not be opened. */
  store(): Store | null
}

const BUSY = 'A backup or restore is already running. Wait for it to finish, then try again.'

/**
 * Backups and restore while the app is open (issue 7): the daily backup on start, "Back up now",
 * the rotation, and restoring a backup in place of the open data file.
 */
export class BackupService implements BackupActions {
  private busy = false

  constructor(private readonly rt: BackupRuntime) {}

  private get dir(): string {
    return this.rt.config.backupDir
  }

  private now(): Date {
    return this.rt.config.clock()
  }

  store(): Store | null {
    return this.rt.localStore
  }

  /**
   * VACUUM INTO copies one read transaction. It is run as a reader of the store, so no write
   * transaction is open on the connection meanwhile (the copy must hold only committed work);
   * writes wait until the copy is complete.
   */
  private backUp(store: SqliteStore, label: string, now: Date): Promise<BackupInfo> {
    return store.read(() => Promise.resolve(takeBackup(store.sqlite, this.dir, label, now, this.rt.access)))
  }

  list(): BackupList {
    this.refuseShared()
    return { folder: this.dir, backups: listBackups(this.dir, this.rt.access).map((b) => this.entry(b)) }
  }

  /**
   * On start: one automatic backup a day (issue 7), skipped when today's exists, and before
   * first-run set-up (a store with no establishment holds nothing to lose).
   */
  async dailyIfDue(): Promise<BackupEntry | null> {
    const store = this.rt.localStore
    if (!store || this.busy || (await this.rt.status()).state !== 'ready') return null
    // Checked again: a backup or restore may have started while the status was read.
    if (this.busy) return null
    const now = this.now()
    const today = londonToday(now)
    if (listBackups(this.dir, this.rt.access).some((b) => b.label === 'daily' && londonToday(new Date(b.takenAt)) === today)) return null
    return this.exclusive(async () => {
      const info = await this.backUp(store, 'daily', now)
      this.prune()
      return this.entry(info)
    })
  }

  async backUpNow(): Promise<BackupEntry> {
    this.refuseShared()
    const store = this.requireStore()
    return this.exclusive(async () => {
      const info = await this.backUp(store, 'manual', this.now())
      this.prune()
      return this.entry(info)
    })
  }

  async chooseFile(): Promise<{ path: string; name: string } | null> {
    this.refuseShared()
    const choose = this.rt.config.host.chooseOpenPath
    if (!choose) throw new UserFacingError('unavailable', 'Choosing a file is not available here. Restore a backup from the list instead.')
    const picked = await choose({ title: 'Choose an OMU Desk backup to restore', defaultPath: this.dir, filters: [{ name: 'OMU Desk backups', extensions: ['db'] }] })
    return picked ? { path: picked, name: path.basename(picked) } : null
  }

  /**
   * Issue 7: "restore first checks the backup's integrity and takes a backup of the current file".
   * Nothing is changed until both have succeeded; then the file is swapped and reopened.
   */
  async restore(target: RestoreTarget): Promise<RestoreResult> {
    this.refuseShared()
    return this.exclusive(async () => {
      const source = this.resolve(target)
      const name = path.basename(source)
      // Issue 15: a backup made on another computer needs that data file's recovery key.
      const sourceKey = this.rt.keyForBackup(source, target.recoveryKey, target.id !== undefined)
      const access = { nativeBinding: this.rt.config.nativeBinding, key: sourceKey }
      if (!isHealthy(source, access)) {
        throw new UserFacingError('invalid_input', `The backup ${name} is damaged (it failed its integrity check), so nothing was restored. Choose another backup.`)
      }
      const problem = storeFileProblem(source, this.rt.config.migrationsFolder, access)
      if (problem === 'not_a_store') {
        throw new UserFacingError('invalid_input', `${name} is not an OMU Desk data file, so nothing was restored. Choose a backup made by OMU Desk.`)
      }
      if (problem === 'newer_version') {
        throw new UserFacingError('conflict', `${name} was made by a newer version of OMU Desk, so nothing was restored. Install the newer version first.`)
      }
      // Issue 15: a file whose tables, indexes, triggers or views are not exactly OMU Desk's is refused.
      const unexpected = unexpectedSchema(source, this.rt.config.migrationsFolder, access)
      if (unexpected) throw new UserFacingError('invalid_input', `${name} cannot be restored. ${unexpected} Nothing was restored; choose a backup made by OMU Desk.`)
      const store = this.rt.localStore
      // An open store is backed up first; an unreadable one cannot be, so the runtime renames it aside.
      const safety = store ? await this.backUp(store, 'prerestore', this.now()) : null
      await this.rt.replaceStoreFile(source, sourceKey)
      this.prune()
      return { status: await this.rt.status(), safetyBackup: safety ? this.entry(safety) : null, restoredFrom: name }
    })
  }

  /** Applies the rotation (backupRotation.ts) and clears leftovers of interrupted backups. */
  prune(): void {
    for (const b of planRotation(listBackups(this.dir, this.rt.access), this.now(), londonToday).remove) removeDatabaseFile(b.path)
    for (const leftover of partialBackups(this.dir)) fs.rmSync(leftover, { force: true })
  }

  private resolve(target: RestoreTarget): string {
    if (target.id !== undefined) {
      // The id is a bare file name (checked by the contract), so it can only name a file in the backup folder.
      const file = path.join(this.dir, target.id)
      if (!fs.existsSync(file)) {
        throw new UserFacingError('not_found', 'That backup no longer exists (the rotation may have removed it). Choose another backup from the list.')
      }
      return file
    }
    const file = target.path ?? ''
    if (!path.isAbsolute(file)) throw new UserFacingError('invalid_input', 'Give the full path of the backup file to restore.', 'path')
    let stat: fs.Stats
    try {
      stat = fs.statSync(file)
    } catch {
      throw new UserFacingError('not_found', `There is no file at ${file}. Choose the backup file again.`, 'path')
    }
    if (!stat.isFile()) throw new UserFacingError('invalid_input', `${file} is not a file (it is a folder or a device). Choose the backup file itself.`, 'path')
    if (path.resolve(file) === path.resolve(this.rt.config.dbPath)) {
      throw new UserFacingError('invalid_input', 'That is the data file in use, not a backup. Choose a backup file.', 'path')
    }
    return file
  }

  /** Backups belong to this computer's file; the shared database's are the server's job (README). */
  private refuseShared(): void {
    if (this.rt.storage.kind === 'shared') {
      throw new UserFacingError('unavailable', 'The data is in the shared OMU database, which IT backs up on the server; there is no file on this computer to back up or restore.')
    }
  }

  private requireStore(): SqliteStore {
    const store = this.rt.localStore
    if (!store) throw new UserFacingError('unavailable', 'The data file could not be opened, so it cannot be backed up. Restore a backup or start a new data file.')
    return store
  }

  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new UserFacingError('conflict', BUSY)
    this.busy = true
    try {
      return await work()
    } finally {
      this.busy = false
    }
  }

  private entry(b: BackupInfo): BackupEntry {
    let sizeBytes = 0
    try {
      sizeBytes = fs.statSync(b.path).size
    } catch {
      // Removed meanwhile: shown with size 0 until the list refreshes.
    }
    const kind: BackupKind = (BACKUP_KINDS as readonly string[]).includes(b.label) ? (b.label as BackupKind) : 'other'
    return { id: path.basename(b.path), takenAt: b.takenAt, kind, sizeBytes, futureDated: isFutureDated(b, this.now()) }
  }
}
