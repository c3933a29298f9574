import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { omu, unwrap } from './client'
import { keys } from './keys'

// Parole reviews (issues 17 and 20). A review moves the case's handover dates, so every write
// invalidates the case-derived reads (caseload, due lists, the prisoner page, the parole list).

export function useCaseParole(prisonerId: number) {
  return useQuery({ queryKey: keys.parole(prisonerId), queryFn: () => unwrap(omu().parole.list({ prisonerId })) })
}

export function useParoleCases() {
  return useQuery({ queryKey: keys.paroleCases(), queryFn: () => unwrap(omu().parole.cases()) })
}

function useInvalidateCases() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: keys.cases() })
}

export function useAddParoleReview() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'parole', 'add'>) => unwrap(omu().parole.add(input)), onSuccess: invalidate })
}

export function useCorrectParoleReview() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'parole', 'correct'>) => unwrap(omu().parole.correct(input)), onSuccess: invalidate })
}
