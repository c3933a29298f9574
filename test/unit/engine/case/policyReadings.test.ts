// issue 17, "Policy readings to put right": three readings of seed 003 Annex B that the minima
// now follow, each proved at its boundary.
//  - "Pre-release – Handover to the COM (Standard Determinate sentenced prisoners)": pre_handover
//    is not applicable to indeterminate sentences.
//  - Annex B is for "OMiC POM RESPONSIBLE CASES": transfer_arrival is not applicable when the COM
//    is responsible on the arrival date.
//  - "Start custodial sentence" belongs to the start of the sentence: start_of_custody counts from
//    firstPomAllocatedDate when given, else from pomAllocatedDate; a case that arrived on transfer
//    without firstPomAllocatedDate has none ("POM to POM Transfers" applies instead).
import { describe, expect, it } from 'vitest'
import type { CaseInput, MinimumResult, Policy } from '../../../../shared/engine/case/index'
import { countingWindows, evaluateCase } from '../../../../shared/engine/case/index'
import { determinate, indeterminate, inPerson } from './fixtures'

function rule(input: CaseInput, today: string, name: MinimumResult['rule'], policy: Policy = 'omic2021'): MinimumResult {
  const found = evaluateCase(input, today, policy).minima.find((m) => m.rule === name)
  if (!found) throw new Error(`rule ${name} missing`)
  return found
}

const NA = { required: 0, achieved: 0, windowStart: null, dueBy: null, status: 'not_applicable' }

describe('pre_handover is for "Standard Determinate sentenced prisoners" only (seed 003 Annex B; issue 17)', () => {
  // omic2021: PED 31 Jan 2025 gives comAllocatedDate 31 May 2024 to a determinate sentence (PED - 8
  // months) and the same date to an ISP whose tariff is 31 Jan 2025 (tariff - 8 months).
  const sessions = inPerson('2024-03-01', '2024-04-01', '2024-05-31')

  it('a determinate sentence with comAllocatedDate 31 May 2024 has the minimum (the contrast)', () => {
    expect(rule(determinate({ paroleEligibilityDate: '2025-01-31', sessions }), '2024-06-01', 'pre_handover')).toEqual({
      rule: 'pre_handover', required: 3, achieved: 3, windowStart: '2024-02-29', dueBy: '2024-05-31', status: 'met',
    })
  })

  it.each<[string, Policy]>([
    ['omic2021', 'omic2021'],
    ['omic2023', 'omic2023'],
  ])('an indeterminate sentence with the same handover date is not applicable (%s), sessions in the window or not', (_name, policy) => {
    const isp = indeterminate({ tariffDate: '2025-01-31', sessions })
    expect(evaluateCase(isp, '2024-06-01', policy).handover.comAllocatedDate).not.toBeNull()
    expect(rule(isp, '2024-06-01', 'pre_handover', policy)).toEqual({ rule: 'pre_handover', ...NA })
    expect(countingWindows(isp, '2024-06-01', policy).map((w) => w.rule)).not.toContain('pre_handover')
  })
})

describe('transfer_arrival is for "OMiC POM RESPONSIBLE CASES" (seed 003 Annex B; issue 17)', () => {
  // omic2021, start 5 Jan 2023, CRD 5 Jan 2026, MAPPA unknown: COM allocated 21 May 2025 (7.5
  // months before), COM responsible 21 Aug 2025 (4.5 months before).
  const base = determinate({ sentenceStartDate: '2023-01-05', conditionalReleaseDate: '2026-01-05' })

  it.each([
    ['arrived the day before comAllocatedDate (POM responsible): applies', '2025-05-20', 'due'],
    ['arrived on comAllocatedDate (POM responsible, COM supporting): applies', '2025-05-21', 'due'],
    ['arrived the day before comResponsibleDate (POM responsible, COM supporting): applies', '2025-08-20', 'due'],
  ])('%s', (_name, arrivalDate, status) => {
    expect(rule({ ...base, arrivalDate }, arrivalDate, 'transfer_arrival')).toMatchObject({ required: 1, windowStart: arrivalDate, status })
  })

  it('arrived on comResponsibleDate (COM responsible): not applicable', () => {
    expect(rule({ ...base, arrivalDate: '2025-08-21', sessions: inPerson('2025-08-22') }, '2025-09-30', 'transfer_arrival')).toEqual({ rule: 'transfer_arrival', ...NA })
  })

  it.each<[string, CaseInput, Policy]>([
    ['recall: the COM is responsible from the start', determinate({ recall: true, conditionalReleaseDate: '2026-01-05', arrivalDate: '2023-04-03' }), 'omic2021'],
    ['10 months or less to serve: the COM is responsible from the start', determinate({ sentenceStartDate: '2023-01-05', conditionalReleaseDate: '2023-09-01', arrivalDate: '2023-04-03' }), 'omic2023'],
  ])('not applicable: %s', (_name, input, policy) => {
    expect(rule(input, '2023-04-03', 'transfer_arrival', policy)).toEqual({ rule: 'transfer_arrival', ...NA })
    expect(countingWindows(input, '2023-05-01', policy).map((w) => w.rule)).not.toContain('transfer_arrival')
  })

  it('a caller count for a transfer the COM is responsible for is ignored', () => {
    const input = { ...base, arrivalDate: '2025-08-21' }
    expect(evaluateCase(input, '2025-09-30', 'omic2021', { windowCounts: { transfer_arrival: 1 } }).minima[2]).toEqual({ rule: 'transfer_arrival', ...NA })
  })
})

