// Invalid resourcing input throws ResourcingInputError naming the field, in the case engine's
// style (issue 3: "a typed error naming the field"); case facts are checked by the case engine and
// reported under the case's path.
import { describe, expect, it } from 'vitest'
import type { ResourcingInput } from '../../../../shared/engine/resourcing/index'
import { projectResourcing, ResourcingInputError, validateResourcingInput } from '../../../../shared/engine/resourcing/index'
import { caseOf, determinateCase, input, pom, TODAY } from './fixtures'

function fieldOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(ResourcingInputError)
    const err = e as ResourcingInputError
    expect(err.message.startsWith(`${err.field}: `)).toBe(true)
    return err.field
  }
  throw new Error('expected a ResourcingInputError, nothing was thrown')
}

const bad = (i: unknown): ResourcingInput => i as ResourcingInput
const withPom = (overrides: Record<string, unknown>): ResourcingInput => input({ poms: [bad({ ...pom(), ...overrides }) as never] })

describe('ResourcingInputError names the field at fault', () => {
  it.each([
    ['not an object', bad(null), 'input'],
    ['poms not a list', bad({ ...input(), poms: {} }), 'poms'],
    ['empty POM id', withPom({ id: ' ' }), 'poms[0].id'],
    ['unknown POM type', withPom({ type: 'agency' }), 'poms[0].type'],
    ['band not a whole number', withPom({ band: 4.5 }), 'poms[0].band'],
    ['negative hours', withPom({ hoursPerWeek: -1 }), 'poms[0].hoursPerWeek'],
    ['hours beyond 60', withPom({ hoursPerWeek: 61 }), 'poms[0].hoursPerWeek'],
    ['six days a week', withPom({ workingPattern: { daysPerWeek: 6 } }), 'poms[0].workingPattern.daysPerWeek'],
    ['zero share of the week', withPom({ workingPattern: { fractionOfWeek: 0 } }), 'poms[0].workingPattern.fractionOfWeek'],
    ['both pattern forms', withPom({ workingPattern: { daysPerWeek: 3, fractionOfWeek: 0.6 } }), 'poms[0].workingPattern'],
    ['unknown availability', withPom({ availability: { status: 'sick' } }), 'poms[0].availability.status'],
    ['impossible date', withPom({ availability: { status: 'unavailable', from: '2025-02-30', to: null } }), 'poms[0].availability.from'],
    ['to before from', withPom({ availability: { status: 'unavailable', from: '2025-03-10', to: '2025-03-09' } }), 'poms[0].availability.to'],
    ['return while active', withPom({ plannedChanges: [{ kind: 'returning', date: '2025-04-01' }] }), 'poms[0].plannedChanges[0].kind'],
    ['two leaving dates', withPom({ plannedChanges: [{ kind: 'leaving', date: '2025-04-01' }, { kind: 'leaving', date: '2025-04-08' }] }), 'poms[0].plannedChanges[1].kind'],
    ['leaving before starting', withPom({ plannedChanges: [{ kind: 'starting', date: '2025-04-01' }, { kind: 'leaving', date: '2025-03-01' }] }), 'poms[0].plannedChanges'],
    ['unknown change', withPom({ plannedChanges: [{ kind: 'promoted', date: '2025-04-01' }] }), 'poms[0].plannedChanges[0].kind'],
    ['bad new hours', withPom({ plannedChanges: [{ kind: 'hours_changed', date: '2025-04-01', hoursPerWeek: 'full' }] }), 'poms[0].plannedChanges[0].hoursPerWeek'],
    ['duplicate POM id', input({ poms: [pom(), pom()] }), 'poms[1].id'],
    ['case of an unknown POM', input({ caseload: [caseOf('A', 'nobody', determinateCase())] }), 'caseload[0].pomId'],
    ['duplicate case id', input({ caseload: [caseOf('A', null, determinateCase()), caseOf('A', null, determinateCase())] }), 'caseload[1].id'],
    ['bad case fact', input({ caseload: [caseOf('A', null, determinateCase({ conditionalReleaseDate: '2022-01-01' }))] }), 'caseload[0].case.conditionalReleaseDate'],
    ['negative receptions', input({ receptionsPerWeek: -1 }), 'receptionsPerWeek'],
    ['unknown stage', input({ targetStage: '5' }), 'targetStage'],
    ['unknown policy', bad({ ...input(), policy: 'omic1999' }), 'policy'],
    ['bad extra holiday', input({ extraHolidays: ['2025-13-01'] }), 'extraHolidays[0]'],
    ['negative session hours', input({ assumptions: { hoursPerSupervisionSession: -1 } }), 'assumptions.hoursPerSupervisionSession'],
    ['share above 1', input({ assumptions: { receptionShareNeedingStartOfCustody: 1.5 } }), 'assumptions.receptionShareNeedingStartOfCustody'],
    ['task hours not a number', input({ assumptions: { taskHoursPerWeek: { 's3.4': Number.NaN } } }), 'assumptions.taskHoursPerWeek.s3.4'],
  ])('%s', (_what, value, field) => {
    expect(fieldOf(() => validateResourcingInput(value))).toBe(field)
    expect(fieldOf(() => projectResourcing(value, TODAY))).toBe(field)
  })

  it('a bad session is reported under its case when the projection evaluates the case', () => {
    const i = input({ caseload: [caseOf('A', null, determinateCase({ sessions: [{ date: '2025-01-32', inPerson: true }] }))] })
    expect(fieldOf(() => projectResourcing(i, TODAY))).toBe('caseload[0].case.sessions[0].date')
  })

  it('today must be a calendar date', () => {
    expect(fieldOf(() => projectResourcing(input(), '2025-3-3'))).toBe('today')
  })

  it('a valid input passes', () => {
    expect(() => validateResourcingInput(input({ caseload: [caseOf('A', 'pom-1', determinateCase())] }))).not.toThrow()
  })
})
