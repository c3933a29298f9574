// Where the case engine's parole inputs come from: ../shared/specs/handover-2023.md section 6
// ("Where the inputs come from (caller, not engine)") and section 1 (`paroleOutcome`).
import { describe, expect, it } from 'vitest'
import { calculateHandover } from '../../../../shared/engine'
import { lastDecidedReview, paroleInputs, type ParoleReviewFacts } from '../../../../shared/engine/case/paroleReviews'

const review = (hearingDate: string, outcome: ParoleReviewFacts['outcome'] = 'not_known', outcomeDate: string | null = null, nextHearingDate: string | null = null): ParoleReviewFacts => ({
  hearingDate,
  outcome,
  outcomeDate,
  nextHearingDate,
})

const START = '2012-03-01'

describe('paroleInputs: the case engine’s targetHearingDate and paroleOutcome from recorded reviews (spec section 6)', () => {
  it('no review of the current sentence gives nothing: the case keeps its own target hearing date and no outcome', () => {
    expect(paroleInputs([], START)).toBeNull()
    // "reviews whose hearing date is on or after sentenceStartDate": an earlier sentence's review is not read.
    expect(paroleInputs([review('2011-06-01', 'refused', '2011-06-10')], START)).toBeNull()
  })

  it('a review on the sentence start day belongs to the current sentence (on or after)', () => {
    expect(paroleInputs([review(START)], START)).toEqual({ targetHearingDate: START, paroleOutcome: null })
  })

  it('targetHearingDate is the hearing date of the latest review by hearing date, whatever the order recorded', () => {
    const reviews = [review('2024-05-01', 'refused', '2024-05-10'), review('2022-01-10', 'deferred', '2022-01-12'), review('2026-09-01')]
    expect(paroleInputs(reviews, START)?.targetHearingDate).toBe('2026-09-01')
  })

  it('a refused or deferred hearing that lists a new hearing moves the date to that new hearing', () => {
    expect(paroleInputs([review('2026-11-10', 'refused', '2026-11-17', '2028-01-23')], START)).toEqual({ targetHearingDate: '2028-01-23', paroleOutcome: 'not_release' })
    expect(paroleInputs([review('2026-11-10', 'deferred', '2026-11-17', '2027-05-10')], START)).toEqual({ targetHearingDate: '2027-05-10', paroleOutcome: 'not_release' })
  })

  it('the next review, once recorded, is the latest: its own hearing date is used and the earlier outcome stays the last outcome', () => {
    const reviews = [review('2026-11-10', 'refused', '2026-11-17', '2028-01-23'), review('2028-02-01')]
    expect(paroleInputs(reviews, START)).toEqual({ targetHearingDate: '2028-02-01', paroleOutcome: 'not_release' })
  })

  it('paroleOutcome is the latest review with an outcome: release → release, any other recorded outcome → not_release (section 1)', () => {
    expect(paroleInputs([review('2025-01-10', 'refused', '2025-01-20'), review('2026-01-10', 'release', '2026-01-20')], START)?.paroleOutcome).toBe('release')
    expect(paroleInputs([review('2025-01-10', 'release', '2025-01-20'), review('2026-01-10', 'deferred')], START)?.paroleOutcome).toBe('not_release')
  })

  it('a review counts as having an outcome when the date it was received is recorded, even with the outcome not yet known', () => {
    expect(paroleInputs([review('2026-01-10', 'not_known', '2026-01-20')], START)?.paroleOutcome).toBe('not_release')
  })

  it('a review with neither an outcome nor its date has none: the previous outcome stands, or none', () => {
    expect(paroleInputs([review('2026-01-10')], START)?.paroleOutcome).toBeNull()
    expect(paroleInputs([review('2025-01-10', 'release', '2025-01-20'), review('2026-01-10')], START)?.paroleOutcome).toBe('release')
  })

  it('of two reviews on one hearing day, the one recorded last is the latest', () => {
    const reviews = [review('2026-01-10', 'release', '2026-01-11'), review('2026-01-10', 'refused', '2026-01-12', '2027-06-01')]
    expect(paroleInputs(reviews, START)).toEqual({ targetHearingDate: '2027-06-01', paroleOutcome: 'not_release' })
    expect(lastDecidedReview(reviews, START)?.outcome).toBe('refused')
  })
})

describe('through the engine: a refusal with the next hearing more than 12 months away (spec R2, the issue 20 reading)', () => {
  const today = '2026-11-23'
  const isp = { sentenceType: 'indeterminate' as const, sentenceStartDate: START, tariffDate: '2022-03-01', mappaLevel: 1 as const }

  it('the outcome matters through the 12-month rule, and the release date moves with the new hearing date', () => {
    const far = paroleInputs([review('2026-11-10', 'refused', '2026-11-17', '2028-01-23')], START)
    expect(calculateHandover({ ...isp, ...far }, today, 'omic2023').reason).toBe('thd_over_12_months')
    // Exactly 12 months on is not far (spec R2 boundary): the general ISP rule, release = the new hearing.
    const near = paroleInputs([review('2026-11-10', 'refused', '2026-11-17', '2027-11-23')], START)
    expect(calculateHandover({ ...isp, ...near }, today, 'omic2023')).toEqual({ comAllocatedDate: '2026-11-23', comResponsibleDate: '2026-11-23', releaseDate: '2027-11-23', reason: 'indeterminate' })
  })
})
