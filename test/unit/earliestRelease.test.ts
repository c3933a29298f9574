// Issue 16, "Prisoner page header: ... earliest release date and its type" (shared/export/earliestRelease.ts).
import { describe, expect, it } from 'vitest'
import { earliestRelease, type ReleaseDates } from '../../shared/export/earliestRelease'

const TODAY = '2026-11-23'
const none: ReleaseDates = {
  conditionalReleaseDate: null,
  automaticReleaseDate: null,
  paroleEligibilityDate: null,
  tariffDate: null,
  homeDetentionCurfewEligibilityDate: null,
  homeDetentionCurfewActualDate: null,
}

describe('earliest release date and its type', () => {
  it('is none when the case records no release date', () => {
    expect(earliestRelease(none, TODAY)).toBeNull()
  })

  it('is the earliest of the recorded dates still to come, named by its type', () => {
    expect(earliestRelease({ ...none, conditionalReleaseDate: '2028-05-01', homeDetentionCurfewEligibilityDate: '2028-01-10' }, TODAY)).toEqual({ date: '2028-01-10', type: 'hdced', passed: false })
    expect(earliestRelease({ ...none, tariffDate: '2031-02-01', paroleEligibilityDate: '2030-06-01' }, TODAY)).toEqual({ date: '2030-06-01', type: 'ped', passed: false })
  })

  it('takes an HDC approved date in place of the eligibility date', () => {
    expect(earliestRelease({ ...none, conditionalReleaseDate: '2028-05-01', homeDetentionCurfewEligibilityDate: '2028-01-10', homeDetentionCurfewActualDate: '2028-02-14' }, TODAY)).toEqual({ date: '2028-02-14', type: 'hdcad', passed: false })
  })

  it('skips a date already passed (a past parole eligibility date) for the next still to come; today itself is still to come', () => {
    expect(earliestRelease({ ...none, paroleEligibilityDate: '2025-03-01', conditionalReleaseDate: '2027-09-01' }, TODAY)).toEqual({ date: '2027-09-01', type: 'crd', passed: false })
    expect(earliestRelease({ ...none, automaticReleaseDate: TODAY }, TODAY)).toEqual({ date: TODAY, type: 'ard', passed: false })
  })

  it('gives the latest passed date, marked passed, when every recorded date is before today', () => {
    expect(earliestRelease({ ...none, paroleEligibilityDate: '2025-03-01', tariffDate: '2025-09-01' }, TODAY)).toEqual({ date: '2025-09-01', type: 'ted', passed: true })
  })
})
