// Issue 16 ("Actionable versus history"): "`missed` leaves every worklist and the case's headline
// status; it still counts in compliance figures (as not met) and shows in the case's history".
// And ("Dates, forms, wording"): no internal words reach a user; errors say what to fix. The
// headline is electron/services/caseload/verdict.ts worstStatus over the real engine's minima
// (seed 003 Annex B start of custody: 3 in-person sessions within 12 weeks of allocation).
import { describe, expect, it } from 'vitest'
import { CaseInputError, evaluateCase, type CaseInput } from '../../../shared/engine/case/index'
import { worstStatus } from '../../../electron/services/caseload/verdict'
import { plainEngineMessage } from '../../../electron/services/caseload/engineMessage'
import { headlineLabel } from '../../../renderer/src/lib/labels'
import { indeterminate, inPerson } from '../engine/case/fixtures'

// Indeterminate, so start of custody is its one minimum (issue 17: pre-handover is for
// determinate sentences; no arrival, so no transfer minimum). Allocated Mon 9 Jan 2023; dueBy =
// + 84 days = Mon 3 Apr 2023; dueBy + 28 = Mon 1 May, dueBy + 29 = Tue 2 May.
const onlyStartOfCustody: CaseInput = indeterminate({ sentenceStartDate: '2023-01-05', tariffDate: '2035-01-05', pomAllocatedDate: '2023-01-09', sessions: inPerson('2023-01-10', '2023-02-10') })

function minimaOn(input: CaseInput, today: string) {
  return evaluateCase(input, today, 'omic2021').minima
}

describe('issue 16: a missed minimum never heads the case (caseload/verdict.ts worstStatus)', () => {
  it('the case has one applicable minimum, start of custody', () => {
    expect(minimaOn(onlyStartOfCustody, '2023-05-01').filter((m) => m.status !== 'not_applicable').map((m) => m.rule)).toEqual(['start_of_custody'])
  })

  it('due + 28 days: the minimum is overdue and so is the headline (still worth acting on)', () => {
    const minima = minimaOn(onlyStartOfCustody, '2023-05-01')
    expect(minima.find((m) => m.rule === 'start_of_custody')?.status).toBe('overdue')
    expect(worstStatus(minima)).toBe('overdue')
  })

  it('due + 29 days: the minimum is missed, but the headline is not "Missed": no minimum due', () => {
    const minima = minimaOn(onlyStartOfCustody, '2023-05-02')
    // The case keeps the missed minimum (its page and history show it) ...
    expect(minima.find((m) => m.rule === 'start_of_custody')?.status).toBe('missed')
    // ... and heads with the next actionable status.
    expect(worstStatus(minima)).toBe('not_applicable')
    expect(headlineLabel(worstStatus(minima))).toBe('No minimum due')
  })

  it('a missed minimum beside a met one heads as met; beside a due one, as due', () => {
    const missed = minimaOn(onlyStartOfCustody, '2023-05-02').find((m) => m.rule === 'start_of_custody')
    if (!missed) throw new Error('start of custody should apply')
    expect(worstStatus([missed, { ...missed, rule: 'transfer_arrival', status: 'met' }])).toBe('met')
    expect(worstStatus([missed, { ...missed, rule: 'pre_handover', status: 'due', dueBy: '2030-01-01' }])).toBe('due')
  })

  it('met in time stays met', () => {
    const minima = minimaOn({ ...onlyStartOfCustody, sessions: inPerson('2023-01-10', '2023-02-10', '2023-03-10') }, '2023-05-02')
    expect(worstStatus(minima)).toBe('met')
  })
})

describe('issue 16: a case the engine cannot evaluate is described in a plain sentence (caseload/engineMessage.ts)', () => {
  function refusal(input: CaseInput): unknown {
    try {
      evaluateCase(input, '2026-11-23', 'omic2021')
    } catch (err) {
      return err
    }
    throw new Error('the engine should refuse this case')
  }

  it('an invalid conditional release date: its label and what to fix, no field name or YYYY-MM-DD', () => {
    const err = refusal({ sentenceType: 'determinate', sentenceStartDate: '2023-01-05', conditionalReleaseDate: '2026-02-30' })
    expect(err).toBeInstanceOf(CaseInputError)
    expect(String((err as Error).message)).toMatch(/conditionalReleaseDate: expected a calendar date 'YYYY-MM-DD'/)
    expect(plainEngineMessage(err)).toBe('The conditional release date is not a valid date: change the prisoner’s facts.')
  })

  it('a release date before the sentence started says so in words', () => {
    const err = refusal({ sentenceType: 'determinate', sentenceStartDate: '2023-01-05', paroleEligibilityDate: '2022-01-05' })
    expect(plainEngineMessage(err)).toBe('The parole eligibility date is before the sentence start date: change the prisoner’s facts.')
  })

  it('the target hearing date points to the parole reviews', () => {
    const err = refusal({ sentenceType: 'indeterminate', sentenceStartDate: '2023-01-05', targetHearingDate: 'soon' })
    expect(plainEngineMessage(err)).toBe('The target hearing date is not a valid date: check the case’s parole reviews.')
  })

  it('a session with a bad date points to the sessions', () => {
    const message = plainEngineMessage(new CaseInputError('sessions[2].date', "expected a calendar date 'YYYY-MM-DD' (years 1900-2999), got \"x\"", 'x'))
    expect(message).toBe('One of the case’s sessions is not valid: check the dates of the case’s sessions.')
  })

  it('anything else: a plain sentence, never the engine’s words', () => {
    for (const err of [new CaseInputError('somethingNew', 'expected text'), new Error('boom'), 'odd']) {
      const message = plainEngineMessage(err)
      expect(message).not.toMatch(/[a-z][A-Z]|YYYY|expected|boom/)
      expect(message).toMatch(/^The case could not be evaluated/)
    }
  })
})
