import { z } from 'zod'
import { channel, type Domain } from '../define'
import { empty, isoDate, policySchema, stageSchema } from '../schemas'
import {
  id,
  mappaLevel,
  optionalDate,
  personName,
  PRISONER_STATUSES,
  prisonNumber,
  ROSH_LEVELS,
  prisonLocation,
  SECURITY_CATEGORIES,
  SENTENCE_TYPES,
  SESSION_MODES,
  STAFF_ROLES,
  tier,
} from './caseloadValues'

// Caseload (issue 5): staff, prisoners, allocations, sessions and what the case engine says of them.

const responsibility = z.enum(['pom', 'pom_with_com', 'com'])
const minimumStatus = z.enum(['met', 'due', 'overdue', 'missed', 'not_applicable'])
const minimumRule = z.enum(['start_of_custody', 'pre_handover', 'transfer_arrival'])

export const handoverSchema = z.object({
  comAllocatedDate: z.string().nullable(),
  comResponsibleDate: z.string().nullable(),
  releaseDate: z.string().nullable(),
  reason: z.string(),
})

export const minimumSchema = z.object({
  rule: minimumRule,
  required: z.number(),
  achieved: z.number(),
  windowStart: z.string().nullable(),
  dueBy: z.string().nullable(),
  status: minimumStatus,
})
export type Minimum = z.infer<typeof minimumSchema>

