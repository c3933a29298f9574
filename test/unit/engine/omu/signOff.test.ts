// Sign-off route (issue 4, seed 002): HOMS submits -> Governor -> PGD -> Prison Gold -> DIB ->
// Probation Gold; returns with comments; out-of-order steps refused; submitted versions frozen.
import { describe, expect, it } from 'vitest'
import {
  applySignOffDecision,
  changesSinceSubmitted,
  isFrozen,
  nextSignOffStep,
  SIGN_OFF_ROUTE,
  startNewPlanVersion,
  type RrmpPlanVersion,
  type SignOffStage,
  type SignOffStep,
} from '../../../../shared/engine/omu/index'
import { entry } from './fixtures'

function step(stage: SignOffStage, date: string, decision: SignOffStep['decision'] = 'approved', comments: string | null = null): SignOffStep {
  const who: Record<SignOffStage, [string, string]> = {
    submit: ['A. Khan', 'HOMS'],
    governor: ['B. Jones', 'Governing Governor'],
    pgd: ['C. Patel', 'Prison Group Director'],
    prison_gold: ['D. Smith', 'Prison Gold Commander'],
    dib: ['E. Evans', 'DIB chair'],
    probation_gold: ['F. Wilson', 'Probation Gold Commander'],
  }
  return { stage, by: who[stage][0], role: who[stage][1], date, decision, comments }
}

/** Applies steps in turn, failing the test on any refusal. */
function run(...steps: SignOffStep[]): SignOffStep[] {
  let history: SignOffStep[] = []
  for (const s of steps) {
    const r = applySignOffDecision(history, s)
    if (!r.ok) throw new Error(r.problem)
    history = r.history
  }
  return history
}

const submitted = (): SignOffStep[] => run(step('submit', '2020-06-01', 'submitted'))

describe('the route in order', () => {
  it('starts awaiting the HOMS submission and walks to completion after Probation Gold', () => {
    expect(nextSignOffStep([])).toEqual({ kind: 'awaiting', next: SIGN_OFF_ROUTE[0] })
    const awaited: string[] = []
    let history: SignOffStep[] = []
    const route = [
      step('submit', '2020-06-01', 'submitted'),
      step('governor', '2020-06-02'),
      step('pgd', '2020-06-05'),
      step('prison_gold', '2020-06-08'),
      step('dib', '2020-06-09'),
      step('probation_gold', '2020-06-10'),
    ]
    for (const s of route) {
      const state = nextSignOffStep(history)
      if (state.kind === 'awaiting') awaited.push(state.next.stage)
      history = run(...history, s)
    }
    expect(awaited).toEqual(['submit', 'governor', 'pgd', 'prison_gold', 'dib', 'probation_gold'])
    expect(nextSignOffStep(history)).toEqual({ kind: 'complete', completedOn: '2020-06-10' })
    const more = applySignOffDecision(history, step('probation_gold', '2020-06-11'))
    expect(more).toEqual({ ok: false, problem: 'The sign-off route is complete (Probation Gold signed off on 2020-06-10): nothing more can be signed on this version.' })
  })
})

describe('returns with comments', () => {
  it('the Governor returns the plan with comments: the version is closed and a new version must be submitted', () => {
    const history = run(step('submit', '2020-06-01', 'submitted'), step('governor', '2020-06-03', 'returned', 'Baseline 2.5: duty POM rota not resourced'))
    const state = nextSignOffStep(history)
    expect(state.kind).toBe('returned')
    if (state.kind === 'returned') expect(state.returned).toMatchObject({ stage: 'governor', comments: 'Baseline 2.5: duty POM rota not resourced' })
    expect(applySignOffDecision(history, step('pgd', '2020-06-04'))).toEqual({
      ok: false,
      problem: "This version was returned at the Governor's approval on 2020-06-03 with comments: start a new version and submit it again.",
    })
  })

  it('a return without comments is refused', () => {
    expect(applySignOffDecision(submitted(), step('governor', '2020-06-03', 'returned', '  '))).toEqual({ ok: false, problem: 'A return needs comments: say what B. Jones wants changed.' })
  })

  it('Probation Gold may return the OMU section after the DIB', () => {
    const h = run(step('submit', '2020-06-01', 'submitted'), step('governor', '2020-06-02'), step('pgd', '2020-06-03'), step('prison_gold', '2020-06-04'), step('dib', '2020-06-05'), step('probation_gold', '2020-06-06', 'returned', 'Resourcing for 2.7 unclear'))
    expect(nextSignOffStep(h).kind).toBe('returned')
  })
})

