// Query hooks for the resourcing plan (issue 19), over window.omu.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import type { WhatIf } from '../../../shared/ipc/channels/resourcing'
import { omu, unwrap } from './client'
import { keys } from './keys'

/**
 * The plan, with what-if inputs applied to this answer only (never saved). Each what-if has its
 * own cached answer; the previous one stays on screen while the next is worked out, so the chart
 * does not blank between keystrokes.
 */
export function useResourcingPlan(whatIf: WhatIf | undefined) {
  return useQuery({
    queryKey: keys.resourcing(whatIf ?? null),
    queryFn: () => unwrap(omu().resourcing.get(whatIf === undefined ? {} : { whatIf })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

export function useResourcingCapacity() {
  return useQuery({ queryKey: keys.resourcingCapacity(), queryFn: () => unwrap(omu().resourcing.capacity({})) })
}

/** After a capacity change: the facts, the staff list (hours, active) and everything derived from cases (the plan, allocation). */
function useInvalidateCapacity() {
  const qc = useQueryClient()
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: keys.resourcingCapacity() }),
      qc.invalidateQueries({ queryKey: keys.staff() }),
      qc.invalidateQueries({ queryKey: keys.cases() }),
    ])
}

export function useSavePomCapacity() {
  const invalidate = useInvalidateCapacity()
  return useMutation({ mutationFn: (input: ChannelInput<'resourcing', 'savePom'>) => unwrap(omu().resourcing.savePom(input)), onSuccess: invalidate })
}

export function useAddPlannedChange() {
  const invalidate = useInvalidateCapacity()
  return useMutation({ mutationFn: (input: ChannelInput<'resourcing', 'addChange'>) => unwrap(omu().resourcing.addChange(input)), onSuccess: invalidate })
}

export function useRemovePlannedChange() {
  const invalidate = useInvalidateCapacity()
  return useMutation({ mutationFn: (input: ChannelInput<'resourcing', 'removeChange'>) => unwrap(omu().resourcing.removeChange(input)), onSuccess: invalidate })
}

export function useSaveResourcingInputs() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: ChannelInput<'resourcing', 'saveInputs'>) => unwrap(omu().resourcing.saveInputs(input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.cases() }),
  })
}
