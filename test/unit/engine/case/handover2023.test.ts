// Handover policy 'omic2023'. Source: issue 3, "Handover rules, policy 'omic2023'" (one handover
// date for both fields; MAPPA level and HDC dates play no part).
import { describe, expect, it } from 'vitest'
import type { CaseInput } from '../../../../shared/engine/case/index'
import { calculateHandover } from '../../../../shared/engine/case/index'
import { determinate, indeterminate } from './fixtures'

type Row = [name: string, input: CaseInput, today: string, handover: string | null, release: string | null, reason: string]

function check(input: CaseInput, today: string, handover: string | null, release: string | null, reason: string): void {
  expect(calculateHandover(input, today, 'omic2023')).toEqual({ comAllocatedDate: handover, comResponsibleDate: handover, releaseDate: release, reason })
}

describe('omic2023 (issue 3): rules in order', () => {
  it.each<Row>([
    ['recall: COM responsible from the start, no dates', determinate({ recall: true, conditionalReleaseDate: '2025-03-31' }), '2023-06-01', null, null, 'recall'],
    ['no release date: POM responsible, no dates', determinate(), '2023-06-01', null, null, 'release_date_unknown'],
    ['other determinate: CRD minus 8 months 14 days', determinate({ conditionalReleaseDate: '2025-03-31' }), '2023-06-01', '2024-07-17', '2025-03-31', 'determinate'],
    ['other determinate: the earlier of CRD and ARD', determinate({ conditionalReleaseDate: '2025-06-30', automaticReleaseDate: '2025-03-31' }), '2023-06-01', '2024-07-17', '2025-03-31', 'determinate'],
    ['other determinate: MAPPA 3 and HDC dates play no part', determinate({ conditionalReleaseDate: '2025-03-31', mappaLevel: 3, homeDetentionCurfewEligibilityDate: '2024-12-01', homeDetentionCurfewActualDate: '2024-12-15' }), '2023-06-01', '2024-07-17', '2025-03-31', 'determinate'],
    ['other determinate: month-end clamping (30 Oct 2024 - 8 months = 29 Feb 2024, - 14 days)', determinate({ conditionalReleaseDate: '2024-10-30' }), '2023-06-01', '2024-02-15', '2024-10-30', 'determinate'],
    ['determinate with PED: PED minus 12 months', determinate({ sentenceStartDate: '2020-01-15', paroleEligibilityDate: '2023-10-31', conditionalReleaseDate: '2025-01-15' }), '2022-01-01', '2022-10-31', '2023-10-31', 'determinate_parole'],
    ['determinate with PED on 29 Feb: minus 12 months clamps to 28 Feb', determinate({ sentenceStartDate: '2020-01-15', paroleEligibilityDate: '2024-02-29' }), '2022-01-01', '2023-02-28', '2024-02-29', 'determinate_parole'],
    ['earlyAllocation: release minus 15 months', determinate({ earlyAllocation: true, conditionalReleaseDate: '2025-03-31' }), '2023-06-01', '2023-12-31', '2025-03-31', 'early_allocation'],
    ['earlyAllocation is checked before the 10-month rule (handover may precede the sentence)', determinate({ sentenceStartDate: '2023-01-01', earlyAllocation: true, conditionalReleaseDate: '2023-09-01' }), '2023-02-01', '2022-06-01', '2023-09-01', 'early_allocation'],
    ['indeterminate: release minus 12 months, and no 10-month rule', indeterminate({ sentenceStartDate: '2023-01-01', tariffDate: '2023-06-01' }), '2023-02-01', '2022-06-01', '2023-06-01', 'indeterminate'],
  ])('%s', (_name, input, today, handover, release, reason) => check(input, today, handover, release, reason))
})

describe('omic2023 (issue 3): determinate with 10 months or less to serve: COM responsible from the start', () => {
  const start = '2023-01-31' // + 10 months = 30 Nov 2023 (clamped)
  it.each<Row>([
    ['release the day before start + 10 months', determinate({ sentenceStartDate: start, conditionalReleaseDate: '2023-11-29' }), '2023-02-01', null, '2023-11-29', 'less_than_10_months_to_serve'],
    ['release on start + 10 months', determinate({ sentenceStartDate: start, conditionalReleaseDate: '2023-11-30' }), '2023-02-01', null, '2023-11-30', 'less_than_10_months_to_serve'],
    ['release the day after start + 10 months: handover date 8 months 14 days before', determinate({ sentenceStartDate: start, conditionalReleaseDate: '2023-12-01' }), '2023-02-01', '2023-03-18', '2023-12-01', 'determinate'],
    ['PED within 10 months of start', determinate({ sentenceStartDate: start, paroleEligibilityDate: '2023-10-01', conditionalReleaseDate: '2025-01-31' }), '2023-02-01', null, '2023-10-01', 'less_than_10_months_to_serve'],
  ])('%s', (_name, input, today, handover, release, reason) => check(input, today, handover, release, reason))
})

