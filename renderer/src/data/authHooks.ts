import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { omu, unwrap } from './client'
import { keys } from './keys'
import { authStatusQuery } from './queries'
import { HOME_PATH } from '../app/routeTable'

// Sign-in and users (issue 7). Signing in or out changes what every screen may show, so the whole
// cache is dropped rather than patched.

export function useAuthStatus(enabled: boolean) {
  return useQuery({ ...authStatusQuery(), enabled })
}

function useResetAll() {
  const qc = useQueryClient()
  return () => {
    // Issue 16: whoever signs in next lands on their own home, never on the last user's screen.
    window.location.hash = `#/${HOME_PATH}`
    return qc.resetQueries({ queryKey: keys.all })
  }
}

export function useSignIn() {
  const reset = useResetAll()
  return useMutation({ mutationFn: (input: ChannelInput<'auth', 'signIn'>) => unwrap(omu().auth.signIn(input)), onSuccess: reset })
}

export function useCreateFirstUser() {
  const reset = useResetAll()
  return useMutation({ mutationFn: (input: ChannelInput<'auth', 'createFirstUser'>) => unwrap(omu().auth.createFirstUser(input)), onSuccess: reset })
}

export function useSignOut() {
  const reset = useResetAll()
  return useMutation({ mutationFn: () => unwrap(omu().auth.signOut()), onSettled: reset })
}

/**
 * Change one's own password (every role, issue 16); the current one is asked again. Who is signed
 * in is read again: a change the HOMS asked for is cleared by it, and the app then opens.
 */
export function useChangeOwnPassword() {
  const qc = useQueryClient()
  return useMutation({ mutationFn: (input: ChannelInput<'auth', 'changePassword'>) => unwrap(omu().auth.changePassword(input)), onSuccess: () => qc.invalidateQueries({ queryKey: keys.auth() }) })
}

export function useUsers(enabled: boolean) {
  return useQuery({ queryKey: keys.users(), queryFn: () => unwrap(omu().users.list()), enabled })
}

export function useSaveUser() {
  const qc = useQueryClient()
  return useMutation({ mutationFn: (input: ChannelInput<'users', 'save'>) => unwrap(omu().users.save(input)), onSuccess: () => qc.invalidateQueries({ queryKey: keys.users() }) })
}

/** A HOMS lifts a user's lock after repeated wrong passwords (issue 15). */
export function useUnlockUser() {
  const qc = useQueryClient()
  return useMutation({ mutationFn: (id: number) => unwrap(omu().users.unlock({ id })), onSuccess: () => qc.invalidateQueries({ queryKey: keys.users() }) })
}

/** Issue 16: a prisoner's record history, read again after any change to the case (keys.prisonerHistory). */
export function usePrisonerHistory(prisonerId: number) {
  return useQuery({ queryKey: keys.prisonerHistory(prisonerId), queryFn: () => unwrap(omu().audit.history({ entity: 'prisoner', entityId: String(prisonerId) })) })
}

/**
 * Issue 15: the audit trail's hash chain checked (HOMS and Governor). Once per sign-in unless asked
 * again ("Check again" in Settings): it reads the whole trail.
 */
export function useAuditChainCheck(enabled: boolean) {
  return useQuery({ queryKey: keys.auditChain(), queryFn: () => unwrap(omu().audit.checkChain({})), enabled, staleTime: Infinity })
}

export function useSubjectAccessExport(prisonerId: number) {
  return useMutation({ mutationFn: (format: 'pdf' | 'json') => unwrap(omu().subjectAccess.export({ prisonerId, format })) })
}

export function useRetentionReview(enabled: boolean) {
  return useQuery({ queryKey: keys.retention(), queryFn: () => unwrap(omu().retention.review()), enabled })
}

export function usePurge() {
  const qc = useQueryClient()
  return useMutation({ mutationFn: (input: ChannelInput<'retention', 'purge'>) => unwrap(omu().retention.purge(input)), onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) })
}

export function useCatalogs() {
  return useQuery({ queryKey: keys.catalogs(), queryFn: () => unwrap(omu().catalogs.list()) })
}

export function useCheckCatalog() {
  return useMutation({ mutationFn: (text: string) => unwrap(omu().catalogs.check({ text })) })
}

export function useImportCatalog() {
  const qc = useQueryClient()
  return useMutation({ mutationFn: (input: { text: string; password: string }) => unwrap(omu().catalogs.import(input)), onSuccess: () => qc.invalidateQueries({ queryKey: keys.catalogs() }) })
}
