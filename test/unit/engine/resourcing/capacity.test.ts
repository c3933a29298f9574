// Capacity: each POM's available hours per week (issue 19, "Capacity": contracted hours, working
// pattern, availability, planned changes; seed 002 stages 3 to 1: probation staff returning, Band 4
// staff returned to POM roles). Dates worked by hand from TODAY = 2025-03-03 (fixtures.ts):
// week 0 = 03-03..03-09, week 1 = 03-10.., week 2 = 03-17.., week 3 = 03-24.., week 4 = 03-31..,
// week 6 holds Good Friday 04-18, week 7 Easter Monday 04-21, week 9 Early May 05-05.
import { describe, expect, it } from 'vitest'
import type { PomCapacity } from '../../../../shared/engine/resourcing/index'
import { projectResourcing } from '../../../../shared/engine/resourcing/index'
import { input, pom, TODAY } from './fixtures'

function hoursOf(p: PomCapacity, extraHolidays?: string[]): number[] {
  const r = projectResourcing(input({ poms: [p], extraHolidays }), TODAY)
  return (r.poms[0] as { hours: number[] }).hours.map((h) => Math.round(h * 1000) / 1000)
}

describe('contracted hours and working pattern', () => {
  it('weeks start on today: week i runs today + 7i to today + 7i + 6', () => {
    const r = projectResourcing(input(), '2025-03-05') // a Wednesday
    expect(r.weeks.map((w) => [w.start, w.end]).slice(0, 2)).toEqual([
      ['2025-03-05', '2025-03-11'],
      ['2025-03-12', '2025-03-18'],
    ])
    expect(r.weeks).toHaveLength(12)
    expect(r.weeks[11]?.end).toBe('2025-05-27') // today + 83
  })

  it('a full-time POM gives the contracted hours, less a fifth for each bank holiday (weeks 6, 7 and 9)', () => {
    expect(hoursOf(pom())).toEqual([37, 37, 37, 37, 37, 37, 29.6, 29.6, 37, 29.6, 37, 37])
  })

  it('a three-day part-timer keeps their hours in a bank holiday week: four working days remain for three days', () => {
    expect(hoursOf(pom({ hoursPerWeek: 22.2, workingPattern: { daysPerWeek: 3 } }))).toEqual(Array(12).fill(22.2))
  })

  it('a working pattern given as a share of the week (0.6) is three days', () => {
    const days = hoursOf(pom({ hoursPerWeek: 22.2, workingPattern: { daysPerWeek: 3 }, availability: { status: 'unavailable', from: '2025-03-03', to: '2025-03-05' } }))
    const share = hoursOf(pom({ hoursPerWeek: 22.2, workingPattern: { fractionOfWeek: 0.6 }, availability: { status: 'unavailable', from: '2025-03-03', to: '2025-03-05' } }))
    expect(share).toEqual(days)
    // Away Mon-Wed of week 0: Thu and Fri are left, two of three days: 14.8 hours.
    expect(share[0]).toBe(14.8)
  })

  it('a four-and-a-half-day pattern counts its half day: 37 hours over 4.5 days', () => {
    expect(hoursOf(pom({ workingPattern: { daysPerWeek: 4.5 } }))[0]).toBe(37)
    // Week 6 (Good Friday): four working days, 4 x 37/4.5.
    expect(hoursOf(pom({ workingPattern: { daysPerWeek: 4.5 } }))[6]).toBeCloseTo((4 * 37) / 4.5, 3)
  })

  it('an extra non-working day from Settings counts like a bank holiday', () => {
    expect(hoursOf(pom(), ['2025-03-04'])[0]).toBe(29.6)
  })
})

describe('availability and planned changes', () => {
  it('unavailable Wed 2025-03-05 to Tue 2025-03-18 inclusive: 2 days in week 0, none in week 1, 3 in week 2', () => {
    const h = hoursOf(pom({ availability: { status: 'unavailable', from: '2025-03-05', to: '2025-03-18' } }))
    expect(h.slice(0, 4)).toEqual([14.8, 0, 22.2, 37])
  })

  it('unavailable with no end date: no hours in the whole horizon', () => {
    expect(hoursOf(pom({ availability: { status: 'unavailable', from: '2025-01-01', to: null } }))).toEqual(Array(12).fill(0))
  })

  it('a probation POM returning on Thu 2025-03-20 works Thu and Fri of week 2 and every week after (seed 002 stage 3)', () => {
    const h = hoursOf(pom({ type: 'probation', availability: { status: 'unavailable', from: '2025-01-01', to: null }, plannedChanges: [{ kind: 'returning', date: '2025-03-20' }] }))
    expect(h.slice(0, 5)).toEqual([0, 0, 14.8, 37, 37])
  })

  it('leaving on Wed 2025-03-12 (first day no longer in post): Mon and Tue of week 1, nothing after', () => {
    const h = hoursOf(pom({ plannedChanges: [{ kind: 'leaving', date: '2025-03-12' }] }))
    expect(h.slice(0, 4)).toEqual([37, 14.8, 0, 0])
  })

  it('a three-day new starter from Wed 2025-04-02 works three days of week 4; from Thu 2025-04-03 only two', () => {
    const part = { hoursPerWeek: 22.2, workingPattern: { daysPerWeek: 3 } }
    expect(hoursOf(pom({ ...part, plannedChanges: [{ kind: 'starting', date: '2025-04-02' }] })).slice(3, 6)).toEqual([0, 22.2, 22.2])
    expect(hoursOf(pom({ ...part, plannedChanges: [{ kind: 'starting', date: '2025-04-03' }] })).slice(3, 6)).toEqual([0, 14.8, 22.2])
  })

  it('hours changed to 18.5 from Mon 2025-03-10: 37 in week 0, 18.5 after', () => {
    const h = hoursOf(pom({ plannedChanges: [{ kind: 'hours_changed', date: '2025-03-10', hoursPerWeek: 18.5 }] }))
    expect(h.slice(0, 3)).toEqual([37, 18.5, 18.5])
  })

  it('hours and pattern changed mid-week (Wed 2025-03-12, 18.5 h over 2.5 days): Mon, Tue at 7.4 then half a day at 7.4', () => {
    const h = hoursOf(pom({ plannedChanges: [{ kind: 'hours_changed', date: '2025-03-12', hoursPerWeek: 18.5, workingPattern: { daysPerWeek: 2.5 } }] }))
    expect(h.slice(0, 3)).toEqual([37, 18.5, 18.5])
  })

  it('available hours add up by POM type', () => {
    const r = projectResourcing(
      input({
        poms: [pom(), pom({ id: 'pom-2', type: 'probation', hoursPerWeek: 30 }), pom({ id: 'pom-3', hoursPerWeek: 20 })],
      }),
      TODAY,
    )
    expect(r.weeks[0]?.available).toEqual({ prison: 57, probation: 30, total: 87 })
  })
})
