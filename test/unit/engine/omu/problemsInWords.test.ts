// Catalogue problems as a HOMS reads them (issue 16: "No internal words reach a user"): where the
// problem is in words, not the file's internal path, and no seed file numbers in the reasons.
import { describe, expect, it } from 'vitest'
import { loadCatalog, OMU_EDM, placeInWords, problemInWords } from '../../../../shared/engine/omu/index'

describe('catalogue problems in words', () => {
  it('a path is named by entry (counted from 1) and field', () => {
    expect(placeInWords('baselines[3].deliveryOptions[1].id')).toBe('Baseline entry 4, delivery option 2, id')
    expect(placeInWords('stages[0].level')).toBe('Stage entry 1, restriction level')
    expect(placeInWords('stageModel')).toBe('Stage model')
    expect(placeInWords('(catalogue)')).toBe('The catalogue as a whole')
  })

  it('a real file’s problems read without brackets, dots or seed file numbers (seed 002 guides to weightings and autonomy, named as the guidance)', () => {
    const bad = JSON.parse(JSON.stringify(OMU_EDM)) as { baselines: Record<string, unknown>[]; stages: { level: number }[] }
    bad.baselines[0]!.mandatory = false
    bad.baselines[2]!.id = bad.baselines[1]!.id
    bad.stages[1]!.level = bad.stages[0]!.level
    const r = loadCatalog(JSON.stringify(bad))
    expect(r.ok).toBe(false)
    const lines = r.ok ? [] : r.problems.map(problemInWords)
    expect(lines.length).toBeGreaterThanOrEqual(4)
    for (const line of lines) {
      expect(line).not.toMatch(/\[\d+\]|seed 0/)
    }
    expect(lines).toContain('Baseline entry 1, weighting: Baseline 1.1 is desirable, not mandatory: weightings apply to mandatory baselines only (Exceptional Delivery Model, guide to weightings)')
    expect(lines.some((l) => l.startsWith('Baseline entry 3, id: repeats the baseline id "1.2" already used by baseline entry 2'))).toBe(true)
  })
})
