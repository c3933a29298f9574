// Query hooks for the Group view (issue 19), over window.omu. Both channels only read.
import { useMutation, useQuery } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { omu, unwrap } from './client'
import { keys } from './keys'

export function useGroupView() {
  return useQuery({ queryKey: keys.group(), queryFn: () => unwrap(omu().group.view({})), staleTime: 0 })
}

export function useGroupExport() {
  return useMutation({ mutationFn: (input: ChannelInput<'group', 'export'>) => unwrap(omu().group.export(input)) })
}
