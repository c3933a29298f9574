// Issue 16, "Prisoner page header: ... earliest release date and its type". Pure: no clock, no I/O
// (`today` is a parameter); calendar dates are 'YYYY-MM-DD' strings, so they compare as text.

/** The recorded dates on which a prisoner may first be released, as NOMIS names them. */
export type ReleaseDateType = 'crd' | 'ard' | 'ped' | 'ted' | 'hdced' | 'hdcad'

export interface ReleaseDates {
  conditionalReleaseDate: string | null
  automaticReleaseDate: string | null
  paroleEligibilityDate: string | null
  tariffDate: string | null
  homeDetentionCurfewEligibilityDate: string | null
  homeDetentionCurfewActualDate: string | null
}

export interface EarliestRelease {
  date: string
  type: ReleaseDateType
  /** True when every recorded release date is before today (the latest of them is given). */
  passed: boolean
}

/** The type's name as the header shows it: the words first, the NOMIS abbreviation after. */
export const RELEASE_DATE_TYPE_LABELS = {
  crd: 'Conditional release date (CRD)',
  ard: 'Automatic release date (ARD)',
  ped: 'Parole eligibility date (PED)',
  ted: 'Tariff expiry date (TED)',
  hdced: 'Home detention curfew eligibility date (HDCED)',
  hdcad: 'Home detention curfew approved date (HDCAD)',
} as const satisfies Record<ReleaseDateType, string>

/**
 * The earliest day the prisoner may be released, from the dates the case has, and which date it
 * is. An HDC approved date replaces the eligibility date (HDC has been granted for that day). The
 * target hearing date is a hearing, not a release, so it never counts. Dates before today are
 * past chances (parole refused, HDC not granted): the earliest date still to come is given; when
 * none is, the latest past one, marked `passed`. Null when no release date is recorded.
 */
export function earliestRelease(d: ReleaseDates, today: string): EarliestRelease | null {
  const candidates: [ReleaseDateType, string | null][] = [
    ['hdcad', d.homeDetentionCurfewActualDate],
    ['hdced', d.homeDetentionCurfewActualDate ? null : d.homeDetentionCurfewEligibilityDate],
    ['ped', d.paroleEligibilityDate],
    ['ted', d.tariffDate],
    ['crd', d.conditionalReleaseDate],
    ['ard', d.automaticReleaseDate],
  ]
  const known = candidates.filter((c): c is [ReleaseDateType, string] => c[1] !== null && c[1] !== '')
  if (known.length === 0) return null
  const toCome = known.filter(([, date]) => date >= today).sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
  const first = toCome[0]
  if (first) return { date: first[1], type: first[0], passed: false }
  const latest = [...known].sort((a, b) => (a[1] > b[1] ? -1 : a[1] < b[1] ? 1 : 0))[0] as [ReleaseDateType, string]
  return { date: latest[1], type: latest[0], passed: true }
}
