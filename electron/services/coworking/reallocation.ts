import type { ReallocationInput, ReallocationLine, ReallocationPreview } from '../../../shared/ipc/channels/coworking'
import { POM_ROLES } from '../../../shared/ipc/channels/caseloadValues'
import type { Staff } from '../../../shared/ipc/channels/caseload'
import { UserFacingError } from '../../../shared/ipc/result'
import type { Db } from '../../../db/store/types'
import type { AuditRecord } from '../audit'
import { displayName } from '../caseload/verdict'
import { endAllocation, insertAllocation, openAllocation, prisonerById, staffById, staffNames, type AllocationRecord, type StaffRecord } from '../caseload/store'
import { endCoWorking, openCoWorking, type CoWorkingRecord } from './store'

// Bulk reallocation of a POM's cases (issue 17, "POMs": "bulk reallocation of a POM's cases
// (choose a new POM per case or one for all, with a preview), audited case by case"). One plan
// serves both the preview and the change, so what is applied is exactly what was shown; the
// change runs in the mutation's one transaction, so a problem found part-way leaves nothing done.

interface Step {
  line: ReallocationLine
  open: AllocationRecord
  coWorking: CoWorkingRecord | undefined
}

interface Plan {
  preview: ReallocationPreview
  steps: Step[]
}

/** Why `staff` cannot take cases, in a sentence naming them, or null when they can. */
function cannotTake(staff: StaffRecord | undefined): string | null {
  if (!staff) return 'That member of staff is not on record: choose an active POM.'
  if (!POM_ROLES.includes(staff.role as Staff['role'])) return `${staff.name} is not a POM: choose a prison or probation POM.`
  if (!staff.active) return `${staff.name} is inactive: choose an active POM.`
  return null
}

export async function planReallocation(db: Db, input: ReallocationInput, today: string): Promise<Plan> {
  const problems: ReallocationPreview['problems'] = []
  const from = await staffById(db, input.fromStaffId)
  if (!from) throw new UserFacingError('not_found', 'That member of staff is not on record. Reload the list.', 'fromStaffId')
  const startDate = input.startDate ?? today
  if (startDate > today) problems.push({ prisonerId: null, message: 'Start date: a reallocation cannot start in the future.' })
  const names = await staffNames(db)
  const targets = new Map<number, StaffRecord | undefined>()
  const seen = new Set<number>()
  const steps: Step[] = []
  const lines: ReallocationLine[] = []
  for (const move of input.moves) {
    const p = await prisonerById(db, move.prisonerId)
    if (!p) {
      problems.push({ prisonerId: move.prisonerId, message: 'A case chosen is no longer on record: reload the list and preview again.' })
      continue
    }
    const name = displayName(p)
    if (seen.has(p.id)) {
      problems.push({ prisonerId: p.id, message: `${name} is chosen twice: choose one new POM for each case.` })
      continue
    }
    seen.add(p.id)
    const open = await openAllocation(db, p.id)
    if (p.status !== 'in_custody' || !open || open.staffId !== from.id) {
      problems.push({ prisonerId: p.id, message: `${name} is no longer allocated to ${from.name}: reload the list and preview again.` })
      continue
    }
    if (move.toStaffId === from.id) {
      problems.push({ prisonerId: p.id, message: `${name}: choose a POM other than ${from.name}.` })
      continue
    }
    if (!targets.has(move.toStaffId)) targets.set(move.toStaffId, await staffById(db, move.toStaffId))
    const refusal = cannotTake(targets.get(move.toStaffId))
    if (refusal) {
      problems.push({ prisonerId: p.id, message: `${name}: ${refusal}` })
      continue
    }
    if (startDate < open.startDate) {
      problems.push({ prisonerId: p.id, message: `${name}: the start date cannot be before the current allocation started.` })
      continue
    }
    const coWorking = await openCoWorking(db, p.id)
    const line: ReallocationLine = {
      prisonerId: p.id,
      prisonNumber: p.prisonNumber,
      name,
      fromStaffId: from.id,
      fromName: from.name,
      toStaffId: move.toStaffId,
      toName: names.get(move.toStaffId) ?? 'Unknown',
      endsCoWorking: coWorking?.staffId === move.toStaffId,
    }
    lines.push(line)
    steps.push({ line, open, coWorking })
  }
  return { preview: { fromStaffId: from.id, fromName: from.name, startDate, lines, problems }, steps }
}

/**
 * Makes the plan: each case's open allocation ended on the start date and a new one started, and
 * the co-working ended where the new POM was co-working the case; one audit row per case. Refuses
 * the whole request if any case cannot be moved as asked.
 */
export async function applyReallocation(db: Db, input: ReallocationInput, today: string, now: Date, audit: (rec: AuditRecord) => void): Promise<{ reallocated: number; allocationIds: number[] }> {
  const { preview, steps } = await planReallocation(db, input, today)
  const [first, ...rest] = preview.problems
  if (first) {
    const more = rest.length === 0 ? '' : ` ${rest.length === 1 ? 'One more case needs' : `${rest.length} more cases need`} the same: preview again to see them.`
    throw new UserFacingError('invalid_input', `Nothing was reallocated. ${first.message}${more}`)
  }
  const allocationIds: number[] = []
  for (const { line, open, coWorking } of steps) {
    // History is kept: the open allocation ends on the day the new one starts, never deleted.
    await endAllocation(db, open.id, preview.startDate)
    const row = await insertAllocation(db, { prisonerId: line.prisonerId, staffId: line.toStaffId, startDate: preview.startDate, reason: input.reason, createdAt: now.toISOString() })
    const endedCoWorking = line.endsCoWorking && coWorking ? await endCoWorking(db, coWorking.id, preview.startDate) : undefined
    allocationIds.push(row.id)
    audit({
      entity: 'prisoner',
      entityId: line.prisonerId,
      before: { allocation: open, ...(endedCoWorking && coWorking ? { coWorking } : {}) },
      after: { allocation: row, bulkReallocation: { fromStaffId: line.fromStaffId, toStaffId: line.toStaffId }, ...(endedCoWorking ? { coWorking: endedCoWorking } : {}) },
    })
  }
  return { reallocated: steps.length, allocationIds }
}
