import type { z } from 'zod'
import type { Contract, DomainName } from '../../../shared/ipc/contract'
import type { ChannelDef } from '../../../shared/ipc/define'
import type { IsoDate } from '../../../shared/engine/types'
import type { Store, StoreConn } from '../../../db/store/types'
import type { AppStatus, RecoveryCredential } from '../../../shared/ipc/channels/app'
import type { Host } from '../host'
import type { BackupActions } from '../backupService'
import type { StorageActions } from '../storage/actions'
import type { AuditRecord } from '../audit'
import type { PurgeLedger } from '../purgeLedger'
import type { AuthSession } from '../auth/session'
import type { LocalSignInGuard } from '../auth/localSignIn'
import type { User } from '../../../shared/ipc/channels/auth'

/** What a store-backed handler receives besides its validated input. */
export interface HandlerContext {
  /** The store, bound to this request's connection: in a mutation, its one write transaction. */
  store: StoreConn
  /** Today in England and Wales (Europe/London), the `today` the engines are given. */
  today: IsoDate
  now: Date
  /** Desktop integration (save dialogs); a temp folder in tests. */
  host: Host
  log: (err: unknown) => void
  /** The signed-in user making the request (null only on public channels). */
  actor: User | null
  /** Record what a mutation changed (entity, before, after) in the audit trail, in the same transaction. */
  audit(rec: AuditRecord): void
  /**
   * A query that has read all it needs and will now wait on the user (a save dialog) ends its read
   * here, so the store is not held meanwhile; `store` must not be used after it. A no-op in a mutation.
   */
  endRead(): Promise<void>
  /** Work for after the mutation's transaction has committed (never if it rolls back); errors are logged. A no-op in a query. */
  afterCommit(fn: () => void): void
  /** Retention purges, recorded so a restore of an older backup purges again (issue 15). */
  purges: PurgeLedger
}

/** What a system handler (status, recovery) receives: the runtime, not a store. */
export interface SystemContext {
  status(): Promise<AppStatus>
  restoreLatestBackup(credential: RecoveryCredential): Promise<AppStatus>
  startNewFile(credential: RecoveryCredential): Promise<AppStatus>
  /** Recovery page (issue 15): the recovery key opens a data file whose key this account does not hold. */
  enterRecoveryKey(recoveryKey: string): Promise<AppStatus>
  /** The data file's recovery key, once (issue 15); `by` is who exported it. */
  exportRecoveryKey(by: string, save: (recoveryKey: string, fingerprint: string) => Promise<string | null>): Promise<{ recoveryKey: string; fingerprint: string; savedTo: string | null }>
  /** Desktop integration (save dialogs). */
  host: Host
  /** The open store, or null on the recovery page. */
  store: Store | null
  session: AuthSession
  actor: User | null
  now: Date
  /** The wire name of the channel being served (for the audit trail). */
  channel: string
  log: (err: unknown) => void
  /** Backups and restore (issue 7). */
  backups: BackupActions
  /** Where the data is kept: this computer or the shared OMU database (issue 13). */
  storage: StorageActions
  /** This computer's file: password checks in progress and unknown usernames' refusals (issue 15). */
  signInGuard: LocalSignInGuard
}

type HandlerFor<C> =
  C extends ChannelDef<infer I, infer O, infer K>
    ? K extends 'system'
      ? (input: z.output<I>, ctx: SystemContext) => Promise<z.input<O>> | z.input<O>
      : // Queries and mutations alike are async (the shared database answers over the network);
        // a mutation runs inside one write transaction (Store.write) with its audit rows.
        (input: z.output<I>, ctx: HandlerContext) => z.input<O> | Promise<z.input<O>>
    : never

/** One handler per contract channel; the compiler refuses a missing or extra one. */
export type Handlers = { [D in DomainName]: { [M in keyof Contract[D]]: HandlerFor<Contract[D][M]> } }
