// Query hooks for the Group view (issue 19), over window.omu. Both channels only read.
import { useMutation, useQuery } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { omu, unwrap } from './client'
import { groupViewQuery } from './queries'

/** `enabled` false for a role that may not see the Group view: nothing is asked of the main process. */
export function useGroupView(enabled = true) {
  // The same entry the start-up read fills when the app opens on this screen (firstReads.ts).
  return useQuery({ ...groupViewQuery(), enabled })
}

export function useGroupExport() {
  return useMutation({ mutationFn: (input: ChannelInput<'group', 'export'>) => unwrap(omu().group.export(input)) })
}