describe('omic2023 (issue 3): indeterminate release date', () => {
  it.each<Row>([
    ['tariff after today is used', indeterminate({ tariffDate: '2024-08-31', targetHearingDate: '2024-01-31' }), '2023-06-01', '2023-08-31', '2024-08-31', 'indeterminate'],
    ['tariff on today is not "after today": a hearing after today is used', indeterminate({ tariffDate: '2023-06-01', targetHearingDate: '2024-01-31' }), '2023-06-01', '2023-01-31', '2024-01-31', 'indeterminate'],
    ['tariff passed, hearing the day after today', indeterminate({ tariffDate: '2022-06-01', targetHearingDate: '2023-06-02' }), '2023-06-01', '2022-06-02', '2023-06-02', 'indeterminate'],
    ['both passed: the one nearer to today (hearing)', indeterminate({ tariffDate: '2022-06-01', targetHearingDate: '2023-03-31' }), '2023-06-01', '2022-03-31', '2023-03-31', 'indeterminate'],
    ['both passed: the one nearer to today (tariff)', indeterminate({ tariffDate: '2023-05-01', targetHearingDate: '2022-12-01' }), '2023-06-01', '2022-05-01', '2023-05-01', 'indeterminate'],
    ['hearing on today is not "after today": nearer of the two (hearing, distance 0)', indeterminate({ tariffDate: '2022-06-01', targetHearingDate: '2023-06-01' }), '2023-06-01', '2022-06-01', '2023-06-01', 'indeterminate'],
    ['a tie goes to the tariff date', indeterminate({ tariffDate: '2023-03-01', targetHearingDate: '2023-03-01' }), '2023-06-01', '2022-03-01', '2023-03-01', 'indeterminate'],
    ['tariff passed, no hearing: the tariff', indeterminate({ tariffDate: '2022-06-01' }), '2023-06-01', '2021-06-01', '2022-06-01', 'indeterminate'],
    ['no tariff, hearing passed: the hearing', indeterminate({ targetHearingDate: '2022-06-01' }), '2023-06-01', '2021-06-01', '2022-06-01', 'indeterminate'],
    ['the PED is not used for indeterminate sentences', indeterminate({ paroleEligibilityDate: '2024-06-01' }), '2023-06-01', null, null, 'release_date_unknown'],
    ['the PED is ignored even with a tariff', indeterminate({ tariffDate: '2024-08-31', paroleEligibilityDate: '2024-01-01' }), '2023-06-01', '2023-08-31', '2024-08-31', 'indeterminate'],
    ['early allocation indeterminate: release minus 15 months', indeterminate({ tariffDate: '2024-08-31', earlyAllocation: true }), '2023-06-01', '2023-05-31', '2024-08-31', 'early_allocation'],
  ])('%s', (_name, input, today, handover, release, reason) => check(input, today, handover, release, reason))
})

// Handover spec (../shared/specs/handover-2023.md) section 5: this no longer holds for an ISP in
// open conditions (R4) or a hearing over 12 months away (R2); handover2023Spec.test.ts covers those.
describe("omic2023 outside open conditions never yields 'pom_with_com' from dates (issue 3: allocation and responsibility coincide)", () => {
  it('comAllocatedDate equals comResponsibleDate when the new fields are at their defaults', () => {
    for (const input of [
      determinate({ conditionalReleaseDate: '2025-03-31', homeDetentionCurfewEligibilityDate: '2024-09-01' }),
      determinate({ conditionalReleaseDate: '2025-03-31', mappaLevel: 2 }),
      indeterminate({ tariffDate: '2024-08-31' }),
    ]) {
      const h = calculateHandover(input, '2023-06-01', 'omic2023')
      expect(h.comAllocatedDate).not.toBeNull()
      expect(h.comResponsibleDate).toBe(h.comAllocatedDate)
    }
  })
})
