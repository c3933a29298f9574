// assessReadiness (issue 4): per-baseline readiness, overall, weighted score, blockers weighting 3
// first, not-applicable excluded, face-to-face evidence (seed 002: RA and SSOW with the TUs).
import { describe, expect, it } from 'vitest'
import { assessReadiness, OMU_EDM, OmuInputError, type RrmpPlanEntry } from '../../../../shared/engine/omu/index'
import { allReady, baseline, entry, readyEntry, SYNTHETIC } from './fixtures'

/** All 22 OMU baselines ready, with some replaced. */
function omuPlan(...replace: RrmpPlanEntry[]): RrmpPlanEntry[] {
  const byId = new Map(replace.map((e) => [e.baselineId, e]))
  return allReady(OMU_EDM).map((e) => byId.get(e.baselineId) ?? e)
}

describe('overall readiness and the weighted score (stage 3)', () => {
  it('every baseline ready: ready, 60 of 60 (16 baselines weighted 3, 6 weighted 2)', () => {
    const r = assessReadiness(OMU_EDM, allReady(OMU_EDM), 3)
    expect(r.overall).toBe('ready')
    expect(r.score).toEqual({ achieved: 60, possible: 60, ratio: 1, percent: 100 })
    expect(r.blockers).toEqual([])
    expect(r.baselines).toHaveLength(22)
  })

  it('2.1 (weighting 3) and 2.5 (weighting 2) not started: not ready, 55 of 60 = 91%', () => {
    const r = assessReadiness(OMU_EDM, omuPlan(entry('2.1'), entry('2.5')), '3')
    expect(r.overall).toBe('not_ready')
    expect(r.score.achieved).toBe(55)
    expect(r.score.possible).toBe(60)
    expect(r.score.ratio).toBeCloseTo(55 / 60)
    expect(r.score.percent).toBe(91)
    expect(r.blockers.map((b) => b.baselineId)).toEqual(['2.1', '2.5'])
    expect(r.blockers[0]?.reasons).toEqual(['Baseline 2.1 is not started: it must be ready or delivering.'])
  })

  it('blockers: weighting 3 first, then by area order (1.2, 2.4, 3.6), then weighting 2 (2.7)', () => {
    const r = assessReadiness(OMU_EDM, omuPlan(entry('2.7'), entry('3.6'), entry('1.2'), entry('2.4')), 3)
    expect(r.blockers.map((b) => [b.baselineId, b.weighting])).toEqual([
      ['1.2', 3],
      ['2.4', 3],
      ['3.6', 3],
      ['2.7', 2],
    ])
  })

  it('delivering counts as ready', () => {
    const r = assessReadiness(OMU_EDM, omuPlan(readyEntry(baseline(OMU_EDM, '3.3'), { status: 'delivering' })), 3)
    expect(r.overall).toBe('ready')
  })

  it('a baseline with no entry is not ready', () => {
    const r = assessReadiness(OMU_EDM, allReady(OMU_EDM).filter((e) => e.baselineId !== '5.2'), 3)
    expect(r.blockers.map((b) => [b.baselineId, b.reasons])).toEqual([['5.2', ['Baseline 5.2 has no plan entry yet.']]])
  })

  it('two entries for one baseline make it not ready', () => {
    const r = assessReadiness(OMU_EDM, [...allReady(OMU_EDM), readyEntry(baseline(OMU_EDM, '1.3'))], 3)
    expect(r.blockers[0]?.reasons).toEqual(['Baseline 1.3 has 2 plan entries: keep one.'])
  })
})

describe('not applicable', () => {
  it('2.9 not applicable with a reason is excluded from the score: 58 of 58, ready', () => {
    const na = entry('2.9', { status: 'not_applicable', notApplicableReason: 'Adult male category C: no youth to adult transitions' })
    const r = assessReadiness(OMU_EDM, omuPlan(na), 3)
    expect(r.overall).toBe('ready')
    expect(r.score).toMatchObject({ achieved: 58, possible: 58 })
    expect(r.baselines.find((b) => b.baselineId === '2.9')?.state).toBe('not_applicable')
  })

  it('2.1 not applicable without a reason is refused: it blocks and still counts in the score', () => {
    const r = assessReadiness(OMU_EDM, omuPlan(entry('2.1', { status: 'not_applicable' })), 3)
    expect(r.overall).toBe('not_ready')
    expect(r.score).toMatchObject({ achieved: 57, possible: 60 })
    expect(r.blockers[0]?.reasons[0]).toBe("Baseline 2.1 is mandatory: give the reason it does not apply here (for example the establishment's category or function).")
  })
})

