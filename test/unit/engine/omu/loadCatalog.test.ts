// loadCatalog (issue 4): a good file loads whole; a bad file is refused with EVERY problem listed
// (path + plain-English reason), never half-loaded.
import { describe, expect, it } from 'vitest'
import { loadCatalog, OMU_EDM, type EdmCatalog } from '../../../../shared/engine/omu/index'
import { SYNTHETIC } from './fixtures'

/** A deep, mutable JSON copy (what an imported file looks like). */
function json(c: EdmCatalog): Record<string, unknown> & { baselines: Record<string, unknown>[]; stages: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(c)) as ReturnType<typeof json>
}

function problemsOf(input: unknown): { path: string; reason: string }[] {
  const r = loadCatalog(input)
  if (r.ok) throw new Error('expected the catalogue to be refused')
  expect(r).not.toHaveProperty('catalog')
  return r.problems
}

describe('loadCatalog: a good file', () => {
  it('loads a new EDM version given as JSON text (seed 002 with a new version number)', () => {
    const file = json(OMU_EDM)
    file.version = '1.1'
    const r = loadCatalog(JSON.stringify(file))
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.catalog.version).toBe('1.1')
      expect(r.catalog.baselines).toHaveLength(22)
    }
  })

  it('loads a catalogue with weighting 1, total autonomy and a desirable baseline', () => {
    expect(loadCatalog(SYNTHETIC).ok).toBe(true)
  })
})

describe('loadCatalog: a bad file lists every problem', () => {
  it('reports shape and cross-field problems together, sorted by path', () => {
    const file = json(OMU_EDM)
    delete file.title
    file.baselines[0] = { ...file.baselines[0], area: '9' } // 1.1: unknown area
    file.baselines[1] = { ...file.baselines[1], autonomy: 'some' } // 1.2: not an autonomy level
    file.baselines[2] = { ...file.baselines[2], weigthing: 2 } // 1.3: misspelt field
    file.baselines[3] = { ...file.baselines[3], weighting: 5 } // 2.1: out of range
    file.baselines[4] = { ...file.baselines[4], id: '1.1' } // 2.2: duplicate id
    file.baselines[5] = { ...file.baselines[5], stages: ['7'] } // 2.3: unknown stage
    file.baselines[6] = { ...file.baselines[6], deliveryOptions: [] } // 2.4: partial without options
    file.baselines[8] = { ...file.baselines[8], text: '' } // 2.6: empty text
    file.baselines[10] = { ...file.baselines[10], mandatory: 'yes' } // 2.8: not a boolean
    expect(problemsOf(file)).toEqual([
      { path: 'baselines[0].area', reason: 'Baseline 1.1 refers to area "9", which is not one of the catalogue\'s areas' },
      { path: 'baselines[1].autonomy', reason: 'must be one of "total", "partial", "limited" (got text "some")' },
      { path: 'baselines[2].weigthing', reason: 'is not a recognised field' },
      { path: 'baselines[3].weighting', reason: 'must be one of 1, 2, 3 (got 5)' },
      { path: 'baselines[4].id', reason: 'repeats the baseline id "1.1" already used by baselines[0]; ids must be unique' },
      { path: 'baselines[5].stages[0]', reason: 'Baseline 2.3 refers to stage "7", which is not one of the catalogue\'s stages' },
      { path: 'baselines[6].deliveryOptions', reason: 'Baseline 2.4 has partial autonomy, so it must list at least one pre-determined delivery option to choose from' },
      { path: 'baselines[8].text', reason: 'must not be empty' },
      { path: 'baselines[10].mandatory', reason: 'must be true or false, not text "yes"' },
      { path: 'title', reason: 'is missing' },
    ])
  })

  it('refuses delivery options on a limited baseline (1.1) and a weighting on a desirable one', () => {
    const file = json(OMU_EDM)
    file.baselines[0] = { ...file.baselines[0], deliveryOptions: [{ id: 'x', text: 'X', faceToFace: false }] }
    file.baselines[1] = { ...file.baselines[1], mandatory: false }
    const paths = problemsOf(file).map((p) => p.path)
    expect(paths).toEqual(['baselines[0].deliveryOptions', 'baselines[1].autonomy', 'baselines[1].weighting'])
  })

  it('refuses a mixed catalogue where some mandatory baselines have no weighting', () => {
    const file = json(OMU_EDM)
    delete file.baselines[20]?.weighting
    delete file.baselines[21]?.weighting
    const problems = problemsOf(file)
    expect(problems.map((p) => p.path)).toEqual(['baselines[20].weighting', 'baselines[21].weighting'])
    expect(problems[0]?.reason).toMatch(/every mandatory baseline needs a weighting of 1, 2 or 3/)
  })

  it('refuses duplicate stage levels, duplicate stage item ids and duplicate delivery option ids', () => {
    const file = json(OMU_EDM)
    file.stages[1] = { ...file.stages[1], level: 4 }
    const items = (file.stages[2]?.items ?? []) as Record<string, unknown>[]
    items[0] = { ...items[0], id: 's4.1' }
    const opts = (file.baselines[7]?.deliveryOptions ?? []) as Record<string, unknown>[]
    opts[1] = { ...opts[1], id: 'face_to_face' }
    expect(problemsOf(file).map((p) => p.path)).toEqual(['baselines[7].deliveryOptions[1].id', 'stages[1].level', 'stages[2].items[0].id'])
  })

  it('reports a missing list and wrong types without stopping at the first', () => {
    const problems = problemsOf({ id: 'x', title: 'X', version: 1, source: {}, stageModel: 'cumulative', areas: [], baselines: 'none', priorityCohorts: [] })
    expect(problems).toEqual([
      { path: 'areas', reason: 'must list at least 1 item' },
      { path: 'baselines', reason: 'must be a list, not text "none"' },
      { path: 'source.document', reason: 'is missing' },
      { path: 'source.publisher', reason: 'is missing' },
      { path: 'stages', reason: 'is missing' },
      { path: 'version', reason: 'must be text, not 1' },
    ])
  })

  it('refuses text that is not JSON and a file that is not an object', () => {
    expect(problemsOf('{ not json')[0]?.reason).toMatch(/^is not valid JSON/)
    expect(problemsOf([1, 2])).toEqual([{ path: '(catalogue)', reason: 'must be an object (a group of fields), not a list' }])
  })
})
