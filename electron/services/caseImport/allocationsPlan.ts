import type { StoreConn } from '../../../db/store/types'
import { ukDateOrNull } from '../../../shared/dates'
import { allocations as allocationChannels } from '../../../shared/ipc/channels/allocation'
import type { ImportProblem } from '../../../shared/ipc/channels/caseImport'
import type { PomTypeRecommendation } from '../../../shared/ipc/channels/caseWork'
import { UserFacingError } from '../../../shared/ipc/result'
import { listStaff, openAllocation, prisonersByNumber, requirePom, type AllocationRecord, type StaffRecord } from '../caseload/store'
import { pomTypeReasonNeeded, recommendationFor } from '../caseWork/recommend'
import { openCoWorking, type CoWorkingRecord } from '../coworking/store'
import { awayText, pomsToday } from '../resourcing/pomToday'
import type { ParsedRow } from './parse'

// CSV import of allocations (issue 17: "CSV import for allocations and COM details (same rules as
// the existing imports: validate all, list every bad row, nothing partial)"), keyed by prison
// number. Each row is checked by the rules allocations.allocate applies (handlers/allocation.ts),
// through the same functions: requirePom (a POM, and active), the POM's availability today
// (resourcing/pomToday.ts, confirmed in the file as on the allocation screen), the recommended
// POM type and the reason spec B4 requires otherwise (caseWork/recommend.ts), an allocation date
// not in the future nor before the current allocation began. A case already allocated to another
// POM is a reallocation: shown in the preview and made only when the updates are confirmed.

export interface AllocationChange {
  row: number
  prisonerId: number
  prisonNumber: string
  pom: StaffRecord
  startDate: string
  reason: string
  /** Kept with the allocation only when the recommendation asked for one (spec B4). */
  pomTypeReason: string | null
  recommendation: PomTypeRecommendation
  /** The case's current allocation: set, the row is a reallocation. */
  open: AllocationRecord | undefined
  /** The case's co-working, ended when its co-worker becomes its POM (as allocations.allocate does). */
  endsCoWorking: CoWorkingRecord | undefined
  /** Empty when the case is already allocated to this POM (nothing to do). */
  changes: { field: string; from: string; to: string }[]
}

const ALLOCATE = allocationChannels.allocate.input

/** dd/mm/yyyy, as the app shows dates. */
const uk = (iso: string) => ukDateOrNull(iso) ?? iso

/** Staff named `name` (spaces and capitals aside), or the one whose staff number it is. */
function staffMatching(staff: readonly { id: number; name: string }[], pom: string): { id: number; name: string }[] {
  const wanted = pom.trim()
  if (/^\d+$/.test(wanted)) return staff.filter((s) => s.id === Number(wanted))
  const norm = (n: string) => n.trim().replace(/\s+/g, ' ').toLowerCase()
  return staff.filter((s) => norm(s.name) === norm(wanted))
}

