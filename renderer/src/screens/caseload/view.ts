import type { CaseRow } from '../../../../shared/ipc/channels/caseload'
import type { CaseloadView } from '../../../../shared/ipc/channels/prefs'
import { addDaysIso as addDays } from '../../../../shared/dates'

// Filtering and sorting of rows the main process has already evaluated. No rule is decided here:
// status, responsibility, due dates and cohorts all come from the case engine.

// issue 16: missed (history) sorts after met, before not applicable.
const STATUS_ORDER = { overdue: 0, due: 1, met: 2, missed: 3, not_applicable: 4 } as const
// One collator for names, made once: String.localeCompare looks one up on every call, which made
// sorting 2,000 rows slower than a frame (issue 8). ISO dates sort as plain strings.
const names = new Intl.Collator('en-GB')
const byDate = (a: string | null | undefined, b: string | null | undefined): number => {
  const x = a ?? '9999'
  const y = b ?? '9999'
  return x < y ? -1 : x > y ? 1 : 0
}
const RESP_ORDER = { pom: 0, pom_with_com: 1, com: 2 } as const

function matches(row: CaseRow, view: CaseloadView, dueLimit: string | null, needle: string): boolean {
  if (view.status.length && !view.status.includes(row.status)) return false
  if (view.responsibility.length && !view.responsibility.includes(row.responsibility)) return false
  if (view.cohorts.length && !view.cohorts.some((c) => row.cohorts.includes(c))) return false
  if (dueLimit !== null && !(row.next?.dueBy && row.next.dueBy <= dueLimit)) return false
  if (needle && !row.name.toLowerCase().includes(needle) && !row.prisonNumber.toLowerCase().includes(needle)) return false
  return true
}

function compare(a: CaseRow, b: CaseRow, column: CaseloadView['sort']['column']): number {
  switch (column) {
    case 'name':
      return names.compare(a.name, b.name)
    case 'dueBy':
      return byDate(a.next?.dueBy, b.next?.dueBy)
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status]
    case 'responsibility':
      return RESP_ORDER[a.responsibility] - RESP_ORDER[b.responsibility]
    case 'handover':
      return byDate(a.handover.comAllocatedDate, b.handover.comAllocatedDate)
    case 'priority':
      // The default: most urgent first (status, then due date).
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byDate(a.next?.dueBy, b.next?.dueBy)
    default: {
      const never: never = column
      return String(never).length
    }
  }
}

/**
 * The rows to show. Under EDM stages 4 and 3 priority-cohort cases always come first (seed 002,
 * "Priority supervision should be given to the following cohorts"), whatever the sort.
 */
export function applyView(rows: readonly CaseRow[], view: CaseloadView, today: string, priorityFirst: boolean): CaseRow[] {
  const dueLimit = view.dueWithinDays === null ? null : addDays(today, view.dueWithinDays)
  const needle = view.search.trim().toLowerCase()
  const dir = view.sort.direction === 'asc' ? 1 : -1
  return rows
    .filter((r) => matches(r, view, dueLimit, needle))
    .sort((a, b) => (priorityFirst ? Number(b.priority) - Number(a.priority) : 0) || dir * compare(a, b, view.sort.column) || names.compare(a.name, b.name))
}

/** The longest look-ahead the due-within filter takes: ten years (the saved view's limit, shared/ipc/channels/prefs.ts). */
export const MAX_DUE_WITHIN_DAYS = 3650

/** The field's text as a whole number of days from 0 to the maximum, or no filter when empty. */
export function dueWithinDays(text: string): number | null {
  if (text.trim() === '') return null
  const n = Math.trunc(Number(text))
  if (!Number.isFinite(n)) return null
  return Math.min(Math.max(n, 0), MAX_DUE_WITHIN_DAYS)
}

/** One filter's choice in words, for the summary of the filters under "More filters". */
function chosen(label: string, keys: readonly string[], labels: Record<string, string>): string[] {
  return keys.length === 0 ? [] : [`${label}: ${keys.map((k) => labels[k] ?? k).join(', ')}`]
}

/**
 * Issue 16 (the caseload at 1024x700): the filters kept under "More filters", in words, when any is
 * set ("Status: Overdue, Due", "Next minimum due within 7 days"), so a closed panel still says what
 * limits the list. Labels are the screen's own (lib/labels.ts), passed in to keep this pure.
 */
export function moreFiltersSummary(
  view: Pick<CaseloadView, 'status' | 'responsibility' | 'cohorts' | 'dueWithinDays'>,
  labels: { status: Record<string, string>; responsibility: Record<string, string>; cohorts: Record<string, string> },
): string[] {
  return [
    ...chosen('Status', view.status.filter((s) => s !== 'missed'), labels.status),
    ...(view.dueWithinDays === null ? [] : [`Next minimum due within ${view.dueWithinDays} ${view.dueWithinDays === 1 ? 'day' : 'days'}`]),
    ...chosen('Responsible', view.responsibility, labels.responsibility),
    ...chosen('Priority cohort', view.cohorts, labels.cohorts),
  ]
}

/** Where a user's choice to show the more filters is kept on this computer, by user id (no name stored), as the theme is. */
export function moreFiltersKeyFor(userId: number): string {
  return `omu-caseload-more-filters:user:${userId}`
}
