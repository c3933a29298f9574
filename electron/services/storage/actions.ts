import { count } from 'drizzle-orm'
import { appUser } from '../../../db/schema'
import type { PostgresStore, SharedLocation } from '../../../db/store/postgres'
import type { Storage } from '../../../shared/ipc/channels/storage'
import type { StoreRuntime } from '../runtime'
import type { StorageChoice } from './choice'
import { openShared } from './connect'

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
}

export function storageActions(rt: StoreRuntime): StorageActions {
  return {
    current: () => rt.storage,
    open: (location, username, password) => openShared(location, { user: username, password }, rt.config.pgMigrationsFolder ?? '', rt.config.log),
    choose: (choice) => rt.choose(choice),
    signIn: (username, password) => (rt.storage.kind === 'shared' ? rt.openSharedAs(username, password) : Promise.resolve(null)),
    signOut: () => rt.closeShared(),
    hasNoUsers: async () => {
      const local = rt.localStore
      if (!local) return false
      const row = await local.read((c) => c.db.select({ n: count() }).from(appUser).get())
      return (row?.n ?? 0) === 0
    },
  }
}
