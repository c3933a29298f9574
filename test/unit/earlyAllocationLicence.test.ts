// ../shared/specs/mpc-rules.md C.5 C7, now that the store holds the licence expiry date (spec F):
// an early allocation assessment brings the handover forward (CaseInput.earlyAllocation) only while
// the licence has not expired; expiring today still counts. electron/services/caseload/load.ts
// earlyAllocationOf, which feeds the case engine.
import { describe, expect, it } from 'vitest'
import { earlyAllocationOf, PRISONER_FIELDS, prisonerRow, toCaseInput, type CaseRecord } from '../../electron/services/caseload/load'

const TODAY = '2026-11-23'

function record(licenceExpiryDate: string | null, flag = 0): CaseRecord {
  const values: unknown[] = PRISONER_FIELDS.map(() => null)
  const set = (field: string, value: unknown) => (values[PRISONER_FIELDS.findIndex(([name]) => name === field)] = value)
  set('sentenceType', 'determinate')
  set('sentenceStartDate', '2024-01-01')
  set('conditionalReleaseDate', '2028-01-01')
  set('earlyAllocation', flag)
  set('licenceExpiryDate', licenceExpiryDate)
  return {
    prisoner: prisonerRow(values),
    firstAllocationDate: null,
    current: null,
    coWorker: null,
    sessions: [],
    paroleReviews: [],
    caseWork: { earlyAllocation: [{ createdOn: '2026-10-01', outcome: 'eligible', createdWithinReferralWindow: true, communityDecision: null }], overrides: [] },
  }
}

describe('spec C.5 C7: the licence expiry date ends an assessed early allocation', () => {
  it('no licence expiry date recorded: the eligible in-window assessment counts', () => {
    expect(earlyAllocationOf(record(null), TODAY)).toBe(true)
    expect(toCaseInput(record(null), TODAY).earlyAllocation).toBe(true)
  })

  it('licence expiring today still counts; expired yesterday does not', () => {
    expect(earlyAllocationOf(record(TODAY), TODAY)).toBe(true)
    expect(earlyAllocationOf(record('2026-11-22'), TODAY)).toBe(false)
    expect(toCaseInput(record('2026-11-22'), TODAY).earlyAllocation).toBe(false)
  })

  it('the prisoner’s own early allocation flag (recorded or imported) is not an assessment, so C7 does not apply to it', () => {
    expect(earlyAllocationOf(record('2026-11-22', 1), TODAY)).toBe(true)
  })
})
