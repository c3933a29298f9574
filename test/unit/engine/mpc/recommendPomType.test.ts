// Recommended POM type: ../shared/specs/mpc-rules.md section B (B1 tier strategy, B2 RoSH strategy,
// B3 availability, B4 override reason, B5 texts), with the strategy as a setting (spec E.4).
import { describe, expect, it } from 'vitest'
import { CaseInputError, recommendationText, recommendPomType, type RecommendPomTypeInput } from '../../../../shared/engine'

const base: RecommendPomTypeInput = { immigrationCase: false, responsibility: 'pom' }
const rec = (i: Partial<RecommendPomTypeInput>) => recommendPomType({ ...base, ...i })

describe('B1 tier strategy (the default: national practice)', () => {
  it.each([
    ['A1', 'probation'],
    ['b3', 'probation'],
    ['C1', 'prison'],
    ['D2', 'prison'],
    [null, 'prison'],
    ['', 'prison'],
  ] as const)('tier %s goes to a %s POM, reason tier_based', (tier, type) => {
    expect(rec({ tier })).toEqual({ recommendedPomType: type, reasonKey: 'tier_based', recommendationAvailable: true, overrideRequired: null })
  })

  it('RoSH plays no part under the tier strategy', () => {
    expect(rec({ tier: 'C1', roshLevel: 'very_high' }).recommendedPomType).toBe('prison')
    expect(rec({ tier: 'C1', roshLevel: null }).reasonKey).toBe('tier_based')
  })

  it('an immigration case goes to a prison POM whatever the tier', () => {
    expect(rec({ immigrationCase: true, tier: 'A1' })).toMatchObject({ recommendedPomType: 'prison', reasonKey: 'immigration_case' })
  })

  it('a COM-responsible case needs a POM in a supporting role: prison POM', () => {
    expect(rec({ responsibility: 'com', tier: 'A1' })).toMatchObject({ recommendedPomType: 'prison', reasonKey: 'supporting_role' })
  })

  it('pom_with_com is still POM responsible (B terms)', () => {
    expect(rec({ responsibility: 'pom_with_com', tier: 'B1' })).toMatchObject({ recommendedPomType: 'probation', reasonKey: 'tier_based' })
  })

  it('a HOMD override decides pomResponsible: com makes it supporting, pom makes it responsible', () => {
    expect(rec({ responsibility: 'pom', responsibilityOverride: 'com', tier: 'A1' })).toMatchObject({ recommendedPomType: 'prison', reasonKey: 'supporting_role' })
    expect(rec({ responsibility: 'com', responsibilityOverride: 'pom', tier: 'A1' })).toMatchObject({ recommendedPomType: 'probation', reasonKey: 'tier_based' })
  })

  it('immigration wins over supporting role for the reason', () => {
    expect(rec({ immigrationCase: true, responsibility: 'com' }).reasonKey).toBe('immigration_case')
  })
})

describe('B2 RoSH strategy', () => {
  const rosh = (i: Partial<RecommendPomTypeInput>) => rec({ strategy: 'rosh', ...i })

  it('tier A goes to probation, reason tier_based, even with no RoSH', () => {
    expect(rosh({ tier: 'A2', roshLevel: null })).toMatchObject({ recommendedPomType: 'probation', reasonKey: 'tier_based' })
  })

  it('tier B is not special: it follows the RoSH', () => {
    expect(rosh({ tier: 'B1', roshLevel: 'low' })).toMatchObject({ recommendedPomType: 'prison', reasonKey: 'rosh_based' })
  })

  it.each([
    ['high', 'probation'],
    ['very_high', 'probation'],
    ['medium', 'prison'],
    ['low', 'prison'],
  ] as const)('RoSH %s goes to a %s POM, reason rosh_based', (roshLevel, type) => {
    expect(rosh({ tier: 'C1', roshLevel })).toMatchObject({ recommendedPomType: type, reasonKey: 'rosh_based', recommendationAvailable: true })
  })

  it("no RoSH (null or '') gives no recommendation, reason missing_rosh (B3: not available)", () => {
    expect(rosh({ tier: 'C1', roshLevel: null })).toEqual({ recommendedPomType: null, reasonKey: 'missing_rosh', recommendationAvailable: false, overrideRequired: null })
    expect(rosh({ tier: 'D1', roshLevel: '' }).recommendedPomType).toBeNull()
  })

  it('immigration and supporting role come first as in B1', () => {
    expect(rosh({ immigrationCase: true, roshLevel: 'very_high' })).toMatchObject({ recommendedPomType: 'prison', reasonKey: 'immigration_case' })
    expect(rosh({ responsibility: 'com', roshLevel: null })).toMatchObject({ recommendedPomType: 'prison', reasonKey: 'supporting_role' })
  })
})

