// Handover policy 'omic2021'. Source: issue 3, "Handover rules, policy 'omic2021'", and seed 003
// standard 4.3.6 (COM allocated 7.5 months and responsible 4.5 months before release; 10 months
// or more to serve at sentence for a handover).
import { describe, expect, it } from 'vitest'
import type { CaseInput } from '../../../../shared/engine/case/index'
import { calculateHandover } from '../../../../shared/engine/case/index'
import { determinate, indeterminate } from './fixtures'

type Row = [name: string, input: CaseInput, today: string, alloc: string | null, resp: string | null, release: string | null, reason: string]

function check(input: CaseInput, today: string, alloc: string | null, resp: string | null, release: string | null, reason: string): void {
  expect(calculateHandover(input, today, 'omic2021')).toEqual({ comAllocatedDate: alloc, comResponsibleDate: resp, releaseDate: release, reason })
}

describe("omic2021 (issue 3): recall and unknown release date", () => {
  it.each<Row>([
    ['recall: COM responsible from the start, no dates', determinate({ recall: true, conditionalReleaseDate: '2025-03-31' }), '2023-01-01', null, null, null, 'recall'],
    ['recall wins over early allocation and MAPPA 3', determinate({ recall: true, earlyAllocation: true, mappaLevel: 3, conditionalReleaseDate: '2025-03-31' }), '2023-01-01', null, null, null, 'recall'],
    ['no release date: POM responsible, no dates', determinate(), '2023-01-01', null, null, null, 'release_date_unknown'],
    ['HDC dates alone are not a release date', determinate({ homeDetentionCurfewEligibilityDate: '2024-01-01' }), '2023-01-01', null, null, null, 'release_date_unknown'],
    ['indeterminate with no tariff, hearing or PED', indeterminate(), '2023-01-01', null, null, null, 'release_date_unknown'],
  ])('%s', (_name, input, today, alloc, resp, release, reason) => check(input, today, alloc, resp, release, reason))
})

describe('omic2021 (issue 3 + seed 003 std 4.3.6): 10 months or less to serve: COM responsible from the start', () => {
  // sentence start 31 Jan 2023 + 10 months = 30 Nov 2023 (clamped from 31 Nov)
  const start = '2023-01-31'
  it.each<Row>([
    ['release the day before start + 10 months', determinate({ sentenceStartDate: start, conditionalReleaseDate: '2023-11-29' }), '2023-02-01', null, null, '2023-11-29', 'less_than_10_months_to_serve'],
    ['release on start + 10 months (30 Nov, clamped) is "10 months or less"', determinate({ sentenceStartDate: start, conditionalReleaseDate: '2023-11-30' }), '2023-02-01', null, null, '2023-11-30', 'less_than_10_months_to_serve'],
    ['release the day after start + 10 months gets handover dates', determinate({ sentenceStartDate: start, conditionalReleaseDate: '2023-12-01' }), '2023-02-01', '2023-04-16', '2023-07-17', '2023-12-01', 'determinate_mappa_1_n'],
    ['release on the sentence start date', determinate({ sentenceStartDate: start, conditionalReleaseDate: start }), '2023-02-01', null, null, start, 'less_than_10_months_to_serve'],
    ['the 10-month rule is checked before early allocation', determinate({ sentenceStartDate: '2023-01-01', conditionalReleaseDate: '2023-09-01', earlyAllocation: true }), '2023-02-01', null, null, '2023-09-01', 'less_than_10_months_to_serve'],
    ['the 10-month rule applies to indeterminate sentences too', indeterminate({ sentenceStartDate: '2023-01-01', tariffDate: '2023-06-01' }), '2023-02-01', null, null, '2023-06-01', 'less_than_10_months_to_serve'],
    ['leap year: 29 Feb 2024 + 10 months = 29 Dec 2024', determinate({ sentenceStartDate: '2024-02-29', conditionalReleaseDate: '2024-12-29' }), '2024-03-01', null, null, '2024-12-29', 'less_than_10_months_to_serve'],
  ])('%s', (_name, input, today, alloc, resp, release, reason) => check(input, today, alloc, resp, release, reason))
})

