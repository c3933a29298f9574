import { queryOptions } from '@tanstack/react-query'
import { omu, unwrap } from './client'
import { keys } from './keys'

// The reads the first screen needs, as query options shared by their hooks and by the start-up
// prefetch (startup.ts), so both use one cache entry per read.

export const appStatusQuery = () => queryOptions({ queryKey: keys.status(), queryFn: () => unwrap(omu().app.status()) })

export const authStatusQuery = () => queryOptions({ queryKey: keys.auth(), queryFn: () => unwrap(omu().auth.status()) })

export const establishmentQuery = () => queryOptions({ queryKey: keys.establishment(), queryFn: () => unwrap(omu().establishment.get()) })

/** The saved caseload view changes only when the user changes it here, so it never goes stale. */
export const caseloadViewQuery = () => queryOptions({ queryKey: keys.caseloadView(), queryFn: () => unwrap(omu().prefs.getCaseloadView()), staleTime: Infinity })

/** Staff, for the caseload screen's choice of POM (and the allocation and settings screens). */
export const staffQuery = () => queryOptions({ queryKey: keys.staff(), queryFn: () => unwrap(omu().staff.list()) })

/** Issue 19: the Group view, read fresh on each visit (the main process keeps it while nothing changes). */
export const groupViewQuery = () => queryOptions({ queryKey: keys.group(), queryFn: () => unwrap(omu().group.view({})), staleTime: 0 })

export const caseloadQuery = (pomId: number | null) => queryOptions({ queryKey: keys.caseload(pomId), queryFn: () => unwrap(omu().caseload.list({ pomId })) })
