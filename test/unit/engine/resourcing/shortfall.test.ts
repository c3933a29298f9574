// Hours needed versus available, the weeks flagged, and the cases at risk of missing a minimum if
// nothing changes (issue 19, "The answer"). Readings: project.ts (atRiskOf) and types.ts
// (ResourcingWeek.inShortfall). TODAY = 2025-03-03, a Monday.
import { describe, expect, it } from 'vitest'
import { projectResourcing } from '../../../../shared/engine/resourcing/index'
import { caseOf, determinateCase, input, pom, TODAY } from './fixtures'

// Allocated today, release far off: 3 start of custody sessions (1.5 h each) in weeks 0, 4 and 8.
const newCase = (id: string, pomId: string | null) =>
  caseOf(id, pomId, determinateCase({ sentenceStartDate: '2025-02-10', conditionalReleaseDate: '2030-02-10', pomAllocatedDate: '2025-03-03' }))

describe("a type's own work against its hours", () => {
  // A prison POM with 1 hour a week; a 1.5 hour session in weeks 0, 4 and 8: 0.5 hours short.
  const tight = input({ poms: [pom({ hoursPerWeek: 1 })], caseload: [newCase('A', 'pom-1')] })

  it('weeks 0, 4 and 8 are 0.5 hours short for prison POMs and flagged; the rest are not', () => {
    const r = projectResourcing(tight, TODAY)
    expect(r.weeks.map((w) => w.shortfall.prison)).toEqual([0.5, 0, 0, 0, 0.5, 0, 0, 0, 0.5, 0, 0, 0])
    expect(r.weeks.filter((w) => w.flagged).map((w) => w.index)).toEqual([0, 4, 8])
    expect(r.weeks[0]!.shortfall).toEqual({ prison: 0.5, probation: 0, total: 0.5 })
    expect(r.summary.weeksFlagged).toBe(3)
    expect(r.summary.shortfallHours.prison).toBe(1.5)
  })

  it('the case is at risk of missing its start of custody minimum in those weeks', () => {
    const r = projectResourcing(tight, TODAY)
    expect(r.atRisk).toEqual([
      { caseId: 'A', pomId: 'pom-1', rule: 'start_of_custody', required: 3, achieved: 0, outstanding: 3, dueBy: '2025-05-26', weeks: [0, 4, 8], reasons: ['shortfall'] },
    ])
    expect(r.summary.casesAtRisk).toBe(1)
  })

  it('what-if: one more prison POM clears the shortfall and the risk', () => {
    const r = projectResourcing({ ...tight, poms: [...tight.poms, pom({ id: 'extra', hoursPerWeek: 37 })] }, TODAY)
    expect(r.summary.weeksFlagged).toBe(0)
    expect(r.atRisk).toEqual([])
  })

  it('spare probation hours do not cover the prison shortfall of allocated cases, but the total is met', () => {
    const r = projectResourcing({ ...tight, poms: [...tight.poms, pom({ id: 'pb', type: 'probation' })] }, TODAY)
    expect(r.weeks[0]!.shortfall).toEqual({ prison: 0.5, probation: 0, total: 0 })
    expect(r.weeks[0]!.inShortfall).toEqual({ prison: true, probation: false })
    expect(r.weeks[0]!.flagged).toBe(true)
  })
})

describe('the total against all work, shared work included', () => {
  it('100 task hours a week against 37 hours: every week 63 hours short in total, and both types in shortfall', () => {
    const r = projectResourcing(input({ currentStage: 3, targetStage: 2, assumptions: { taskHoursPerWeek: { 's2.3': 100, 's2.5': 0 } }, caseload: [newCase('A', 'pom-1')] }), TODAY)
    expect(r.weeks[1]!.shortfall).toEqual({ prison: 0, probation: 0, total: 63 })
    expect(r.weeks[1]!.inShortfall).toEqual({ prison: true, probation: true })
    expect(r.weeks.every((w) => w.flagged)).toBe(true)
    // The case's own type has hours for it, but the OMU as a whole does not.
    expect(r.atRisk[0]?.reasons).toEqual(['shortfall'])
  })

  it('more receptions (what-if) raise the shared demand and so the total needed', () => {
    const few = projectResourcing(input({ receptionsPerWeek: 2 }), TODAY)
    const many = projectResourcing(input({ receptionsPerWeek: 20 }), TODAY)
    expect(many.weeks[0]!.needed.total).toBeGreaterThan(few.weeks[0]!.needed.total)
    // 20 allocations (1 h) and 20 sessions (1.5 h) in week 0 against 37 hours.
    expect(many.weeks[0]!.shortfall.total).toBe(50 - 37)
  })
})

describe('cases at risk for want of a POM', () => {
  it("'pom_unavailable': the case's POM is away for the whole horizon while the team has hours", () => {
    const r = projectResourcing(
      input({ poms: [pom({ availability: { status: 'unavailable', from: '2025-01-01', to: null } }), pom({ id: 'pom-2' })], caseload: [newCase('A', 'pom-1')] }),
      TODAY,
    )
    expect(r.weeks.some((w) => w.flagged)).toBe(false)
    expect(r.atRisk.map((a) => [a.caseId, a.weeks, a.reasons])).toEqual([['A', [0, 4, 8], ['pom_unavailable']]])
  })

  it("'pom_unavailable' only in the weeks the POM is away (away to 2025-03-21: week 0)", () => {
    const r = projectResourcing(
      input({ poms: [pom({ availability: { status: 'unavailable', from: '2025-03-01', to: '2025-03-21' } }), pom({ id: 'pom-2' })], caseload: [newCase('A', 'pom-1')] }),
      TODAY,
    )
    expect(r.atRisk.map((a) => [a.weeks, a.reasons])).toEqual([[[0], ['pom_unavailable']]])
  })

  it("'no_pom': an unallocated case's minima are at risk; its transfer session is due in week 0", () => {
    const c = caseOf('U', null, determinateCase({ conditionalReleaseDate: '2030-01-01', arrivalDate: '2025-02-27' }))
    const r = projectResourcing(input({ caseload: [c] }), TODAY)
    expect(r.atRisk).toEqual([{ caseId: 'U', pomId: null, rule: 'transfer_arrival', required: 1, achieved: 0, outstanding: 1, dueBy: '2025-03-19', weeks: [0], reasons: ['no_pom'] }])
  })

  it('at-risk minima are listed by due date, then case id', () => {
    const transfer = caseOf('Z', null, determinateCase({ conditionalReleaseDate: '2030-01-01', arrivalDate: '2025-02-27' }))
    const r = projectResourcing(input({ caseload: [newCase('B', null), newCase('A', null), transfer] }), TODAY)
    expect(r.atRisk.map((a) => `${a.caseId}:${a.rule}`)).toEqual(['Z:transfer_arrival', 'A:start_of_custody', 'B:start_of_custody'])
    expect(r.summary.casesAtRisk).toBe(3)
  })
})
