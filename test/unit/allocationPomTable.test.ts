// Issue 16, Screens: "Allocation: the POM table ... showing each POM's cases, weighted load and
// capacity, tier mix as a compact bar, and sortable". The weights are our assumption, written
// beside them in shared/engine/resourcing/tierMix.ts (seed 003 8.2: "The tier of the case should
// inform the allocation process"; no weights given).
import { describe, expect, it } from 'vitest'
import type { PomLoad } from '../../shared/ipc/channels/allocation'
import { TIER_WEIGHTS, tierMix, tierMixText, weightedLoad } from '../../shared/engine/resourcing/tierMix'
import { nextSort, sortPomLoads } from '../../renderer/src/screens/allocation/pomLoadSort'

const pom = (staffId: number, name: string, byTier: Record<string, number>, more: Partial<PomLoad> = {}): PomLoad => {
  const caseCount = Object.values(byTier).reduce((a, b) => a + b, 0)
  return { staffId, name, role: 'prison_pom', hoursPerWeek: 37, caseCount, byTier, byResponsibility: { pom: caseCount, pom_with_com: 0, com: 0 }, capacity: 50, availability: { status: 'available' }, ...more }
}

describe('tier mix: cases gathered by tier letter', () => {
  it('full tiers count under their letter, any case; no tier or an unknown one is "not set"', () => {
    expect(tierMix({ A1: 2, a2: 1, B3: 4, C0: 1, D2: 5, 'Not set': 3, X9: 1 })).toEqual({ A: 3, B: 4, C: 1, D: 5, notSet: 4 })
  })

  it('reads as "A 3 · B 10 · C 12 · D 5", naming cases with no tier only when there are some', () => {
    expect(tierMixText({ A: 3, B: 10, C: 12, D: 5, notSet: 0 })).toBe('A 3 · B 10 · C 12 · D 5')
    expect(tierMixText({ A: 0, B: 1, C: 0, D: 0, notSet: 2 })).toBe('A 0 · B 1 · C 0 · D 0 · Not set 2')
    expect(tierMixText({ A: 0, B: 0, C: 0, D: 0, notSet: 0 })).toBe('No cases')
  })
})

describe('weighted load: each case counted by its tier weight', () => {
  it('a tier C case counts as one case, the unit capacity is measured in', () => {
    expect(TIER_WEIGHTS.C).toBe(1)
    expect(weightedLoad(tierMix({ C1: 7 }))).toBe(7)
  })

  it('higher tiers weigh more, lower less, no tier as one case: A 1.5, B 1.25, D 0.75', () => {
    // 2 x 1.5 + 4 x 1.25 + 1 x 1 + 2 x 0.75 + 1 x 1 = 3 + 5 + 1 + 1.5 + 1
    expect(weightedLoad(tierMix({ A1: 2, B2: 4, C3: 1, D0: 2, 'Not set': 1 }))).toBe(11.5)
    expect(weightedLoad(tierMix({}))).toBe(0)
  })
})

describe('sorting the POM table', () => {
  const light = pom(1, 'Ann Light', { D1: 4 }, { availability: { status: 'unavailable', from: '2026-11-01', until: null, returnsOn: null }, capacity: 25 })
  const heavy = pom(2, 'Bo Heavy', { A1: 3, B1: 1 })
  const many = pom(3, 'Cy Many', { C1: 5 }, { availability: { status: 'away_from', from: '2026-12-20', until: null, returnsOn: null } })
  const rows = [light, heavy, many]
  const names = (r: PomLoad[]) => r.map((p) => p.name)

  it('unsorted keeps the overview’s order (lightest load per contracted hour first)', () => {
    expect(names(sortPomLoads(rows, null))).toEqual(['Ann Light', 'Bo Heavy', 'Cy Many'])
  })

  it('by cases, weighted load and capacity, each way', () => {
    // cases 4, 4, 5: ties by name; weighted 3, 5.75, 5
    expect(names(sortPomLoads(rows, { column: 'cases', direction: 'descending' }))).toEqual(['Cy Many', 'Ann Light', 'Bo Heavy'])
    expect(names(sortPomLoads(rows, { column: 'weighted', direction: 'descending' }))).toEqual(['Bo Heavy', 'Cy Many', 'Ann Light'])
    expect(names(sortPomLoads(rows, { column: 'weighted', direction: 'ascending' }))).toEqual(['Ann Light', 'Cy Many', 'Bo Heavy'])
    expect(names(sortPomLoads(rows, { column: 'capacity', direction: 'ascending' }))).toEqual(['Ann Light', 'Bo Heavy', 'Cy Many'])
  })

  it('by availability: available, then away from a later day, then away today', () => {
    expect(names(sortPomLoads(rows, { column: 'availability', direction: 'ascending' }))).toEqual(['Bo Heavy', 'Cy Many', 'Ann Light'])
  })

  it('by tier mix: most tier A cases first when descending, then B', () => {
    expect(names(sortPomLoads([many, light, heavy], { column: 'tierMix', direction: 'descending' }))).toEqual(['Bo Heavy', 'Cy Many', 'Ann Light'])
  })

  it('by name, and a heading pressed again reverses the order', () => {
    const first = nextSort(null, 'name')
    expect(first).toEqual({ column: 'name', direction: 'ascending' })
    expect(names(sortPomLoads(rows, first))).toEqual(['Ann Light', 'Bo Heavy', 'Cy Many'])
    const again = nextSort(first, 'name')
    expect(again).toEqual({ column: 'name', direction: 'descending' })
    expect(names(sortPomLoads(rows, again))).toEqual(['Cy Many', 'Bo Heavy', 'Ann Light'])
    expect(nextSort(again, 'cases')).toEqual({ column: 'cases', direction: 'ascending' })
  })
})
