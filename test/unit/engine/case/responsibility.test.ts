// responsibilityOn and evaluateCase().responsibility. Source: issue 3, responsibilityOn rule ("no
// dates and COM-responsible reason: 'com'; no dates otherwise: 'pom'; date < comAllocatedDate:
// 'pom'; date < comResponsibleDate: 'pom_with_com'; else 'com'"); seed 003 Annex B 3.2 (only one
// of POM or COM is responsible at any time, the other supporting).
import { describe, expect, it } from 'vitest'
import type { Handover } from '../../../../shared/engine/case/index'
import { calculateHandover, CaseInputError, evaluateCase, responsibilityOn } from '../../../../shared/engine/case/index'
import { determinate } from './fixtures'

const h: Handover = { comAllocatedDate: '2024-08-16', comResponsibleDate: '2024-11-15', releaseDate: '2025-03-31', reason: 'determinate_mappa_1_n' }

describe('responsibilityOn boundaries (issue 3)', () => {
  it.each([
    ['2024-08-15', 'pom', 'the day before comAllocatedDate'],
    ['2024-08-16', 'pom_with_com', 'on comAllocatedDate'],
    ['2024-08-17', 'pom_with_com', 'the day after comAllocatedDate'],
    ['2024-11-14', 'pom_with_com', 'the day before comResponsibleDate'],
    ['2024-11-15', 'com', 'on comResponsibleDate'],
    ['2024-11-16', 'com', 'the day after comResponsibleDate'],
    ['2030-01-01', 'com', 'after release'],
    ['1990-01-01', 'pom', 'long before'],
  ])('%s -> %s (%s)', (date, expected) => {
    expect(responsibilityOn(h, date)).toBe(expected)
  })

  it.each([
    ['recall', 'com'],
    ['less_than_10_months_to_serve', 'com'],
    ['release_date_unknown', 'pom'],
  ] as const)('no dates, reason %s -> %s on any date', (reason, expected) => {
    const none: Handover = { comAllocatedDate: null, comResponsibleDate: null, releaseDate: null, reason }
    for (const date of ['1990-01-01', '2023-06-01', '2999-12-31']) expect(responsibilityOn(none, date)).toBe(expected)
  })

  it('same allocation and responsible date (omic2023): pom the day before, com on the day', () => {
    const one: Handover = { comAllocatedDate: '2024-07-17', comResponsibleDate: '2024-07-17', releaseDate: '2025-03-31', reason: 'determinate' }
    expect(responsibilityOn(one, '2024-07-16')).toBe('pom')
    expect(responsibilityOn(one, '2024-07-17')).toBe('com')
  })

  it('accepts a stored copy whose reason is a plain string (e.g. read back from the database)', () => {
    const stored: { comAllocatedDate: string | null; comResponsibleDate: string | null; releaseDate: string | null; reason: string } = JSON.parse(JSON.stringify(h))
    expect(responsibilityOn(stored, '2024-09-01')).toBe('pom_with_com')
    expect(responsibilityOn({ comAllocatedDate: null, comResponsibleDate: null, reason: 'recall' }, '2024-09-01')).toBe('com')
  })

  it('works on a calculateHandover result directly', () => {
    const calc = calculateHandover(determinate({ conditionalReleaseDate: '2025-03-31' }), '2023-01-01')
    expect(responsibilityOn(calc, '2024-09-01')).toBe('pom_with_com')
  })

  it.each([
    ['date', h, '2024-02-30'],
    ['comAllocatedDate', { ...h, comAllocatedDate: '2024-8-16' }, '2024-09-01'],
    ['comResponsibleDate', { ...h, comResponsibleDate: 'soon' }, '2024-09-01'],
  ])('invalid input throws CaseInputError naming %s', (field, handover, date) => {
    expect(() => responsibilityOn(handover, date)).toThrow(expect.objectContaining({ name: 'CaseInputError', field }))
    expect(() => responsibilityOn(handover, date)).toThrow(CaseInputError)
  })
})

describe('evaluateCase().responsibility is responsibilityOn(handover, today) (issue 3)', () => {
  const input = determinate({ conditionalReleaseDate: '2025-03-31' })
  it.each([
    ['2024-08-15', 'pom'],
    ['2024-08-16', 'pom_with_com'],
    ['2024-11-15', 'com'],
  ])('omic2021, today %s -> %s', (today, expected) => {
    const e = evaluateCase(input, today)
    expect(e.responsibility).toBe(expected)
    expect(responsibilityOn(e.handover, today)).toBe(expected)
  })

  it("omic2021 MAPPA 3 after the 7.5-month date: responsible today, so 'com' (never 'pom_with_com')", () => {
    const e = evaluateCase(determinate({ conditionalReleaseDate: '2025-03-31', mappaLevel: 3 }), '2024-10-01')
    expect(e.handover.comResponsibleDate).toBe('2024-10-01')
    expect(e.responsibility).toBe('com')
  })

  it("omic2023 handover on 17 Jul 2024: 'pom' the day before, 'com' on the day", () => {
    expect(evaluateCase(input, '2024-07-16', 'omic2023').responsibility).toBe('pom')
    expect(evaluateCase(input, '2024-07-17', 'omic2023').responsibility).toBe('com')
  })

  it("recall and 10 months or less: 'com'; unknown release: 'pom'", () => {
    expect(evaluateCase(determinate({ recall: true }), '2023-01-01').responsibility).toBe('com')
    expect(evaluateCase(determinate({ conditionalReleaseDate: '2022-06-01' }), '2022-02-01').responsibility).toBe('com')
    expect(evaluateCase(determinate(), '2023-01-01').responsibility).toBe('pom')
  })
})