describe('omic2021 (issue 3): early allocation, indeterminate and parole cases', () => {
  it.each<Row>([
    ['earlyAllocation: both dates = release minus 15 months', determinate({ earlyAllocation: true, conditionalReleaseDate: '2025-03-31' }), '2023-01-01', '2023-12-31', '2023-12-31', '2025-03-31', 'early_allocation'],
    ['earlyAllocation uses the PED as release date when present', determinate({ earlyAllocation: true, paroleEligibilityDate: '2024-05-31', conditionalReleaseDate: '2025-03-31' }), '2023-01-01', '2023-02-28', '2023-02-28', '2024-05-31', 'early_allocation'],
    ['indeterminate: tariff after today, both dates = tariff minus 8 months', indeterminate({ tariffDate: '2024-08-31' }), '2023-01-01', '2023-12-31', '2023-12-31', '2024-08-31', 'indeterminate'],
    ['indeterminate: tariff minus 8 months clamps (31 Oct 2024 -> 29 Feb 2024)', indeterminate({ tariffDate: '2024-10-31' }), '2023-01-01', '2024-02-29', '2024-02-29', '2024-10-31', 'indeterminate'],
    ['indeterminate: tariff the day after today is still used', indeterminate({ tariffDate: '2023-01-02', targetHearingDate: '2023-06-30' }), '2023-01-01', '2022-05-02', '2022-05-02', '2023-01-02', 'indeterminate'],
    ['indeterminate: tariff on today is not "after today": earliest hearing/PED on or after today', indeterminate({ tariffDate: '2023-01-01', targetHearingDate: '2023-06-30' }), '2023-01-01', '2022-10-30', '2022-10-30', '2023-06-30', 'indeterminate'],
    ['indeterminate: tariff passed: the earlier of hearing and PED (PED here)', indeterminate({ tariffDate: '2022-06-01', targetHearingDate: '2023-03-31', paroleEligibilityDate: '2023-02-15' }), '2023-01-01', '2022-06-15', '2022-06-15', '2023-02-15', 'indeterminate'],
    ['indeterminate: tariff passed: a hearing on today counts ("on or after today")', indeterminate({ tariffDate: '2022-06-01', targetHearingDate: '2023-01-01' }), '2023-01-01', '2022-05-01', '2022-05-01', '2023-01-01', 'indeterminate'],
    ['indeterminate: tariff passed: a hearing the day before today does not count, PED later does', indeterminate({ tariffDate: '2022-06-01', targetHearingDate: '2022-12-31', paroleEligibilityDate: '2023-09-30' }), '2023-01-01', '2023-01-30', '2023-01-30', '2023-09-30', 'indeterminate'],
    ['indeterminate: tariff and hearing passed, no PED: release unknown', indeterminate({ tariffDate: '2022-06-01', targetHearingDate: '2022-12-31' }), '2023-01-01', null, null, null, 'release_date_unknown'],
    ['determinate with PED: both dates = PED minus 8 months (31 Oct -> 28 Feb clamped)', determinate({ sentenceStartDate: '2020-01-15', paroleEligibilityDate: '2023-10-31', conditionalReleaseDate: '2025-01-15' }), '2023-01-01', '2023-02-28', '2023-02-28', '2023-10-31', 'determinate_parole'],
    ['determinate with PED: MAPPA and HDC dates play no part', determinate({ sentenceStartDate: '2020-01-15', paroleEligibilityDate: '2023-10-31', mappaLevel: 3, homeDetentionCurfewActualDate: '2023-09-01' }), '2023-01-01', '2023-02-28', '2023-02-28', '2023-10-31', 'determinate_parole'],
  ])('%s', (_name, input, today, alloc, resp, release, reason) => check(input, today, alloc, resp, release, reason))
})

