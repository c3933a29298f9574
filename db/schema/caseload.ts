import { sql } from 'drizzle-orm'
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

// Caseload (issue 5). Calendar dates are 'YYYY-MM-DD' text; instants are ISO timestamps.

/** OMU staff: POMs (prison or probation employed), HOMD, HOMS, governors. */
export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Contracted hours a week (working pattern); 37 is full time. */
    hoursPerWeek: real('hours_per_week').notNull().default(37),
    /** Policy-relevant flags as a JSON array of strings (e.g. "new_in_post"). */
    flags: text('flags').notNull().default('[]'),
    updatedAt: text('updated_at').notNull(),
    // POM capacity facts (issues 17 and 19; migration 0011_pom_capacity). The POM's type (prison or
    // probation) is the role. Band 4 by default: seed 002 stage 3, "Prison Band 4 staff returned to POM roles".
    band: integer('band').notNull().default(4),
    /** Working pattern: days worked of the five-day week (5 full time; 3 for three days a week). */
    daysPerWeek: real('days_per_week').notNull().default(5),
    /** Away (leave, sickness, redeployed) from this day, inclusive; null: available. */
    unavailableFrom: text('unavailable_from'),
    /** Last day away, inclusive; null with a `unavailableFrom`: no end date known. */
    unavailableTo: text('unavailable_to'),
    unavailableReason: text('unavailable_reason'),
  },
  (t) => [index('staff_role_active').on(t.role, t.active)],
)

export const prisoner = sqliteTable(
  'prisoner',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** NOMIS prison number, e.g. A1234BC. */
    prisonNumber: text('prison_number').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: text('date_of_birth').notNull(),
    sentenceType: text('sentence_type').notNull(),
    sentenceStartDate: text('sentence_start_date').notNull(),
    conditionalReleaseDate: text('crd'),
    automaticReleaseDate: text('ard'),
    paroleEligibilityDate: text('ped'),
    tariffDate: text('ted'),
    targetHearingDate: text('thd'),
    homeDetentionCurfewEligibilityDate: text('hdced'),
    homeDetentionCurfewActualDate: text('hdcad'),
    mappaLevel: integer('mappa_level'),
    earlyAllocation: integer('early_allocation', { mode: 'boolean' }).notNull().default(false),
    recall: integer('recall', { mode: 'boolean' }).notNull().default(false),
    tier: text('tier'),
    roshLevel: text('rosh_level'),
    careExperienced: integer('care_experienced', { mode: 'boolean' }).notNull().default(false),
    tact: integer('tact', { mode: 'boolean' }).notNull().default(false),
    keyWorkerPriority: integer('key_worker_priority', { mode: 'boolean' }).notNull().default(false),
    arrivalDate: text('arrival_date'),
    status: text('status').notNull().default('in_custody'),
    /** The day the record was marked released: the retention period runs from here (issue 7). */
    releasedOn: text('released_on'),
    // Issue 20 (../shared/specs/handover-2023.md section 1): the facts the omic2023 handover rules R1, R3 and R4 read.
    /** Held in open conditions (men: an open prison; women: category T). */
    openConditions: integer('open_conditions', { mode: 'boolean' }).notNull().default(false),
    /** The day the open-conditions handover start counts from (spec section 1, R4). */
    openConditionsArrivalDate: text('open_conditions_arrival_date'),
    /** Held under immigration powers (NOMIS status DET; spec R3). */
    immigrationCase: integer('immigration_case', { mode: 'boolean' }).notNull().default(false),
    /** A further ISP, starting after the earliest, still to serve (spec R1). */
    additionalIsp: integer('additional_isp', { mode: 'boolean' }).notNull().default(false),
    /**
     * Issue 17: the sentence's first allocation to a POM, at whichever establishment; the
     * start-of-custody minimum counts from it (seed 003 Annex B "Start custodial sentence").
     * Migration 0014_first_allocation_coworking.
     */
    firstPomAllocatedDate: text('first_pom_allocated_date'),
    // Issue 16 (migration 0016_location_and_recorded_by): shown in the prisoner page header.
    /** Wing and cell as NOMIS shows them, e.g. "B-2-014"; null: not recorded. */
    location: text('location'),
    /** One of SECURITY_CATEGORIES (shared/ipc/values.ts), checked by the contract; null: not recorded. */
    securityCategory: text('security_category'),
    // Issue 17 (../shared/specs/mpc-rules.md F; migration 0018_case_facts): the release dates of
    // spec A.3's fallback group, the licence expiry date of C.5 C7, and the probation resourcing
    // decision of D.2.
    /** Sentence expiry date (SED). */
    sentenceExpiryDate: text('sed'),
    /** Licence expiry date (LED): an early allocation ends once it has passed (spec C7). */
    licenceExpiryDate: text('led'),
    /** Release date after a recall (post-recall release date). */
    postRecallReleaseDate: text('post_recall_release_date'),
    /** Actual parole date: the release date set when parole is granted. */
    actualParoleDate: text('actual_parole_date'),
    /** Probation's resourcing decision (spec D.2): true enhanced, false standard, null not known. */
    enhancedResourcing: integer('enhanced_resourcing', { mode: 'boolean' }),
    /** Optimistic concurrency: every update must name the version it read. */
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('prisoner_prison_number').on(t.prisonNumber),
    index('prisoner_status').on(t.status),
    check('prisoner_mappa', sql`${t.mappaLevel} is null or ${t.mappaLevel} between 0 and 3`),
  ],
)

