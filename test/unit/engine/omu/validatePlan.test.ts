// validatePlanEntry (issue 4): plain-sentence problems; not_applicable on a mandatory baseline
// needs a reason; delivery choice constrained by autonomy (seed 002 guide to autonomy levels).
import { describe, expect, it } from 'vitest'
import { OMU_EDM, PROBATION_SUPERVISION_EDM, rrmpPlanEntrySchema, validatePlanEntry, type RrmpPlanEntry } from '../../../../shared/engine/omu/index'
import { baseline, entry, readyEntry, SYNTHETIC } from './fixtures'

describe('not applicable', () => {
  it('baseline 2.1 (mandatory) marked not applicable without a reason is refused', () => {
    expect(validatePlanEntry(OMU_EDM, entry('2.1', { status: 'not_applicable' }))).toEqual([
      "Baseline 2.1 is mandatory: give the reason it does not apply here (for example the establishment's category or function).",
    ])
    expect(validatePlanEntry(OMU_EDM, entry('2.1', { status: 'not_applicable', notApplicableReason: '   ' }))).toHaveLength(1)
  })

  it('baseline 2.9 not applicable with a reason (adult male category C, no youth transfers) is accepted', () => {
    expect(validatePlanEntry(OMU_EDM, entry('2.9', { status: 'not_applicable', notApplicableReason: 'Category C adult male: no youth to adult transfers' }))).toEqual([])
  })

  it('a desirable baseline may be not applicable without a reason', () => {
    expect(validatePlanEntry(SYNTHETIC, entry('A.4', { status: 'not_applicable' }))).toEqual([])
  })
})

describe('delivery choice by autonomy', () => {
  it('baseline 1.1 (limited): as stipulated or nothing chosen is fine; an option is refused', () => {
    expect(validatePlanEntry(OMU_EDM, readyEntry(baseline(OMU_EDM, '1.1')))).toEqual([])
    expect(validatePlanEntry(OMU_EDM, readyEntry(baseline(OMU_EDM, '1.1'), { delivery: null }))).toEqual([])
    expect(validatePlanEntry(OMU_EDM, readyEntry(baseline(OMU_EDM, '1.1'), { delivery: { kind: 'option', optionId: 'face_to_face' } }))).toEqual([
      'Baseline 1.1 has limited autonomy: it must be delivered as stipulated, so no delivery option or local design can be chosen.',
    ])
  })

  it('baseline 2.5 (partial): ready needs one of its options; an unknown option or a local design is refused', () => {
    const b = baseline(OMU_EDM, '2.5')
    expect(validatePlanEntry(OMU_EDM, readyEntry(b, { delivery: { kind: 'option', optionId: 'duty_pom' } }))).toEqual([])
    expect(validatePlanEntry(OMU_EDM, readyEntry(b, { delivery: null }))[0]).toMatch(/^Baseline 2\.5 has partial autonomy: choose one of its delivery options \("Face to face/)
    expect(validatePlanEntry(OMU_EDM, readyEntry(b, { delivery: { kind: 'option', optionId: 'carrier_pigeon' } }))[0]).toMatch(/^Baseline 2\.5: "carrier_pigeon" is not one of its delivery options/)
    expect(validatePlanEntry(OMU_EDM, readyEntry(b, { delivery: { kind: 'local_design', design: 'x', faceToFace: false } }))[0]).toMatch(/rather than a local design\.$/)
  })

  it('baseline 2.5 (partial) in progress may leave the choice open', () => {
    expect(validatePlanEntry(OMU_EDM, entry('2.5', { status: 'in_progress', owner: 'HOMS' }))).toEqual([])
  })

  it('total autonomy (synthetic A.3) needs a local design text before ready', () => {
    const b = baseline(SYNTHETIC, 'A.3')
    expect(validatePlanEntry(SYNTHETIC, readyEntry(b))).toEqual([])
    expect(validatePlanEntry(SYNTHETIC, readyEntry(b, { delivery: null }))).toEqual(["Baseline A.3 has total autonomy: describe the establishment's own design before marking it ready."])
    expect(validatePlanEntry(SYNTHETIC, readyEntry(b, { delivery: { kind: 'local_design', design: ' ', faceToFace: false } }))).toEqual([
      'Baseline A.3 has total autonomy: the local design cannot be blank.',
    ])
    expect(validatePlanEntry(SYNTHETIC, readyEntry(b, { delivery: { kind: 'as_stipulated' } }))[0]).toMatch(/rather than delivering as stipulated\.$/)
  })

  it('seed 000 rows have no autonomy and are read as limited (delivered as stipulated)', () => {
    const row = baseline(PROBATION_SUPERVISION_EDM, '1.2')
    expect(validatePlanEntry(PROBATION_SUPERVISION_EDM, readyEntry(row))).toEqual([])
    expect(validatePlanEntry(PROBATION_SUPERVISION_EDM, readyEntry(row, { delivery: { kind: 'option', optionId: 'x' } }))[0]).toMatch(/limited autonomy/)
  })
})

describe('other checks', () => {
  it('an entry in progress, ready or delivering needs an owner', () => {
    expect(validatePlanEntry(OMU_EDM, entry('1.3', { status: 'delivering' }))).toEqual(['Baseline 1.3 is delivering but has no owner: name who is responsible.'])
    expect(validatePlanEntry(OMU_EDM, entry('1.3'))).toEqual([])
  })

  it('a baseline not in the catalogue is named', () => {
    expect(validatePlanEntry(OMU_EDM, entry('6.1'))).toEqual(['Baseline 6.1 is not in the catalogue "Exceptional Delivery Regime model: Offender Management Unit" (version 1.0).'])
  })

  it('a target date that is not a real date is reported with its field', () => {
    expect(validatePlanEntry(OMU_EDM, entry('1.3', { targetDate: '2020-02-30' }))).toEqual(['Baseline 1.3: targetDate must be a real date written YYYY-MM-DD.'])
  })

  it('action items (seed 004 shape) need an action and an owner; progress updates are dated and not blank', () => {
    const e: RrmpPlanEntry = entry('2.2', {
      actionItems: [
        { id: 'a1', action: 'Book IRMT room with distancing', owner: 'OMU SO', targetDate: '2020-07-10', status: 'completed', progressUpdates: [{ date: '2020-07-09', note: 'Room booked' }] },
        { id: 'a1', action: '', owner: '', targetDate: null, status: 'not_started', progressUpdates: [{ date: '2020-07-10', note: ' ' }] },
      ],
    })
    expect(validatePlanEntry(OMU_EDM, e)).toEqual([
      'Baseline 2.2: action item 2 repeats the id "a1" of an earlier action item.',
      'Baseline 2.2: action item 2 has no action: say what will be done.',
      'Baseline 2.2: action item 2 has no owner: name who will do it.',
      'Baseline 2.2: progress update 1 of action item 2 (2020-07-10) is blank.',
    ])
  })

  it('the entry schema accepts a full entry and refuses an unknown status', () => {
    expect(rrmpPlanEntrySchema.safeParse(readyEntry(baseline(OMU_EDM, '2.4'))).success).toBe(true)
    const bad = { ...entry('1.1'), status: 'done' } as unknown as RrmpPlanEntry
    expect(validatePlanEntry(OMU_EDM, bad)[0]).toMatch(/^Baseline 1\.1: status must be one of "not_started"/)
  })
})