export const staffSchema = z.object({
  id: z.number(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  active: z.boolean(),
  hoursPerWeek: z.number(),
  flags: z.array(z.string()),
})
export type Staff = z.infer<typeof staffSchema>

export const staffSaveInput = z
  .object({
    id: id.optional(),
    name: personName('name'),
    role: z.enum(STAFF_ROLES, 'Choose the role.'),
    active: z.boolean().default(true),
    hoursPerWeek: z.number('Enter the contracted hours a week.').min(1, 'Enter contracted hours of at least 1 a week.').max(60, 'Enter contracted hours of 60 a week or fewer.').default(37),
    flags: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  })
  .strict()

export const prisonerFields = {
  prisonNumber,
  firstName: personName('first name'),
  lastName: personName('last name'),
  dateOfBirth: isoDate,
  sentenceType: z.enum(SENTENCE_TYPES, 'Choose determinate or indeterminate.'),
  sentenceStartDate: isoDate,
  conditionalReleaseDate: optionalDate,
  automaticReleaseDate: optionalDate,
  paroleEligibilityDate: optionalDate,
  tariffDate: optionalDate,
  targetHearingDate: optionalDate,
  homeDetentionCurfewEligibilityDate: optionalDate,
  homeDetentionCurfewActualDate: optionalDate,
  mappaLevel,
  earlyAllocation: z.boolean().default(false),
  recall: z.boolean().default(false),
  tier,
  roshLevel: z.enum(ROSH_LEVELS, 'Choose the risk of serious harm level.').nullable().optional(),
  careExperienced: z.boolean().default(false),
  tact: z.boolean().default(false),
  keyWorkerPriority: z.boolean().default(false),
  arrivalDate: optionalDate,
  status: z.enum(PRISONER_STATUSES).default('in_custody'),
  // Issue 20 (../shared/specs/handover-2023.md section 1): read by the omic2023 rules R1, R3 and R4.
  openConditions: z.boolean().default(false),
  openConditionsArrivalDate: optionalDate,
  immigrationCase: z.boolean().default(false),
  additionalIsp: z.boolean().default(false),
  // Issue 17: the sentence's first POM allocation, at whichever establishment (start_of_custody
  // counts from it: seed 003 Annex B "Start custodial sentence").
  firstPomAllocatedDate: optionalDate,
  // Issue 16: the prisoner page header's "location/wing" and "category".
  location: prisonLocation,
  securityCategory: z.enum(SECURITY_CATEGORIES, 'Choose the security category.').nullable().optional(),
  // Issue 17 (../shared/specs/mpc-rules.md F): spec A.3's second group of release dates, C.5 C7's
  // licence expiry, and D.2's probation resourcing decision (true enhanced, false standard, null not known).
  sentenceExpiryDate: optionalDate,
  licenceExpiryDate: optionalDate,
  postRecallReleaseDate: optionalDate,
  actualParoleDate: optionalDate,
  enhancedResourcing: z.boolean('Choose enhanced, standard or not known.').nullable().optional(),
}
export const prisonerInput = z.object(prisonerFields).strict()
export type PrisonerInput = z.output<typeof prisonerInput>

export const prisonerSchema = z.object({
  id: z.number(),
  prisonNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  sentenceType: z.enum(SENTENCE_TYPES),
  sentenceStartDate: z.string(),
  conditionalReleaseDate: z.string().nullable(),
  automaticReleaseDate: z.string().nullable(),
  paroleEligibilityDate: z.string().nullable(),
  tariffDate: z.string().nullable(),
  targetHearingDate: z.string().nullable(),
  homeDetentionCurfewEligibilityDate: z.string().nullable(),
  homeDetentionCurfewActualDate: z.string().nullable(),
  mappaLevel: z.number().nullable(),
  earlyAllocation: z.boolean(),
  recall: z.boolean(),
  tier: z.string().nullable(),
  roshLevel: z.string().nullable(),
  careExperienced: z.boolean(),
  tact: z.boolean(),
  keyWorkerPriority: z.boolean(),
  arrivalDate: z.string().nullable(),
  status: z.enum(PRISONER_STATUSES),
  releasedOn: z.string().nullable(),
  openConditions: z.boolean(),
  openConditionsArrivalDate: z.string().nullable(),
  immigrationCase: z.boolean(),
  additionalIsp: z.boolean(),
  firstPomAllocatedDate: z.string().nullable(),
  location: z.string().nullable(),
  securityCategory: z.enum(SECURITY_CATEGORIES).nullable(),
  sentenceExpiryDate: z.string().nullable(),
  licenceExpiryDate: z.string().nullable(),
  postRecallReleaseDate: z.string().nullable(),
  actualParoleDate: z.string().nullable(),
  enhancedResourcing: z.boolean().nullable(),
  version: z.number(),
})
export type Prisoner = z.infer<typeof prisonerSchema>

/** One row of a caseload: the engine's verdict on the case today. */
export const caseRowSchema = z.object({
  prisonerId: z.number(),
  prisonNumber: z.string(),
  name: z.string(),
  pomId: z.number().nullable(),
  pomName: z.string().nullable(),
  tier: z.string().nullable(),
  sentenceType: z.enum(SENTENCE_TYPES),
  responsibility,
  handover: handoverSchema,
  /** The minimum to act on next (the earliest open one), or null when none is open. */
  next: minimumSchema.nullable(),
  /** The headline across the three minima: overdue > due > met > missed > not applicable (issue 16: missed is history, not work). */
  status: minimumStatus,
  cohorts: z.array(z.string()),
  /** In a priority cohort (seed 002): listed first under stages 4 and 3. */
  priority: z.boolean(),
  lateRecords: z.number(),
  /**
   * Issue 17: a HOMD's override of who is responsible, in force today, or null. `responsibility`
   * above stays the engine's own answer, shown beside it.
   */
  override: z.object({ responsibility: z.enum(['pom', 'com']), reason: z.string(), endDate: z.string().nullable() }).nullable().optional(),
  /**
   * Issue 17: the case's co-working second POM, if any. The case is in their caseload marked
   * co-working; its minima stay the allocated POM's (seed 003 Annex B 3.2: one responsible professional).
   */
  coWorker: z.object({ staffId: z.number(), name: z.string() }).nullable().optional(),
})
export type CaseRow = z.infer<typeof caseRowSchema>

export const caseloadSchema = z.object({
  today: z.string(),
  policy: policySchema,
  stage: stageSchema,
  /** Stage 4 or 3: priority-cohort cases come first (seed 002, priority cohorts for supervision). */
  priorityFirst: z.boolean(),
  rows: z.array(caseRowSchema),
  /** Cases the engine could not evaluate (bad dates), named so they can be fixed. */
  problems: z.array(z.object({ prisonerId: z.number(), prisonNumber: z.string(), message: z.string() })),
})
export type Caseload = z.infer<typeof caseloadSchema>

export const sessionSchema = z.object({
  id: z.number(),
  date: z.string(),
  inPerson: z.boolean(),
  mode: z.enum(SESSION_MODES),
  durationMinutes: z.number(),
  notes: z.string(),
  notesSensitive: z.boolean(),
  recordedOn: z.string(),
  recordedOnReason: z.string().nullable(),
  staffName: z.string().nullable(),
  /**
   * Who entered the record (issue 16, "each session shows who recorded it"): a user's display name,
   * or "<importer> (CSV import)"; null when not kept (before this version, demo sessions).
   */
  recordedBy: z.string().nullable(),
  /** Recorded more than one working day after it took place (National Standards 2021 standard 1.1). */
  late: z.boolean(),
})
export type Session = z.infer<typeof sessionSchema>

export const allocationSchema = z.object({
  id: z.number(),
  staffId: z.number(),
  staffName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  reason: z.string(),
})

export const prisonerDetailSchema = z.object({
  prisoner: prisonerSchema,
  policy: policySchema,
  today: z.string(),
  evaluation: z
    .object({ handover: handoverSchema, responsibility, minima: z.array(minimumSchema), lateRecords: z.number() })
    .nullable(),
  /** Why the engine could not evaluate the case, when it could not. */
  evaluationProblem: z.string().nullable(),
  cohorts: z.array(z.object({ id: z.string(), reason: z.string() })),
  allocations: z.array(allocationSchema),
  /** Issue 17: the case's co-working POMs, latest first (the open one, if any, has no end date). */
  coWorkings: z.array(allocationSchema).optional(),
  /**
   * Issue 20: the next hearing the handover rules use (the latest parole review's of this sentence,
   * else the case's own target hearing date; handover spec section 6), and where it comes from.
   */
  hearingUsed: z.object({ date: z.string().nullable(), fromParoleReviews: z.boolean() }).optional(),
  sessions: z.array(sessionSchema),
  /**
   * Issue 16 ("Prisoner page header"): the case as every list shows it today (the same verdict:
   * headline status, the next minimum to act on, any override in force), or null when the case
   * could not be evaluated.
   */
  row: caseRowSchema.nullable().optional(),
})
export type PrisonerDetail = z.infer<typeof prisonerDetailSchema>

export const recordSessionInput = z
  .object({
    prisonerId: id,
    date: isoDate,
    inPerson: z.boolean().default(true),
    mode: z.enum(SESSION_MODES, 'Choose how the session was held.'),
    durationMinutes: z.number('Enter the duration in minutes.').int('Enter whole minutes.').min(1, 'Enter how long the session lasted, at least 1 minute: a session of 0 minutes cannot be recorded.').max(600, 'Enter a duration of 600 minutes or fewer.'),
    notes: z.string().max(20_000, 'Keep notes to 20,000 characters or fewer.').default(''),
    notesSensitive: z.boolean().default(false),
    /**
     * The POM who held the session, when a HOMD or HOMS records it on their behalf (blank: the
     * case's allocated POM). A POM's sessions are always their own: the main process files them
     * under the POM's staff record and refuses any other staffId.
     */
    staffId: id.nullable().optional(),
  })
  .strict()

export const correctRecordedOnInput = z
  .object({
    sessionId: id,
    recordedOn: isoDate,
    reason: z.string().trim().min(3, 'Give the reason the recorded-on date is being changed.').max(500),
  })
  .strict()

export const caseload = {
  list: channel({
    doc: 'The caseload with the engine’s verdict per case: one POM’s cases (pomId), or every case in custody (pomId null).',
    kind: 'query',
    input: z.object({ pomId: id.nullable().default(null) }).strict(),
    output: caseloadSchema,
  }),
} satisfies Domain

export const staff = {
  list: channel({ doc: 'Every member of OMU staff, active first.', kind: 'query', input: empty, output: z.array(staffSchema) }),
  save: channel({ doc: 'Add a member of staff (no id) or change one.', kind: 'mutation', input: staffSaveInput, output: staffSchema }),
} satisfies Domain

export const prisoners = {
  get: channel({
    doc: 'Everything about one prisoner: facts, the engine’s evaluation, cohorts, allocation history and sessions.',
    kind: 'query',
    input: z.object({ prisonerId: id }).strict(),
    output: prisonerDetailSchema,
  }),
  create: channel({ doc: 'Add a prisoner.', kind: 'mutation', input: prisonerInput, output: prisonerSchema }),
  update: channel({
    doc: 'Change a prisoner’s facts. `version` is the one read: a stale version is refused as a conflict, never overwritten.',
    kind: 'mutation',
    input: z.object({ prisonerId: id, version: z.number().int(), fields: prisonerInput }).strict(),
    output: prisonerSchema,
  }),
} satisfies Domain

export const sessions = {
  record: channel({
    doc: 'Record a supervision session; recorded-on is set to today. A POM records only their own; a HOMD or HOMS may record one on a POM’s behalf.',
    kind: 'mutation',
    input: recordSessionInput,
    output: sessionSchema,
  }),
  correctRecordedOn: channel({
    doc: 'Change the day a session was recorded, with the reason (kept with the record).',
    kind: 'mutation',
    input: correctRecordedOnInput,
    output: sessionSchema,
  }),
} satisfies Domain