/** Prisoner-to-POM allocations. History is kept: reallocation ends the open row, never deletes it. */
export const allocation = sqliteTable(
  'allocation',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    reason: text('reason').notNull().default(''),
    /**
     * Issue 17 (../shared/specs/mpc-rules.md B4): why the HOMD chose a POM of the other type than
     * the recommended one (or chose one when there was no recommendation); null when not needed.
     * Migration 0013_case_work.
     */
    pomTypeReason: text('pom_type_reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('allocation_prisoner').on(t.prisonerId, t.startDate),
    index('allocation_staff_open').on(t.staffId, t.endDate),
    // At most one open allocation per prisoner.
    uniqueIndex('allocation_one_open').on(t.prisonerId).where(sql`${t.endDate} is null`),
  ],
)

/** Supervision sessions (National Standards 2021 Annex B contacts). */
export const supervisionSession = sqliteTable(
  'supervision_session',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    staffId: integer('staff_id').references(() => staff.id),
    date: text('date').notNull(),
    inPerson: integer('in_person', { mode: 'boolean' }).notNull(),
    mode: text('mode').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(0),
    notes: text('notes').notNull().default(''),
    /** Keeps the note out of anything meant for the prisoner (e.g. a subject access disclosure). */
    notesSensitive: integer('notes_sensitive', { mode: 'boolean' }).notNull().default(false),
    /**
     * The note as those who may not read sensitive notes see it (issue 14): the text, or '' when
     * it is marked sensitive. Worked out by the database, so in the shared database a read-only
     * reviewer is granted this column and not `notes` (docs/SECURITY.md, "Who reads sensitive notes").
     */
    notesOpen: text('notes_open').generatedAlwaysAs(sql`case when notes_sensitive then '' else notes end`, { mode: 'virtual' }),
    /** The day the record was entered (standard 1.1: within one working day). */
    recordedOn: text('recorded_on').notNull(),
    recordedOnReason: text('recorded_on_reason'),
    /**
     * Issue 16 ("each session shows who recorded it", migration 0017_session_recorded_by): the display
     * name of the signed-in user who entered it, or "<importer> (CSV import)"; null before this version
     * and for demo sessions. `staffId` is the POM who held it, which may be someone else.
     */
    recordedBy: text('recorded_by'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    // Covering index: the case engine's reads (prisoner, date, in person, recorded on) never touch the table.
    index('session_case_scan').on(t.prisonerId, t.date, t.inPerson, t.recordedOn),
    // The sessions that are not ordinary records (isOrdinaryRecord, shared/engine/case/relevance.ts):
    // a date SQLite does not read back unchanged, or a record entered before the session or more
    // than a calendar day after it. With the counting windows, the only sessions the whole-
    // establishment evaluation has to read (issue 8). Keep the condition in step with UNUSUAL_RECORD.
    index('session_unusual_record')
      .on(t.prisonerId, t.date, t.inPerson, t.recordedOn)
      .where(sql`not (date(${t.date}) is ${t.date} and date(${t.recordedOn}) is ${t.recordedOn} and ${t.recordedOn} between ${t.date} and date(${t.date}, '+1 day'))`),
  ],
)

/** Per-user preferences (e.g. saved caseload filters) as JSON by user and name. */
export const userPreference = sqliteTable(
  'user_preference',
  {
    userKey: text('user_key').notNull(),
    name: text('name').notNull(),
    value: text('value').notNull(),
  },
  (t) => [uniqueIndex('user_preference_key').on(t.userKey, t.name)],
)
