// The shipped catalogues against their seeds. SEED_002_TABLE was built by reading seed 002's
// "Mandatory actions" table by hand, independently of the catalogue data.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadCatalog, OMU_EDM, OMU_PRIORITY_COHORT_IDS, PROBATION_SUPERVISION_EDM } from '../../../../shared/engine/omu/index'
import { baseline } from './fixtures'

// [id, area (Area/Process), weighting, autonomy] as printed in seed 002.
const SEED_002_TABLE: [string, string, number, 'limited' | 'partial' | 'total'][] = [
  ['1.1', '1', 3, 'limited'],
  ['1.2', '1', 3, 'limited'],
  ['1.3', '1', 3, 'limited'],
  ['2.1', '2', 3, 'limited'],
  ['2.2', '2', 3, 'limited'],
  ['2.3', '2', 3, 'limited'],
  ['2.4', '2', 3, 'partial'],
  ['2.5', '2', 2, 'partial'],
  ['2.6', '2', 3, 'limited'],
  ['2.7', '2', 2, 'partial'],
  ['2.8', '2', 2, 'partial'],
  ['2.9', '2', 2, 'partial'],
  ['3.1', '3', 3, 'limited'],
  ['3.2', '3', 3, 'limited'],
  ['3.3', '3', 3, 'limited'],
  ['3.4', '3', 3, 'limited'],
  ['3.5', '3', 2, 'partial'],
  ['3.6', '3', 3, 'limited'],
  ['3.7', '3', 2, 'partial'],
  ['4.1', '4', 3, 'limited'],
  ['5.1', '5', 3, 'limited'],
  ['5.2', '5', 3, 'limited'],
]

const SEEDS = fileURLToPath(new URL('../../../../../shared/seeds/', import.meta.url))
const seedsPresent = existsSync(`${SEEDS}002_cb2c8140e1f61681.txt`) && existsSync(`${SEEDS}000_09e05f8a4fc0c52c.txt`)
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()
const seedText = (file: string): string => (seedsPresent ? squash(readFileSync(`${SEEDS}${file}`, 'utf8')) : '')

describe('OMU EDM baselines (seed 002, Mandatory actions 1.1 to 5.2)', () => {
  it('has exactly the 22 mandatory baselines, in the seed order', () => {
    expect(OMU_EDM.baselines.map((b) => b.id)).toEqual(SEED_002_TABLE.map(([id]) => id))
    expect(OMU_EDM.baselines.every((b) => b.mandatory)).toBe(true)
  })

  it.each(SEED_002_TABLE)('baseline %s: area %s, weighting %i, autonomy %s, as in seed 002', (id, area, weighting, autonomy) => {
    const b = baseline(OMU_EDM, id)
    expect(b.area).toBe(area)
    expect(b.weighting).toBe(weighting)
    expect(b.autonomy).toBe(autonomy)
  })

  it('partial baselines (2.4, 2.5, 2.7, 2.8, 2.9, 3.5, 3.7) list delivery options; limited ones list none', () => {
    for (const b of OMU_EDM.baselines) {
      if (b.autonomy === 'partial') expect(b.deliveryOptions.length, b.id).toBeGreaterThan(0)
      else expect(b.deliveryOptions, b.id).toEqual([])
    }
    expect(baseline(OMU_EDM, '2.5').deliveryOptions.map((o) => o.id)).toEqual(['face_to_face', 'in_cell_telephony', 'duty_pom'])
  })

  it('face-to-face flag: 1.1, 2.6, 3.6 (interviewing the prisoner) and 3.4 (boards) as stipulated', () => {
    expect(OMU_EDM.baselines.filter((b) => b.faceToFace).map((b) => b.id)).toEqual(['1.1', '2.6', '3.4', '3.6'])
  })

  it('every baseline applies at stages 3, 2 and 1 ("tasks to be completed under stage 3"), none at stage 4', () => {
    for (const b of OMU_EDM.baselines) expect(b.stages).toEqual(['3', '2', '1'])
  })

  it('keeps the sources column, one entry per line (1.2, 2.8 empty, 3.2)', () => {
    expect(baseline(OMU_EDM, '1.2').sources).toEqual(['OMIC POM Allocation Guidance v2', 'OMIC Case Management Support Model', 'Allocation'])
    expect(baseline(OMU_EDM, '2.8').sources).toEqual([])
    expect(baseline(OMU_EDM, '3.2').sources).toEqual(['OMIC Handover Guidance V2', 'NPS and CRC Handover'])
  })

  it('baseline 4.1 keeps its eleven bulleted tasks', () => {
    expect(baseline(OMU_EDM, '4.1').text.match(/· /g)).toHaveLength(11)
  })

  it.skipIf(!seedsPresent)('every baseline text and source, stage item, cohort and note appears verbatim in seed 002', () => {
    const seed = seedText('002_cb2c8140e1f61681.txt')
    for (const b of OMU_EDM.baselines) {
      expect(seed.includes(`${b.id} ${squash(b.text)}`) || seed.includes(squash(b.text)), `baseline ${b.id} text`).toBe(true)
      for (const s of b.sources) expect(seed.includes(squash(s)), `baseline ${b.id} source ${s}`).toBe(true)
    }
    for (const s of OMU_EDM.stages) for (const i of s.items) expect(seed.includes(squash(i.text)), i.id).toBe(true)
    for (const c of OMU_EDM.priorityCohorts) expect(seed.includes(squash(c.text)), c.id).toBe(true)
    for (const n of OMU_EDM.notes ?? []) expect(seed.includes(squash(n.text)), n.heading).toBe(true)
  })
})

