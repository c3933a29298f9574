import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelInput } from '../../../shared/ipc/contract'
import type { CaseloadView } from '../../../shared/ipc/channels/prefs'
import { omu, unwrap } from './client'
import { keys } from './keys'
import { caseloadQuery, caseloadViewQuery, staffQuery } from './queries'

// Caseload data (issue 5). Every write invalidates the case-derived reads: a new session or
// allocation changes statuses on the caseload, due list and allocation screens at once.

export function useCaseload(pomId: number | null) {
  return useQuery({ ...caseloadQuery(pomId), placeholderData: keepPreviousData })
}

export function useStaff() {
  return useQuery(staffQuery())
}

export function usePrisoner(prisonerId: number) {
  return useQuery({ queryKey: keys.prisoner(prisonerId), queryFn: () => unwrap(omu().prisoners.get({ prisonerId })) })
}

export function useAllocationOverview() {
  return useQuery({ queryKey: keys.allocations(), queryFn: () => unwrap(omu().allocations.overview()) })
}

/** The Due screen's lists: the establishment's, or the signed-in POM's own cases (`mine`, issue 16). */
export function useDueOverview(mine = false) {
  return useQuery({ queryKey: keys.due(mine), queryFn: () => unwrap(omu().due.overview({ mine })) })
}

export function useCaseloadView() {
  return useQuery(caseloadViewQuery())
}

function useInvalidateCases() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: keys.cases() })
}

export function useSaveCaseloadView() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (view: CaseloadView) => unwrap(omu().prefs.setCaseloadView(view)),
    onMutate: (view) => qc.setQueryData(keys.caseloadView(), view),
  })
}

export function useRecordSession() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'sessions', 'record'>) => unwrap(omu().sessions.record(input)), onSuccess: invalidate })
}

export function useAllocate() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'allocations', 'allocate'>) => unwrap(omu().allocations.allocate(input)), onSuccess: invalidate })
}

export function useSaveStaff() {
  const invalidate = useInvalidateCases()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: ChannelInput<'staff', 'save'>) => unwrap(omu().staff.save(input)),
    onSuccess: () => Promise.all([invalidate(), qc.invalidateQueries({ queryKey: keys.staff() })]),
  })
}

export function useImportPreview() {
  return useMutation({ mutationFn: (input: ChannelInput<'caseImport', 'preview'>) => unwrap(omu().caseImport.preview(input)) })
}

export function useImportCommit() {
  const invalidate = useInvalidateCases()
  return useMutation({ mutationFn: (input: ChannelInput<'caseImport', 'commit'>) => unwrap(omu().caseImport.commit(input)), onSuccess: invalidate })
}

export function useSaveTemplate() {
  return useMutation({ mutationFn: (input: ChannelInput<'caseImport', 'saveTemplate'>) => unwrap(omu().caseImport.saveTemplate(input)) })
}

export function useCreateDemo() {
  const qc = useQueryClient()
  return useMutation({ mutationFn: (input: ChannelInput<'demo', 'create'>) => unwrap(omu().demo.create(input)), onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) })
}

/** Adds a prisoner, or changes one naming the version read (a stale version is a conflict). */
export function useSavePrisoner() {
  const invalidate = useInvalidateCases()
  return useMutation({
    mutationFn: ({ prisoner, fields }: { prisoner: { id: number; version: number } | null; fields: ChannelInput<'prisoners', 'create'> }) =>
      prisoner ? unwrap(omu().prisoners.update({ prisonerId: prisoner.id, version: prisoner.version, fields })) : unwrap(omu().prisoners.create(fields)),
    onSuccess: invalidate,
  })
}
