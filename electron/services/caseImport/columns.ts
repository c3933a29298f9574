import type { ImportKind } from '../../../shared/ipc/channels/caseImport'

// The documented CSV layouts (README "CSV import"). Header names are matched case-insensitively,
// ignoring spaces and underscores' difference; order does not matter.

export type ColumnType = 'text' | 'date' | 'boolean' | 'integer'

export interface Column {
  header: string
  /** The field of the channel input it fills. */
  field: string
  type: ColumnType
  required: boolean
  example: string
  help: string
}

export const PRISONER_COLUMNS: readonly Column[] = [
  { header: 'prison_number', field: 'prisonNumber', type: 'text', required: true, example: 'A1234BC', help: 'NOMIS prison number' },
  { header: 'first_name', field: 'firstName', type: 'text', required: true, example: 'Alex', help: '' },
  { header: 'last_name', field: 'lastName', type: 'text', required: true, example: 'Example', help: '' },
  { header: 'date_of_birth', field: 'dateOfBirth', type: 'date', required: true, example: '01/04/1990', help: 'dd/mm/yyyy' },
  { header: 'sentence_type', field: 'sentenceType', type: 'text', required: true, example: 'determinate', help: 'determinate or indeterminate' },
  { header: 'sentence_start_date', field: 'sentenceStartDate', type: 'date', required: true, example: '02/06/2025', help: '' },
  { header: 'crd', field: 'conditionalReleaseDate', type: 'date', required: false, example: '01/12/2027', help: 'Conditional release date' },
  { header: 'ard', field: 'automaticReleaseDate', type: 'date', required: false, example: '', help: 'Automatic release date' },
  { header: 'ped', field: 'paroleEligibilityDate', type: 'date', required: false, example: '', help: 'Parole eligibility date' },
  { header: 'ted', field: 'tariffDate', type: 'date', required: false, example: '', help: 'Tariff (expiry) date, indeterminate' },
  { header: 'thd', field: 'targetHearingDate', type: 'date', required: false, example: '', help: 'Target hearing date, indeterminate' },
  { header: 'hdced', field: 'homeDetentionCurfewEligibilityDate', type: 'date', required: false, example: '', help: 'HDC eligibility date' },
  { header: 'hdcad', field: 'homeDetentionCurfewActualDate', type: 'date', required: false, example: '', help: 'HDC approved date' },
  { header: 'mappa_level', field: 'mappaLevel', type: 'integer', required: false, example: '1', help: '0 to 3, blank if not known' },
  { header: 'early_allocation', field: 'earlyAllocation', type: 'boolean', required: false, example: 'no', help: 'yes or no' },
  { header: 'recall', field: 'recall', type: 'boolean', required: false, example: 'no', help: 'yes or no' },
  { header: 'tier', field: 'tier', type: 'text', required: false, example: 'B2', help: 'A0 to D3' },
  { header: 'rosh', field: 'roshLevel', type: 'text', required: false, example: 'medium', help: 'low, medium, high or very_high' },
  { header: 'care_experienced', field: 'careExperienced', type: 'boolean', required: false, example: 'no', help: 'yes or no' },
  { header: 'tact', field: 'tact', type: 'boolean', required: false, example: 'no', help: 'yes or no' },
  { header: 'key_worker_priority', field: 'keyWorkerPriority', type: 'boolean', required: false, example: 'no', help: 'yes or no' },
  { header: 'arrival_date', field: 'arrivalDate', type: 'date', required: false, example: '', help: 'Arrival here on transfer' },
  { header: 'status', field: 'status', type: 'text', required: false, example: 'in_custody', help: 'in_custody, released or transferred_out' },
  // Issue 20 (../shared/specs/handover-2023.md section 1): the facts the omic2023 rules R1, R3 and R4 read.
  { header: 'open_conditions', field: 'openConditions', type: 'boolean', required: false, example: 'no', help: 'yes or no: in open conditions' },
  { header: 'open_conditions_date', field: 'openConditionsArrivalDate', type: 'date', required: false, example: '', help: 'Arrival in open conditions (men) or category made open (women)' },
  { header: 'immigration_case', field: 'immigrationCase', type: 'boolean', required: false, example: 'no', help: 'yes or no: held under immigration powers' },
  { header: 'additional_isp', field: 'additionalIsp', type: 'boolean', required: false, example: 'no', help: 'yes or no: a further indeterminate sentence still to serve' },
  // Issue 17: start_of_custody counts from it (seed 003 Annex B "Start custodial sentence").
  { header: 'first_pom_allocated_date', field: 'firstPomAllocatedDate', type: 'date', required: false, example: '', help: 'The sentence’s first allocation to a POM, at any prison' },
  // Issue 16: shown in the prisoner page header. Optional: a file without them keeps what is recorded.
  { header: 'location', field: 'location', type: 'text', required: false, example: 'B-2-014', help: 'Wing and cell' },
  { header: 'category', field: 'securityCategory', type: 'text', required: false, example: 'C', help: 'A, B, C, D, yoi_restricted, yoi_closed, yoi_open, female_restricted, female_closed, female_semi_open or female_open' },
  // Issue 17 (../shared/specs/mpc-rules.md F): the release dates read when none above is known
  // (spec A.3), the licence expiry that ends an early allocation (C.5 C7), and probation's
  // resourcing decision, which chooses the handover checklist (D.2).
  { header: 'sed', field: 'sentenceExpiryDate', type: 'date', required: false, example: '', help: 'Sentence expiry date' },
  { header: 'led', field: 'licenceExpiryDate', type: 'date', required: false, example: '', help: 'Licence expiry date' },
  { header: 'post_recall_release_date', field: 'postRecallReleaseDate', type: 'date', required: false, example: '', help: 'Release date after a recall' },
  { header: 'actual_parole_date', field: 'actualParoleDate', type: 'date', required: false, example: '', help: 'Release date set when parole was granted' },
  { header: 'enhanced_resourcing', field: 'enhancedResourcing', type: 'boolean', required: false, example: '', help: 'Probation resourcing: yes for enhanced, no for standard, blank if not known' },
]

