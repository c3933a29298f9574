// Invalid input. Source: issue 3, "Invalid input (unparseable or impossible dates, release before
// sentence start, negative values) throws a typed error naming the field; it never returns a
// wrong date."
import { describe, expect, it } from 'vitest'
import type { CaseInput } from '../../../../shared/engine/case/index'
import { calculateHandover, CaseInputError, evaluateCase } from '../../../../shared/engine/case/index'
import { determinate } from './fixtures'

function fieldOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(CaseInputError)
    expect(e).toBeInstanceOf(Error)
    const err = e as CaseInputError
    expect(err.name).toBe('CaseInputError')
    expect(err.message.startsWith(`${err.field}: `)).toBe(true)
    return err.field
  }
  throw new Error('expected a CaseInputError, nothing was thrown')
}

const bad = (overrides: Record<string, unknown>): CaseInput => ({ ...determinate({ conditionalReleaseDate: '2025-03-31' }), ...overrides }) as CaseInput

const DATE_FIELDS = [
  'conditionalReleaseDate',
  'automaticReleaseDate',
  'paroleEligibilityDate',
  'tariffDate',
  'targetHearingDate',
  'homeDetentionCurfewEligibilityDate',
  'homeDetentionCurfewActualDate',
  'pomAllocatedDate',
  'arrivalDate',
  'firstPomAllocatedDate', // issue 17
] as const
const RELEASE_FIELDS = DATE_FIELDS.filter((f) => f !== 'pomAllocatedDate' && f !== 'arrivalDate' && f !== 'firstPomAllocatedDate')

describe('impossible or malformed dates throw CaseInputError naming the field', () => {
  it.each(['2023-02-29', '2023-13-01', '2023-1-1', '2023-01-01T00:00:00Z', '', 20230101, null, undefined])('sentenceStartDate = %j', (value) => {
    expect(fieldOf(() => evaluateCase(bad({ sentenceStartDate: value }), '2023-06-01'))).toBe('sentenceStartDate')
    expect(fieldOf(() => calculateHandover(bad({ sentenceStartDate: value }), '2023-06-01'))).toBe('sentenceStartDate')
  })

  it.each(DATE_FIELDS.flatMap((field) => ['2023-02-29', '2023-13-01', '2023-1-1', 'tomorrow', 45000].map((value) => [field, value] as const)))('%s = %j', (field, value) => {
    expect(fieldOf(() => evaluateCase(bad({ [field]: value }), '2023-06-01'))).toBe(field)
  })

  it.each(['2023-02-29', '2023-6-1', null, undefined])('today = %j', (today) => {
    expect(fieldOf(() => evaluateCase(bad({}), today as string))).toBe('today')
    expect(fieldOf(() => calculateHandover(bad({}), today as string))).toBe('today')
  })
})

describe('release before sentence start throws (issue 3)', () => {
  it.each(RELEASE_FIELDS)('%s the day before sentenceStartDate', (field) => {
    expect(fieldOf(() => calculateHandover(bad({ [field]: '2022-01-09' }), '2023-06-01'))).toBe(field)
  })

  it.each(RELEASE_FIELDS)('%s on sentenceStartDate is accepted', (field) => {
    expect(() => calculateHandover(bad({ [field]: '2022-01-10' }), '2023-06-01')).not.toThrow()
  })

  it('pomAllocatedDate and arrivalDate before sentence start are accepted (reading: a remand transfer or allocation can precede sentence)', () => {
    expect(() => evaluateCase(bad({ pomAllocatedDate: '2021-12-01', arrivalDate: '2021-11-01' }), '2023-06-01')).not.toThrow()
  })
})

describe('other invalid values throw naming the field (issue 3: negative values etc.)', () => {
  it.each([
    ['input', null],
    ['input', 'case'],
  ])('%s = %j', (field, value) => {
    expect(fieldOf(() => evaluateCase(value as unknown as CaseInput, '2023-06-01'))).toBe(field)
  })

  it.each([
    ['sentenceType', { sentenceType: 'life' }],
    ['sentenceType', { sentenceType: undefined }],
    ['mappaLevel', { mappaLevel: 4 }],
    ['mappaLevel', { mappaLevel: -1 }],
    ['mappaLevel', { mappaLevel: 1.5 }],
    ['mappaLevel', { mappaLevel: '2' }],
    ['earlyAllocation', { earlyAllocation: 'yes' }],
    ['recall', { recall: 1 }],
    ['sessions', { sessions: 'none' }],
    ['sessions', { sessions: { length: 0 } }],
    ['sessions[1]', { sessions: [{ date: '2023-01-01', inPerson: true }, null] }],
    ['sessions[0]', { sessions: [42] }],
    ['sessions[0].date', { sessions: [{ date: '2023-02-29', inPerson: true }] }],
    ['sessions[0].date', { sessions: [{ inPerson: true }] }],
    ['sessions[0].inPerson', { sessions: [{ date: '2023-01-01', inPerson: 'yes' }] }],
    ['sessions[0].inPerson', { sessions: [{ date: '2023-01-01' }] }],
    ['sessions[2].recordedOn', { sessions: [{ date: '2023-01-01', inPerson: true }, { date: '2023-01-02', inPerson: true }, { date: '2023-01-03', inPerson: true, recordedOn: '2023-13-01' }] }],
    ['sessions[0].recordedOn', { sessions: [{ date: '2023-01-05', inPerson: true, recordedOn: '2023-01-04' }] }],
  ])('%s: %j', (field, overrides) => {
    expect(fieldOf(() => evaluateCase(bad(overrides), '2023-06-01'))).toBe(field)
  })

  it.each(['omic2020', 'OMIC2021', null, 2021])('policy = %j', (policy) => {
    expect(fieldOf(() => evaluateCase(bad({}), '2023-06-01', policy as 'omic2021'))).toBe('policy')
    expect(fieldOf(() => calculateHandover(bad({}), '2023-06-01', policy as 'omic2021'))).toBe('policy')
  })

  it.each([
    ['extraHolidays[1]', { extraHolidays: ['2023-05-08', '2023-02-29'] }],
    ['extraHolidays', { extraHolidays: '2023-05-08' }],
    ['options', 'fast'],
    ['options.windowCounts', { windowCounts: [3] }],
    ['options.windowCounts.start_of_custody', { windowCounts: { start_of_custody: -1 } }],
    ['options.windowCounts.pre_handover', { windowCounts: { pre_handover: 1.5 } }],
    ['options.windowCounts.transfer_arrival', { windowCounts: { transfer_arrival: '2' } }],
    ['options.windowCounts.induction', { windowCounts: { induction: 1 } }],
  ])('evaluateCase options: %s', (field, options) => {
    expect(fieldOf(() => evaluateCase(bad({}), '2023-06-01', 'omic2021', options as { extraHolidays: string[] }))).toBe(field)
  })

  it('the error carries the rejected value', () => {
    try {
      evaluateCase(bad({ tariffDate: '2023-02-29' }), '2023-06-01')
      expect.unreachable()
    } catch (e) {
      expect((e as CaseInputError).value).toBe('2023-02-29')
    }
  })
})
