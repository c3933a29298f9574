// Handover reasons in words for the screens. The engine's reason reaches the renderer as a plain
// string (the IPC contract's handover.reason), so an unknown code is shown as it is rather than hidden.
import type { HandoverReason, Responsibility } from '../../../shared/engine/index'
import { HANDOVER_REASONS } from './labels'

function isHandoverReason(reason: string): reason is HandoverReason {
  return Object.hasOwn(HANDOVER_REASONS, reason)
}

/** The label of a handover reason (handover spec section 2 for the omic2023 ones). */
export function handoverReasonLabel(reason: string): string {
  return isHandoverReason(reason) ? HANDOVER_REASONS[reason] : reason
}

/**
 * Why a case has no handover dates, as the second half of "COM responsible: parole not granted,
 * MAPPA 2/3" (issue 20). The dated reasons never come without dates from the engine; they are
 * here so that the list stays exhaustive.
 */
const WHY_NO_DATES: Record<HandoverReason, string> = {
  recall: 'recall',
  less_than_10_months_to_serve: '10 months or less to serve',
  release_date_unknown: 'no release date yet',
  additional_isp: 'additional ISP',
  recall_thd_over_12_months: 'recall, next parole hearing more than 12 months away',
  thd_over_12_months: 'next parole hearing more than 12 months away',
  parole_mappa_2_3: 'parole not granted, MAPPA 2/3',
  immigration_case: 'immigration case',
  early_allocation: 'early allocation',
  indeterminate: 'indeterminate sentence',
  indeterminate_open: 'indeterminate, open conditions',
  determinate_parole: 'determinate with a parole eligibility date',
  determinate_mappa_2_3: 'determinate, MAPPA level 2 or 3',
  determinate_mappa_1_n: 'determinate, MAPPA level 0, 1 or not known',
  determinate: 'determinate sentence',
}

/** Who is responsible, in the words of handover spec R2 ("POM responsible with the COM supporting"). */
const WHO_IS_RESPONSIBLE: Record<Responsibility, string> = {
  pom: 'POM responsible',
  pom_with_com: 'POM responsible, COM supporting',
  com: 'COM responsible',
}

/**
 * A no-dates handover result explained in plain words, e.g. "COM responsible: parole not granted,
 * MAPPA 2/3". For such a result responsibility never depends on the date (handover spec R5), so
 * the responsibility on today is the one to state.
 */
export function noHandoverDatesText(responsibility: Responsibility, reason: string): string {
  return `${WHO_IS_RESPONSIBLE[responsibility]}: ${isHandoverReason(reason) ? WHY_NO_DATES[reason] : reason}`
}