describe('face-to-face element needs the three evidence flags', () => {
  const noUnions = { riskAssessmentDone: true, safeSystemOfWorkDone: true, unionsConsulted: false }

  it('baseline 1.1 (interviewing the prisoner) without union consultation is not ready', () => {
    const r = assessReadiness(OMU_EDM, omuPlan(readyEntry(baseline(OMU_EDM, '1.1'), { evidence: noUnions })), 3)
    const b = r.baselines.find((x) => x.baselineId === '1.1')
    expect(b?.faceToFace).toBe(true)
    expect(b?.state).toBe('not_ready')
    expect(b?.reasons).toEqual([
      'Baseline 1.1 has a face-to-face element: record the consultation with the trade unions and staff associations (Exceptional Delivery Model: risk assessments and safe systems of work are carried out in consultation with the trade unions and staff associations).',
    ])
  })

  it('baseline 1.2 (no face-to-face element) is ready without any evidence flag', () => {
    const none = { riskAssessmentDone: false, safeSystemOfWorkDone: false, unionsConsulted: false }
    const r = assessReadiness(OMU_EDM, omuPlan(readyEntry(baseline(OMU_EDM, '1.2'), { evidence: none })), 3)
    expect(r.baselines.find((x) => x.baselineId === '1.2')).toMatchObject({ faceToFace: false, state: 'ready' })
  })

  it('baseline 2.5: the chosen option decides (face to face needs evidence, in cell telephony does not)', () => {
    const none = { riskAssessmentDone: false, safeSystemOfWorkDone: false, unionsConsulted: false }
    const b = baseline(OMU_EDM, '2.5')
    const f2f = assessReadiness(OMU_EDM, omuPlan(readyEntry(b, { delivery: { kind: 'option', optionId: 'face_to_face' }, evidence: none })), 3)
    expect(f2f.blockers.map((x) => x.baselineId)).toEqual(['2.5'])
    expect(f2f.blockers[0]?.reasons[0]).toMatch(/record the risk assessment, the safe system of work \(SSOW\) and the consultation with the trade unions/)
    const phone = assessReadiness(OMU_EDM, omuPlan(readyEntry(b, { delivery: { kind: 'option', optionId: 'in_cell_telephony' }, evidence: none })), 3)
    expect(phone.overall).toBe('ready')
  })

  it('a total-autonomy local design flagged face to face needs the evidence too (synthetic A.3)', () => {
    const none = { riskAssessmentDone: false, safeSystemOfWorkDone: false, unionsConsulted: false }
    const plan = allReady(SYNTHETIC).map((e) => (e.baselineId === 'A.3' ? { ...e, evidence: none, delivery: { kind: 'local_design' as const, design: 'Wing surgeries', faceToFace: true } } : e))
    expect(assessReadiness(SYNTHETIC, plan, 3).blockers.map((b) => b.baselineId)).toEqual(['A.3'])
  })
})

describe('stages, desirable baselines and stray entries', () => {
  it('target stage 4: no OMU baseline applies, so nothing blocks and entries are ignored with a warning', () => {
    const r = assessReadiness(OMU_EDM, [entry('1.1')], 4)
    expect(r.baselines).toEqual([])
    expect(r.overall).toBe('ready')
    expect(r.score).toEqual({ achieved: 0, possible: 0, ratio: 1, percent: 100 })
    expect(r.warnings).toEqual([
      'Baseline 1.1 does not apply at stage 4: its entry was ignored.',
      'No mandatory baseline of "Exceptional Delivery Regime model: Offender Management Unit" applies at stage 4 (Red / Lockdown).',
    ])
  })

  it('an unknown stage is a caller error', () => {
    expect(() => assessReadiness(OMU_EDM, [], 5)).toThrow(OmuInputError)
  })

  it('synthetic stage 3: weighting 1 counts, a desirable baseline never blocks or scores, B.1 applies only from stage 2', () => {
    const plan = allReady(SYNTHETIC).map((e) => (e.baselineId === 'A.4' ? entry('A.4') : e.baselineId === 'A.1' ? entry('A.1') : e))
    const r = assessReadiness(SYNTHETIC, [...plan, entry('Z.9')], 3)
    expect(r.baselines.map((b) => b.baselineId)).toEqual(['A.1', 'A.2', 'A.3', 'A.4', 'B.2'])
    expect(r.score).toMatchObject({ achieved: 6, possible: 7 })
    expect(r.blockers.map((b) => b.baselineId)).toEqual(['A.1'])
    expect(r.warnings).toContain('The plan has an entry for baseline Z.9, which is not in "Synthetic EDM for tests": it was ignored.')
    expect(r.warnings).toContain('Baseline B.1 does not apply at stage 3: its entry was ignored.')
    expect(assessReadiness(SYNTHETIC, plan, 2).score).toMatchObject({ achieved: 9, possible: 10 })
  })
})
