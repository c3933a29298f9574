// Words shown for the engine's codes. Status is always shown as text (with colour only as a second cue).
import type { HandoverReason } from '../../../shared/engine/index'
import type { PRISONER_STATUSES, ROSH_LEVELS, SecurityCategory, SENTENCE_TYPES } from '../../../shared/ipc/values'

export const RESPONSIBILITY_LABELS = { pom: 'POM', pom_with_com: 'POM with COM', com: 'COM' } as const

// issue 16: "missed" is history (unmet, past the due date by more than the overdue period): shown
// muted, never in the worklists' red.
export const STATUS_LABELS = { overdue: 'Overdue', due: 'Due', met: 'Met', missed: 'Missed', not_applicable: 'Not applicable' } as const
export const STATUS_COLOURS = { overdue: 'red', due: 'yellow', met: 'teal', missed: 'gray', not_applicable: 'gray' } as const
/**
 * Issue 16 ("missed leaves ... the case's headline status"): a case's headline status
 * (electron/services/caseload/verdict.ts worstStatus) is never missed; a case with nothing open or
 * met reads "No minimum due". The caseload's status column and filter use these words.
 */
export const HEADLINE_LABELS = { overdue: 'Overdue', due: 'Due', met: 'Met', not_applicable: 'No minimum due' } as const
/** A headline from an older saved row that still says missed reads as no minimum due. */
export function headlineLabel(status: keyof typeof STATUS_LABELS): string {
  return status === 'missed' ? HEADLINE_LABELS.not_applicable : HEADLINE_LABELS[status]
}

export const RULE_LABELS = {
  start_of_custody: 'Start of custody: 3 in-person sessions within 12 weeks of allocation',
  pre_handover: 'Pre-handover sessions before the COM is allocated',
  transfer_arrival: 'In-person session within 14 working days of arrival',
} as const

export const RULE_SHORT = { start_of_custody: 'Start of custody', pre_handover: 'Pre-handover', transfer_arrival: 'Transfer arrival' } as const

export const COHORT_LABELS: Record<string, string> = {
  newly_sentenced_indeterminate: 'Newly sentenced indeterminate',
  handover_period: 'Handover period',
  approaching_parole: 'Approaching parole',
  early_allocation: 'Early allocation / TACT',
  care_experienced: 'Care experienced',
  young_adult: 'Young adult',
  key_worker_priority: 'Key worker priority',
}

/** Every handover reason code, in words (exhaustive, so a new engine reason cannot go unlabelled). */
export const HANDOVER_REASONS: Record<HandoverReason, string> = {
  recall: 'Recall: COM responsible from the start',
  less_than_10_months_to_serve: '10 months or less to serve: COM responsible from the start',
  release_date_unknown: 'No release date yet: POM responsible',
  early_allocation: 'Early allocation: 15 months before release',
  indeterminate: 'Indeterminate sentence',
  determinate_parole: 'Determinate with a parole eligibility date',
  determinate_mappa_2_3: 'Determinate, MAPPA level 2 or 3',
  determinate_mappa_1_n: 'Determinate, MAPPA level 0, 1 or not known',
  determinate: 'Determinate sentence',
  // omic2023, ../shared/specs/handover-2023.md section 2 (labels as the spec gives them).
  additional_isp: 'Additional ISP: POM responsible',
  recall_thd_over_12_months: 'Recall, next parole hearing more than 12 months away',
  thd_over_12_months: 'Next parole hearing more than 12 months away',
  parole_mappa_2_3: 'Parole not granted and MAPPA 2/3',
  immigration_case: 'Immigration case',
  indeterminate_open: 'Indeterminate, open conditions',
}

export const MODE_LABELS = {
  wing_interview_room: 'Face to face (wing interview room)',
  video: 'Video',
  in_cell_telephony: 'In-cell telephony',
  duty_pom: 'Duty POM (face to face)',
  other: 'Other',
} as const

export const ROLE_LABELS = { prison_pom: 'Prison POM', probation_pom: 'Probation POM', homd: 'HOMD', homs: 'HOMS', governor: 'Governor' } as const

// Values in sentence case (issue 16: "Very high", "Determinate", "In custody"), never the code.
export const SENTENCE_TYPE_LABELS = { determinate: 'Determinate', indeterminate: 'Indeterminate' } as const satisfies Record<(typeof SENTENCE_TYPES)[number], string>
export const ROSH_LABELS = { low: 'Low', medium: 'Medium', high: 'High', very_high: 'Very high' } as const satisfies Record<(typeof ROSH_LEVELS)[number], string>
export const PRISONER_STATUS_LABELS = { in_custody: 'In custody', released: 'Released', transferred_out: 'Transferred out' } as const satisfies Record<(typeof PRISONER_STATUSES)[number], string>
/** Issue 16: security categories (shared/ipc/values.ts SECURITY_CATEGORIES), as the header and form show them. */
export const SECURITY_CATEGORY_LABELS = {
  A: 'Category A',
  B: 'Category B',
  C: 'Category C',
  D: 'Category D (open)',
  yoi_restricted: 'YOI restricted',
  yoi_closed: 'YOI closed',
  yoi_open: 'YOI open',
  female_restricted: 'Women’s restricted',
  female_closed: 'Women’s closed',
  female_semi_open: 'Women’s semi-open',
  female_open: 'Women’s open',
} as const satisfies Record<SecurityCategory, string>

/** Parole review outcomes (issues 17 and 20), sentence case: shared with the subject access disclosure. */
export { PAROLE_OUTCOME_LABELS } from '../../../shared/export/caseFactLabels'
