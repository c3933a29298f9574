import { sql } from 'drizzle-orm'
import { check, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core'

// The shared OMU database's schema (issue 13): the same tables, columns, keys and indexes as the
// SQLite schema in db/schema/, which is the definition the app's queries are written against.
// test/unit/schemaParity.test.ts compares the two column by column, so they cannot drift.
// Conventions that keep one query builder working on both (db/store/types.ts):
// - booleans are integer 0/1 with a check, as SQLite stores them;
// - calendar dates are 'YYYY-MM-DD' text and instants ISO text, as in SQLite (never a time zone);
// - SQLite's REAL is double precision; AUTOINCREMENT keys are identity columns.
// Migrations in db/migrations-pg are generated from this by drizzle-kit (`npm run db:generate`).
//
// The establishment dimension is PostgreSQL's only (issue 19, migration 0016_establishments): one
// shared database holds several establishments, so every data table (all but establishment and
// user_preference) has an establishment_id column, defaulted by the server to the writer's
// establishment (omu_new_row_establishment()) and kept to it by row policies; what was unique in
// the one establishment (app_setting's key, the four unique indexes below naming establishment_id
// first) is unique per establishment; the establishment table holds one row per establishment.
// The SQLite file holds one establishment and has none of this, and the app's queries never name
// the column. schemaParity.test.ts allows exactly this difference and nothing else.

const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity()
/** The row's establishment (issue 19, migration 0016): the writer's, filled in by the server. */
const establishmentId = () => integer('establishment_id').notNull().default(sql`omu_new_row_establishment()`)
const flag = (name: string) => integer(name)

/** A 0/1 flag column check (SQLite takes any integer; here the value set is enforced). */
const flagCheck = (table: string, column: { name: string }) => check(`${table}_${column.name}_flag`, sql`${column} in (0, 1)`)

export const establishment = pgTable(
  'establishment',
  {
    // One row per establishment, its id the establishment's number (migration 0016).
    id: integer('id').primaryKey().default(sql`omu_new_row_establishment()`),
    name: text('name').notNull(),
    code: text('code').notNull(),
    category: text('category').notNull(),
    currentStage: integer('current_stage').notNull().default(4),
    targetStage: integer('target_stage').notNull().default(3),
    policy: text('policy').notNull().default('omic2021'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    check('establishment_positive_id', sql`${t.id} > 0`),
    check('establishment_stages', sql`${t.currentStage} between 1 and 4 and ${t.targetStage} between 1 and 4`),
  ],
)

export const appSetting = pgTable(
  'app_setting',
  {
    key: text('key').notNull(),
    value: text('value').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [primaryKey({ name: 'app_setting_pkey', columns: [t.establishmentId, t.key] })],
)

export const staff = pgTable(
  'staff',
  {
    id: id(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    active: flag('active').notNull().default(1),
    hoursPerWeek: doublePrecision('hours_per_week').notNull().default(37),
    flags: text('flags').notNull().default('[]'),
    updatedAt: text('updated_at').notNull(),
    band: integer('band').notNull().default(4),
    daysPerWeek: doublePrecision('days_per_week').notNull().default(5),
    unavailableFrom: text('unavailable_from'),
    unavailableTo: text('unavailable_to'),
    unavailableReason: text('unavailable_reason'),
    establishmentId: establishmentId(),
  },
  (t) => [index('staff_role_active').on(t.role, t.active), flagCheck('staff', t.active)],
)

export const prisoner = pgTable(
  'prisoner',
  {
    id: id(),
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
    earlyAllocation: flag('early_allocation').notNull().default(0),
    recall: flag('recall').notNull().default(0),
    tier: text('tier'),
    roshLevel: text('rosh_level'),
    careExperienced: flag('care_experienced').notNull().default(0),
    tact: flag('tact').notNull().default(0),
    keyWorkerPriority: flag('key_worker_priority').notNull().default(0),
    arrivalDate: text('arrival_date'),
    status: text('status').notNull().default('in_custody'),
    releasedOn: text('released_on'),
    // Issue 20: the facts the omic2023 handover rules R1, R3 and R4 read (db/schema/caseload.ts).
    openConditions: flag('open_conditions').notNull().default(0),
    openConditionsArrivalDate: text('open_conditions_arrival_date'),
    immigrationCase: flag('immigration_case').notNull().default(0),
    additionalIsp: flag('additional_isp').notNull().default(0),
    /** Issue 17: the sentence's first POM allocation, anywhere (db/schema/caseload.ts). */
    firstPomAllocatedDate: text('first_pom_allocated_date'),
    /** Issue 16: wing and cell, and the security category (db/schema/caseload.ts; migration 0014). */
    location: text('location'),
    securityCategory: text('security_category'),
    /** Issue 17: spec F's release dates, licence expiry and resourcing decision (db/schema/caseload.ts; migration 0017). */
    sentenceExpiryDate: text('sed'),
    licenceExpiryDate: text('led'),
    postRecallReleaseDate: text('post_recall_release_date'),
    actualParoleDate: text('actual_parole_date'),
    enhancedResourcing: flag('enhanced_resourcing'),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [
    uniqueIndex('prisoner_prison_number').on(t.establishmentId, t.prisonNumber),
    flagCheck('prisoner', t.openConditions),
    flagCheck('prisoner', t.immigrationCase),
    flagCheck('prisoner', t.additionalIsp),
    flagCheck('prisoner', t.enhancedResourcing),
    index('prisoner_status').on(t.status),
    check('prisoner_mappa', sql`${t.mappaLevel} is null or ${t.mappaLevel} between 0 and 3`),
    flagCheck('prisoner', t.earlyAllocation),
    flagCheck('prisoner', t.recall),
    flagCheck('prisoner', t.careExperienced),
    flagCheck('prisoner', t.tact),
    flagCheck('prisoner', t.keyWorkerPriority),
  ],
)

export const allocation = pgTable(
  'allocation',
  {
    id: id(),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    reason: text('reason').notNull().default(''),
    /** Issue 17: the reason for choosing a POM of the other type (db/schema/caseload.ts). */
    pomTypeReason: text('pom_type_reason'),
    createdAt: text('created_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [
    index('allocation_prisoner').on(t.prisonerId, t.startDate),
    index('allocation_staff_open').on(t.staffId, t.endDate),
    uniqueIndex('allocation_one_open').on(t.prisonerId).where(sql`${t.endDate} is null`),
  ],
)

export const supervisionSession = pgTable(
  'supervision_session',
  {
    id: id(),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    staffId: integer('staff_id').references(() => staff.id),
    date: text('date').notNull(),
    inPerson: flag('in_person').notNull(),
    mode: text('mode').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(0),
    notes: text('notes').notNull().default(''),
    notesSensitive: flag('notes_sensitive').notNull().default(0),
    /** The note as a read-only reviewer may see it (db/schema/caseload.ts); PostgreSQL stores it. */
    notesOpen: text('notes_open').generatedAlwaysAs(sql`case when notes_sensitive = 1 then '' else notes end`),
    recordedOn: text('recorded_on').notNull(),
    recordedOnReason: text('recorded_on_reason'),
    /** Issue 16: who entered the session (db/schema/caseload.ts; migration 0015_session_recorded_by). */
    recordedBy: text('recorded_by'),
    createdAt: text('created_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [
    // Covering index for the case engine's reads and the counting windows (electron/services/caseload/relevant.ts).
    index('session_case_scan').on(t.prisonerId, t.date, t.inPerson, t.recordedOn),
    // session_unusual_record, the partial index on `not omu_ordinary_record(date, recorded_on)`,
    // needs that function first, so it is created in the custom migration that defines it.
    flagCheck('supervision_session', t.inPerson),
    flagCheck('supervision_session', t.notesSensitive),
  ],
)

export const userPreference = pgTable(
  'user_preference',
  {
    userKey: text('user_key').notNull(),
    name: text('name').notNull(),
    value: text('value').notNull(),
  },
  (t) => [uniqueIndex('user_preference_key').on(t.userKey, t.name)],
)

/** Handover to the COM per case (issue 17; db/schema/handover.ts). */
export const comHandover = pgTable(
  'com_handover',
  {
    id: id(),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    comName: text('com_name'),
    comEmail: text('com_email'),
    comPhone: text('com_phone'),
    comTeam: text('com_team'),
    pdu: text('pdu'),
    ldu: text('ldu'),
    lduEmail: text('ldu_email'),
    comAllocatedOn: text('com_allocated_on'),
    reviewedOasys: flag('reviewed_oasys').notNull().default(0),
    reviewedOasysBy: text('reviewed_oasys_by'),
    reviewedOasysAt: text('reviewed_oasys_at'),
    contactedCom: flag('contacted_com').notNull().default(0),
    contactedComBy: text('contacted_com_by'),
    contactedComAt: text('contacted_com_at'),
    attendedHandoverMeeting: flag('attended_handover_meeting').notNull().default(0),
    attendedHandoverMeetingBy: text('attended_handover_meeting_by'),
    attendedHandoverMeetingAt: text('attended_handover_meeting_at'),
    sentHandoverReport: flag('sent_handover_report').notNull().default(0),
    sentHandoverReportBy: text('sent_handover_report_by'),
    sentHandoverReportAt: text('sent_handover_report_at'),
    lastResponsibility: text('last_responsibility'),
    lastComResponsibleDate: text('last_com_responsible_date'),
    communityNotifiedAt: text('community_notified_at'),
    communityNotifiedBy: text('community_notified_by'),
    vloName: text('vlo_name'),
    vloContact: text('vlo_contact'),
    vloLastContactOn: text('vlo_last_contact_on'),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [
    uniqueIndex('com_handover_prisoner').on(t.prisonerId),
    check('com_handover_last_responsibility', sql`${t.lastResponsibility} is null or ${t.lastResponsibility} in ('pom', 'pom_with_com', 'com')`),
    flagCheck('com_handover', t.reviewedOasys),
    flagCheck('com_handover', t.contactedCom),
    flagCheck('com_handover', t.attendedHandoverMeeting),
    flagCheck('com_handover', t.sentHandoverReport),
  ],
)

/** Parole reviews per case (issues 17 and 20; db/schema/parole.ts). */
export const paroleReview = pgTable(
  'parole_review',
  {
    id: id(),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    hearingDate: text('hearing_date').notNull(),
    outcome: text('outcome').notNull().default('not_known'),
    outcomeDate: text('outcome_date'),
    nextHearingDate: text('next_hearing_date'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [
    index('parole_review_prisoner').on(t.prisonerId, t.hearingDate),
    check('parole_review_outcome', sql`${t.outcome} in ('release', 'refused', 'deferred', 'not_known')`),
  ],
)

/** Planned changes to POM capacity (issue 19; db/schema/resourcing.ts). */
export const pomPlannedChange = pgTable(
  'pom_planned_change',
  {
    id: id(),
    staffId: integer('staff_id').references(() => staff.id),
    kind: text('kind').notNull(),
    date: text('date').notNull(),
    name: text('name'),
    pomType: text('pom_type'),
    band: integer('band'),
    hoursPerWeek: doublePrecision('hours_per_week'),
    daysPerWeek: doublePrecision('days_per_week'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [
    index('pom_planned_change_staff').on(t.staffId, t.date),
    check('pom_planned_change_kind', sql`${t.kind} in ('returning', 'leaving', 'starting', 'hours_changed')`),
    check('pom_planned_change_whose', sql`(${t.kind} = 'starting') = (${t.staffId} is null)`),
  ],
)

export const planVersion = pgTable(
  'plan_version',
  {
    id: id(),
    version: integer('version').notNull(),
    currentStage: integer('current_stage').notNull(),
    targetStage: integer('target_stage').notNull(),
    catalogId: text('catalog_id').notNull(),
    catalogVersion: text('catalog_version').notNull(),
    basedOnVersionId: integer('based_on_version_id'),
    rev: integer('rev').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [uniqueIndex('plan_version_number').on(t.establishmentId, t.version)],
)

export const planEntry = pgTable(
  'plan_entry',
  {
    id: id(),
    planVersionId: integer('plan_version_id').notNull().references(() => planVersion.id),
    baselineId: text('baseline_id').notNull(),
    data: text('data').notNull(),
    rev: integer('rev').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [uniqueIndex('plan_entry_baseline').on(t.planVersionId, t.baselineId)],
)

export const signOffStep = pgTable(
  'sign_off_step',
  {
    id: id(),
    planVersionId: integer('plan_version_id').notNull().references(() => planVersion.id),
    seq: integer('seq').notNull(),
    stage: text('stage').notNull(),
    by: text('by').notNull(),
    role: text('role').notNull(),
    date: text('date').notNull(),
    decision: text('decision').notNull(),
    comments: text('comments'),
    /** Issue 16: the signed-in user who recorded the step (migration 0014_location_and_recorded_by). */
    recordedBy: text('recorded_by'),
    establishmentId: establishmentId(),
  },
  (t) => [uniqueIndex('sign_off_step_seq').on(t.planVersionId, t.seq), index('sign_off_step_version').on(t.planVersionId)],
)

export const importedCatalog = pgTable(
  'imported_catalog',
  {
    id: id(),
    catalogId: text('catalog_id').notNull(),
    version: text('version').notNull(),
    json: text('json').notNull(),
    importedAt: text('imported_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [uniqueIndex('imported_catalog_id_version').on(t.establishmentId, t.catalogId, t.version)],
)

export const comparisonImport = pgTable('comparison_import', {
  id: id(),
  establishmentCode: text('establishment_code').notNull(),
  establishmentName: text('establishment_name').notNull(),
  exportedAt: text('exported_at').notNull(),
  json: text('json').notNull(),
  importedAt: text('imported_at').notNull(),
  establishmentId: establishmentId(),
})

export const appUser = pgTable(
  'app_user',
  {
    id: id(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    /**
     * In the shared database a user's password is their PostgreSQL login's (SCRAM-SHA-256, held by
     * the server); this column then holds no secret, only a marker (electron/services/trust).
     */
    passwordHash: text('password_hash').notNull(),
    staffId: integer('staff_id'),
    active: flag('active').notNull().default(1),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** Issue 16: as db/schema/trust.ts; cleared by omu_set_own_password (migration 0013). */
    passwordChangeRequired: flag('password_change_required').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [uniqueIndex('app_user_username').on(t.username), flagCheck('app_user', t.active), flagCheck('app_user', t.passwordChangeRequired)],
)

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: text('at').notNull(),
    userId: integer('user_id'),
    username: text('username').notNull(),
    role: text('role').notNull(),
    channel: text('channel').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before'),
    after: text('after'),
    // Issue 15: the tamper-evident chain, worked out by the server (migration 0007, db/auditChain.ts).
    chainSeq: integer('chain_seq'),
    salt: text('salt'),
    payloadDigest: text('payload_digest'),
    chainHash: text('chain_hash'),
    establishmentId: establishmentId(),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId, t.id), uniqueIndex('audit_chain').on(t.establishmentId, t.chainSeq)],
)

/** Early allocation assessments (issue 17; db/schema/caseWork.ts). */
export const earlyAllocationAssessment = pgTable(
  'early_allocation_assessment',
  {
    id: id(),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    answers: text('answers').notNull(),
    oasysDate: text('oasys_date').notNull(),
    createdOn: text('created_on').notNull(),
    outcome: text('outcome').notNull(),
    createdWithinReferralWindow: flag('created_within_referral_window').notNull(),
    communityDecision: flag('community_decision'),
    communityDecisionOn: text('community_decision_on'),
    communityDecisionBy: text('community_decision_by'),
    reason: text('reason').notNull().default(''),
    approved: flag('approved').notNull().default(0),
    assessor: text('assessor').notNull(),
    assessorUserId: integer('assessor_user_id'),
    createdAt: text('created_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [
    index('early_allocation_prisoner').on(t.prisonerId, t.createdOn),
    check('early_allocation_outcome', sql`${t.outcome} in ('eligible', 'discretionary', 'ineligible')`),
    flagCheck('early_allocation_assessment', t.createdWithinReferralWindow),
    flagCheck('early_allocation_assessment', t.communityDecision),
    flagCheck('early_allocation_assessment', t.approved),
  ],
)

/** HOMD responsibility overrides (issue 17; db/schema/caseWork.ts). */
export const responsibilityOverride = pgTable(
  'responsibility_override',
  {
    id: id(),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    responsibility: text('responsibility').notNull(),
    reason: text('reason').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    endedOn: text('ended_on'),
    setBy: text('set_by').notNull(),
    setByUserId: integer('set_by_user_id'),
    createdAt: text('created_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [
    index('responsibility_override_prisoner').on(t.prisonerId, t.startDate),
    check('responsibility_override_value', sql`${t.responsibility} in ('pom', 'com')`),
  ],
)

/** Co-working second POMs (issue 17; db/schema/coworking.ts). */
export const coWorking = pgTable(
  'co_working',
  {
    id: id(),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    reason: text('reason').notNull().default(''),
    createdAt: text('created_at').notNull(),
    establishmentId: establishmentId(),
  },
  (t) => [
    index('co_working_prisoner').on(t.prisonerId, t.startDate),
    index('co_working_staff_open').on(t.staffId, t.endDate),
    uniqueIndex('co_working_one_open').on(t.prisonerId).where(sql`${t.endDate} is null`),
  ],
)