describe('B4 a reason is required when the chosen POM is of the other type', () => {
  it.each([
    ['A1', 'prison_pom', true],
    ['A1', 'probation_pom', false],
    ['C1', 'probation_pom', true],
    ['C1', 'prison_pom', false],
    ['C1', 'homd', false],
  ] as const)('tier %s, chosen %s: overrideRequired %s', (tier, chosenPomRole, required) => {
    expect(rec({ tier, chosenPomRole }).overrideRequired).toBe(required)
  })

  it('with no recommendation any chosen role needs a reason', () => {
    expect(rec({ strategy: 'rosh', tier: 'C1', roshLevel: null, chosenPomRole: 'prison_pom' }).overrideRequired).toBe(true)
  })
})

describe('B5 texts', () => {
  it('each reason reads as MPC words it, with the capitalised first name', () => {
    expect(recommendationText(rec({ tier: 'a1' }), { firstName: 'JOHN', tier: 'a1' })).toBe('John is tier A1, so we recommend allocating to a probation POM.')
    expect(recommendationText(rec({ strategy: 'rosh', tier: 'C1', roshLevel: 'very_high' }), { firstName: 'ann', roshLevel: 'very_high' })).toBe('Ann has a very high ROSH, so we recommend allocating to a probation POM.')
    expect(recommendationText(rec({ immigrationCase: true }), { firstName: 'x' })).toBe('This is an immigration case, so should be given to a prison POM.')
    expect(recommendationText(rec({ responsibility: 'com' }), { firstName: 'bo' })).toBe('Bo needs a POM in a supporting role, so should be allocated to a prison POM.')
    expect(recommendationText(rec({ strategy: 'rosh', tier: 'C1' }), { firstName: 'bo' })).toMatch(/^Check their risk on NDelius and OASys/)
  })

  it('with no tier recorded the tier-based sentence says so in plain words, never "tier , so" (issue 16)', () => {
    for (const tier of [null, undefined, '', '  ']) {
      const text = recommendationText(rec({ tier }), { firstName: 'sam', tier })
      expect(text).toBe('Sam has no tier recorded, so we recommend allocating to a prison POM. Record the tier to check this.')
      expect(text).not.toMatch(/tier\s*,/)
    }
  })
})

describe('section 0: bad input throws CaseInputError naming the field', () => {
  it.each([
    ['strategy', { strategy: 'national' }],
    ['immigrationCase', { immigrationCase: 'no' }],
    ['responsibility', { responsibility: 'prison' }],
    ['responsibilityOverride', { responsibilityOverride: 'pom_with_com' }],
    ['roshLevel', { roshLevel: 'extreme' }],
  ])('%s', (field, bad) => {
    expect(() => recommendPomType({ ...base, ...(bad as object) } as RecommendPomTypeInput)).toThrow(CaseInputError)
    expect(() => recommendPomType({ ...base, ...(bad as object) } as RecommendPomTypeInput)).toThrow(new RegExp(`^${field}:`))
  })
})
