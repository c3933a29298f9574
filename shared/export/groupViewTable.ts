// The Group view's table (issue 19, "Group view": "Sortable, printable, exportable as XLSX"): the
// order of its rows and the words of its cells, shared by the screen, the XLSX export and the
// readiness screen's comparison panel. Kept apart from groupView.ts (the rows' zod schema and their
// building from readiness documents, which bring zod and the task engine with them) so the Group
// screen's code loads without them: issue 19's benchmark wants its first paint within a second.
// Types only from groupView.ts: nothing of it is loaded at run time.
import type { GroupRow, GroupSource } from './groupView'

/** The columns the Group view sorts by (the establishment's name breaks ties). */
export const GROUP_SORT_COLUMNS = ['establishment', 'stage', 'readiness', 'blockers', 'startOfCustody', 'preHandover', 'transferArrival', 'handoversDue', 'resourcing', 'asOf'] as const
export type GroupSortColumn = (typeof GROUP_SORT_COLUMNS)[number]
export type SortDirection = 'ascending' | 'descending'

/** A column's value for sorting; null (not known) always sorts last, whichever the direction. */
function sortValue(row: GroupRow, column: GroupSortColumn): string | number | null {
  switch (column) {
    case 'establishment':
      return row.establishment.name.toLocaleLowerCase('en-GB')
    case 'stage':
      // Further from the target first when descending: current stage, then target.
      return row.stages.current * 10 + (row.stages.target ?? 0)
    case 'readiness':
      return row.readiness?.percent ?? null
    case 'blockers':
      return row.readiness?.blockers.length ?? null
    case 'startOfCustody':
      return row.compliance.startOfCustody.percentMeeting
    case 'preHandover':
      return row.compliance.preHandover.percentMeeting
    case 'transferArrival':
      return row.compliance.transferArrival?.percentMeeting ?? null
    case 'handoversDue':
      return row.handoversDue?.cases ?? null
    case 'resourcing':
      return row.resourcing?.shortfallWeeks ?? null
    case 'asOf':
      return row.plan?.asOf ?? row.compliance.asOf
    default: {
      const never: never = column
      throw new Error(`Unknown column ${String(never)}`)
    }
  }
}

/** The rows sorted by one column; stable, unknown values last, ties by establishment name then code. */
export function sortGroupRows(rows: readonly GroupRow[], column: GroupSortColumn, direction: SortDirection): GroupRow[] {
  const sign = direction === 'ascending' ? 1 : -1
  const tie = (a: GroupRow, b: GroupRow): number => a.establishment.name.localeCompare(b.establishment.name, 'en-GB') || a.establishment.code.localeCompare(b.establishment.code, 'en-GB')
  return rows
    .map((row) => ({ row, v: sortValue(row, column) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? tie(a.row, b.row) : a.v === null ? 1 : -1
      const d = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'en-GB')
      return d !== 0 ? sign * d : tie(a.row, b.row)
    })
    .map((x) => x.row)
}

/** "Met 10, overdue 2, missed 1 (83% meeting)"; unknown parts said in words. */
export function complianceText(m: GroupRow['compliance']['startOfCustody'] | null): string {
  if (m === null) return 'Not in this file (a version 1 export)'
  if (m.percentMeeting === null) return 'Applies to no case'
  const missed = m.missed === null ? 'missed not known (a version 1 export)' : `missed ${m.missed}`
  return `${m.percentMeeting}% meeting: met ${m.met}, due ${m.due}, overdue ${m.overdue}, ${missed}`
}

/** Where a row's figures came from, in words: "Live: this establishment" or "Imported file, exported 23/11/2026". */
export function sourceText(s: GroupSource, ukDate: (iso: string) => string): string {
  switch (s.kind) {
    case 'live':
      return 'Live: this establishment, worked out now'
    case 'shared':
      return 'Live: same shared database, worked out now, read-only'
    case 'imported':
      return `Imported file (schema version ${s.schemaVersion}), exported ${ukDate(s.exportedAt)}, read-only`
    default: {
      const never: never = s
      return String(never)
    }
  }
}