describe('start_of_custody counts from the sentence\'s first POM allocation (seed 003 Annex B "Start custodial sentence"; issue 17)', () => {
  // Start 5 Jan 2023, CRD 5 Jan 2026 (omic2021: COM responsible 21 Aug 2025).
  const base = determinate({ sentenceStartDate: '2023-01-05', conditionalReleaseDate: '2026-01-05' })

  it('counts from firstPomAllocatedDate when given: 9 Jan 2023 + 84 days = 3 Apr 2023, whatever pomAllocatedDate says', () => {
    const input = { ...base, firstPomAllocatedDate: '2023-01-09', pomAllocatedDate: '2023-06-01', sessions: inPerson('2023-01-09', '2023-02-01', '2023-04-03') }
    expect(rule(input, '2023-05-01', 'start_of_custody')).toEqual({
      rule: 'start_of_custody', required: 3, achieved: 3, windowStart: '2023-01-09', dueBy: '2023-04-03', status: 'met',
    })
  })

  it('a session the day before firstPomAllocatedDate or the day after its 84th day does not count', () => {
    const input = { ...base, firstPomAllocatedDate: '2023-01-09', sessions: inPerson('2023-01-08', '2023-02-01', '2023-04-04') }
    expect(rule(input, '2023-05-01', 'start_of_custody')).toMatchObject({ achieved: 1, status: 'overdue' })
  })

  it('without firstPomAllocatedDate and without an arrival, counts from pomAllocatedDate (unchanged)', () => {
    expect(rule({ ...base, pomAllocatedDate: '2023-01-09' }, '2023-01-09', 'start_of_custody')).toMatchObject({ required: 3, windowStart: '2023-01-09', dueBy: '2023-04-03', status: 'due' })
  })

  it('arrived on transfer without firstPomAllocatedDate: not applicable (the transfer rule applies instead)', () => {
    const input = { ...base, pomAllocatedDate: '2023-04-03', arrivalDate: '2023-04-03', sessions: inPerson('2023-04-04') }
    const e = evaluateCase(input, '2023-05-01')
    expect(e.minima[0]).toEqual({ rule: 'start_of_custody', ...NA })
    expect(e.minima[2]).toMatchObject({ rule: 'transfer_arrival', required: 1, achieved: 1, status: 'met' })
    expect(countingWindows(input, '2023-05-01').map((w) => w.rule)).toEqual(['transfer_arrival'])
  })

  it('arrived on transfer with firstPomAllocatedDate: counts from it, beside the transfer minimum', () => {
    const input = { ...base, firstPomAllocatedDate: '2023-02-01', pomAllocatedDate: '2023-03-01', arrivalDate: '2023-03-01' }
    const e = evaluateCase(input, '2023-03-01')
    expect(e.minima[0]).toMatchObject({ rule: 'start_of_custody', required: 3, windowStart: '2023-02-01', dueBy: '2023-04-26', status: 'due' })
    expect(e.minima[2]).toMatchObject({ rule: 'transfer_arrival', required: 1, windowStart: '2023-03-01', status: 'due' })
  })

  it('firstPomAllocatedDate may precede the sentence start (allocated on remand)', () => {
    expect(rule({ ...base, firstPomAllocatedDate: '2022-12-20' }, '2023-01-05', 'start_of_custody')).toMatchObject({ windowStart: '2022-12-20', dueBy: '2023-03-14' })
  })

  it.each([
    ['first allocated the day before comResponsibleDate: applies', '2025-08-20', 3],
    ['first allocated on comResponsibleDate (COM responsible): not applicable', '2025-08-21', 0],
  ])('%s', (_name, firstPomAllocatedDate, required) => {
    expect(rule({ ...base, firstPomAllocatedDate }, '2025-08-20', 'start_of_custody').required).toBe(required)
  })
})
