// Query hooks for the Group view (issue 19), over window.omu. Both channels only read.
import { useMutation, useQuery } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { omu, unwrap } from './client'
import { groupViewQuery } from './queries'

export function useGroupView() {
  // The same entry the start-up read fills when the app opens on this screen (firstReads.ts).
  return useQuery(groupViewQuery())
}

export function useGroupExport() {
  return useMutation({ mutationFn: (input: ChannelInput<'group', 'export'>) => unwrap(omu().group.export(input)) })
}
