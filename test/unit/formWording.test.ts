import { describe, expect, it } from 'vitest'
import { recordSessionInput, prisonerInput } from '../../shared/ipc/channels/caseload'
import { fieldWords } from '../../shared/ipc/plainIssue'
import { fromUkDate, joinParts, partsOf } from '../../renderer/src/lib/dateParts'
import { formErrors, serverFieldError, summaryItems } from '../../renderer/src/lib/formErrors'
import { plural } from '../../renderer/src/lib/plural'
import { historyWhat } from '../../renderer/src/lib/historyWords'
import { PRISONER_STATUS_LABELS, ROSH_LABELS, SENTENCE_TYPE_LABELS } from '../../renderer/src/lib/labels'

// Issue 16, "Dates, forms, wording": dates typed day / month / year and said as dd/mm/yyyy, every
// problem at once in plain words with no internal field names, counts and values in words.

const SESSION = { prisonerId: 1, date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30, notes: '', notesSensitive: false }

describe('a date typed as day, month and year becomes the app\'s YYYY-MM-DD string', () => {
  it('pads the day and month, so 7 3 2026 is 2026-03-07', () => {
    expect(joinParts({ day: '7', month: '3', year: '2026' })).toBe('2026-03-07')
  })
  it('nothing typed is no date (an optional date left blank)', () => {
    expect(joinParts({ day: ' ', month: '', year: '' })).toBe('')
  })
  it('an unfinished or two-digit-year date is refused by the contract in words about dd/mm/yyyy', () => {
    for (const parts of [{ day: '7', month: '', year: '2026' }, { day: '7', month: '3', year: '26' }, { day: 'x', month: '3', year: '2026' }, { day: '31', month: '2', year: '2026' }]) {
      const errors = formErrors(recordSessionInput, { ...SESSION, date: joinParts(parts) })
      expect(errors.date).toBe('Enter a real date as dd/mm/yyyy, for example 27/03/2026.')
    }
  })
  it('a stored date shows as its parts without leading zeros, and back again', () => {
    expect(partsOf('2026-03-07')).toEqual({ day: '7', month: '3', year: '2026' })
    expect(joinParts(partsOf('2026-12-25'))).toBe('2026-12-25')
    expect(partsOf(null)).toEqual({ day: '', month: '', year: '' })
  })
  it('dd/mm/yyyy text (the non-working days list) is read day first', () => {
    expect(fromUkDate('01/02/2027')).toBe('2027-02-01')
    expect(fromUkDate('2027-02-01')).toBeNull()
  })
})

describe('a session of 0 minutes is refused, never turned into 1 minute', () => {
  it('the contract refuses 0 minutes in a plain sentence, in the form as in the main process', () => {
    const errors = formErrors(recordSessionInput, { ...SESSION, durationMinutes: 0 })
    expect(errors).toEqual({ durationMinutes: 'Enter how long the session lasted, at least 1 minute: a session of 0 minutes cannot be recorded.' })
  })
  it('a blank duration asks for it in words', () => {
    expect(formErrors(recordSessionInput, { ...SESSION, durationMinutes: undefined }).durationMinutes).toBe('Enter the duration in minutes.')
  })
})

describe('form errors: every problem at once, without internal field names', () => {
  it('gives one plain message per field, for all the fields at once', () => {
    const errors = formErrors(prisonerInput, { prisonNumber: '', firstName: '', lastName: '', dateOfBirth: '', sentenceType: 'determinate', sentenceStartDate: '' })
    expect(Object.keys(errors).sort()).toEqual(['dateOfBirth', 'firstName', 'lastName', 'prisonNumber', 'sentenceStartDate'])
    for (const message of Object.values(errors)) expect(message).not.toMatch(/^[a-z]+[A-Z]\w*:|YYYY/)
  })
  it('lists the summary in the order of the form, with the fields\' labels', () => {
    const items = summaryItems({ durationMinutes: 'Enter the duration in minutes.', date: 'Enter a real date.' }, [
      { name: 'date', label: 'Date of the session' },
      { name: 'durationMinutes', label: 'Duration (minutes)' },
    ])
    expect(items.map((i) => i.label)).toEqual(['Date of the session', 'Duration (minutes)'])
  })
  it('puts a refusal from the main process under its field without the field\'s words in front', () => {
    expect(serverFieldError({ field: 'extraHolidays › item 2', message: 'Extra holidays, item 2: Enter a real date.' })).toEqual({ field: 'extraHolidays.1', message: 'Enter a real date.' })
    expect(serverFieldError({ message: 'Something else.' })).toBeNull()
  })
})

describe('wording: names, counts and values in words', () => {
  it('a field\'s code name reads as words in sentence case', () => {
    expect(fieldWords('resourcingNote')).toBe('Resourcing note')
    expect(fieldWords(['extraHolidays', 0])).toBe('Extra holidays, item 1')
    expect(fieldWords('not_applicable_reason')).toBe('Not applicable reason')
  })
  it('counts agree with their noun', () => {
    expect(plural(0, 'record')).toBe('0 records')
    expect(plural(1, 'record')).toBe('1 record')
    expect(plural(2, 'person', 'people')).toBe('2 people')
    expect(plural(1200, 'prisoner')).toBe('1,200 prisoners')
  })
  it('values are in sentence case', () => {
    expect(ROSH_LABELS.very_high).toBe('Very high')
    expect(SENTENCE_TYPE_LABELS.determinate).toBe('Determinate')
    expect(PRISONER_STATUS_LABELS.in_custody).toBe('In custody')
  })
})

describe('record history in words, without code names', () => {
  it('a change of facts names the facts it changed, as the form names them', () => {
    const before = { id: 7, version: 1, tier: 'B2', roshLevel: 'high', homeDetentionCurfewEligibilityDate: null, updatedAt: 'x' }
    const after = { id: 7, version: 2, tier: 'B3', roshLevel: 'very_high', homeDetentionCurfewEligibilityDate: '2027-01-01', updatedAt: 'y' }
    expect(historyWhat({ channel: 'omu:prisoners.update', before, after })).toBe('Facts changed: tier, risk of serious harm, HDC eligibility date')
  })
  it('a channel without its own words is still said in words, never as its code name', () => {
    expect(historyWhat({ channel: 'omu:prisoners.someNewThing', before: null, after: null })).toBe('Some new thing')
  })

  it('issue 17 case records say what happened, not the channel\'s last word ("Add")', () => {
    expect(historyWhat({ channel: 'omu:parole.add', before: null, after: { outcome: 'refused' } })).toBe('Parole review recorded')
    expect(historyWhat({ channel: 'omu:coworking.assign', before: null, after: {} })).toBe('Co-working POM added')
    expect(historyWhat({ channel: 'omu:handover.tickTask', before: { handoverTask: 'contactedCom', done: false }, after: { handoverTask: 'contactedCom', done: true } })).toBe('Handover task done: Have contact from COM')
    expect(historyWhat({ channel: 'omu:handover.tickTask', before: null, after: { handoverTask: 'sentHandoverReport', done: false } })).toBe('Handover task no longer done: Send handover report')
  })
})
