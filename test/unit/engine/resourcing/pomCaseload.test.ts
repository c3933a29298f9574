// A POM's caseload against capacity and their availability on a day (issue 16, HOMD home: "POMs
// over their capacity"; issue 17, "POMs: availability"). The full-time caseload is our assumption
// (shared/engine/resourcing/pomCaseload.ts: seed 002 gives staffing levels, no caseload figure).
import { describe, expect, it } from 'vitest'
import { availabilityOn, caseCapacity, casesOverCapacity, FULL_TIME_CASELOAD, FULL_TIME_HOURS, type AvailabilityFacts } from '../../../../shared/engine/resourcing/index'

const TODAY = '2026-11-23'
const facts = (f: Partial<AvailabilityFacts>): AvailabilityFacts => ({ active: true, unavailableFrom: null, unavailableTo: null, plannedReturn: null, ...f })

describe('case capacity in proportion to contracted hours', () => {
  it('a full-time POM (37 hours) can hold the full-time caseload', () => {
    expect(caseCapacity(FULL_TIME_HOURS)).toBe(FULL_TIME_CASELOAD)
  })

  it('a part-time POM holds the same share of it as of the hours, to the nearest whole case', () => {
    expect(caseCapacity(18.5)).toBe(FULL_TIME_CASELOAD / 2)
    // 50 × 22.5 / 37 = 30.4
    expect(caseCapacity(22.5)).toBe(30)
    // 50 × 30 / 37 = 40.5
    expect(caseCapacity(30)).toBe(41)
  })

  it('no hours, no capacity', () => {
    expect(caseCapacity(0)).toBe(0)
    expect(caseCapacity(Number.NaN)).toBe(0)
  })

  it('cases over capacity are the excess only', () => {
    expect(casesOverCapacity(38, 30)).toBe(8)
    expect(casesOverCapacity(30, 30)).toBe(0)
    expect(casesOverCapacity(12, 30)).toBe(0)
  })
})

describe('availability on a day', () => {
  it('an inactive POM is inactive whatever absence is recorded', () => {
    expect(availabilityOn(facts({ active: false, unavailableFrom: '2026-11-01' }), TODAY)).toEqual({ status: 'inactive' })
  })

  it('no absence recorded: available', () => {
    expect(availabilityOn(facts({}), TODAY)).toEqual({ status: 'available' })
  })

  it('away from before today to after it: unavailable until the last day away, back the day after', () => {
    expect(availabilityOn(facts({ unavailableFrom: '2026-11-01', unavailableTo: '2027-01-10' }), TODAY)).toEqual({ status: 'unavailable', from: '2026-11-01', until: '2027-01-10', returnsOn: '2027-01-11' })
  })

  it('the first and the last day away are both days away (inclusive)', () => {
    expect(availabilityOn(facts({ unavailableFrom: TODAY, unavailableTo: '2026-12-01' }), TODAY).status).toBe('unavailable')
    expect(availabilityOn(facts({ unavailableFrom: '2026-11-01', unavailableTo: TODAY }), TODAY)).toMatchObject({ status: 'unavailable', returnsOn: '2026-11-24' })
    expect(availabilityOn(facts({ unavailableFrom: '2026-11-01', unavailableTo: '2026-11-22' }), TODAY)).toEqual({ status: 'available' })
  })

  it('away with no end date: unavailable with no return date', () => {
    expect(availabilityOn(facts({ unavailableFrom: '2026-10-01' }), TODAY)).toEqual({ status: 'unavailable', from: '2026-10-01', until: null, returnsOn: null })
  })

  it('a planned return ends the absence the day before it (as the resourcing engine reads it)', () => {
    expect(availabilityOn(facts({ unavailableFrom: '2026-10-01', plannedReturn: '2027-01-04' }), TODAY)).toEqual({ status: 'unavailable', from: '2026-10-01', until: '2027-01-03', returnsOn: '2027-01-04' })
    // The earlier of the recorded last day and the planned return wins.
    expect(availabilityOn(facts({ unavailableFrom: '2026-10-01', unavailableTo: '2026-12-01', plannedReturn: '2027-01-04' }), TODAY)).toMatchObject({ until: '2026-12-01', returnsOn: '2026-12-02' })
    // Back on the day of the planned return.
    expect(availabilityOn(facts({ unavailableFrom: '2026-10-01', plannedReturn: TODAY }), TODAY)).toEqual({ status: 'available' })
  })

  it('a planned return not after the first day away is ignored', () => {
    expect(availabilityOn(facts({ unavailableFrom: '2026-10-01', plannedReturn: '2026-09-01' }), TODAY)).toMatchObject({ status: 'unavailable', until: null })
  })

  it('an absence starting after today: available today, away from that day', () => {
    expect(availabilityOn(facts({ unavailableFrom: '2026-12-01', unavailableTo: '2026-12-12' }), TODAY)).toEqual({ status: 'away_from', from: '2026-12-01', until: '2026-12-12', returnsOn: '2026-12-13' })
  })
})
