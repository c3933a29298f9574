import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { RecoveryCredential } from '../../../shared/ipc/channels/app'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { omu, unwrap } from './client'
import { keys } from './keys'
import { appStatusQuery, establishmentQuery } from './queries'

// Small query hooks over window.omu: screens use these and never touch the transport.

export function useAppStatus() {
  return useQuery(appStatusQuery())
}

export function useEstablishment(enabled = true) {
  return useQuery({ ...establishmentQuery(), enabled })
}

export function useSettings() {
  return useQuery({ queryKey: keys.settings(), queryFn: () => unwrap(omu().settings.get()) })
}

export function useSetupEstablishment() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: ChannelInput<'establishment', 'setup'>) => unwrap(omu().establishment.setup(input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  })
}

export function useUpdateEstablishment() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: ChannelInput<'establishment', 'update'>) => unwrap(omu().establishment.update(input)),
    onSuccess: (data) => qc.setQueryData(keys.establishment(), data),
  })
}

export function useUpdateSettings() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: ChannelInput<'settings', 'update'>) => unwrap(omu().settings.update(input)),
    onSuccess: (data) => {
      qc.setQueryData(keys.settings(), data)
      // Non-working days and the overdue period (issue 16) change every case's statuses.
      void qc.invalidateQueries({ queryKey: keys.cases() })
    },
  })
}

export function useRecoveryActions() {
  const qc = useQueryClient()
  const after = { onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) }
  return {
    restore: useMutation({ mutationFn: (credential: RecoveryCredential) => unwrap(omu().recovery.restoreLatestBackup(credential)), ...after }),
    startNew: useMutation({ mutationFn: (credential: RecoveryCredential) => unwrap(omu().recovery.startNewFile(credential)), ...after }),
    enterKey: useMutation({ mutationFn: (recoveryKey: string) => unwrap(omu().recovery.enterRecoveryKey({ recoveryKey })), ...after }),
  }
}