export const SESSION_COLUMNS: readonly Column[] = [
  { header: 'prison_number', field: 'prisonNumber', type: 'text', required: true, example: 'A1234BC', help: 'must already be on record' },
  { header: 'date', field: 'date', type: 'date', required: true, example: '02/11/2026', help: 'dd/mm/yyyy' },
  { header: 'in_person', field: 'inPerson', type: 'boolean', required: true, example: 'yes', help: 'yes or no' },
  { header: 'mode', field: 'mode', type: 'text', required: true, example: 'wing_interview_room', help: 'wing_interview_room, video, in_cell_telephony, duty_pom or other' },
  { header: 'duration_minutes', field: 'durationMinutes', type: 'integer', required: true, example: '45', help: '' },
  { header: 'notes', field: 'notes', type: 'text', required: false, example: 'Sentence plan reviewed.', help: '' },
  { header: 'sensitive', field: 'notesSensitive', type: 'boolean', required: false, example: 'no', help: 'yes keeps the note out of disclosures to the prisoner' },
  { header: 'recorded_on', field: 'recordedOn', type: 'date', required: false, example: '02/11/2026', help: 'blank: the session date' },
]

/**
 * Issue 17: the COM's details per case (seed 003 Annex B 3.2) and the Victim Liaison Officer
 * (seed 002 baseline 2.3), the fields of the prisoner page's handover section. A blank cell keeps
 * what is recorded.
 */
export const COM_DETAILS_COLUMNS: readonly Column[] = [
  { header: 'prison_number', field: 'prisonNumber', type: 'text', required: true, example: 'A1234BC', help: 'must already be on record' },
  { header: 'com_name', field: 'comName', type: 'text', required: false, example: 'Casey Example', help: 'Community Offender Manager' },
  { header: 'com_email', field: 'comEmail', type: 'text', required: false, example: 'casey.example@justice.gov.uk', help: '' },
  { header: 'com_phone', field: 'comPhone', type: 'text', required: false, example: '01632 960000', help: '' },
  { header: 'com_team', field: 'comTeam', type: 'text', required: false, example: 'North team', help: '' },
  { header: 'pdu', field: 'pdu', type: 'text', required: false, example: 'Testshire', help: 'Probation delivery unit' },
  { header: 'ldu', field: 'ldu', type: 'text', required: false, example: 'Testshire North', help: 'Local delivery unit' },
  { header: 'ldu_email', field: 'lduEmail', type: 'text', required: false, example: 'north.ldu@justice.gov.uk', help: '' },
  { header: 'com_allocated_date', field: 'comAllocatedOn', type: 'date', required: false, example: '02/11/2026', help: 'The day the COM was allocated, dd/mm/yyyy' },
  { header: 'vlo_name', field: 'vloName', type: 'text', required: false, example: '', help: 'Victim Liaison Officer' },
  { header: 'vlo_contact', field: 'vloContact', type: 'text', required: false, example: '', help: 'Phone or email' },
  { header: 'vlo_last_contact_date', field: 'vloLastContactOn', type: 'date', required: false, example: '', help: 'Date of last contact, dd/mm/yyyy' },
]

/**
 * Issue 17 ("CSV import for allocations and COM details"): a case's POM, as allocations.allocate
 * takes it. The POM is named as on the staff list, or by their staff number (Settings › Staff)
 * where two people share a name. `pom_type_reason` is the reason ../shared/specs/mpc-rules.md B4
 * requires when the POM's type is not the one recommended; `confirm_unavailable` is the HOMD's
 * confirmation for a POM away today, as on the allocation screen.
 */
export const ALLOCATION_COLUMNS: readonly Column[] = [
  { header: 'prison_number', field: 'prisonNumber', type: 'text', required: true, example: 'A1234BC', help: 'must already be on record' },
  { header: 'pom', field: 'pom', type: 'text', required: true, example: 'Pat Example', help: 'The POM’s name as on the staff list, or their staff number' },
  { header: 'allocation_date', field: 'startDate', type: 'date', required: true, example: '02/11/2026', help: 'The day the allocation starts, dd/mm/yyyy' },
  { header: 'reason', field: 'reason', type: 'text', required: false, example: '', help: 'Why this POM (optional)' },
  { header: 'pom_type_reason', field: 'pomTypeReason', type: 'text', required: false, example: '', help: 'Required when the POM is not of the recommended type' },
  { header: 'confirm_unavailable', field: 'confirmUnavailable', type: 'boolean', required: false, example: 'no', help: 'yes: allocate to a POM who is away today' },
]

export function columnsFor(kind: ImportKind): readonly Column[] {
  switch (kind) {
    case 'allocations':
      return ALLOCATION_COLUMNS
    case 'comDetails':
      return COM_DETAILS_COLUMNS
    case 'prisoners':
      return PRISONER_COLUMNS
    case 'sessions':
      return SESSION_COLUMNS
    default: {
      const never: never = kind
      throw new Error(`unknown import kind ${String(never)}`)
    }
  }
}

/** The template: the header row and one example row. */
export function templateCsv(kind: ImportKind): string {
  const cols = columnsFor(kind)
  return `${cols.map((c) => c.header).join(',')}\r\n${cols.map((c) => c.example).join(',')}\r\n`
}
