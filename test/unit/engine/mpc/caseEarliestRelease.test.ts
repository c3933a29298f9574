// Spec A.3 (../shared/specs/mpc-rules.md, "earliestReleaseDate (the caller works it out)") for one
// case, with the fallback group of spec F's new facts, and the app's reading for indeterminate
// sentences (written beside caseEarliestReleaseDate, like spec section E): a passed tariff date,
// or a passed hearing, is not a release.
import { describe, expect, it } from 'vitest'
import { CaseInputError, caseEarliestReleaseDate, handoverLists, type CaseReleaseFacts } from '../../../../shared/engine/index'

const TODAY = '2026-11-30'

function facts(over: Partial<CaseReleaseFacts>): CaseReleaseFacts {
  return {
    sentenceType: 'determinate',
    conditionalReleaseDate: null,
    automaticReleaseDate: null,
    homeDetentionCurfewEligibilityDate: null,
    homeDetentionCurfewActualDate: null,
    paroleEligibilityDate: null,
    tariffDate: null,
    targetHearingDate: null,
    sentenceExpiryDate: null,
    licenceExpiryDate: null,
    postRecallReleaseDate: null,
    actualParoleDate: null,
    ...over,
  }
}

describe('spec A.3, determinate: the first group, else the fallback group (SED, LED, post-recall release, actual parole)', () => {
  it('takes the earliest first-group date on or after today, and ignores the fallback group when any first-group date is known', () => {
    expect(caseEarliestReleaseDate(TODAY, facts({ conditionalReleaseDate: '2027-05-01', homeDetentionCurfewEligibilityDate: '2027-01-15', sentenceExpiryDate: '2026-12-01' }))).toBe('2027-01-15')
  })

  it('with no first-group date, reads the fallback group: the earliest on or after today', () => {
    expect(caseEarliestReleaseDate(TODAY, facts({ sentenceExpiryDate: '2028-03-01', licenceExpiryDate: '2029-03-01', postRecallReleaseDate: '2027-02-02' }))).toBe('2027-02-02')
  })

  it('with every fallback date passed, takes the latest of them (A.3 "or if there is none the latest candidate")', () => {
    expect(caseEarliestReleaseDate(TODAY, facts({ postRecallReleaseDate: '2026-01-01', actualParoleDate: '2026-06-01' }))).toBe('2026-06-01')
  })

  it('a passed TED still counts for a determinate sentence (spec A.3 unchanged)', () => {
    expect(caseEarliestReleaseDate(TODAY, facts({ tariffDate: '2026-01-01' }))).toBe('2026-01-01')
  })

  it('no date known: null', () => {
    expect(caseEarliestReleaseDate(TODAY, facts({}))).toBeNull()
  })
})

describe('spec A.3, indeterminate (app reading): a passed tariff date or hearing is not a release', () => {
  it('an ISP past tariff with a future hearing: the hearing, so A.1 does not read the case as released', () => {
    const release = caseEarliestReleaseDate(TODAY, facts({ sentenceType: 'indeterminate', tariffDate: '2025-04-01', targetHearingDate: '2027-03-01' }))
    expect(release).toBe('2027-03-01')
    // The same case on the handover lists: in progress with the COM responsible, not dropped as released.
    const lists = handoverLists({ today: TODAY, responsibility: 'com', comResponsibleDate: '2026-09-01', earliestReleaseDate: release, comName: 'A COM' })
    expect(lists.inProgress).toBe(true)
  })

  it('an ISP past tariff awaiting a hearing not yet listed: not released (null)', () => {
    expect(caseEarliestReleaseDate(TODAY, facts({ sentenceType: 'indeterminate', tariffDate: '2025-04-01' }))).toBeNull()
  })

  it('a passed hearing is ignored too; a future TED counts', () => {
    expect(caseEarliestReleaseDate(TODAY, facts({ sentenceType: 'indeterminate', targetHearingDate: '2026-10-01', tariffDate: '2027-08-01' }))).toBe('2027-08-01')
  })

  it('TED and the hearing today are still candidates (A.3 "on or after today")', () => {
    expect(caseEarliestReleaseDate(TODAY, facts({ sentenceType: 'indeterminate', tariffDate: TODAY, targetHearingDate: '2027-01-01' }))).toBe(TODAY)
  })

  it('the determinate dates are not candidates for an indeterminate sentence (a PED is eligibility, not release)', () => {
    expect(caseEarliestReleaseDate(TODAY, facts({ sentenceType: 'indeterminate', paroleEligibilityDate: '2025-01-01', conditionalReleaseDate: '2025-01-01' }))).toBeNull()
  })

  it('released on parole: with no hearing or tariff ahead, a passed actual parole date is the release (fallback group)', () => {
    expect(caseEarliestReleaseDate(TODAY, facts({ sentenceType: 'indeterminate', tariffDate: '2025-04-01', targetHearingDate: '2026-05-01', actualParoleDate: '2026-07-01' }))).toBe('2026-07-01')
  })

  it('a date that is not a day is refused, naming the field', () => {
    expect(() => caseEarliestReleaseDate(TODAY, facts({ sentenceType: 'indeterminate', tariffDate: '2025-02-30' }))).toThrow(CaseInputError)
    expect(() => caseEarliestReleaseDate(TODAY, facts({ sentenceType: 'indeterminate', tariffDate: '2025-02-30' }))).toThrow(/tariffDate/)
  })
})
