// The public API of the case engine (issue 3, "Public API": names and shapes other parts of the
// product call), through the engine barrel and the shared/engine entry point.
import { describe, expect, expectTypeOf, it } from 'vitest'
import * as caseEngine from '../../../../shared/engine/case/index'
import * as engine from '../../../../shared/engine/index'
import type { CaseInput, Handover, IsoDate, Policy } from '../../../../shared/engine/case/index'

describe('shared/engine/case public API (issue 3)', () => {
  it('exports the documented functions and the typed error', () => {
    expect(typeof caseEngine.calculateHandover).toBe('function')
    expect(typeof caseEngine.responsibilityOn).toBe('function')
    expect(typeof caseEngine.evaluateCase).toBe('function')
    expect(typeof caseEngine.addWorkingDays).toBe('function')
    const err = new caseEngine.CaseInputError('sentenceStartDate', 'bad date', 'x')
    expect(err).toBeInstanceOf(Error)
    expect(err.field).toBe('sentenceStartDate')
    expect(caseEngine.POLICIES).toEqual(['omic2021', 'omic2023'])
  })

  it('is re-exported unchanged by shared/engine/index.ts (the entry point other programs call)', () => {
    expect(engine.calculateHandover).toBe(caseEngine.calculateHandover)
    expect(engine.responsibilityOn).toBe(caseEngine.responsibilityOn)
    expect(engine.evaluateCase).toBe(caseEngine.evaluateCase)
    expect(engine.addWorkingDays).toBe(caseEngine.addWorkingDays)
    expect(engine.CaseInputError).toBe(caseEngine.CaseInputError)
  })

  it('has the documented signatures', () => {
    expectTypeOf(caseEngine.calculateHandover).parameters.toEqualTypeOf<[CaseInput, IsoDate, (Policy | undefined)?]>()
    expectTypeOf(caseEngine.responsibilityOn).returns.toEqualTypeOf<'pom' | 'pom_with_com' | 'com'>()
    expectTypeOf(caseEngine.addWorkingDays).returns.toEqualTypeOf<IsoDate>()
    expectTypeOf<ReturnType<typeof caseEngine.calculateHandover>>().toEqualTypeOf<Handover>()
    expectTypeOf<ReturnType<typeof caseEngine.evaluateCase>['minima'][number]['status']>().toEqualTypeOf<'met' | 'due' | 'overdue' | 'missed' | 'not_applicable'>() // issue 16 adds missed
  })

  it('returns plain data with exactly the documented keys', () => {
    const e = caseEngine.evaluateCase({ sentenceType: 'determinate', sentenceStartDate: '2022-01-10', conditionalReleaseDate: '2025-03-31' }, '2023-01-01')
    expect(Object.keys(e).sort()).toEqual(['handover', 'lateRecords', 'minima', 'responsibility'])
    expect(Object.keys(e.handover).sort()).toEqual(['comAllocatedDate', 'comResponsibleDate', 'reason', 'releaseDate'])
    for (const m of e.minima) expect(Object.keys(m).sort()).toEqual(['achieved', 'dueBy', 'required', 'rule', 'status', 'windowStart'])
    expect(JSON.parse(JSON.stringify(e))).toEqual(e)
  })

  it('does not mutate its input', () => {
    const input: CaseInput = {
      sentenceType: 'determinate',
      sentenceStartDate: '2022-01-10',
      conditionalReleaseDate: '2025-03-31',
      pomAllocatedDate: '2022-01-20',
      sessions: [{ date: '2022-01-21', inPerson: true, recordedOn: '2022-01-25' }],
    }
    const copy = structuredClone(input)
    caseEngine.evaluateCase(input, '2023-01-01', 'omic2023', { extraHolidays: ['2022-01-24'] })
    expect(input).toEqual(copy)
  })
})
