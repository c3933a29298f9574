import type { StoreConn } from '../../../db/store/types'
import type { AuditRecord } from '../audit'
import { writeAllocation } from '../caseload/allocationWrites'
import { refuseWhileAnyProblem, type ImportPlan } from './plan'

// Writing an imported file of allocations (issue 17: "same rules as the existing imports: validate
// all, list every bad row, nothing partial"). The whole file was checked again in this transaction
// (plan.ts); while any row has a problem nothing is written. Each case gets what allocations.allocate
// would do to it, in one audit row of its own: the open allocation ended on the day the new one
// starts (history is kept), the co-working ended when its co-worker becomes the POM, and the
// recommendation and any reason for choosing otherwise kept (../shared/specs/mpc-rules.md B4).

export async function commitAllocations(
  store: StoreConn,
  plan: Extract<ImportPlan, { kind: 'allocations' }>,
  applyUpdates: boolean,
  stamp: string,
  audit: (rec: AuditRecord) => void,
): Promise<{ created: number; updated: number }> {
  refuseWhileAnyProblem(plan.problems)
  let created = 0
  let updated = 0
  for (const item of plan.items) {
    if (item.changes.length === 0) continue
    // A reallocation is an update: made only when the user confirms the updates shown.
    if (item.open && !applyUpdates) continue
    const coWorking = item.endsCoWorking
    const { row, endedCoWorking } = await writeAllocation(
      store.db,
      { prisonerId: item.prisonerId, staffId: item.pom.id, startDate: item.startDate, reason: item.reason, pomTypeReason: item.pomTypeReason, createdAt: stamp },
      item.open,
      coWorking,
    )
    const { recommendedPomType, reasonKey, overrideRequired } = item.recommendation
    audit({
      entity: 'prisoner',
      entityId: item.prisonerId,
      before: item.open || coWorking ? { ...(item.open ? { allocation: item.open } : {}), ...(coWorking ? { coWorking } : {}) } : null,
      after: { allocation: row, pomTypeRecommendation: { recommendedPomType, reasonKey, overrideRequired }, ...(endedCoWorking ? { coWorking: endedCoWorking } : {}) },
    })
    if (item.open) updated++
    else created++
  }
  return { created, updated }
}
