import type { ReallocationInput, ReallocationLine, ReallocationPreview } from '../../../shared/ipc/channels/coworking'
import type { PomTypeRecommendation } from '../../../shared/ipc/channels/caseWork'
import { POM_ROLES } from '../../../shared/ipc/channels/caseloadValues'
import type { Staff } from '../../../shared/ipc/channels/caseload'
import { UserFacingError } from '../../../shared/ipc/result'
import type { StoreConn } from '../../../db/store/types'
import type { AuditRecord } from '../audit'
import { displayName } from '../caseload/verdict'
import { writeAllocation } from '../caseload/allocationWrites'
import { openAllocation, prisonerById, staffById, staffNames, type AllocationRecord, type StaffRecord } from '../caseload/store'
import { openCoWorking, type CoWorkingRecord } from './store'
import { pomTypeReasonNeeded, recommendationFor } from '../caseWork/recommend'
import { awayText, confirmAwaySentence, pomsToday } from '../resourcing/pomToday'

// Bulk reallocation of a POM's cases (issue 17, "POMs": "bulk reallocation of a POM's cases
// (choose a new POM per case or one for all, with a preview), audited case by case"). One plan
// serves both the preview and the change, so what is applied is exactly what was shown; the
// change runs in the mutation's one transaction, so a problem found part-way leaves nothing done.
//
// Each case is held to the rules of a single allocation (handlers/allocation.ts), by the same
// functions: the recommended POM type and the reason spec B4 requires when the new POM is of the
// other type (caseWork/recommend.ts recommendationFor, pomTypeReasonNeeded; ../shared/specs/
// mpc-rules.md section B), and the HOMD's confirmation for a POM away today (resourcing/pomToday.ts).
// The preview says, case by case, which need a reason or a confirmation; apply refuses the whole
// request while any is missing.

interface Step {
  line: ReallocationLine
  move: ReallocationInput['moves'][number]
  open: AllocationRecord
  coWorking: CoWorkingRecord | undefined
  recommendation: PomTypeRecommendation
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

export async function planReallocation(conn: StoreConn, input: ReallocationInput, today: string): Promise<Plan> {
  const db = conn.db
  const problems: ReallocationPreview['problems'] = []
  // Issue 17 ("POMs: availability"): each POM's availability today, read once for every case.
  const available = await pomsToday(db, today)
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
    const target = targets.get(move.toStaffId)
    const refusal = cannotTake(target)
    if (refusal !== null || !target) {
      problems.push({ prisonerId: p.id, message: `${name}: ${refusal}` })
      continue
    }
    if (startDate < open.startDate) {
      problems.push({ prisonerId: p.id, message: `${name}: the start date cannot be before the current allocation started.` })
      continue
    }
    const coWorking = await openCoWorking(db, p.id)
    // Spec B4, as allocations.allocate: the recommendation for this case with the new POM's type.
    const recommendation = await recommendationFor(conn, p.id, today, target.role)
    const away = available.get(target.id)?.availability
    const line: ReallocationLine = {
      prisonerId: p.id,
      prisonNumber: p.prisonNumber,
      name,
      fromStaffId: from.id,
      fromName: from.name,
      toStaffId: move.toStaffId,
      toName: names.get(move.toStaffId) ?? 'Unknown',
      endsCoWorking: coWorking?.staffId === move.toStaffId,
      recommendedPomType: recommendation.recommendedPomType,
      recommendationText: recommendation.text,
      pomTypeReasonNeeded: recommendation.overrideRequired === true ? pomTypeReasonNeeded(recommendation.recommendedPomType, target.role) : null,
      toUnavailable: away?.status === 'unavailable' ? awayText(away) : null,
    }
    lines.push(line)
    steps.push({ line, move, open, coWorking, recommendation })
  }
  return { preview: { fromStaffId: from.id, fromName: from.name, startDate, lines, problems }, steps }
}

/**
 * What each case still lacks before it may move, one sentence each naming the case: the reason for
 * the POM type (spec B4) and the confirmation for a POM away today, as allocations.allocate asks.
 */
export function missingAnswers(steps: readonly Pick<Step, 'line' | 'move'>[]): string[] {
  const out: string[] = []
  for (const { line, move } of steps) {
    if (line.pomTypeReasonNeeded !== null && move.pomTypeReason.trim() === '') out.push(`${line.name}: ${line.pomTypeReasonNeeded}`)
    if (line.toUnavailable !== null && !move.confirmUnavailable) out.push(`${line.name}: ${confirmAwaySentence(line.toName, line.toUnavailable)}`)
  }
  return out
}

/** "Nothing was reallocated. <first>", saying how many more there are (the preview lists them all). */
function refusal(messages: readonly string[], more: (n: number) => string): UserFacingError | null {
  const [first, ...rest] = messages
  if (first === undefined) return null
  return new UserFacingError('invalid_input', `Nothing was reallocated. ${first}${rest.length === 0 ? '' : ` ${more(rest.length)}`}`)
}

/**
 * Makes the plan: each case's open allocation ended on the start date and a new one started, and
 * the co-working ended where the new POM was co-working the case; one audit row per case. Refuses
 * the whole request if any case cannot be moved as asked, or lacks a reason or confirmation it needs.
 */
export async function applyReallocation(conn: StoreConn, input: ReallocationInput, today: string, now: Date, audit: (rec: AuditRecord) => void): Promise<{ reallocated: number; allocationIds: number[] }> {
  const db = conn.db
  const { preview, steps } = await planReallocation(conn, input, today)
  const cannot = refusal(
    preview.problems.map((p) => p.message),
    (n) => `${n === 1 ? 'One more case needs' : `${n} more cases need`} the same: preview again to see them.`,
  )
  if (cannot) throw cannot
  const unanswered = refusal(missingAnswers(steps), (n) => `${n === 1 ? 'One more reason or confirmation is' : `${n} more reasons or confirmations are`} missing: the preview shows each case that needs one.`)
  if (unanswered) throw unanswered
  const allocationIds: number[] = []
  for (const { line, move, open, coWorking, recommendation } of steps) {
    // As allocations.allocate (allocationWrites.ts): the POM-type reason is kept only when one was needed.
    const { row, endedCoWorking } = await writeAllocation(
      db,
      {
        prisonerId: line.prisonerId,
        staffId: line.toStaffId,
        startDate: preview.startDate,
        reason: input.reason,
        pomTypeReason: recommendation.overrideRequired === true ? move.pomTypeReason : null,
        createdAt: now.toISOString(),
      },
      open,
      line.endsCoWorking ? coWorking : null,
    )
    allocationIds.push(row.id)
    audit({
      entity: 'prisoner',
      entityId: line.prisonerId,
      before: { allocation: open, ...(endedCoWorking && coWorking ? { coWorking } : {}) },
      after: {
        allocation: row,
        bulkReallocation: { fromStaffId: line.fromStaffId, toStaffId: line.toStaffId, ...(line.toUnavailable !== null ? { confirmedUnavailable: line.toUnavailable } : {}) },
        pomTypeRecommendation: { recommendedPomType: recommendation.recommendedPomType, reasonKey: recommendation.reasonKey, overrideRequired: recommendation.overrideRequired },
        ...(endedCoWorking ? { coWorking: endedCoWorking } : {}),
      },
    })
  }
  return { reallocated: steps.length, allocationIds }
}
