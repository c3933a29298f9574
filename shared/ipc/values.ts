import type { CaseloadView } from './channels/prefs'

// The value lists and defaults of the IPC contract, with no zod: the renderer's first screen needs
// these, and importing a channel module would load zod and every request schema with it (about
// 100 ms of start-up in the renderer benchmark, issue 8). The channel modules build their schemas
// from these lists and re-export them.

/** Staff roles (issue 5). */
export const STAFF_ROLES = ['prison_pom', 'probation_pom', 'homd', 'homs', 'governor'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]
/** Roles that hold a caseload (prison- or probation-employed POMs). */
export const POM_ROLES: readonly StaffRole[] = ['prison_pom', 'probation_pom']

/** How a session was held: the delivery options of seed 002 baseline 2.5 plus video and other. */
export const SESSION_MODES = ['wing_interview_room', 'video', 'in_cell_telephony', 'duty_pom', 'other'] as const
export type SessionMode = (typeof SESSION_MODES)[number]

export const PRISONER_STATUSES = ['in_custody', 'released', 'transferred_out'] as const
export const ROSH_LEVELS = ['low', 'medium', 'high', 'very_high'] as const
/**
 * Issue 16: the security categories of England and Wales prisons, as NOMIS records them: adult men
 * A to D (A the highest security, D open conditions); young offender institutions (YOI) restricted,
 * closed and open; women's estate restricted, closed, semi-open and open (women's open is the
 * category T the handover spec reads, ../shared/specs/handover-2023.md section 1). Category A's
 * escape-risk levels (standard, high, exceptional) are not distinguished here.
 */
export const SECURITY_CATEGORIES = ['A', 'B', 'C', 'D', 'yoi_restricted', 'yoi_closed', 'yoi_open', 'female_restricted', 'female_closed', 'female_semi_open', 'female_open'] as const
export type SecurityCategory = (typeof SECURITY_CATEGORIES)[number]
export const SENTENCE_TYPES = ['determinate', 'indeterminate'] as const

/** App user roles (issue 7). */
export const USER_ROLES = ['pom', 'homd', 'homs', 'governor', 'read_only'] as const
export type UserRole = (typeof USER_ROLES)[number]

export const ROLE_NAMES: Record<UserRole, string> = {
  pom: 'POM',
  homd: 'HOMD',
  homs: 'HOMS',
  governor: 'Governor',
  read_only: 'Read-only reviewer',
}

export const establishmentCategories = [
  'reception',
  'training',
  'high_security',
  'open',
  'womens',
  'young_offender_institution',
  'other',
] as const

/** 10 MB of CSV is about 60,000 prisoner rows: far more than an establishment holds. */
export const MAX_CSV_CHARS = 10_000_000

/** Every case, priority cohorts first, no filter. */
export const DEFAULT_CASELOAD_VIEW: CaseloadView = {
  pomId: null,
  status: [],
  responsibility: [],
  cohorts: [],
  dueWithinDays: null,
  search: '',
  sort: { column: 'priority', direction: 'asc' },
}
