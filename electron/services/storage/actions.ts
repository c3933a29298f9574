import { count } from 'drizzle-orm'
import { appUser } from '../../../db/schema'
import pg from 'pg'
import { copyToShared, CopyRefusedError, type CopyReport } from '../../../db/shared/copy'
import { clientConfig, type PostgresStore, type SharedLocation } from '../../../db/store/postgres'
import { UserFacingError } from '../../../shared/ipc/result'
import type { Storage } from '../../../shared/ipc/channels/storage'
import type { StoreRuntime } from '../runtime'
import type { StorageChoice } from './choice'
import { BadSignInError, openShared } from './connect'
import { SignInPausedError } from './signInBackoff'
import { warmInBackground } from '../caseload/warm'

/** What the storage channels may do with the runtime (SystemContext.storage). */
export interface StorageActions {
  current(): Storage
  /** Opens the shared database at `location` as this user (a connection test; the caller closes it). */
  open(location: SharedLocation, username: string, password: string): Promise<PostgresStore>
  choose(choice: StorageChoice): Promise<void>
  /** True on a computer whose own file has no user yet (first run). */
  hasNoUsers(): Promise<boolean>
  /** Shared mode: the store opened with this user's own login (the sign-in itself); null in local mode. */
  signIn(username: string, password: string): Promise<PostgresStore | null>
  /** Shared mode: closes the signed-out user's connections. */
  signOut(): Promise<void>
  /** Shared mode: whether the server accepts this password for this login (a connection opens), asked afresh. */
  passwordAccepted(username: string, password: string): Promise<boolean>
  /** Copies this computer's file into the empty shared database at `location`, signed in there as this user. */
  copyToShared(location: SharedLocation, username: string, password: string, now: Date): Promise<CopyReport>
}

/**
 * Every way this app sends a password to the shared database (sign-in, the connection test,
 * re-authentication, the copy's sign-in) goes through the sign-in back-off (issue 14): after
 * repeated refusals for a username it is refused here, in a sentence, without asking the server.
 */
function guarded<T>(rt: StoreRuntime, username: string, send: () => Promise<T>): Promise<T> {
  return rt.signIns.attempt(username, send, (err) => err instanceof BadSignInError)
}

export function storageActions(rt: StoreRuntime): StorageActions {
  const openAs = (location: SharedLocation, username: string, password: string) =>
    guarded(rt, username, () => openShared(location, { user: username, password }, rt.config.pgMigrationsFolder ?? '', rt.config.log))
  return {
    current: () => rt.storage,
    open: openAs,
    choose: (choice) => rt.choose(choice),
    signIn: async (username, password) => {
      if (rt.storage.kind !== 'shared') return null
      const store = await guarded(rt, username, () => rt.openSharedAs(username, password))
      // The user's first screens answer from memory: their cases are read while the app opens.
      warmInBackground(store, rt.today(), rt.config.log)
      return store
    },
    signOut: () => rt.closeShared(),
    passwordAccepted: async (username, password) => {
      const storage = rt.storage
      if (storage.kind !== 'shared') return false
      return openAs(storage.location, username, password).then(
        (s) => s.close().then(() => true),
        (err: unknown) => {
          // A paused sign-in is said in its own sentence, not as a wrong password.
          if (err instanceof SignInPausedError) throw err
          return false
        },
      )
    },
    copyToShared: async (location, username, password, now) => {
      const local = rt.localStore
      if (!local) throw new UserFacingError('unavailable', 'Only this computer’s own data file can be copied into a shared database, and it is not open.')
      // Checked as a sign-in is: reachable, the password right, the schema this version's (and,
      // before anything is sent, encrypted unless a HOMS allowed otherwise: clientConfig).
      const target = await openAs(location, username, password)
      await target.close()
      const client = new pg.Client(clientConfig(location, { user: username, password }))
      await client.connect()
      try {
        // Read as one request: no write on this computer can land halfway through the copy.
        return await local.read(() => copyToShared(local.sqlite, client, now))
      } catch (err) {
        if (err instanceof CopyRefusedError) throw new UserFacingError('conflict', err.message)
        throw err
      } finally {
        await client.end()
      }
    },
    hasNoUsers: async () => {
      const local = rt.localStore
      if (!local) return false
      const row = await local.read((c) => c.db.select({ n: count() }).from(appUser).get())
      return (row?.n ?? 0) === 0
    },
  }
}
