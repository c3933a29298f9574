import { describe, expect, it } from 'vitest'
import { addChangeInput, resourcing } from '../../shared/ipc/channels/resourcing'
import { settings } from '../../shared/ipc/channels/settings'
import { storage } from '../../shared/ipc/channels/storage'
import { fromZodError } from '../../electron/services/errors'
import { formErrors, serverFieldError } from '../../renderer/src/lib/formErrors'

// Issue 16, "Dates, forms, wording": the forms converted to @mantine/form check with the channel's
// own zod schema, so every problem shows at once, in plain words, keyed to the form's fields, and
// the main process refuses the same input in the same words.

const LOCATION = { host: 'omu-db.example.gov.uk', port: 5432, database: 'omu', tls: 'verify-full', caFile: null, allowPlainText: false }

describe('planned change to capacity (Settings, POM capacity)', () => {
  it('a returning, leaving or hours change with no POM chosen asks "Choose a POM." in the form and in the main process', () => {
    for (const kind of ['returning', 'leaving', 'hours_changed'] as const) {
      const input = { kind, staffId: undefined, date: '2027-01-04', hoursPerWeek: 30, daysPerWeek: 4, note: '' }
      const clean = kind === 'hours_changed' ? input : { kind, staffId: undefined, date: '2027-01-04', note: '' }
      expect(formErrors(addChangeInput, clean).staffId).toBe('Choose a POM.')
      const parsed = addChangeInput.safeParse(clean)
      expect(parsed.success).toBe(false)
      if (!parsed.success) expect(serverFieldError(fromZodError(parsed.error))).toEqual({ field: 'staffId', message: 'Choose a POM.' })
    }
  })
  it('is as strict as before: a POM id must be a positive whole number', () => {
    for (const staffId of [0, -1, 1.5]) expect(formErrors(addChangeInput, { kind: 'leaving', staffId, date: '2027-01-04', note: '' }).staffId).toBe('Choose a POM.')
    expect(addChangeInput.safeParse({ kind: 'leaving', staffId: 3, date: '2027-01-04', note: '' }).success).toBe(true)
  })
  it('a new starter with nothing filled in lists every problem at once, with no field names in the messages', () => {
    const errors = formErrors(addChangeInput, { kind: 'starting', date: '', name: '', pomType: 'probation', band: undefined, hoursPerWeek: undefined, daysPerWeek: undefined, note: '' })
    expect(errors).toMatchObject({ date: 'Enter a real date as dd/mm/yyyy, for example 27/03/2026.', name: 'Enter a name or label for the new starter, for example New probation POM.', hoursPerWeek: 'Enter the contracted hours a week.' })
    for (const message of Object.values(errors)) expect(message).not.toMatch(/^[a-z]+[A-Z]\w*:|YYYY/)
  })
})

describe('a POM’s capacity (Settings, POM capacity)', () => {
  it('an unavailable period with no dates and no reason is keyed to the availability fields the form shows', () => {
    const errors = formErrors(resourcing.savePom.input, { staffId: 1, band: 4, hoursPerWeek: 37, daysPerWeek: 5, availability: { status: 'unavailable', from: '', to: null, reason: '' } })
    expect(errors['availability.from']).toBe('Enter a real date as dd/mm/yyyy, for example 27/03/2026.')
    expect(errors['availability.reason']).toBe('Enter why the POM is unavailable, for example long-term sickness.')
  })
  it('a refusal from the main process lands under the same field as the form’s own check', () => {
    const parsed = resourcing.savePom.input.safeParse({ staffId: 1, band: 4, hoursPerWeek: 37, daysPerWeek: 5, availability: { status: 'unavailable', from: '2027-02-01', to: '2027-01-01', reason: 'Sick' } })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(serverFieldError(fromZodError(parsed.error))).toEqual({ field: 'availability.to', message: 'The last day away must not be before the first.' })
  })
})

describe('resourcing inputs and settings', () => {
  it('an empty receptions figure is asked for in words, not as a type error', () => {
    expect(formErrors(resourcing.saveInputs.input, { receptionsPerWeek: undefined, assumptions: {} }).receptionsPerWeek).toBe('Enter the receptions a week.')
  })
  it('a retention period under a year is refused in a plain sentence', () => {
    expect(formErrors(settings.update.input, { retentionYears: 0, password: 'x' }).retentionYears).toBe('Keep records at least 1 year after release.')
  })
})

describe('the shared database form', () => {
  it('checks the address and the sign-in at once, keyed below "location" as the contract nests them', () => {
    const errors = formErrors(storage.test.input, { location: { ...LOCATION, host: '', database: '' }, username: '', password: '' })
    expect(errors).toMatchObject({ 'location.host': 'Enter the server’s name or address.', 'location.database': 'Enter the database name (for example omu).', username: 'Enter your username.', password: 'Enter your password.' })
  })
})