export async function planAllocations(conn: StoreConn, rows: readonly ParsedRow[], problems: ImportProblem[], today: string): Promise<AllocationChange[]> {
  const numberOf = (values: Record<string, unknown>) => String(values.prisonNumber).trim().toUpperCase()
  const onRecord = await prisonersByNumber(conn, rows.map(({ values }) => numberOf(values)))
  const staff = await listStaff(conn.db)
  const namesById = new Map(staff.map((s) => [s.id, s.name]))
  // Each POM's availability today, worked out once for the file (issue 17, "POMs: availability").
  const availability = await pomsToday(conn.db, today)
  const seen = new Map<string, number>()
  const items: AllocationChange[] = []
  for (const { row, values } of rows) {
    const problem = (column: string | null, reason: string) => problems.push({ row, column, reason })
    const prisonNumber = numberOf(values)
    const p = onRecord.get(prisonNumber)
    if (!p) {
      problem('prison_number', `No prisoner with prison number ${prisonNumber} is on record: import the prisoner first.`)
      continue
    }
    const first = seen.get(prisonNumber)
    if (first !== undefined) {
      problem('prison_number', `Prison number ${prisonNumber} is already in row ${first} of this file: give each case one POM.`)
      continue
    }
    seen.set(prisonNumber, row)
    if (p.status !== 'in_custody') {
      problem('prison_number', `${prisonNumber} is not in custody: only prisoners in custody can be allocated.`)
      continue
    }
    const named = String(values.pom)
    const matches = staffMatching(staff, named)
    if (matches.length === 0) {
      problem('pom', /^\d+$/.test(named.trim()) ? `No member of staff has the staff number ${named.trim()}.` : `No member of staff called ${named.trim()} is on the staff list: check the spelling, or add them in Settings › Staff.`)
      continue
    }
    if (matches.length > 1) {
      const numbers = matches.map((m) => m.id).join(' and ')
      problem('pom', `${matches.length} members of staff are called ${named.trim()}: give the POM's staff number instead (${numbers}, shown in Settings › Staff).`)
      continue
    }
    let pom: StaffRecord
    try {
      // The same refusals as allocations.allocate: not a POM, or inactive.
      pom = await requirePom(conn.db, (matches[0] as { id: number }).id)
    } catch (err) {
      if (!(err instanceof UserFacingError)) throw err
      problem('pom', err.message)
      continue
    }
    const parsed = ALLOCATE.safeParse({ prisonerId: p.id, staffId: pom.id, startDate: values.startDate, reason: values.reason ?? '', pomTypeReason: values.pomTypeReason ?? '', confirmUnavailable: values.confirmUnavailable ?? false })
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? '')
        const column = field === 'pomTypeReason' ? 'pom_type_reason' : field === 'reason' ? 'reason' : field === 'startDate' ? 'allocation_date' : null
        problem(column, i.message.endsWith('.') ? i.message : `${i.message}.`)
      }
      continue
    }
    const { startDate = today, reason, pomTypeReason, confirmUnavailable } = parsed.data
    let bad = false
    if (startDate > today) {
      problem('allocation_date', 'An allocation cannot start in the future.')
      bad = true
    }
    // Issue 17: a POM away today takes a case only when the HOMD confirms it (resourcing/pomToday.ts).
    const away = availability.get(pom.id)?.availability
    if (away?.status === 'unavailable' && !confirmUnavailable) {
      problem('confirm_unavailable', `${pom.name} is ${awayText(away)}. Put yes in confirm_unavailable to allocate the case to them while they are away, or choose another POM.`)
      bad = true
    }
    // Spec B4: a POM of the other type than the recommended one needs a reason.
    const recommendation = await recommendationFor(conn, p.id, today, pom.role)
    if (recommendation.overrideRequired === true && pomTypeReason.trim() === '') {
      problem('pom_type_reason', pomTypeReasonNeeded(recommendation.recommendedPomType, pom.role))
      bad = true
    }
    const open = await openAllocation(conn.db, p.id)
    if (open && open.staffId !== pom.id && startDate < open.startDate) {
      problem('allocation_date', `Cannot be before the current allocation to ${namesById.get(open.staffId) ?? 'its POM'} began (${uk(open.startDate)}).`)
      bad = true
    }
    if (bad) continue
    const coWorking = await openCoWorking(conn.db, p.id)
    const changes =
      open?.staffId === pom.id
        ? []
        : [{ field: 'pom', from: open ? `${namesById.get(open.staffId) ?? 'Unknown'} (since ${uk(open.startDate)})` : '(none)', to: `${pom.name} (from ${uk(startDate)})` }]
    items.push({
      row,
      prisonerId: p.id,
      prisonNumber,
      pom,
      startDate,
      reason,
      pomTypeReason: recommendation.overrideRequired === true ? pomTypeReason : null,
      recommendation,
      open,
      endsCoWorking: coWorking?.staffId === pom.id ? coWorking : undefined,
      changes,
    })
  }
  return items
}
