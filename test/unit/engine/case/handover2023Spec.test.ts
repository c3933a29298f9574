// Handover policy 'omic2023' completed: ../shared/specs/handover-2023.md (cited below as "spec"):
// the new input fields (section 1), the new reasons (section 2), the rule order (section 3), R1-R5
// (section 4) and what stays as it is (section 5). The older rules are in handover2023.test.ts.
import { describe, expect, it } from 'vitest'
import type { CaseInput, Handover, HandoverReason, Responsibility } from '../../../../shared/engine/case/index'
import { calculateHandover, CaseInputError, evaluateCase, responsibilityOn } from '../../../../shared/engine/case/index'
import { determinate, indeterminate } from './fixtures'

const TODAY = '2025-03-10' // spec R2 boundary example: addMonths(today, 12) = 2026-03-10
const NEAR_THD = '2026-03-10' // exactly 12 months away: not far
const FAR_THD = '2026-03-11' // the day after: far

/** An ISP whose tariff has passed, so the next hearing is the release date (issue 3 release rule). */
const isp = (overrides: Partial<CaseInput> = {}): CaseInput => indeterminate({ tariffDate: '2020-01-01', ...overrides })

const noDates = (reason: HandoverReason, releaseDate: string | null = null): Handover => ({ comAllocatedDate: null, comResponsibleDate: null, releaseDate, reason })
const dated = (reason: HandoverReason, alloc: string, resp: string, releaseDate: string): Handover => ({ comAllocatedDate: alloc, comResponsibleDate: resp, releaseDate, reason })

function h2023(input: CaseInput, today = TODAY): Handover {
  return calculateHandover(input, today, 'omic2023')
}

/** Responsibility for a no-dates result is the same on any date (spec R5: "never depends on the date"). */
function responsibleOnAnyDate(input: CaseInput, today = TODAY): Responsibility {
  const h = h2023(input, today)
  const all = ['1990-01-01', today, '2999-12-31'].map((d) => responsibilityOn(h, d))
  expect(new Set(all).size).toBe(1)
  expect(evaluateCase(input, today, 'omic2023').responsibility).toBe(all[0])
  return all[0] as Responsibility
}

describe('spec R1: an ISP with a further ISP to serve is POM responsible with no dates', () => {
  it('additionalIsp on an ISP: additional_isp, no dates, POM responsible', () => {
    expect(h2023(isp({ targetHearingDate: '2025-09-01', additionalIsp: true }))).toEqual(noDates('additional_isp'))
    expect(responsibleOnAnyDate(isp({ targetHearingDate: '2025-09-01', additionalIsp: true }))).toBe('pom')
  })

  it.each<[string, Partial<CaseInput>]>([
    ['recall', { recall: true }],
    ['a refused parole outcome with a far hearing and MAPPA 3', { targetHearingDate: FAR_THD, paroleOutcome: 'not_release', mappaLevel: 3 }],
    ['a far hearing on recall', { targetHearingDate: FAR_THD, recall: true }],
    ['an immigration case', { immigrationCase: true }],
    ['open conditions with an arrival date', { tariffDate: '2027-03-15', openConditions: true, openConditionsArrivalDate: '2025-01-10' }],
    ['early allocation', { tariffDate: '2027-03-15', earlyAllocation: true }],
    ['no release date', { tariffDate: null }],
  ])('whatever else is true: %s', (_name, overrides) => {
    expect(h2023(isp({ additionalIsp: true, ...overrides }))).toEqual(noDates('additional_isp'))
  })

  it('is ignored for a determinate sentence', () => {
    const input = determinate({ conditionalReleaseDate: '2025-03-31' })
    expect(h2023({ ...input, additionalIsp: true }, '2023-06-01')).toEqual(h2023(input, '2023-06-01'))
  })
})

