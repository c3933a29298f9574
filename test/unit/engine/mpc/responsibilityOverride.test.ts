// A HOMD's responsibility override (issue 17, "Responsibility override": a reason and an end date)
// is in force from its start until the day before its end date, or until it is ended early.
import { describe, expect, it } from 'vitest'
import { assessedEarlyAllocation, overrideInForce, overrideOn, type ResponsibilityOverrideRecord } from '../../../../shared/engine'

const o = (startDate: string, endDate: string | null, endedOn: string | null = null, responsibility: 'pom' | 'com' = 'com'): ResponsibilityOverrideRecord => ({ responsibility, startDate, endDate, endedOn })

describe('overrideInForce: ends on its end date (compared with today)', () => {
  it('in force from the start date to the day before the end date', () => {
    expect(overrideInForce(o('2026-11-23', '2026-12-01'), '2026-11-22')).toBe(false)
    expect(overrideInForce(o('2026-11-23', '2026-12-01'), '2026-11-23')).toBe(true)
    expect(overrideInForce(o('2026-11-23', '2026-12-01'), '2026-11-30')).toBe(true)
    expect(overrideInForce(o('2026-11-23', '2026-12-01'), '2026-12-01')).toBe(false)
  })
  it('ended early: not in force from the day it was ended', () => {
    expect(overrideInForce(o('2026-11-23', '2027-01-01', '2026-11-25'), '2026-11-24')).toBe(true)
    expect(overrideInForce(o('2026-11-23', '2027-01-01', '2026-11-25'), '2026-11-25')).toBe(false)
  })
  it('no end date: until ended', () => expect(overrideInForce(o('2026-11-23', null), '2030-01-01')).toBe(true))
  it('an invalid date throws naming the field', () => expect(() => overrideInForce(o('2026-02-30', null), '2026-11-23')).toThrow(/^startDate:/))
})

describe('overrideOn: the one in force today', () => {
  it('the latest started of those in force; null when none is', () => {
    const list = [o('2026-10-01', '2027-01-01', null, 'pom'), o('2026-11-01', '2026-12-01', null, 'com')]
    expect(overrideOn(list, '2026-11-15')?.responsibility).toBe('com')
    expect(overrideOn(list, '2026-12-15')?.responsibility).toBe('pom')
    expect(overrideOn(list, '2027-01-01')).toBeNull()
  })
})

describe('assessedEarlyAllocation (spec C.5 C6 and C7, the case engine input)', () => {
  const rec = (createdOn: string, outcome: 'eligible' | 'discretionary' | 'ineligible', within: boolean, decision: boolean | null = null) => ({ createdOn, outcome, createdWithinReferralWindow: within, communityDecision: decision })
  it('the latest assessment of this sentence decides it', () => {
    expect(assessedEarlyAllocation({ sentenceStartDate: '2025-01-01', assessments: [rec('2026-01-01', 'eligible', true)] })).toBe(true)
    expect(assessedEarlyAllocation({ sentenceStartDate: '2025-01-01', assessments: [rec('2026-01-01', 'eligible', true), rec('2026-06-01', 'ineligible', true)] })).toBe(false)
    expect(assessedEarlyAllocation({ sentenceStartDate: '2025-01-01', assessments: [rec('2026-01-01', 'discretionary', true, true)] })).toBe(true)
  })
  it('made outside the referral window or before this sentence: no early allocation', () => {
    expect(assessedEarlyAllocation({ sentenceStartDate: '2025-01-01', assessments: [rec('2026-01-01', 'eligible', false)] })).toBe(false)
    expect(assessedEarlyAllocation({ sentenceStartDate: '2026-02-01', assessments: [rec('2026-01-01', 'eligible', true)] })).toBe(false)
  })
})
