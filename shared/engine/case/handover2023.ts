// Handover policy 'omic2023': the handover policy in force nationally from April 2023.
// Source: issue 3, "Handover rules, policy 'omic2023'". One handover date used for both fields
// (COM allocation and responsibility coincide in a closed prison); MAPPA and HDC dates play no part.
import { addMonths, monthsDaysBefore } from './dates'
import type { HandoverDays } from './handoverDays'
import { noDates, withDates } from './handoverDays'
import type { ParsedCase } from './input'
import { earlier } from './input'

/**
 * issue 3, omic2023 release date: determinate: PED if present, else the earlier of CRD / ARD.
 * Indeterminate: tariffDate if after today, else targetHearingDate if after today, else whichever
 * of tariffDate / targetHearingDate is nearer to today (a tie goes to tariffDate); the PED is not
 * used for indeterminate sentences.
 */
export function releaseDate2023(c: ParsedCase, today: number): number | null {
  if (c.determinate) return c.ped ?? earlier(c.crd, c.ard)
  const { tariff, thd } = c
  if (tariff !== null && tariff > today) return tariff
  if (thd !== null && thd > today) return thd
  if (tariff === null) return thd
  if (thd === null) return tariff
  // Both are on or before today here, so "nearer to today" is the later one; a tie goes to tariff.
  return today - thd < today - tariff ? thd : tariff
}

export function handover2023(c: ParsedCase, today: number): HandoverDays {
  // issue 3, omic2023: recall: COM responsible from the start, no dates.
  if (c.recall) return noDates('recall', null)
  const release = releaseDate2023(c, today)
  // issue 3, omic2023: no release date: POM responsible, no dates.
  if (release === null) return noDates('release_date_unknown', null)
  // issue 3, omic2023: earlyAllocation: release date minus 15 months (before the 10-month rule).
  if (c.early) {
    const d = addMonths(release, -15)
    return withDates('early_allocation', release, d, d)
  }
  // issue 3, omic2023: indeterminate: release date minus 12 months (no 10-month rule).
  if (!c.determinate) {
    const d = addMonths(release, -12)
    return withDates('indeterminate', release, d, d)
  }
  // issue 3, omic2023: determinate with release on or before sentenceStartDate + 10 months: COM from the start.
  if (release <= addMonths(c.start, 10)) return noDates('less_than_10_months_to_serve', release)
  // issue 3, omic2023: determinate with PED: PED minus 12 months.
  if (c.ped !== null) {
    const d = addMonths(c.ped, -12)
    return withDates('determinate_parole', release, d, d)
  }
  // issue 3, omic2023: other determinate: earliest CRD / ARD minus 8 months 14 days.
  const d = monthsDaysBefore(release, 8, 14)
  return withDates('determinate', release, d, d)
}
