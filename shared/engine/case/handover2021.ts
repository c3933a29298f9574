// Handover policy 'omic2021': National Standards 2021 and OMiC as applied nationally 2021-22.
// Source: issue 3, "Handover rules, policy 'omic2021'"; seed 003 standard 4.3.6 ("handover and
// allocation to a COM will occur at 7.5 months pre-release and become responsible for case
// management at 4.5 months pre-release"; "10 months or more left to serve at the point of sentence").
import { addMonths, monthsDaysBefore } from './dates'
import type { HandoverDays } from './handoverDays'
import { noDates, withDates } from './handoverDays'
import type { ParsedCase } from './input'
import { earlier } from './input'

/**
 * issue 3, omic2021 release date: determinate: paroleEligibilityDate if present, else the earlier
 * of CRD / ARD. Indeterminate: tariffDate if it is after today, else the earliest of
 * targetHearingDate / paroleEligibilityDate that is on or after today.
 */
export function releaseDate2021(c: ParsedCase, today: number): number | null {
  if (c.determinate) return c.ped ?? earlier(c.crd, c.ard)
  if (c.tariff !== null && c.tariff > today) return c.tariff
  const thd = c.thd !== null && c.thd >= today ? c.thd : null
  const ped = c.ped !== null && c.ped >= today ? c.ped : null
  return earlier(thd, ped)
}

export function handover2021(c: ParsedCase, today: number): HandoverDays {
  // issue 3, omic2021: recall: COM responsible from the start, no dates.
  if (c.recall) return noDates('recall', null)
  const release = releaseDate2021(c, today)
  // issue 3, omic2021: no release date: POM responsible, no dates.
  if (release === null) return noDates('release_date_unknown', null)
  // issue 3 + seed 003 std 4.3.6: release on or before sentenceStartDate + 10 months: COM from the start.
  if (release <= addMonths(c.start, 10)) return noDates('less_than_10_months_to_serve', release)
  // issue 3, omic2021: earlyAllocation: both dates = release date minus 15 months.
  if (c.early) {
    const d = addMonths(release, -15)
    return withDates('early_allocation', release, d, d)
  }
  // issue 3, omic2021: indeterminate: both dates = release date minus 8 months.
  if (!c.determinate) {
    const d = addMonths(release, -8)
    return withDates('indeterminate', release, d, d)
  }
  // issue 3, omic2021: determinate with PED: both dates = PED minus 8 months (release is the PED).
  if (c.ped !== null) {
    const d = addMonths(c.ped, -8)
    return withDates('determinate_parole', release, d, d)
  }
  // issue 3, omic2021 + seed 003 std 4.3.6: other determinate: COM allocated 7.5 months
  // (7 months 15 days) before the earliest CRD/ARD.
  const alloc = monthsDaysBefore(release, 7, 15)
  if (c.mappa === 2 || c.mappa === 3) {
    // issue 3, omic2021: MAPPA 2/3: COM responsible on the later of today and the 7.5-month date.
    // Reading (documented choice): this follows the rule literally, so once the 7.5-month date has
    // passed comResponsibleDate is `today` and moves with it; responsibility on `today` is then
    // 'com', never 'pom_with_com'. Before the 7.5-month date the result does not depend on today.
    return withDates('determinate_mappa_2_3', release, alloc, today > alloc ? today : alloc)
  }
  // issue 3, omic2021: MAPPA 0, 1 or unknown: HDC actual date if present, else the earlier of the
  // 4.5-month date (4 months 15 days, seed 003 std 4.3.6) and the HDC eligibility date.
  const resp = c.hdcad ?? (earlier(monthsDaysBefore(release, 4, 15), c.hdced) as number)
  return withDates('determinate_mappa_1_n', release, alloc, resp)
}
