// priorityCohortsFor (issue 4): seed 002's seven priority cohorts, with our readings of "newly
// sentenced" (12 weeks), "handover period" (spec A.1's upcoming and in-progress lists), "approaching parole"
// (26 weeks) and "young adult" (18 to 25 inclusive).
import { describe, expect, it } from 'vitest'
import { OmuInputError, priorityCohortsFirst, priorityCohortsFor, type PriorityCohortFacts } from '../../../../shared/engine/omu/index'

const base: PriorityCohortFacts = { today: '2020-07-01', sentenceType: 'determinate', sentenceStartDate: '2019-01-01', dateOfBirth: '1980-05-05' }
const ids = (f: Partial<PriorityCohortFacts>): string[] => priorityCohortsFor({ ...base, ...f }).cohorts.map((c) => c.id)

describe('newly sentenced indeterminate (within 12 weeks of sentence)', () => {
  it('indeterminate sentenced 84 days ago is in; 85 days ago is out', () => {
    expect(ids({ sentenceType: 'indeterminate', sentenceStartDate: '2020-04-08' })).toEqual(['newly_sentenced_indeterminate'])
    expect(ids({ sentenceType: 'indeterminate', sentenceStartDate: '2020-04-07' })).toEqual([])
  })

  it('sentenced today is in; a determinate sentence never is', () => {
    expect(ids({ sentenceType: 'indeterminate', sentenceStartDate: '2020-07-01' })).toEqual(['newly_sentenced_indeterminate'])
    expect(ids({ sentenceType: 'determinate', sentenceStartDate: '2020-07-01' })).toEqual([])
  })
})

// Issue 17 ("Policy readings to put right"): the handover period is the upcoming and in-progress
// handover lists of ../shared/specs/mpc-rules.md A.1 (A2, A3): not released (A1), and either the 8
// weeks before the handover starts (inWindow, S - 56 <= today < S, E.7) or the COM supporting or
// responsible (underway, E.2). It is not empty under omic2023, where COM allocated = COM responsible.
describe('handover period (spec A.1: on the upcoming or in-progress handover list)', () => {
  it('A2 inWindow: in from 56 days before the handover starts, out at 57', () => {
    expect(ids({ comAllocatedDate: '2020-08-26', comResponsibleDate: '2020-11-26' })).toEqual(['handover_period'])
    expect(ids({ comAllocatedDate: '2020-08-27', comResponsibleDate: '2020-11-27' })).toEqual([])
  })

  it('A3 underway (omic2021): in from the COM allocation day, while the COM supports', () => {
    expect(ids({ comAllocatedDate: '2020-07-01', comResponsibleDate: '2020-10-01' })).toEqual(['handover_period'])
    expect(ids({ comAllocatedDate: '2020-07-02', comResponsibleDate: '2020-10-01' })).toEqual(['handover_period'])
  })

  it('A3 underway: still in once the COM is responsible, until release (A1)', () => {
    expect(ids({ comAllocatedDate: '2020-04-01', comResponsibleDate: '2020-07-01' })).toEqual(['handover_period'])
    expect(ids({ comAllocatedDate: '2020-04-01', comResponsibleDate: '2020-07-01', earliestReleaseDate: '2020-07-02' })).toEqual(['handover_period'])
    expect(ids({ comAllocatedDate: '2020-04-01', comResponsibleDate: '2020-07-01', earliestReleaseDate: '2020-07-01' })).toEqual([])
  })

  it('the establishment\'s upcoming window (spec F upcomingWindowDays) sets how early the period starts; the reason says it in dd/mm/yyyy', () => {
    expect(ids({ comAllocatedDate: '2020-08-27', comResponsibleDate: '2020-08-27', upcomingWindowDays: 57 })).toEqual(['handover_period'])
    expect(ids({ comAllocatedDate: '2020-08-26', comResponsibleDate: '2020-08-26', upcomingWindowDays: 55 })).toEqual([])
    const r = priorityCohortsFor({ ...base, comAllocatedDate: '2020-08-12', comResponsibleDate: '2020-08-12', upcomingWindowDays: 42 })
    expect(r.cohorts).toEqual([{ id: 'handover_period', reason: 'handover starts on 12/08/2020, within the next 6 weeks' }])
  })

  it('omic2023 (one handover date): upcoming from 56 days before it, in progress from it; never empty', () => {
    expect(ids({ comAllocatedDate: '2020-08-26', comResponsibleDate: '2020-08-26' })).toEqual(['handover_period'])
    expect(ids({ comAllocatedDate: '2020-07-01', comResponsibleDate: '2020-07-01' })).toEqual(['handover_period'])
    expect(ids({ comAllocatedDate: '2020-08-27', comResponsibleDate: '2020-08-27' })).toEqual([])
  })

  it('the live responsibility given is used (A.1 input), not one worked out from the dates', () => {
    expect(ids({ comAllocatedDate: '2020-04-01', comResponsibleDate: '2020-07-01', responsibility: 'pom' })).toEqual([])
  })

  it('no handover dates (e.g. COM responsible from the start) means not in the handover period', () => {
    expect(ids({ comAllocatedDate: null, comResponsibleDate: null })).toEqual([])
    expect(ids({ comAllocatedDate: null, comResponsibleDate: null, responsibility: 'com' })).toEqual([])
  })
})

