import type { Db } from '../../../db/store/types'
import { endCoWorking, type CoWorkingRecord } from '../coworking/store'
import { endAllocation, insertAllocation, type AllocationRecord, type AllocationValues } from './store'

// What allocating a case to a POM writes. There is one set of writes for all three ways of doing
// it: allocations.allocate, an imported file of allocations (caseImport/allocationsCommit.ts) and
// a bulk reallocation (coworking/reallocation.ts). Each caller checks its own rules and writes its
// own audit row first.

/**
 * Allocates `values.prisonerId` to `values.staffId` from `values.startDate`, in three writes:
 * - History is kept: `open`, the case's open allocation, ends on the day the new one starts; it is
 *   never deleted.
 * - Issue 17: a POM does not co-work their own case. `coWorking`, the co-working of the POM taking
 *   the case over, ends on the day the allocation starts, or on the day it began if that is later
 *   (so a co-working never ends before it began).
 * - The new allocation is added.
 * Returns the new allocation and the ended co-working, for the caller's audit row.
 */
export async function writeAllocation(
  db: Db,
  values: AllocationValues,
  open: AllocationRecord | null | undefined,
  coWorking: CoWorkingRecord | null | undefined,
): Promise<{ row: AllocationRecord; endedCoWorking: CoWorkingRecord | undefined }> {
  const start = values.startDate
  if (open) await endAllocation(db, open.id, start)
  const endedCoWorking = coWorking ? await endCoWorking(db, coWorking.id, start < coWorking.startDate ? coWorking.startDate : start) : undefined
  const row = await insertAllocation(db, values)
  return { row, endedCoWorking }
}
