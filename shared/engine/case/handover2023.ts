// Handover policy 'omic2023': the handover policy in force nationally from April 2023.
// Source: issue 3, "Handover rules, policy 'omic2023'", completed by ../shared/specs/handover-2023.md
// (rule order in its section 3; R1-R5; MPC @7aeb43b9). One handover date used for both fields
// (COM allocation and responsibility coincide in a closed prison) except for an ISP in open
// conditions (spec R4); MAPPA plays a part only in R2, HDC dates none.
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

/**
 * Handover spec R2: "far" = an ISP whose targetHearingDate is strictly more than 12 calendar months
 * after today (a hearing exactly addMonths(today, 12) away is not far; the day after is).
 */
function thdOver12Months(c: ParsedCase, today: number): boolean {
  return !c.determinate && c.thd !== null && c.thd > addMonths(today, 12)
}

/**
 * Handover spec section 3, rules 1 to 6: the cases with no handover dates that come before the
 * release date is even looked at (R1 further ISP, R2 hearing over 12 months away, recall, R3
 * immigration). null when none applies.
 */
function withoutDates2023(c: ParsedCase, today: number): HandoverDays | null {
  // R1: an ISP with a further ISP to serve: POM responsible, whatever else is true.
  if (!c.determinate && c.additionalIsp) return noDates('additional_isp', null)
  if (thdOver12Months(c, today)) {
    const mappa23 = c.mappa === 2 || c.mappa === 3
    // R2a: recalled, MAPPA none/1: POM responsible with the COM supporting (no parole outcome needed).
    if (c.recall && !mappa23) return noDates('recall_thd_over_12_months', null)
    if (c.paroleOutcome === 'not_release') {
      // R2b: parole not granted, MAPPA 2/3: COM responsible (recalled or not).
      if (mappa23) return noDates('parole_mappa_2_3', null)
      // R2c: parole not granted, MAPPA none/1: POM responsible with the COM supporting.
      return noDates('thd_over_12_months', null)
    }
    // Otherwise (spec R2): fall through to recall or the general rules.
  }
  // issue 3, omic2023 (spec section 3 rule 5): recall: COM responsible from the start, no dates.
  if (c.recall) return noDates('recall', null)
  // R3: immigration case: COM responsible, no dates, before every date rule.
  if (c.immigration) return noDates('immigration_case', null)
  return null
}

/**
 * Handover spec R4: an ISP in open conditions is allocated a COM from the open-conditions arrival
 * date when that is earlier than the handover date; the COM is responsible from the handover date
 * either way. Without the date, or for a determinate sentence, both dates are the handover date.
 */
function openAwareHandover(c: ParsedCase, reason: 'early_allocation' | 'indeterminate' | 'indeterminate_open', release: number, handover: number): HandoverDays {
  const arrival = !c.determinate && c.openConditions ? c.openArrival : null
  const alloc = arrival !== null && arrival < handover ? arrival : handover
  return withDates(reason, release, alloc, handover)
}

export function handover2023(c: ParsedCase, today: number): HandoverDays {
  const undated = withoutDates2023(c, today)
  if (undated !== null) return undated
  const release = releaseDate2023(c, today)
  // issue 3, omic2023: no release date: POM responsible, no dates.
  if (release === null) return noDates('release_date_unknown', null)
  // issue 3, omic2023: earlyAllocation: release date minus 15 months (before the 10-month rule);
  // handover spec R4: an ISP in open conditions also gets the arrival start; the reason stays.
  if (c.early) return openAwareHandover(c, 'early_allocation', release, addMonths(release, -15))
  // issue 3, omic2023: indeterminate: release date minus 12 months (no 10-month rule); handover
  // spec R4: reason indeterminate_open when in open conditions (even without the arrival date).
  if (!c.determinate) return openAwareHandover(c, c.openConditions ? 'indeterminate_open' : 'indeterminate', release, addMonths(release, -12))
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
