// Issue 17 ("POMs: availability"): the allocation control names each POM's cases against capacity
// and availability today in words, so status is never shown by colour alone (WCAG 1.4.1), with
// dates as dd/mm/yyyy (issue 16, "Dates, forms, wording").
import { describe, expect, it } from 'vitest'
import type { PomLoad } from '../../shared/ipc/channels/allocation'
import { availabilityText, pomChoiceText } from '../../renderer/src/screens/prisoner/pomChoice'

const load = (caseCount: number, capacity: number, availability: PomLoad['availability']): PomLoad => ({
  staffId: 1,
  name: 'Sam Jones',
  role: 'prison_pom',
  hoursPerWeek: 37,
  caseCount,
  byTier: {},
  byResponsibility: { pom: caseCount, pom_with_com: 0, com: 0 },
  capacity,
  availability,
})

describe('the allocation control’s words for a POM', () => {
  it('an available POM: their cases against capacity', () => {
    expect(pomChoiceText('Sam Jones (prison POM)', load(38, 30, { status: 'available' }))).toBe('Sam Jones (prison POM): 38 cases of 30')
    expect(pomChoiceText('Sam Jones', load(1, 30, { status: 'available' }))).toBe('Sam Jones: 1 case of 30')
  })

  it('a POM away today: unavailable until their last day away, or with no return date', () => {
    expect(pomChoiceText('Sam Jones', load(12, 50, { status: 'unavailable', from: '2026-11-02', until: '2027-01-10', returnsOn: '2027-01-11' }))).toBe('Sam Jones: 12 cases of 50, unavailable until 10/01/2027')
    expect(availabilityText({ status: 'unavailable', from: '2026-11-02', until: null, returnsOn: null })).toBe('Unavailable with no return date recorded')
  })

  it('leave booked from a later day, and an inactive POM', () => {
    expect(availabilityText({ status: 'away_from', from: '2026-12-01', until: '2026-12-12', returnsOn: '2026-12-13' })).toBe('Away from 01/12/2026')
    expect(availabilityText({ status: 'inactive' })).toBe('Inactive')
    expect(availabilityText({ status: 'available' })).toBe('Available')
  })

  it('without the load figures yet, just the name', () => {
    expect(pomChoiceText('Sam Jones', undefined)).toBe('Sam Jones')
  })
})
