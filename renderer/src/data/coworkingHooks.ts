import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { omu, unwrap } from './client'
import { keys } from './keys'

// Issue 17: co-working second POMs and bulk reallocation. Every write changes who holds which case,
// so it invalidates the case-derived reads (caseload, allocation, due lists, the prisoner page).
// The bulk preview reads nothing into the cache: it answers the choices on screen at that moment.

function useInvalidateCases() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: keys.cases() })
}

export function useAssignCoWorker() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'coworking', 'assign'>) => unwrap(omu().coworking.assign(input)), onSuccess: invalidate })
}

export function useEndCoWorking() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'coworking', 'end'>) => unwrap(omu().coworking.end(input)), onSuccess: invalidate })
}

export function useReallocationPreview() {
  return useMutation({ mutationFn: (input: ChannelInput<'reallocation', 'preview'>) => unwrap(omu().reallocation.preview(input)) })
}

export function useApplyReallocation() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'reallocation', 'apply'>) => unwrap(omu().reallocation.apply(input)), onSuccess: invalidate })
}