describe('spec R2: ISP whose next parole hearing is more than 12 months away (strict)', () => {
  it.each<[string, 0 | 1 | null]>([
    ['MAPPA not known', null],
    ['MAPPA 0', 0],
    ['MAPPA 1', 1],
  ])('R2a: recalled, %s, no parole outcome needed: recall_thd_over_12_months, POM with COM', (_name, mappaLevel) => {
    const input = isp({ targetHearingDate: FAR_THD, recall: true, mappaLevel })
    expect(h2023(input)).toEqual(noDates('recall_thd_over_12_months'))
    expect(responsibleOnAnyDate(input)).toBe('pom_with_com')
  })

  it.each<[string, boolean, 2 | 3]>([
    ['not recalled, MAPPA 2', false, 2],
    ['not recalled, MAPPA 3', false, 3],
    ['recalled, MAPPA 2', true, 2],
    ['recalled, MAPPA 3', true, 3],
  ])('R2b: parole not granted, %s: parole_mappa_2_3, COM responsible', (_name, recall, mappaLevel) => {
    const input = isp({ targetHearingDate: FAR_THD, paroleOutcome: 'not_release', mappaLevel, recall })
    expect(h2023(input)).toEqual(noDates('parole_mappa_2_3'))
    expect(responsibleOnAnyDate(input)).toBe('com')
  })

  it.each<[string, 0 | 1 | null]>([
    ['MAPPA not known', null],
    ['MAPPA 0', 0],
    ['MAPPA 1', 1],
  ])('R2c: parole not granted, %s: thd_over_12_months, POM with COM', (_name, mappaLevel) => {
    const input = isp({ targetHearingDate: FAR_THD, paroleOutcome: 'not_release', mappaLevel })
    expect(h2023(input)).toEqual(noDates('thd_over_12_months'))
    expect(responsibleOnAnyDate(input)).toBe('pom_with_com')
  })

  it('falls through: recalled, MAPPA 2/3 and no not-release outcome: recall', () => {
    expect(h2023(isp({ targetHearingDate: FAR_THD, recall: true, mappaLevel: 3 }))).toEqual(noDates('recall'))
    expect(h2023(isp({ targetHearingDate: FAR_THD, recall: true, mappaLevel: 2, paroleOutcome: 'release' }))).toEqual(noDates('recall'))
  })

  it.each<[string, 'release' | null]>([
    ['release', 'release'],
    ['no outcome', null],
  ])('falls through: outcome %s: the general rules (the far hearing is the release date)', (_name, paroleOutcome) => {
    // issue 3 omic2023 ISP rule: release (the hearing) minus 12 months.
    expect(h2023(isp({ targetHearingDate: FAR_THD, paroleOutcome, mappaLevel: 3 }))).toEqual(dated('indeterminate', '2025-03-11', '2025-03-11', FAR_THD))
  })

  it('comes before immigration and early allocation', () => {
    expect(h2023(isp({ targetHearingDate: FAR_THD, paroleOutcome: 'not_release', immigrationCase: true }))).toEqual(noDates('thd_over_12_months'))
    expect(h2023(isp({ targetHearingDate: FAR_THD, paroleOutcome: 'not_release', earlyAllocation: true }))).toEqual(noDates('thd_over_12_months'))
    expect(h2023(isp({ targetHearingDate: FAR_THD, recall: true, immigrationCase: true }))).toEqual(noDates('recall_thd_over_12_months'))
  })

  it('the tariff date plays no part: a future tariff does not stop a far hearing from applying', () => {
    expect(h2023(isp({ tariffDate: '2025-06-01', targetHearingDate: FAR_THD, paroleOutcome: 'not_release' }))).toEqual(noDates('thd_over_12_months'))
  })

  it('a far tariff with a near hearing is not far', () => {
    const h = h2023(isp({ tariffDate: '2027-01-01', targetHearingDate: NEAR_THD, paroleOutcome: 'not_release' }))
    expect(h.reason).toBe('indeterminate')
  })

  it('applies only to ISPs: a determinate sentence with a far hearing and a refusal keeps its rules', () => {
    const input = determinate({ conditionalReleaseDate: '2027-03-31', targetHearingDate: FAR_THD, mappaLevel: 3 })
    expect(h2023({ ...input, paroleOutcome: 'not_release', recall: false })).toEqual(h2023(input))
    expect(h2023({ ...input, paroleOutcome: 'not_release' }).reason).toBe('determinate')
  })

  describe('boundary: exactly 12 calendar months after today is not far, the day after is', () => {
    it.each<[today: string, thd: string, far: boolean]>([
      ['2025-03-10', '2026-03-10', false],
      ['2025-03-10', '2026-03-11', true],
      // today 29 Feb 2024: addMonths clamps to 28 Feb 2025
      ['2024-02-29', '2025-02-28', false],
      ['2024-02-29', '2025-03-01', true],
    ])('today %s, hearing %s: far = %s', (today, thd, far) => {
      const h = h2023(isp({ targetHearingDate: thd, paroleOutcome: 'not_release' }), today)
      expect(h.reason).toBe(far ? 'thd_over_12_months' : 'indeterminate')
      const recalled = h2023(isp({ targetHearingDate: thd, recall: true, mappaLevel: 1 }), today)
      expect(recalled.reason).toBe(far ? 'recall_thd_over_12_months' : 'recall')
    })
  })

  describe('a hearing 12 months or less away: the existing rules (spec section 5)', () => {
    it('not-release outcome and MAPPA 3: the ISP rule, release minus 12 months', () => {
      expect(h2023(isp({ targetHearingDate: NEAR_THD, paroleOutcome: 'not_release', mappaLevel: 3 }))).toEqual(dated('indeterminate', '2025-03-10', '2025-03-10', NEAR_THD))
    })
    it('recalled: recall', () => {
      expect(h2023(isp({ targetHearingDate: NEAR_THD, recall: true, paroleOutcome: 'not_release' }))).toEqual(noDates('recall'))
    })
  })
})

