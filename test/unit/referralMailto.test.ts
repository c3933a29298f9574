// ../shared/specs/mpc-rules.md C.1: "Saved inside the referral window, eligible drafts a referral to
// the LDU, discretionary a request for a decision": the drafted email (electron/services/handover/
// mailto.ts referralMailto), a mailto: link only, with the facts the community needs and no more.
import { describe, expect, it } from 'vitest'
import { checkedMailto, referralMailto, type ReferralFacts } from '../../electron/services/handover/mailto'
import { historyWhat } from '../../renderer/src/lib/historyWords'

const facts: ReferralFacts = {
  to: 'north.ldu@justice.gov.uk',
  kind: 'referral',
  prisonerName: 'Jo Case',
  prisonNumber: 'H1001AB',
  establishment: 'HMP Testshire',
  assessedOn: '2026-11-23',
  assessor: 'Pat Pom',
  oasysDate: '2026-10-01',
  criteria: ['MAPPA level 3'],
  reason: null,
  releaseDate: '2027-09-01',
  comResponsibleDate: '2026-06-15',
  pomName: 'Pat Pom',
}
const subject = (url: string) => decodeURIComponent(url.split('?subject=')[1]?.split('&body=')[0] ?? '')
const body = (url: string) => decodeURIComponent(url.split('&body=')[1] ?? '')

describe('early allocation referral email (spec C.1)', () => {
  it('eligible: a referral addressed to the LDU, naming the case, the assessment, the criteria met and the dates in dd/mm/yyyy', () => {
    const url = referralMailto(facts)
    expect(url.startsWith('mailto:north.ldu@justice.gov.uk?subject=')).toBe(true)
    expect(subject(url)).toBe('Early allocation referral: Jo Case (H1001AB)')
    const text = body(url)
    expect(text).toContain('is eligible for early allocation to the community probation team')
    expect(text).toContain('Assessed on 23/11/2026 by Pat Pom; last OASys risk assessment 01/10/2026.')
    expect(text).toContain('Criteria met:\r\n- MAPPA level 3')
    expect(text).toContain('Earliest release date: 01/09/2027')
    expect(text).toContain('COM responsible from (handover date): 15/06/2026')
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })

  it('discretionary: a request for a decision, with the reason the HOMD approved', () => {
    const url = referralMailto({ ...facts, kind: 'decision_request', criteria: ['very high risk of serious harm'], reason: 'Known to the PDU from a previous sentence.' })
    expect(subject(url)).toBe('Early allocation: request for a decision: Jo Case (H1001AB)')
    expect(body(url)).toContain('asks the community probation team to decide')
    expect(body(url)).toContain('Reason for the referral (approved by the Head of Offender Management Delivery): Known to the PDU from a previous sentence.')
  })

  it('carries only what the community needs: no field beyond the facts given, nothing left as an internal word', () => {
    const text = body(referralMailto(facts))
    // The lines: opening, assessment, criteria, dates, the POM (notify's approach).
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(7)
    expect(text).not.toMatch(/dateOfBirth|undefined|null|[a-z][A-Z]/)
  })

  it('is only ever a mailto: link (the only external link the app opens)', () => {
    expect(() => checkedMailto('https://example.org')).toThrow(/mailto/)
  })
})

describe('the record history names the app’s own handover reset in words (spec D.5: "audit a system change")', () => {
  it('a reset and a recorded state read differently, with no internal words', () => {
    expect(historyWhat({ channel: 'omu:handover.recalculated', before: null, after: { checklistReset: true } })).toBe('Handover checklist cleared by the app: the POM is responsible again or the handover date moved')
    expect(historyWhat({ channel: 'omu:handover.recalculated', before: null, after: { checklistReset: false } })).toBe('Handover responsibility and date recorded by the app')
  })
})
