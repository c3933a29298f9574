import type { StoreConn } from '../../../db/store/types'
import type { AuditRecord } from '../audit'
import { casesOf } from '../caseload/cache'
import { writeComHandover } from '../handover/store'
import { refuseWhileAnyProblem, type ImportPlan } from './plan'

// Writing an imported file of COM details (issue 17: "CSV import for allocations and COM details
// (same rules as the existing imports: validate all, list every bad row, nothing partial)"). The
// whole file was checked again in this transaction (plan.ts); while any row has a problem nothing
// is written. Each case changed gets an audit row of its own with before and after, as the same
// change made on the prisoner page (handover.saveDetails) would.

export async function commitComDetails(
  store: StoreConn,
  plan: Extract<ImportPlan, { kind: 'comDetails' }>,
  applyUpdates: boolean,
  stamp: string,
  audit: (rec: AuditRecord) => void,
): Promise<{ created: number; updated: number }> {
  refuseWhileAnyProblem(plan.problems)
  let created = 0
  let updated = 0
  const changed: number[] = []
  for (const item of plan.items) {
    if (item.changes.length === 0) continue
    if (item.existing && !applyUpdates) continue
    // No version check: the rows were read again in this transaction, and a blank cell keeps what is recorded.
    const row = await writeComHandover(store.db, item.prisonerId, item.values, stamp)
    audit({ entity: 'prisoner', entityId: item.prisonerId, before: item.existing ? { comHandover: item.existing } : null, after: { comHandover: row } })
    changed.push(item.prisonerId)
    if (item.existing) updated++
    else created++
  }
  if (changed.length > 0) casesOf(store).invalidate(changed)
  return { created, updated }
}