describe('omic2021 (issue 3 + seed 003 std 4.3.6): other determinate, MAPPA level 0, 1 or unknown', () => {
  // CRD 31 Mar 2025: 7 months 15 days before = 16 Aug 2024; 4 months 15 days before = 15 Nov 2024
  const crd = '2025-03-31'
  it.each<Row>([
    ['allocated 7.5 months, responsible 4.5 months before CRD (MAPPA unknown)', determinate({ conditionalReleaseDate: crd }), '2023-01-01', '2024-08-16', '2024-11-15', crd, 'determinate_mappa_1_n'],
    ['MAPPA 0 is the same', determinate({ conditionalReleaseDate: crd, mappaLevel: 0 }), '2023-01-01', '2024-08-16', '2024-11-15', crd, 'determinate_mappa_1_n'],
    ['MAPPA 1 is the same', determinate({ conditionalReleaseDate: crd, mappaLevel: 1 }), '2023-01-01', '2024-08-16', '2024-11-15', crd, 'determinate_mappa_1_n'],
    ['MAPPA null is the same', determinate({ conditionalReleaseDate: crd, mappaLevel: null }), '2023-01-01', '2024-08-16', '2024-11-15', crd, 'determinate_mappa_1_n'],
    ['the earlier of CRD and ARD is the release date (ARD earlier)', determinate({ conditionalReleaseDate: '2025-05-01', automaticReleaseDate: crd }), '2023-01-01', '2024-08-16', '2024-11-15', crd, 'determinate_mappa_1_n'],
    ['ARD alone is a release date', determinate({ automaticReleaseDate: crd }), '2023-01-01', '2024-08-16', '2024-11-15', crd, 'determinate_mappa_1_n'],
    ['HDC eligibility earlier than the 4.5-month date: COM responsible at HDCED', determinate({ conditionalReleaseDate: crd, homeDetentionCurfewEligibilityDate: '2024-10-01' }), '2023-01-01', '2024-08-16', '2024-10-01', crd, 'determinate_mappa_1_n'],
    ['HDCED the day before the 4.5-month date wins', determinate({ conditionalReleaseDate: crd, homeDetentionCurfewEligibilityDate: '2024-11-14' }), '2023-01-01', '2024-08-16', '2024-11-14', crd, 'determinate_mappa_1_n'],
    ['HDCED on the 4.5-month date: same date', determinate({ conditionalReleaseDate: crd, homeDetentionCurfewEligibilityDate: '2024-11-15' }), '2023-01-01', '2024-08-16', '2024-11-15', crd, 'determinate_mappa_1_n'],
    ['HDCED after the 4.5-month date: the 4.5-month date', determinate({ conditionalReleaseDate: crd, homeDetentionCurfewEligibilityDate: '2024-11-16' }), '2023-01-01', '2024-08-16', '2024-11-15', crd, 'determinate_mappa_1_n'],
    ['HDC actual date takes precedence over the 4.5-month date and HDCED', determinate({ conditionalReleaseDate: crd, homeDetentionCurfewEligibilityDate: '2024-10-01', homeDetentionCurfewActualDate: '2024-12-20' }), '2023-01-01', '2024-08-16', '2024-12-20', crd, 'determinate_mappa_1_n'],
    ['HDCED before the allocation date: responsible date moved to the allocation date', determinate({ conditionalReleaseDate: crd, homeDetentionCurfewEligibilityDate: '2024-08-01' }), '2023-01-01', '2024-08-16', '2024-08-16', crd, 'determinate_mappa_1_n'],
    ['HDC actual the day before allocation: moved to the allocation date', determinate({ conditionalReleaseDate: crd, homeDetentionCurfewActualDate: '2024-08-15' }), '2023-01-01', '2024-08-16', '2024-08-16', crd, 'determinate_mappa_1_n'],
    ['month-end clamping: CRD 30 Sep 2024 -> 29 Feb 2024 - 15 days; 30 May 2024 - 15 days', determinate({ conditionalReleaseDate: '2024-09-30' }), '2023-01-01', '2024-02-14', '2024-05-15', '2024-09-30', 'determinate_mappa_1_n'],
    ['month-end clamping, common year: CRD 30 Sep 2023 -> 28 Feb 2023 - 15 days', determinate({ conditionalReleaseDate: '2023-09-30' }), '2023-01-01', '2023-02-13', '2023-05-15', '2023-09-30', 'determinate_mappa_1_n'],
    ['dates across the BST/GMT changes are plain calendar dates (CRD 10 Nov 2025 in GMT, allocation 26 Mar 2025 in GMT, responsible 25 Jun 2025 in BST)', determinate({ conditionalReleaseDate: '2025-11-10' }), '2023-01-01', '2025-03-26', '2025-06-25', '2025-11-10', 'determinate_mappa_1_n'],
  ])('%s', (_name, input, today, alloc, resp, release, reason) => check(input, today, alloc, resp, release, reason))

  it('does not depend on today (MAPPA 1)', () => {
    const input = determinate({ conditionalReleaseDate: crd, mappaLevel: 1 })
    const a = calculateHandover(input, '2022-02-01', 'omic2021')
    expect(calculateHandover(input, '2024-09-01', 'omic2021')).toEqual(a)
    expect(calculateHandover(input, '2030-01-01', 'omic2021')).toEqual(a)
  })
})