describe('OMU EDM stages and priority cohorts (seed 002)', () => {
  it('has the four stages 4 Red/lockdown, 3 Restrict, 2 Reduce, 1 Prepare, cumulative', () => {
    expect(OMU_EDM.stages.map((s) => [s.id, s.level, s.name])).toEqual([
      ['4', 4, 'Red / Lockdown'],
      ['3', 3, 'Restrict'],
      ['2', 2, 'Reduce'],
      ['1', 1, 'Prepare'],
    ])
    expect(OMU_EDM.stageModel).toBe('cumulative')
  })

  it('stage 4 lists 8 Public Protection, 1 OASys and 2 Progression tasks; descriptors 6, 5 and 3 items', () => {
    const [s4, s3, s2, s1] = OMU_EDM.stages
    const groups = s4?.items.map((i) => i.group)
    expect(groups?.filter((g) => g === 'Public Protection')).toHaveLength(8)
    expect(groups?.filter((g) => g === 'OASys')).toHaveLength(1)
    expect(groups?.filter((g) => g === 'Progression')).toHaveLength(2)
    expect([s3?.items.length, s2?.items.length, s1?.items.length]).toEqual([6, 5, 3])
  })

  it('has the seven priority cohorts in the seed order, with the engine ids', () => {
    expect(OMU_EDM.priorityCohorts.map((c) => c.id)).toEqual([...OMU_PRIORITY_COHORT_IDS])
    expect(OMU_EDM.priorityCohorts[0]?.text).toBe('Newly sentenced indeterminate prisoners')
  })
})

describe('shipped catalogues pass loadCatalog', () => {
  it('OMU_EDM loads, as TS data and as JSON text, unchanged', () => {
    const r = loadCatalog(OMU_EDM)
    expect(r).toEqual({ ok: true, catalog: OMU_EDM })
    expect(loadCatalog(JSON.stringify(OMU_EDM)).ok).toBe(true)
  })

  it('PROBATION_SUPERVISION_EDM loads unchanged', () => {
    expect(loadCatalog(PROBATION_SUPERVISION_EDM)).toEqual({ ok: true, catalog: PROBATION_SUPERVISION_EDM })
  })
})

describe('Probation Supervision EDM (seed 000)', () => {
  const ps = PROBATION_SUPERVISION_EDM

  it('has the red, amber and green regimes as standalone stages', () => {
    expect(ps.stages.map((s) => [s.id, s.level, s.items.length])).toEqual([
      ['red', 3, 5],
      ['amber', 2, 6],
      ['green', 1, 5],
    ])
    expect(ps.stageModel).toBe('standalone')
  })

  it('has every numbered row with its Ref No, and no weighting or autonomy', () => {
    expect(ps.baselines.map((b) => b.refNo ?? b.id)).toEqual(['1.1', '1.1', '1.1', '1.1', 'home-visits', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.1', '3.1', '4.1', '5.1', '6.1', '7.1', '8.1', '9.1', '10.1'])
    expect(ps.baselines.every((b) => b.weighting === undefined && b.autonomy === undefined)).toBe(true)
  })

  it('keeps each Actions / When / Who line (1.3: 4, 3.1: 2, 8.1: 3, 10.1: 8)', () => {
    const count = (id: string): number => baseline(ps, id).actions?.length ?? 0
    expect([count('1.3'), count('3.1'), count('8.1'), count('10.1')]).toEqual([4, 2, 3, 8])
    expect(baseline(ps, '10.1').actions?.[0]).toMatchObject({ when: 'AT POINT OF ACTIVATION OF EDM', who: 'PPCS Managers' })
  })

  it('places the regime rows: 1.1 per regime, red service row, home visits at amber and green, 1.2 onwards at all three', () => {
    expect(baseline(ps, 'green-1.1').stages).toEqual(['green'])
    expect(baseline(ps, 'red-1.1-service').stages).toEqual(['red'])
    expect(baseline(ps, 'home-visits').stages).toEqual(['amber', 'green'])
    expect(baseline(ps, '1.2').stages).toEqual(['red', 'amber', 'green'])
  })

  it.skipIf(!seedsPresent)('every row text and action appears verbatim in seed 000', () => {
    const seed = seedText('000_09e05f8a4fc0c52c.txt')
    for (const b of ps.baselines) {
      expect(seed.includes(squash(b.text)), b.id).toBe(true)
      for (const a of b.actions ?? []) {
        expect(seed.includes(squash(a.action)), `${b.id} action`).toBe(true)
        expect(seed.includes(squash(a.when)), `${b.id} when`).toBe(true)
      }
    }
    for (const g of ps.glossary ?? []) expect(seed.includes(squash(g.definition)), g.term).toBe(true)
  })
})
