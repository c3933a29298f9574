import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { omu, unwrap } from './client'
import { keys } from './keys'

// Handover to the COM (issue 17): a case's COM and Victim Liaison Officer details, its handover
// checklist and "notify the community", and the handover lists. The COM details move the case
// between lists (../shared/specs/mpc-rules.md A2/A3) and a tick can take it off "overdue tasks"
// (A4), so every write invalidates the case-derived reads: the lists, home, the prisoner page.

export function useCaseHandover(prisonerId: number) {
  return useQuery({ queryKey: keys.handover(prisonerId), queryFn: () => unwrap(omu().handover.get({ prisonerId })) })
}

/** The establishment's lists (HOMD and others), or the POM's own cases (`mine`, and always for a POM). */
export function useHandoverLists(mine = false) {
  return useQuery({ queryKey: keys.handoverLists(mine), queryFn: () => unwrap(omu().handover.lists({ mine })) })
}

function useInvalidateCases() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: keys.cases() })
}

export function useSaveComDetails() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'handover', 'saveDetails'>) => unwrap(omu().handover.saveDetails(input)), onSuccess: invalidate })
}

export function useTickHandoverTask() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'handover', 'tickTask'>) => unwrap(omu().handover.tickTask(input)), onSuccess: invalidate })
}

export function useNotifyCommunity() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'handover', 'notifyCommunity'>) => unwrap(omu().handover.notifyCommunity(input)), onSuccess: invalidate })
}