describe('spec R3: an immigration case is COM responsible with no dates', () => {
  it.each<[string, CaseInput]>([
    ['determinate with a release date', determinate({ conditionalReleaseDate: '2027-03-31' })],
    ['no release date', determinate()],
    ['10 months or less to serve', determinate({ sentenceStartDate: '2025-01-01', conditionalReleaseDate: '2025-06-01' })],
    ['early allocation', determinate({ conditionalReleaseDate: '2027-03-31', earlyAllocation: true })],
    ['an ISP in open conditions', isp({ tariffDate: '2027-03-15', openConditions: true, openConditionsArrivalDate: '2025-01-10' })],
  ])('%s: immigration_case', (_name, input) => {
    const withImmigration = { ...input, immigrationCase: true }
    expect(h2023(withImmigration)).toEqual(noDates('immigration_case'))
    expect(responsibleOnAnyDate(withImmigration)).toBe('com')
  })

  it('comes after recall and R1', () => {
    expect(h2023(determinate({ immigrationCase: true, recall: true }))).toEqual(noDates('recall'))
    expect(h2023(isp({ immigrationCase: true, additionalIsp: true }))).toEqual(noDates('additional_isp'))
  })
})

describe('spec R4: an ISP in open conditions: the handover starts on arrival', () => {
  const open = isp({ tariffDate: '2027-03-15', openConditions: true, openConditionsArrivalDate: '2025-01-10' })

  it('spec example: TED 2027-03-15, arrival 2025-01-10: COM allocated 2025-01-10, responsible 2026-03-15', () => {
    expect(h2023(open)).toEqual(dated('indeterminate_open', '2025-01-10', '2026-03-15', '2027-03-15'))
  })

  it.each([
    ['2025-01-09', 'pom'],
    ['2025-01-10', 'pom_with_com'],
    ['2026-03-14', 'pom_with_com'],
    ['2026-03-15', 'com'],
  ] as const)('responsibility on %s: %s (the existing reading of two dates)', (date, expected) => {
    expect(responsibilityOn(h2023(open), date)).toBe(expected)
    expect(evaluateCase(open, date, 'omic2023').responsibility).toBe(expected)
  })

  it('open conditions without an arrival date: one date, reason indeterminate_open', () => {
    expect(h2023({ ...open, openConditionsArrivalDate: null })).toEqual(dated('indeterminate_open', '2026-03-15', '2026-03-15', '2027-03-15'))
  })

  it.each(['2026-03-15', '2026-03-16', '2026-09-01'])('an arrival on or after the handover date (%s) changes nothing', (arrival) => {
    expect(h2023({ ...open, openConditionsArrivalDate: arrival })).toEqual(dated('indeterminate_open', '2026-03-15', '2026-03-15', '2027-03-15'))
  })

  it('the arrival date is ignored when openConditions is false', () => {
    expect(h2023({ ...open, openConditions: false })).toEqual(dated('indeterminate', '2026-03-15', '2026-03-15', '2027-03-15'))
  })

  it('with early allocation: release minus 15 months, the arrival start, reason early_allocation', () => {
    expect(h2023({ ...open, earlyAllocation: true })).toEqual(dated('early_allocation', '2025-01-10', '2025-12-15', '2027-03-15'))
    expect(h2023({ ...open, earlyAllocation: true, openConditionsArrivalDate: null })).toEqual(dated('early_allocation', '2025-12-15', '2025-12-15', '2027-03-15'))
  })

  it.each<[string, CaseInput, string]>([
    ['other determinate', determinate({ conditionalReleaseDate: '2027-03-31' }), TODAY],
    ['determinate with PED', determinate({ paroleEligibilityDate: '2027-03-31' }), TODAY],
    ['determinate early allocation', determinate({ conditionalReleaseDate: '2027-03-31', earlyAllocation: true }), TODAY],
    ['10 months or less to serve', determinate({ sentenceStartDate: '2025-01-01', conditionalReleaseDate: '2025-06-01' }), TODAY],
  ])('determinate in open conditions: no change (%s)', (_name, input, today) => {
    expect(h2023({ ...input, openConditions: true, openConditionsArrivalDate: '2025-01-10' }, today)).toEqual(h2023(input, today))
  })

  // Before issue 17 the pre-handover window ended on this earlier comAllocatedDate (spec section 5).
  // issue 17 ("Policy readings to put right"): seed 003 Annex B heads that minimum "Standard
  // Determinate sentenced prisoners", so an ISP in open conditions has none, whatever its dates.
  it('the pre-handover minimum is not applicable to this ISP even with the earlier comAllocatedDate (issue 17; seed 003 Annex B)', () => {
    const e = evaluateCase(open, TODAY, 'omic2023')
    expect(e.handover.comAllocatedDate).toBe('2025-01-10')
    expect(e.minima.find((m) => m.rule === 'pre_handover')).toEqual({ rule: 'pre_handover', required: 0, achieved: 0, windowStart: null, dueBy: null, status: 'not_applicable' })
  })
})