describe('omic2021 (issue 3): other determinate, MAPPA level 2 or 3: COM responsible on the later of today and the 7.5-month date', () => {
  // Reading (documented in handover2021.ts): the rule is applied literally, so once the 7.5-month
  // date (16 Aug 2024) has passed, comResponsibleDate is today and moves with it.
  const crd = '2025-03-31'
  it.each<Row>([
    ['MAPPA 2, today long before the 7.5-month date: responsible on the 7.5-month date', determinate({ conditionalReleaseDate: crd, mappaLevel: 2 }), '2023-01-01', '2024-08-16', '2024-08-16', crd, 'determinate_mappa_2_3'],
    ['MAPPA 3, today the day before the 7.5-month date', determinate({ conditionalReleaseDate: crd, mappaLevel: 3 }), '2024-08-15', '2024-08-16', '2024-08-16', crd, 'determinate_mappa_2_3'],
    ['MAPPA 3, today on the 7.5-month date', determinate({ conditionalReleaseDate: crd, mappaLevel: 3 }), '2024-08-16', '2024-08-16', '2024-08-16', crd, 'determinate_mappa_2_3'],
    ['MAPPA 3, today the day after: responsible today', determinate({ conditionalReleaseDate: crd, mappaLevel: 3 }), '2024-08-17', '2024-08-16', '2024-08-17', crd, 'determinate_mappa_2_3'],
    ['MAPPA 2, today months later: responsible today', determinate({ conditionalReleaseDate: crd, mappaLevel: 2 }), '2025-01-20', '2024-08-16', '2025-01-20', crd, 'determinate_mappa_2_3'],
    ['MAPPA 3: HDC dates play no part', determinate({ conditionalReleaseDate: crd, mappaLevel: 3, homeDetentionCurfewActualDate: '2024-12-01' }), '2023-01-01', '2024-08-16', '2024-08-16', crd, 'determinate_mappa_2_3'],
  ])('%s', (_name, input, today, alloc, resp, release, reason) => check(input, today, alloc, resp, release, reason))
})

describe('omic2021 is the default policy (issue 3: "The default policy is \'omic2021\'")', () => {
  it('calculateHandover without a policy equals omic2021', () => {
    const input = determinate({ conditionalReleaseDate: '2025-03-31', homeDetentionCurfewEligibilityDate: '2024-10-01' })
    expect(calculateHandover(input, '2023-01-01')).toEqual(calculateHandover(input, '2023-01-01', 'omic2021'))
    expect(calculateHandover(input, '2023-01-01')).not.toEqual(calculateHandover(input, '2023-01-01', 'omic2023'))
  })
})