describe('approaching parole, indeterminate and determinate (within the next 26 weeks)', () => {
  it('determinate parole eligibility date 182 days ahead is in; 183 days is out', () => {
    expect(ids({ paroleEligibilityDate: '2020-12-30' })).toEqual(['approaching_parole'])
    expect(ids({ paroleEligibilityDate: '2020-12-31' })).toEqual([])
  })

  it('indeterminate tariff date ahead is in; a past tariff counts only with a new target hearing date', () => {
    expect(ids({ sentenceType: 'indeterminate', tariffDate: '2020-09-01' })).toEqual(['approaching_parole'])
    expect(ids({ sentenceType: 'indeterminate', tariffDate: '2018-09-01' })).toEqual([])
    const r = priorityCohortsFor({ ...base, sentenceType: 'indeterminate', tariffDate: '2018-09-01', targetHearingDate: '2020-11-01' })
    expect(r.cohorts).toEqual([{ id: 'approaching_parole', reason: 'target hearing date 01/11/2020 is within the next 26 weeks' }])
  })
})

describe('young adult (18 to 25 inclusive on today)', () => {
  it('18th birthday today is in; the day before is out', () => {
    expect(ids({ dateOfBirth: '2002-07-01' })).toEqual(['young_adult'])
    expect(ids({ dateOfBirth: '2002-07-02' })).toEqual([])
  })

  it('aged 25 the day before the 26th birthday is in; on the 26th birthday is out', () => {
    expect(ids({ dateOfBirth: '1994-07-02' })).toEqual(['young_adult'])
    expect(ids({ dateOfBirth: '1994-07-01' })).toEqual([])
  })

  it('a 29 February birthday turns 26 on 1 March in a common year', () => {
    expect(ids({ today: '2022-02-28', dateOfBirth: '1996-02-29', sentenceStartDate: '2019-01-01' })).toEqual(['young_adult'])
    expect(ids({ today: '2022-03-01', dateOfBirth: '1996-02-29', sentenceStartDate: '2019-01-01' })).toEqual([])
  })

  it('without a date of birth the cohort is undetermined, not silently dropped', () => {
    const r = priorityCohortsFor({ ...base, dateOfBirth: null })
    expect(r.cohorts).toEqual([])
    expect(r.undetermined).toEqual([{ id: 'young_adult', reason: 'no date of birth recorded' }])
  })
})

describe('flag cohorts and combinations', () => {
  it('early allocation (TACT), care experienced and key worker priority come from the facts', () => {
    expect(ids({ tact: true })).toEqual(['early_allocation'])
    expect(ids({ earlyAllocation: true })).toEqual(['early_allocation'])
    expect(ids({ careExperienced: true })).toEqual(['care_experienced'])
    expect(ids({ keyWorkerPriority: true })).toEqual(['key_worker_priority'])
  })

  it('all seven at once, in the seed order', () => {
    expect(
      ids({
        sentenceType: 'indeterminate',
        sentenceStartDate: '2020-06-01',
        comAllocatedDate: '2020-06-01',
        comResponsibleDate: '2020-09-01',
        tariffDate: '2020-12-01',
        tact: true,
        careExperienced: true,
        dateOfBirth: '2000-01-01',
        keyWorkerPriority: true,
      }),
    ).toEqual(['newly_sentenced_indeterminate', 'handover_period', 'approaching_parole', 'early_allocation', 'care_experienced', 'young_adult', 'key_worker_priority'])
  })

  it('a date that is not a real date is a caller error naming the field', () => {
    expect(() => priorityCohortsFor({ ...base, paroleEligibilityDate: '2020-13-01' })).toThrow(OmuInputError)
    expect(() => priorityCohortsFor({ ...base, today: '01/07/2020' })).toThrow(/^today must be a real date/)
  })
})

// Seed 002: "Priority supervision should be given to the following cohorts as we progress through
// stages 4 to 1"; stage 1 (Prepare) has "Staffing levels near target and sufficient for normal
// regime delivery including full offender management processes" (issue 17, the reading in cohorts.ts).
describe('priority cohorts first in the caseload (seed 002, "as we progress through stages 4 to 1")', () => {
  it.each([
    [4, true],
    [3, true],
    [2, true],
    [1, false],
  ] as const)('stage %i: cohorts first is %s (every stage below 1; normal order at stage 1, Prepare)', (stage, first) => {
    expect(priorityCohortsFirst(stage)).toBe(first)
  })
})