describe('spec R5: responsibilityOn for results without dates never depends on the date', () => {
  it.each<[HandoverReason, Responsibility]>([
    ['recall', 'com'],
    ['less_than_10_months_to_serve', 'com'],
    ['parole_mappa_2_3', 'com'],
    ['immigration_case', 'com'],
    ['recall_thd_over_12_months', 'pom_with_com'],
    ['thd_over_12_months', 'pom_with_com'],
    ['additional_isp', 'pom'],
    ['release_date_unknown', 'pom'],
  ])('no dates, reason %s: %s', (reason, expected) => {
    for (const date of ['1990-01-01', TODAY, '2999-12-31']) expect(responsibilityOn(noDates(reason), date)).toBe(expected)
  })
})

describe('spec section 1: the new input fields', () => {
  const base = isp({ targetHearingDate: '2025-09-01' })

  it('left out and null (or false) mean the default', () => {
    const defaults = { openConditions: false, openConditionsArrivalDate: null, immigrationCase: false, additionalIsp: false, paroleOutcome: null }
    expect(h2023({ ...base, ...defaults })).toEqual(h2023(base))
    const nulls = { openConditions: null, immigrationCase: null, additionalIsp: null } as unknown as Partial<CaseInput>
    expect(h2023({ ...base, ...nulls })).toEqual(h2023(base))
  })

  it('openConditionsArrivalDate has no order check against sentenceStartDate', () => {
    expect(() => h2023({ ...base, openConditions: true, openConditionsArrivalDate: '2010-01-01' })).not.toThrow()
  })

  it.each<[string, unknown]>([
    ['openConditions', 'yes'],
    ['openConditions', 1],
    ['immigrationCase', 'true'],
    ['additionalIsp', 0],
    ['openConditionsArrivalDate', '2025-02-30'],
    ['openConditionsArrivalDate', '2025-1-10'],
    ['paroleOutcome', 'refused'],
    ['paroleOutcome', true],
  ])('%s = %j throws CaseInputError naming the field', (field, value) => {
    const input = { ...base, [field]: value } as CaseInput
    for (const policy of ['omic2021', 'omic2023'] as const) {
      expect(() => evaluateCase(input, TODAY, policy)).toThrow(expect.objectContaining({ name: 'CaseInputError', field }))
      expect(() => calculateHandover(input, TODAY, policy)).toThrow(CaseInputError)
    }
  })
})

describe("spec section 5: 'omic2021' ignores every new field", () => {
  const all: Partial<CaseInput> = { openConditions: true, openConditionsArrivalDate: '2024-01-10', immigrationCase: true, additionalIsp: true, paroleOutcome: 'not_release' }
  it.each<[string, CaseInput]>([
    ['ISP with a far hearing, MAPPA 3', isp({ targetHearingDate: FAR_THD, mappaLevel: 3 })],
    ['ISP with a far hearing, recalled', isp({ targetHearingDate: FAR_THD, recall: true })],
    ['ISP with a future tariff', isp({ tariffDate: '2027-03-15' })],
    ['determinate, MAPPA 1', determinate({ conditionalReleaseDate: '2027-03-31', mappaLevel: 1, pomAllocatedDate: '2022-01-12' })],
    ['determinate with no release date', determinate()],
  ])('%s: same result with every new field set', (_name, input) => {
    expect(calculateHandover({ ...input, ...all }, TODAY, 'omic2021')).toEqual(calculateHandover(input, TODAY, 'omic2021'))
    expect(calculateHandover({ ...input, ...all }, TODAY)).toEqual(calculateHandover(input, TODAY))
    expect(evaluateCase({ ...input, ...all }, TODAY, 'omic2021')).toEqual(evaluateCase(input, TODAY, 'omic2021'))
  })
})
