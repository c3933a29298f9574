// Issue 17, "Responsibility override": a HOMD's override is "shown on the case and in every list
// and export; the engine's own answer stays visible beside it" (shared/export/responsibility.ts).
import { describe, expect, it } from 'vitest'
import { overridesText, responsibilityText } from '../../shared/export/responsibility'
import { notifyMailto } from '../../electron/services/handover/mailto'

describe('responsibility in words, with an override beside the rules’ answer (issue 17)', () => {
  it('with no override in force, the rules’ answer alone', () => {
    expect(responsibilityText('pom_with_com', null)).toBe('POM with COM')
    expect(responsibilityText('com', undefined)).toBe('COM')
  })

  it('an override shows first, with its end date as dd/mm/yyyy and the rules’ answer beside it', () => {
    expect(responsibilityText('pom', { responsibility: 'com', endDate: '2026-12-01' })).toBe('COM (override until 01/12/2026; rules say POM)')
    expect(responsibilityText('pom_with_com', { responsibility: 'pom', endDate: '2027-01-31' })).toBe('POM (override until 31/01/2027; rules say POM with COM)')
  })

  it('an override with no end date says so rather than inventing one', () => {
    expect(responsibilityText('com', { responsibility: 'pom', endDate: null })).toBe('POM (override, no end date; rules say COM)')
  })

  it('the readiness export counts overrides beside the rules’ counts, naming each kind present', () => {
    expect(overridesText({ pom: 0, com: 0 })).toBe('None')
    expect(overridesText({ pom: 0, com: 1 })).toBe('1 case made COM responsible; counted above as the rules say')
    expect(overridesText({ pom: 2, com: 3 })).toBe('3 cases made COM responsible, 2 cases made POM responsible; counted above as the rules say')
  })
})

describe('the "notify the community" email names an override in force (issue 17: every export)', () => {
  const facts = { to: 'north.ldu@justice.gov.uk', prisonerName: 'Jo Case', prisonNumber: 'H1001AB', comAllocatedDate: '2027-01-01', comResponsibleDate: '2027-01-01', releaseDate: '2027-09-01', responsibility: 'pom' as const, pomName: 'Pat Pom', establishment: 'HMP Testshire' }
  const body = (url: string) => decodeURIComponent(url.split('&body=')[1] ?? '')

  it('says who the HOMD made responsible and until when, after the rules’ answer', () => {
    const text = body(notifyMailto({ ...facts, override: { responsibility: 'com', endDate: '2027-01-31' } }))
    expect(text).toContain('Responsibility today: The POM is responsible; the COM is not yet supporting.\r\nOverridden by the Head of Offender Management Delivery: the COM is responsible until 31/01/2027.')
  })

  it('says nothing of overrides when none is in force', () => {
    expect(body(notifyMailto(facts))).not.toContain('Overridden')
  })
})
