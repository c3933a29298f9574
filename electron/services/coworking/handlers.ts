import { UserFacingError } from '../../../shared/ipc/result'
import { openAllocation, requirePom, requirePrisoner } from '../caseload/store'
import type { Handlers } from '../handlers/types'
import { applyReallocation, planReallocation } from './reallocation'
import { endCoWorking, insertCoWorking, openCoWorking } from './store'

// Issue 17: co-working second POMs and bulk reallocation (HOMD, HOMS: shared/permissions/rules.ts).
// Each change is filed under the prisoner in the audit trail, so the case's history shows it.
//
// Reading (documented choice): a co-working POM works the case beside its allocated POM; the case
// appears in the co-worker's caseload marked co-working, but its supervision minima, due lists and
// home-screen counts stay the allocated POM's alone. Seed 003 Annex B 3.2: "only one professional
// (POM or COM) can be responsible for the management of a prisoner at any time", and "each case
// has an identifiable and consistent allocated COM and POM".

export const coworkingHandlers: Handlers['coworking'] = {
  assign: async ({ prisonerId, staffId, startDate, reason }, { store, today, now, audit }) => {
    const p = await requirePrisoner(store.db, prisonerId)
    const pom = await requirePom(store.db, staffId)
    if (p.status !== 'in_custody') throw new UserFacingError('invalid_input', 'Only prisoners in custody can have a co-working POM.', 'prisonerId')
    const allocated = await openAllocation(store.db, prisonerId)
    if (!allocated) throw new UserFacingError('invalid_input', 'Allocate the case to a POM first: a co-working POM works beside the allocated one.', 'staffId')
    if (allocated.staffId === staffId) throw new UserFacingError('conflict', `${pom.name} is the case’s allocated POM: choose another POM to co-work it.`, 'staffId')
    const start = startDate ?? today
    if (start > today) throw new UserFacingError('invalid_input', 'Start date: co-working cannot start in the future.', 'startDate')
    const current = await openCoWorking(store.db, prisonerId)
    if (current?.staffId === staffId) throw new UserFacingError('conflict', `${pom.name} is already co-working this case.`, 'staffId')
    if (current && start < current.startDate) throw new UserFacingError('invalid_input', 'Start date: cannot be before the current co-working started.', 'startDate')
    // History is kept: the open co-working ends on the day the new one starts, never deleted.
    const ended = current ? await endCoWorking(store.db, current.id, start) : undefined
    const row = await insertCoWorking(store.db, { prisonerId, staffId, startDate: start, reason, createdAt: now.toISOString() })
    audit({ entity: 'prisoner', entityId: prisonerId, before: current ? { coWorking: current } : null, after: { coWorking: row, ...(ended ? { endedCoWorking: ended } : {}) } })
    return { coWorkingId: row.id, endedCoWorkingId: current?.id ?? null }
  },

  end: async ({ prisonerId, endDate }, { store, today, audit }) => {
    await requirePrisoner(store.db, prisonerId)
    const current = await openCoWorking(store.db, prisonerId)
    if (!current) throw new UserFacingError('not_found', 'This case has no co-working POM to end. Reload the case.', 'prisonerId')
    const end = endDate ?? today
    if (end > today) throw new UserFacingError('invalid_input', 'End date: cannot be in the future.', 'endDate')
    if (end < current.startDate) throw new UserFacingError('invalid_input', 'End date: cannot be before the co-working started.', 'endDate')
    const row = await endCoWorking(store.db, current.id, end)
    audit({ entity: 'prisoner', entityId: prisonerId, before: { coWorking: current }, after: { coWorking: row ?? null } })
    return { coWorkingId: current.id }
  },
}

export const reallocationHandlers: Handlers['reallocation'] = {
  preview: async (input, { store, today }) => (await planReallocation(store, input, today)).preview,
  apply: (input, { store, today, now, audit }) => applyReallocation(store, input, today, now, audit),
}
