import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import type { Storage } from '../../../shared/ipc/channels/storage'
import { omu, unwrap } from './client'
import { keys } from './keys'
import { appStatusQuery } from './queries'

// Where the data is kept (issue 13): this computer's file or the OMU's shared PostgreSQL database.

/** How often an app on the shared database asks whether the server can still be reached. */
export const SHARED_POLL_MS = 5_000

export function useStorage(enabled = true) {
  return useQuery({ queryKey: keys.storage(), queryFn: () => unwrap(omu().storage.get()), enabled })
}

/** A connection test with the user's own sign-in: the answer is a plain sentence, success or not. */
export function useTestConnection() {
  return useMutation({ mutationFn: (input: ChannelInput<'storage', 'test'>) => unwrap(omu().storage.test(input)) })
}

/**
 * A HOMS copies this computer's data file, audit trail included, into an empty shared database
 * (one way, one transaction). Nothing on this computer changes, so no cached read is touched.
 */
export function useCopyToShared() {
  return useMutation({ mutationFn: (input: ChannelInput<'storage', 'copyToShared'>) => unwrap(omu().storage.copyToShared(input)) })
}

/**
 * Switches where the data is kept. Everyone is signed out and every cached read belonged to the
 * other store, so the whole cache is dropped (as after a restore) and the app shows the sign-in
 * page (or first run, for a computer's own file with nobody on it yet).
 */
export function useChooseStorage(onChosen?: (storage: Storage) => void) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: ChannelInput<'storage', 'choose'>) => unwrap(omu().storage.choose(input)),
    // Told before the reset: the screen that asked is replaced by the sign-in page.
    onSuccess: (storage) => {
      onChosen?.(storage)
      return qc.resetQueries({ queryKey: keys.all })
    },
  })
}

/**
 * The app status, asked again every 5 seconds (and when the window regains focus) while the data
 * is in the shared database, so a server that goes away is noticed. Used by the one banner that
 * says so; the other readers of the status share its cache entry without polling themselves.
 */
export function useSharedStatusWatch() {
  const shared = (data: { storage: { kind: string } } | undefined) => data?.storage.kind === 'shared'
  return useQuery({
    ...appStatusQuery(),
    refetchInterval: (q) => (shared(q.state.data) ? SHARED_POLL_MS : false),
    refetchOnWindowFocus: (q) => shared(q.state.data),
  })
}
