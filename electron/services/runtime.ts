import type Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { openStore, storeFileExists, StoreOpenError, type StoreProblemKind } from '../../db/bootstrap'
import { formatRecoveryKey, isPlainSqliteFile, keyFingerprint, openSqliteFile, parseRecoveryKey, rekeyFile, type DataKey, type SqliteAccess } from '../../db/sqliteFile'
import { DataKeyFile, type KeyProtector } from './storage/dataKey'
import { ServerUnavailableError, type PostgresStore, type SharedLocation } from '../../db/store/postgres'
import type { Store } from '../../db/store/types'
import { restoreInProgress, restoreLockOf, type SqliteStore } from '../../db/store/sqlite'
import type { Storage } from '../../shared/ipc/channels/storage'
import { readStorageChoice, writeStorageChoice, type StorageChoice } from './storage/choice'
import { openShared } from './storage/connect'
import { SignInBackoff } from './storage/signInBackoff'
import { LocalSignInGuard } from './auth/localSignIn'
import { sendsPlainTextOverNetwork } from '../../shared/transport'
import { backupTakenAt, isFutureDated, isHealthy, listBackups, removeDatabaseFile, unexpectedSchema } from '../../db/backups'
import type { AppStatus, RecoveryCredential } from '../../shared/ipc/channels/app'
import { UserFacingError } from '../../shared/ipc/result'
import { BackupService } from './backupService'
import { keepFilesPrivate } from './filePrivacy'
import { londonToday, type Clock } from './clock'
import { readEstablishment } from './establishment/store'
import { dummyHash, verifyPassword } from './auth/passwords'
import { forgetPrisoner, prisonersByIds, purgePrisoner, userIdByUsername, writeAudit } from './trust/store'
import { PurgeLedger } from './purgeLedger'
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
  /** The operating system's protection for the signed-in account, which holds the data file's key (issue 15). */
  keys: KeyProtector
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

  /** This computer's file: password checks in progress and unknown usernames' refusals (issue 15). */
  readonly localSignIns: LocalSignInGuard

  /** Retention purges, kept outside the data file so a restore of an older backup purges again (issue 15). */
  readonly purges: PurgeLedger

  /** The data file's key sealed for this account, beside the data file (issue 15). */
  private readonly keyFile: DataKeyFile

  /** The data key in use; a recovery key entered where the OS cannot hold one is kept here only, for this run. */
  private dataKey: DataKey | null = null

  private constructor(readonly config: RuntimeConfig) {
    this.keyFile = DataKeyFile.beside(config.dbPath, config.keys)
    this.purges = new PurgeLedger(path.join(path.dirname(config.dbPath), 'omu-purge-ledger.json'), () => this.storage.kind === 'local')
    this.backups = new BackupService(this)
    this.signIns = new SignInBackoff(() => this.config.clock().getTime())
    this.localSignIns = new LocalSignInGuard(() => this.config.clock().getTime())
  }

  static async start(config: RuntimeConfig): Promise<StoreRuntime> {
    keepFilesPrivate(path.dirname(config.dbPath), config.backupDir)
    const rt = new StoreRuntime(config)
    const choice = readStorageChoice(rt.storageFile)
    if (choice.kind === 'shared') {
      rt.state = { kind: 'shared', location: choice.location, store: null }
      return rt
    }
    rt.finishInterruptedRestore()
    await rt.open()
    // Issue 7: an automatic backup on start, once a day. A failure is logged, never blocks the app.
    await rt.backups.dailyIfDue().catch((err: unknown) => config.log(err))
    return rt
  }

  /**
   * Issue 15: a restore stopped part-way (the app or the computer stopped) leaves its files. If
   * the data file had been moved aside and the backup not yet put in its place, the data file goes
   * back; otherwise the swap had happened and the leftovers go. A restore lock left by a process
   * that has gone is removed (a live one belongs to another window still restoring).
   */
  private finishInterruptedRestore(): void {
    const dbPath = this.config.dbPath
    const previous = `${dbPath}.replaced`
    const lock = restoreLockOf(dbPath)
    if (restoreInProgress(dbPath)) return
    if (!fs.existsSync(dbPath) && fs.existsSync(previous)) fs.renameSync(previous, dbPath)
    for (const f of [`${dbPath}.restoring`, previous]) removeDatabaseFile(f)
    fs.rmSync(lock, { force: true })
  }

  /** How the app's own SQLite files are opened: this ABI's driver and the data key. */
  get access(): SqliteAccess {
    return { nativeBinding: this.config.nativeBinding, key: this.dataKey }
  }

  /**
   * Issue 15: the data key, from the sealed key file; created (and sealed before any use) at first
   * run. A data file that is already encrypted but has no key this account can unseal needs the
   * recovery key; where the operating system has no protection to seal a key with, the app will
   * not make an unprotected one.
   */
  private unlock(): DataKey {
    if (this.dataKey) return this.dataKey
    const dbPath = this.config.dbPath
    const notProtected = this.keyFile.unavailableReason()
    if (notProtected) {
      throw new StoreOpenError('no_key_protection', `${notProtected} OMU Desk keeps its data file encrypted with a key that only your account can unlock, so it cannot keep the key here.${storeFileExists(dbPath) && !isPlainSqliteFile(dbPath) ? ' A HOMS can enter the recovery key to open the data file for this session.' : ' Ask IT to set up the account’s key store, then start OMU Desk again.'}`)
    }
    const state = this.keyFile.read()
    if (state.kind === 'ready') return (this.dataKey = state.key)
    // A plain copy left by an interrupted upgrade means the data file was plain: encryptPlainFiles finishes it.
    const encrypted = storeFileExists(dbPath) && !isPlainSqliteFile(dbPath) && !fs.existsSync(beforeEncryption(dbPath))
    if (state.kind === 'sealed_elsewhere' || encrypted) {
      throw new StoreOpenError('key_unavailable', `The data file at ${dbPath} is encrypted with a key this computer's account does not hold (it was made on another computer or under another account). Enter the recovery key a HOMS exported to open it.`)
    }
    return (this.dataKey = this.keyFile.create())
  }

  /**
   * Issue 15: files written before encryption (the data file and the backups) are encrypted in
   * place at the first start of this version. The data file is copied first (the copy is the
   * "backup first"): if the encryption stops part-way, the next start puts the copy back and
   * encrypts again; once the encrypted file opens, the plain copy is deleted, so no plain-text
   * copy outlives the upgrade.
   */
  private encryptPlainFiles(key: DataKey): void {
    const dbPath = this.config.dbPath
    const nativeBinding = this.config.nativeBinding
    const before = beforeEncryption(dbPath)
    if (fs.existsSync(before)) {
      if (isPlainSqliteFile(dbPath) || !isHealthy(dbPath, { key, nativeBinding })) {
        removeDatabaseFile(dbPath)
        fs.renameSync(before, dbPath)
      } else removeDatabaseFile(before)
    }
    if (isPlainSqliteFile(dbPath)) {
      // Closing the last connection checkpoints the WAL into the file, so the copy is complete.
      openSqliteFile(dbPath, { key: null, nativeBinding }, { fileMustExist: true }).close()
      fs.copyFileSync(dbPath, before)
      rekeyFile(dbPath, null, key, nativeBinding)
      if (!isHealthy(dbPath, { key, nativeBinding })) throw new StoreOpenError('unreadable', `The data file at ${dbPath} could not be encrypted; it is unchanged. Restart OMU Desk to try again.`)
      removeDatabaseFile(before)
    }
    for (const b of listBackupFiles(this.config.backupDir)) {
      if (isPlainSqliteFile(b)) rekeyFile(b, null, key, nativeBinding)
    }
  }

  private async open(): Promise<void> {
    fs.mkdirSync(path.dirname(this.config.dbPath), { recursive: true })
    try {
      const key = this.unlock()
      this.encryptPlainFiles(key)
      const { store } = await openStore(this.config.dbPath, {
        migrationsFolder: this.config.migrationsFolder,
        backupDir: this.config.backupDir,
        access: { nativeBinding: this.config.nativeBinding, key },
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
    // Issue 15: a file that was only busy (another program held it) is tried again, not left on the recovery page.
    if (this.state.kind === 'recovery' && this.state.problem.kind === 'busy') await this.open()
    const storage = this.storage
    const shared = storage.kind === 'shared'
    // The latest by the app's own sequence; one dated in the future is never it (issue 15).
    const latest = shared ? null : (listBackups(this.config.backupDir, this.access).find((b) => !isFutureDated(b, this.config.clock())) ?? null)
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

  async restoreLatestBackup(credential: RecoveryCredential): Promise<AppStatus> {
    this.requireRecovery()
    // Issue 15: the latest by sequence that is not dated in the future, is healthy, and is exactly OMU Desk's.
    const now = this.config.clock()
    const access = this.access
    const healthy = listBackups(this.config.backupDir, access).find(
      (b) => !isFutureDated(b, now) && isHealthy(b.path, access) && unexpectedSchema(b.path, this.config.migrationsFolder, access) === null,
    )
    await this.requireRecoveryHoms(credential, healthy?.path ?? null)
    if (!healthy) {
      throw new UserFacingError('not_found', 'There is no usable backup to restore. Choose "Start a new data file" instead.')
    }
    const problem = this.state.kind === 'recovery' ? this.state.problem : null
    // The same path as a restore from Settings: the damaged file is set aside, the backup kept.
    await this.replaceStoreFile(healthy.path, access.key)
    await this.auditRecovery('omu:recovery.restoreLatestBackup', credential.username, { problem }, { restoredFrom: path.basename(healthy.path) })
    return this.status()
  }


  /**
   * Makes `source` (a checked backup) the data file: it is first copied beside the store by SQLite
   * (VACUUM INTO, so a WAL beside it is included), then the store is closed (an unreadable one is
   * renamed aside instead), the copy renamed into place and the store opened again through the
   * bootstrap (health check, migrations). Until the rename, the current file is untouched.
   * `sourceKey` is the key the backup is encrypted with (null: a plain file from before issue 15);
   * the copy is re-encrypted with this computer's data key before it takes the data file's place.
   */
  async replaceStoreFile(source: string, sourceKey: DataKey | null): Promise<void> {
    const dbPath = this.config.dbPath
    const staging = `${dbPath}.restoring`
    const previous = `${dbPath}.replaced`
    removeDatabaseFile(staging)
    const nativeBinding = this.config.nativeBinding
    const from = openSqliteFile(source, { key: sourceKey, nativeBinding }, { readonly: true, fileMustExist: true })
    try {
      from.prepare('vacuum into ?').run(staging)
    } finally {
      from.close()
    }
    const key = this.unlock()
    if (!sourceKey || !sourceKey.equals(key)) rekeyFile(staging, sourceKey, key, nativeBinding)
    // Issue 15: other windows of the app with this file open refuse requests while the file is
    // swapped (the lock), and afterwards (the file they have open is no longer the data file).
    const lock = restoreLockOf(dbPath)
    fs.writeFileSync(lock, String(process.pid), { mode: 0o600 })
    try {
      const wasOpen = this.state.kind === 'open'
      if (this.state.kind === 'open') await this.state.store.close()
      else this.setAside()
      this.state = { kind: 'recovery', problem: { kind: 'unreadable', message: 'The data file is being replaced by a backup.' } }
      // A WAL left by the replaced file must never be applied to the restored one.
      for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true })
      // The file replaced stays beside it until the restored one has opened (issue 15).
      removeDatabaseFile(previous)
      if (wasOpen && fs.existsSync(dbPath)) fs.renameSync(dbPath, previous)
      fs.renameSync(staging, dbPath)
      await this.open()
      if (this.state.kind === 'recovery' && fs.existsSync(previous)) {
        // The restored file would not open (a migration failed, the disk is full...): the data
        // file as it was goes back into use, so the app never ends on the recovery page by a restore.
        const problem = this.state.problem
        removeDatabaseFile(dbPath)
        fs.renameSync(previous, dbPath)
        await this.open()
        throw new UserFacingError('unavailable', `The backup could not be opened once restored (${problem.message.replace(/\.$/, '')}), so the data file as it was before is back in use and nothing was changed.`)
      }
      removeDatabaseFile(previous)
    } finally {
      fs.rmSync(lock, { force: true })
    }
    await this.purgeAgainSince(backupTakenAt(source))
  }

  /**
   * Issue 15: a backup taken before a retention purge holds the people it forgot. Once restored,
   * every record the purge ledger names since the backup was taken is purged again (and forgotten
   * in the trail), and the restored file records that it was done.
   */
  private async purgeAgainSince(takenAt: string | null): Promise<void> {
    const ids = this.purges.purgedSince(takenAt)
    const store = this.localStore
    if (ids.length === 0 || !store) return
    await store.write(async (c) => {
      const again: number[] = []
      for (const id of ids) {
        if ((await prisonersByIds(c.db, [id])).length === 0) continue
        const { sessionIds } = await purgePrisoner(c.db, id)
        await forgetPrisoner(c, id, sessionIds)
        again.push(id)
      }
      if (again.length > 0) {
        await writeAudit(c, null, 'omu:backup.restore', this.config.clock(), { entity: 'data_file', entityId: null, before: null, after: { purgedAgain: again.length, since: takenAt } })
      }
    })
  }

  async startNewFile(credential: RecoveryCredential): Promise<AppStatus> {
    this.requireRecovery()
    const now = this.config.clock()
    const access = this.access
    const backup = listBackups(this.config.backupDir, access).find((b) => !isFutureDated(b, now) && isHealthy(b.path, access))
    await this.requireRecoveryHoms(credential, backup?.path ?? null)
    const problem = this.state.kind === 'recovery' ? this.state.problem : null
    if (problem?.kind === 'no_key_protection') {
      // A new file would need a key this computer cannot keep either: nothing is moved aside for nothing.
      throw new UserFacingError('unavailable', 'A new data file would need a key this computer’s account cannot keep either. Ask IT to set up the account’s key store, then start OMU Desk again.')
    }
    const aside = this.setAside()
    // A file whose key this account does not hold: its sealed key goes aside with it, and the new file gets a new key.
    if (aside && problem?.kind === 'key_unavailable' && fs.existsSync(this.keyFile.file)) fs.renameSync(this.keyFile.file, `${aside}.key.json`)
    await this.open()
    await this.auditRecovery('omu:recovery.startNewFile', credential.username, { problem, keptAs: aside ? path.basename(aside) : null }, { newFile: true })
    return this.status()
  }

  /**
   * Issue 15, recovery page: the data file is encrypted with a key this account does not hold (a
   * laptop replaced, a new Windows profile), or the OS cannot hold a key. The recovery key a HOMS
   * exported opens it: possession of it is the credential. It is then sealed for this account
   * (or, where the OS cannot hold it, kept in memory for this run only) and the file opens.
   */
  async enterRecoveryKey(text: string): Promise<AppStatus> {
    this.requireRecovery()
    const problem = this.state.kind === 'recovery' ? this.state.problem : null
    if (problem?.kind !== 'key_unavailable' && problem?.kind !== 'no_key_protection' && problem?.kind !== 'corrupt') {
      throw new UserFacingError('conflict', 'The data file does not need its recovery key: use the choices on this page instead.')
    }
    const key = recoveryKeyOrRefuse(text)
    const dbPath = this.config.dbPath
    if (!storeFileExists(dbPath) || !decryptsWith(dbPath, { key, nativeBinding: this.config.nativeBinding })) {
      throw new UserFacingError('invalid_input', 'That recovery key does not open this data file. Check it against the saved recovery key file, or ask the HOMS who exported it.', 'recoveryKey')
    }
    if (this.keyFile.unavailableReason() === null) {
      // The key is known outside the app already (it was just typed in): it counts as exported.
      this.keyFile.adopt(key, { at: this.config.clock().toISOString(), by: 'entered as a recovery key on this computer' })
    }
    this.dataKey = key
    await this.open()
    const store = this.localStore
    if (store) {
      await store
        .write((c) => writeAudit(c, null, 'omu:recovery.enterRecoveryKey', this.config.clock(), { entity: 'data_file', entityId: null, before: { problem: problem.kind }, after: { opened: true } }))
        .catch((err: unknown) => this.config.log(err))
    }
    return this.status()
  }

  /**
   * Issue 15: the recovery key, for a HOMS to keep off this computer, so a backup can be restored
   * on a new laptop. It can be exported once: afterwards the answer says when and by whom.
   * `save` writes it where the HOMS chose (returning where, or null when they cancelled: the key is
   * still shown); only once it has succeeded is the export recorded, so a failed save loses nothing.
   */
  async exportRecoveryKey(by: string, save: (recoveryKey: string, fingerprint: string) => Promise<string | null>): Promise<{ recoveryKey: string; fingerprint: string; savedTo: string | null }> {
    const store = this.localStore
    if (!store || !this.dataKey) throw new UserFacingError('unavailable', 'The data file is not open here, so there is no recovery key to export.')
    const done = this.keyFile.recoveryExported()
    if (done) {
      throw new UserFacingError('conflict', `The recovery key was already exported (${done.at.slice(0, 10).split('-').reverse().join('/')}, ${done.by}); it can be exported only once. Use the copy kept then.`)
    }
    if (this.keyFile.unavailableReason() !== null) {
      throw new UserFacingError('unavailable', 'This data file was opened with its recovery key for this session only; the key is already outside the app.')
    }
    const recoveryKey = formatRecoveryKey(this.dataKey)
    const fingerprint = keyFingerprint(this.dataKey)
    const savedTo = await save(recoveryKey, fingerprint)
    this.keyFile.markRecoveryExported(this.config.clock().toISOString(), by)
    return { recoveryKey, fingerprint, savedTo }
  }

  /**
   * The key a backup file is encrypted with, for a restore: null for a plain file (from before
   * issue 15), this computer's key when it opens with it, else the recovery key given with the
   * request. Refused, naming the field, when none of these opens it.
   */
  keyForBackup(file: string, recoveryKey: string | undefined, inBackupFolder: boolean): DataKey | null {
    if (isPlainSqliteFile(file)) return null
    const nativeBinding = this.config.nativeBinding
    const own = this.dataKey
    if (own && decryptsWith(file, { key: own, nativeBinding })) return own
    const name = path.basename(file)
    if (recoveryKey === undefined || recoveryKey.trim() === '') {
      // SQLCipher cannot tell a damaged first page from another key. The app's own backups are made with this key, so damage is likelier there.
      if (inBackupFolder) {
        throw new UserFacingError('invalid_input', `The backup ${name} is damaged (it cannot be read with this data file's key), so nothing was restored. Choose another backup, or, if it was made before this data file was started again, enter its recovery key.`, 'recoveryKey')
      }
      throw new UserFacingError('invalid_input', `${name} cannot be read with this computer's key: it was made on another computer or under another account (enter that data file's recovery key to restore it), or it is damaged.`, 'recoveryKey')
    }
    const key = recoveryKeyOrRefuse(recoveryKey)
    if (!decryptsWith(file, { key, nativeBinding })) {
      throw new UserFacingError('invalid_input', `That recovery key does not open ${name}: it is damaged, or it was encrypted with another key. Check the recovery key, or choose another backup.`, 'recoveryKey')
    }
    return key
  }

  /**
   * Issue 15: the recovery page acts only for a HOMS of this data file. Their profile is read from
   * the file that could not be opened (often only part of it is damaged), or when that cannot be
   * read, from the newest usable backup. When neither holds an active HOMS there is nobody to ask
   * (a file that never got past first run) and the choice is allowed.
   */
  private async requireRecoveryHoms(credential: RecoveryCredential, backup: string | null): Promise<void> {
    if (this.state.kind === 'recovery' && this.state.problem.kind === 'busy') {
      throw new UserFacingError('conflict', 'The data file is only in use by another program; it does not need restoring or replacing. Close that program, then reload OMU Desk.')
    }
    const profiles = [this.config.dbPath, backup].map((f) => (f ? activeHomsIn(f, this.access) : null)).find((p) => p !== null && p.length > 0)
    if (!profiles) return
    const row = profiles.find((p) => p.username === credential.username)
    // Hashed even for an unknown username, so the answer takes as long either way.
    const ok = await verifyPassword(credential.password, row?.passwordHash ?? (await dummyHash()))
    if (!row || !ok) throw new UserFacingError('invalid_input', 'Enter the username and password of a HOMS of this data file (as they were when it last worked).', 'password')
  }

  /** The recovery choice, recorded in the file now in use (issue 15): who, and what happened. */
  private async auditRecovery(channel: string, username: string, before: unknown, after: unknown): Promise<void> {
    const store = this.localStore
    if (!store) return
    try {
      await store.write(async (c) => {
        const id = await userIdByUsername(c.db, username)
        await writeAudit(c, { id: id ?? null, username, role: 'homs' }, channel, this.config.clock(), { entity: 'data_file', entityId: null, before, after })
      })
    } catch (err) {
      // The file is replaced already; a missing audit row is logged, not reported as a failed recovery.
      this.config.log(err)
    }
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

/** The active HOMS profiles of a data file, read-only; null when the file cannot be read. */
function activeHomsIn(file: string, access: SqliteAccess): { username: string; passwordHash: string }[] | null {
  let db: Database.Database | undefined
  try {
    db = openSqliteFile(file, access, { readonly: true, fileMustExist: true })
    return db.prepare("select username, password_hash as passwordHash from app_user where role = 'homs' and active = 1").all() as { username: string; passwordHash: string }[]
  } catch {
    return null
  } finally {
    db?.close()
  }
}

/** The key a typed recovery key names, or a refusal naming the field when it is not one. */
function recoveryKeyOrRefuse(text: string): DataKey {
  const key = parseRecoveryKey(text)
  if (!key) throw new UserFacingError('invalid_input', 'A recovery key is 64 characters, the digits 0 to 9 and the letters A to F, usually written in groups of four. Check it and enter it again.', 'recoveryKey')
  return key
}

/** The plain copy an upgrade takes before encrypting the data file in place (issue 15). */
const beforeEncryption = (dbPath: string): string => `${dbPath}.before-encryption`

/** True when the key decrypts the file (its first page reads); damage elsewhere shows later, in the health check. */
function decryptsWith(file: string, access: SqliteAccess): boolean {
  try {
    openSqliteFile(file, access, { readonly: true, fileMustExist: true }).close()
    return true
  } catch {
    return false
  }
}

/** Every file in the backup folder named as the app names backups (complete ones, not partial copies). */
function listBackupFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((n) => /^omu-.*\.db$/.test(n)).map((n) => path.join(dir, n))
  } catch {
    return []
  }
}
