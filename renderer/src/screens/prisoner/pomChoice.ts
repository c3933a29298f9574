// How a POM reads in the allocation control (issue 17, "POMs: availability"): their cases against
// capacity and their availability today, in words (status is never shown by colour alone). The
// figures come from allocations.overview (capacity: shared/engine/resourcing/pomCaseload.ts).
import type { PomLoad } from '../../../../shared/ipc/channels/allocation'
import { formatDate } from '../../lib/format'

/** "unavailable until 10/01/2027", or with no return date recorded. */
export function awayWords(until: string | null): string {
  return until === null ? 'unavailable with no return date recorded' : `unavailable until ${formatDate(until)}`
}

/** Availability today in sentence case for a table cell: "Available", "Unavailable until 10/01/2027", "Inactive". */
export function availabilityText(a: PomLoad['availability']): string {
  const words = availabilityWords(a) ?? 'available'
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function availabilityWords(a: PomLoad['availability']): string | null {
  switch (a.status) {
    case 'available':
      return null
    case 'unavailable':
      return awayWords(a.until)
    case 'away_from':
      return `away from ${formatDate(a.from)}`
    case 'inactive':
      return 'inactive'
    default: {
      const never: never = a
      return String(never)
    }
  }
}

/** "Sam Jones (prison POM): 38 cases of 30, unavailable until 10/01/2027". */
export function pomChoiceText(label: string, load: PomLoad | undefined): string {
  if (!load) return label
  const cases = `${load.caseCount.toLocaleString('en-GB')} ${load.caseCount === 1 ? 'case' : 'cases'} of ${load.capacity.toLocaleString('en-GB')}`
  const away = availabilityWords(load.availability)
  return `${label}: ${cases}${away ? `, ${away}` : ''}`
}
