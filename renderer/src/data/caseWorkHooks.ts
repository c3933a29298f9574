import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { omu, unwrap } from './client'
import { keys } from './keys'

// Case work (issue 17): early allocation (it moves the handover dates and the priority cohort)
// and responsibility overrides (shown in every list), so every write invalidates the case-derived
// reads: caseload, due lists, home, the prisoner page.

export function useEarlyAllocation(prisonerId: number) {
  return useQuery({ queryKey: keys.earlyAllocation(prisonerId), queryFn: () => unwrap(omu().caseWork.earlyAllocation({ prisonerId })) })
}

export function useOverrides(prisonerId: number) {
  return useQuery({ queryKey: keys.overrides(prisonerId), queryFn: () => unwrap(omu().caseWork.overrides({ prisonerId })) })
}

/** The recommended POM type for the case; with a POM chosen, whether a reason must be given (spec B4). */
export function usePomTypeRecommendation(prisonerId: number, staffId: number | null, enabled = true) {
  return useQuery({ queryKey: keys.pomTypeRecommendation(prisonerId, staffId), queryFn: () => unwrap(omu().caseWork.recommendPomType({ prisonerId, staffId })), enabled })
}

function useInvalidateCases() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: keys.cases() })
}

export function useAssessEarlyAllocation() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'caseWork', 'assessEarlyAllocation'>) => unwrap(omu().caseWork.assessEarlyAllocation(input)), onSuccess: invalidate })
}

export function useRecordCommunityDecision() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'caseWork', 'recordCommunityDecision'>) => unwrap(omu().caseWork.recordCommunityDecision(input)), onSuccess: invalidate })
}

export function useSetOverride() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'caseWork', 'setOverride'>) => unwrap(omu().caseWork.setOverride(input)), onSuccess: invalidate })
}

export function useEndOverride() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'caseWork', 'endOverride'>) => unwrap(omu().caseWork.endOverride(input)), onSuccess: invalidate })
}

/** Spec C.1: opens the drafted referral (or request for a decision) in the user's email program; nothing is recorded. */
export function useDraftReferral() {
  return useMutation({ mutationFn: (input: ChannelInput<'caseWork', 'draftReferral'>) => unwrap(omu().caseWork.draftReferral(input)) })
}