describe('out-of-order and malformed steps are refused with a clear message', () => {
  it('the PGD cannot sign before the Governor has approved', () => {
    expect(applySignOffDecision(submitted(), step('pgd', '2020-06-02'))).toEqual({
      ok: false,
      problem: "The PGD's sign-off cannot be recorded yet: the next step is the Governor's approval (Governor).",
    })
  })

  it('the Governor cannot approve before the HOMS submits', () => {
    const r = applySignOffDecision([], step('governor', '2020-06-02'))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problem).toBe("The Governor's approval cannot be recorded yet: the next step is the HOMS submission (Head of Offender Management Services (HOMS)).")
  })

  it('a second Governor approval is refused as already recorded', () => {
    const h = run(step('submit', '2020-06-01', 'submitted'), step('governor', '2020-06-02'))
    expect(applySignOffDecision(h, step('governor', '2020-06-03'))).toEqual({
      ok: false,
      problem: "The Governor's approval was already recorded on 2020-06-02; the next step is the PGD's sign-off (Prison Group Director (PGD)).",
    })
  })

  it('a date before the previous step, a wrong decision, no name or a bad date are refused', () => {
    expect(applySignOffDecision(submitted(), step('governor', '2020-05-31'))).toEqual({ ok: false, problem: 'The date 2020-05-31 is before the previous step (the HOMS submission on 2020-06-01).' })
    expect(applySignOffDecision([], step('submit', '2020-06-01', 'approved'))).toEqual({ ok: false, problem: 'At the HOMS submission the decision must be "submitted", not "approved".' })
    expect(applySignOffDecision(submitted(), { ...step('governor', '2020-06-02'), by: '' })).toEqual({ ok: false, problem: "Record who made the Governor's approval." })
    expect(applySignOffDecision(submitted(), step('governor', '2 June 2020'))).toEqual({ ok: false, problem: 'The date of the Governor\'s approval must be a real date written YYYY-MM-DD (got "2 June 2020").' })
  })

  it('a history that was not built by the route is reported as invalid', () => {
    const state = nextSignOffStep([step('governor', '2020-06-02')])
    expect(state.kind).toBe('invalid')
  })

  it('applying a step never mutates the history passed in', () => {
    const h = submitted()
    applySignOffDecision(h, step('governor', '2020-06-02'))
    expect(h).toHaveLength(1)
  })
})

describe('frozen versions and new versions', () => {
  const v1: RrmpPlanVersion = { version: 1, targetStage: '3', entries: [entry('2.5', { status: 'in_progress', owner: 'HOMS' })], signOff: [], basedOnVersion: null }

  it('a version is editable until submitted, frozen from the submission on', () => {
    expect(isFrozen([])).toBe(false)
    expect(isFrozen(submitted())).toBe(true)
  })

  it('a new version cannot be started from an unsubmitted one', () => {
    expect(startNewPlanVersion(v1)).toEqual({ ok: false, problem: 'Version 1 has not been submitted yet: keep editing it rather than starting a new version.' })
  })

  it('after a return, version 2 copies the entries with an empty route and shows what changed since version 1', () => {
    const returned = { ...v1, signOff: run(step('submit', '2020-06-01', 'submitted'), step('governor', '2020-06-03', 'returned', 'Resource the duty POM rota')) }
    const r = startNewPlanVersion(returned)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.version).toMatchObject({ version: 2, targetStage: '3', signOff: [], basedOnVersion: 1 })
    const first = r.version.entries[0]
    if (first === undefined) throw new Error('no entry copied')
    first.resourcingNote = 'Two POMs on the duty rota each weekday'
    expect(returned.entries[0]?.resourcingNote).toBe('')
    expect(changesSinceSubmitted(returned, r.version).map((d) => d.summary)).toEqual([
      ['Baseline 2.5: Resourcing note changed from "(none)" to "Two POMs on the duty rota each weekday".'],
    ])
  })
})
