// sequencePlan (issue 4): weighting 3 precursors, then 2, then 1, within a weighting by area order;
// warnings where a lower-weighted baseline delivers before a higher one is ready, in any area
// (issue 17; seed 002 "Guide to weightings/prioritisation": 3 "Highest– action required as a
// precursor to other tasks", 1 "Lowest – action required once others have been completed").
import { describe, expect, it } from 'vitest'
import { OMU_EDM, sequencePlan } from '../../../../shared/engine/omu/index'
import { allReady, baseline, entry, readyEntry, SYNTHETIC } from './fixtures'

describe('order to work in', () => {
  it('OMU EDM: the 16 weighting-3 baselines in area order, then the 6 weighting-2 ones (seed 002 guide to weightings)', () => {
    const plan = sequencePlan(OMU_EDM, [])
    expect(plan.steps.map((s) => s.baselineId)).toEqual([
      '1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.6', '3.1', '3.2', '3.3', '3.4', '3.6', '4.1', '5.1', '5.2',
      '2.5', '2.7', '2.8', '2.9', '3.5', '3.7',
    ])
    expect(plan.steps[0]).toMatchObject({ position: 1, baselineId: '1.1', areaTitle: 'Start of sentence', weighting: 3, status: 'not_started', ready: false })
    expect(plan.warnings).toEqual([])
  })

  it('synthetic: 3 (A.2, B.1), 2 (A.3), 1 (A.1, B.2), then the desirable A.4 last', () => {
    expect(sequencePlan(SYNTHETIC, []).steps.map((s) => s.baselineId)).toEqual(['A.2', 'B.1', 'A.3', 'A.1', 'B.2', 'A.4'])
  })

  it('a stage limits the plan to the baselines that apply there (B.1 only from stage 2)', () => {
    expect(sequencePlan(SYNTHETIC, [], 3).steps.map((s) => s.baselineId)).toEqual(['A.2', 'A.3', 'A.1', 'B.2', 'A.4'])
  })

  it('validly not-applicable baselines are left out and listed', () => {
    const plan = sequencePlan(OMU_EDM, [entry('2.9', { status: 'not_applicable', notApplicableReason: 'No young adults held' })])
    expect(plan.steps.map((s) => s.baselineId)).not.toContain('2.9')
    expect(plan.notApplicable).toEqual(['2.9'])
    expect(plan.steps).toHaveLength(21)
  })
})

describe('warnings', () => {
  it('2.5 (weighting 2) delivering while 2.1 and 2.4 (weighting 3) in "Throughout the sentence" are not ready', () => {
    const entries = allReady(OMU_EDM).map((e) =>
      e.baselineId === '2.5' ? { ...e, status: 'delivering' as const } : e.baselineId === '2.1' || e.baselineId === '2.4' ? entry(e.baselineId, { status: 'in_progress', owner: 'HOMS' }) : e,
    )
    const plan = sequencePlan(OMU_EDM, entries)
    expect(plan.warnings).toEqual([
      {
        baselineId: '2.5',
        blockedBy: ['2.1', '2.4'],
        message:
          'Baseline 2.5 (weighting 2, Throughout the sentence) is delivering while baselines 2.1 (weighting 3, same area), 2.4 (weighting 3, same area) are not ready: higher weightings are precursors to other tasks in any area (Exceptional Delivery Model, guide to weightings).',
      },
    ])
  })

  it('warns across areas (seed 002 guide to weightings: weighting 3 is "a precursor to other tasks", whatever their area): 3.5 delivering while 2.1 is not ready', () => {
    const entries = allReady(OMU_EDM).map((e) => (e.baselineId === '3.5' ? { ...e, status: 'delivering' as const } : e.baselineId === '2.1' ? entry('2.1') : e))
    const warnings = sequencePlan(OMU_EDM, entries).warnings
    expect(warnings.map((w) => [w.baselineId, w.blockedBy])).toEqual([['3.5', ['2.1']]])
    const area21 = OMU_EDM.areas.find((a) => a.id === OMU_EDM.baselines.find((b) => b.id === '2.1')?.area)?.title
    expect(area21).toBeTruthy()
    expect(warnings[0]?.message).toContain(`2.1 (weighting 3, ${area21 ?? ''})`)
    expect(warnings[0]?.message).not.toMatch(/seed 0/)
  })

  it('a weighting 1 baseline waits for weightings 3 and 2 in other areas too (seed 002: 1 is "action required once others have been completed"; synthetic B.2 after A.2 and A.3)', () => {
    const entries = [...allReady(SYNTHETIC).filter((e) => !['A.2', 'A.3', 'B.2'].includes(e.baselineId)), readyEntry(baseline(SYNTHETIC, 'B.2'), { status: 'delivering' }), entry('A.2', { status: 'in_progress', owner: 'HOMS' }), entry('A.3')]
    expect(sequencePlan(SYNTHETIC, entries).warnings.map((w) => [w.baselineId, w.blockedBy])).toEqual([['B.2', ['A.2', 'A.3']]])
  })

  it('a weighting 3 baseline is never warned about: nothing is its precursor (seed 002 guide to weightings)', () => {
    const entries = allReady(OMU_EDM).map((e) => (e.baselineId === '1.1' ? { ...e, status: 'delivering' as const } : e.baselineId === '2.1' ? entry('2.1') : e))
    expect(sequencePlan(OMU_EDM, entries).warnings.filter((w) => w.baselineId === '1.1')).toEqual([])
  })

  it('a precursor marked ready but missing its face-to-face evidence still warns (2.6 for 2.7)', () => {
    const none = { riskAssessmentDone: false, safeSystemOfWorkDone: false, unionsConsulted: false }
    const entries = allReady(OMU_EDM).map((e) =>
      e.baselineId === '2.7' ? { ...e, status: 'delivering' as const } : e.baselineId === '2.6' ? readyEntry(baseline(OMU_EDM, '2.6'), { evidence: none }) : e,
    )
    const plan = sequencePlan(OMU_EDM, entries)
    expect(plan.warnings.map((w) => [w.baselineId, w.blockedBy])).toEqual([['2.7', ['2.6']]])
    expect(plan.steps.find((s) => s.baselineId === '2.6')).toMatchObject({ status: 'ready', ready: false })
  })

  it('a higher baseline that is not applicable does not block; weighting 1 waits for 3 and 2, in any area (synthetic A.1 waits for B.1 too)', () => {
    const entries = [
      readyEntry(baseline(SYNTHETIC, 'A.1'), { status: 'delivering' }),
      entry('A.2', { status: 'not_applicable', notApplicableReason: 'Open estate' }),
      entry('A.3', { status: 'in_progress', owner: 'HOMS' }),
    ]
    // B.1 (weighting 3, area B) has no entry, so it is not ready: it comes first, highest weighting first.
    expect(sequencePlan(SYNTHETIC, entries).warnings.map((w) => [w.baselineId, w.blockedBy])).toEqual([['A.1', ['B.1', 'A.3']]])
  })
})
