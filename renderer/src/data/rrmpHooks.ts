// Query hooks for the RRMP planning and readiness screens (issue 6), over window.omu.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import type { ExportFormat } from '../../../shared/ipc/channels/readiness'
import { useAuthStatus } from './authHooks'
import { omu, unwrap } from './client'
import { keys } from './keys'

export function usePlan(versionId: number | undefined) {
  return useQuery({
    queryKey: keys.rrmpPlan(versionId ?? 'latest'),
    queryFn: () => unwrap(omu().rrmp.plan(versionId === undefined ? {} : { versionId })),
    staleTime: 0,
  })
}

export function useCatalog(id: string | undefined, version: string | undefined) {
  return useQuery({
    queryKey: keys.catalog(id ?? '', version ?? ''),
    queryFn: () => unwrap(omu().rrmp.catalog({ id: id ?? '', version: version ?? '' })),
    enabled: id !== undefined && version !== undefined,
    staleTime: Infinity,
  })
}

/** After any plan change: the plan, its readiness and documents, and the establishment (stages). */
function useInvalidatePlan() {
  const qc = useQueryClient()
  return () => Promise.all([qc.invalidateQueries({ queryKey: keys.rrmp() }), qc.invalidateQueries({ queryKey: keys.establishment() })])
}

export function useStartPlan() {
  const invalidate = useInvalidatePlan()
  return useMutation({ mutationFn: (input: ChannelInput<'rrmp', 'start'>) => unwrap(omu().rrmp.start(input)), onSuccess: invalidate })
}

export function useSetStages() {
  const invalidate = useInvalidatePlan()
  return useMutation({ mutationFn: (input: ChannelInput<'rrmp', 'setStages'>) => unwrap(omu().rrmp.setStages(input)), onSuccess: invalidate })
}

export function useSubmitPlan() {
  const invalidate = useInvalidatePlan()
  return useMutation({ mutationFn: (input: ChannelInput<'rrmp', 'submit'>) => unwrap(omu().rrmp.submit(input)), onSuccess: invalidate })
}

export function useNewVersion() {
  const invalidate = useInvalidatePlan()
  return useMutation({ mutationFn: (input: ChannelInput<'rrmp', 'newVersion'>) => unwrap(omu().rrmp.newVersion(input)), onSuccess: invalidate })
}

/** Saves one entry; the autosave in the editor calls this and then refreshes the plan's readiness. */
export function saveEntry(input: ChannelInput<'rrmp', 'updateEntry'>) {
  return unwrap(omu().rrmp.updateEntry(input))
}

export function useRefreshPlan() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: keys.rrmp() })
}

export function useDecide() {
  const invalidate = useInvalidatePlan()
  return useMutation({ mutationFn: (input: ChannelInput<'readiness', 'decide'>) => unwrap(omu().readiness.decide(input)), onSuccess: invalidate })
}

export function useReadinessDocument(versionId: number | undefined) {
  return useQuery({
    queryKey: keys.readinessDocument(versionId ?? 0),
    queryFn: () => unwrap(omu().readiness.document({ versionId: versionId ?? 0 })),
    enabled: versionId !== undefined,
    staleTime: 0,
  })
}

export function useCaseloadSummary() {
  return useQuery({ queryKey: keys.readinessCaseload(), queryFn: () => unwrap(omu().readiness.caseload({})), staleTime: 0 })
}

export function useExport() {
  return useMutation({ mutationFn: (input: { versionId: number; format: ExportFormat }) => unwrap(omu().readiness.export(input)) })
}

export function useComparisons() {
  return useQuery({ queryKey: keys.comparisons(), queryFn: () => unwrap(omu().readiness.comparisons({})) })
}

export function useImportComparison() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: ChannelInput<'readiness', 'importComparison'>) => unwrap(omu().readiness.importComparison(input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.comparisons() }),
  })
}

export function useRemoveComparison() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => unwrap(omu().readiness.removeComparison({ id })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.comparisons() }),
  })
}

/** The signed-in user (issue 7): screens hide what the role cannot do; the main process refuses it anyway. */
export function useMe() {
  return useAuthStatus(true).data?.user ?? null
}
