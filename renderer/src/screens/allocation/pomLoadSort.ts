// The order of the Allocation screen's POM table (issue 16, Screens: "... and sortable"). Pure, so
// it is unit-tested without a window; the same ascending / descending words as the Group view
// (shared/export/groupViewTable.ts), which aria-sort takes as they are.
import type { PomLoad } from '../../../../shared/ipc/channels/allocation'
import type { SortDirection } from '../../../../shared/export/groupViewTable'
import { TIER_LETTERS, tierMix, weightedLoad } from '../../../../shared/engine/resourcing/tierMix'

export type { SortDirection }
export type PomSortColumn = 'name' | 'cases' | 'weighted' | 'capacity' | 'availability' | 'tierMix'
/** null: the overview's own order, lightest load per contracted hour first. */
export type PomSort = { column: PomSortColumn; direction: SortDirection } | null

/** Available first, then away from a later day, away today, no longer a POM here. */
const AVAILABILITY_ORDER: Record<PomLoad['availability']['status'], number> = { available: 0, away_from: 1, unavailable: 2, inactive: 3 }

function sortValue(r: PomLoad, column: PomSortColumn): string | number {
  switch (column) {
    case 'name':
      return r.name.toLocaleLowerCase('en-GB')
    case 'cases':
      return r.caseCount
    case 'weighted':
      return weightedLoad(tierMix(r.byTier))
    case 'capacity':
      return r.capacity
    case 'availability':
      return AVAILABILITY_ORDER[r.availability.status]
    case 'tierMix': {
      // The higher tiers weigh most: by tier A cases, then B, C, D (as a number in base 10000).
      const m = tierMix(r.byTier)
      return TIER_LETTERS.reduce((v, l) => v * 10000 + Math.min(m[l], 9999), 0)
    }
    default: {
      const never: never = column
      return String(never)
    }
  }
}

/** The rows in the chosen order; ties by name, so the order never depends on the input's. */
export function sortPomLoads(rows: readonly PomLoad[], sort: PomSort): PomLoad[] {
  if (sort === null) return [...rows]
  const sign = sort.direction === 'ascending' ? 1 : -1
  const tie = (a: PomLoad, b: PomLoad) => a.name.localeCompare(b.name, 'en-GB') || a.staffId - b.staffId
  return rows
    .map((row) => ({ row, v: sortValue(row, sort.column) }))
    .sort((a, b) => {
      const d = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'en-GB')
      return d !== 0 ? sign * d : tie(a.row, b.row)
    })
    .map((x) => x.row)
}

/** A click on a heading: a new column sorts ascending, the same column flips. */
export function nextSort(sort: PomSort, column: PomSortColumn): PomSort {
  return { column, direction: sort?.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending' }
}
