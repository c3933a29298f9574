// The whole-establishment read builds each prisoner from an array of values with one object literal
// (electron/services/caseload/load.ts, issue 8); the literal must follow PRISONER_FIELDS, the list
// the SQL select is built from, or a prisoner's dates would land in the wrong fields.
import { describe, expect, it } from 'vitest'
import { PRISONER_FIELDS, prisonerRow } from '../../electron/services/caseload/load'

describe('prisonerRow', () => {
  it('takes each field from its place in PRISONER_FIELDS, and has no other field', () => {
    const values = PRISONER_FIELDS.map((_, i) => `value ${i}`)
    const row = prisonerRow(values) as unknown as Record<string, unknown>
    expect(Object.keys(row).sort()).toEqual(PRISONER_FIELDS.map(([name]) => name).sort())
    PRISONER_FIELDS.forEach(([name], i) => expect(row[name]).toBe(`value ${i}`))
  })
})
