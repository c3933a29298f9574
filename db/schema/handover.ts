import { sql } from 'drizzle-orm'
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { prisoner } from './caseload'

// Handover to the COM (issue 17): one row per case with the Community Offender Manager's details
// (seed 003 Annex B 3.2: "The identity of the allocated community offender manager (COM) ... is
// always clear"), the handover checklist with who ticked each task and when
// (../shared/specs/mpc-rules.md D.1), the handover state last recorded for the checklist reset
// (D.5), when the community was notified (seed 003 Annex B, 45 days before handover), and the
// Victim Liaison Officer contact (seed 002 baseline 2.3). Who ticked or notified is the user's name.

export const comHandover = sqliteTable(
  'com_handover',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    prisonerId: integer('prisoner_id').notNull().references(() => prisoner.id),
    comName: text('com_name'),
    comEmail: text('com_email'),
    comPhone: text('com_phone'),
    comTeam: text('com_team'),
    /** Probation delivery unit. */
    pdu: text('pdu'),
    /** Local delivery unit and its email (spec F: the early allocation referral goes there). */
    ldu: text('ldu'),
    lduEmail: text('ldu_email'),
    /** The day the COM was allocated. */
    comAllocatedOn: text('com_allocated_on'),
    // Spec D.1: each task with who ticked it and when (ISO instant).
    reviewedOasys: integer('reviewed_oasys', { mode: 'boolean' }).notNull().default(false),
    reviewedOasysBy: text('reviewed_oasys_by'),
    reviewedOasysAt: text('reviewed_oasys_at'),
    contactedCom: integer('contacted_com', { mode: 'boolean' }).notNull().default(false),
    contactedComBy: text('contacted_com_by'),
    contactedComAt: text('contacted_com_at'),
    attendedHandoverMeeting: integer('attended_handover_meeting', { mode: 'boolean' }).notNull().default(false),
    attendedHandoverMeetingBy: text('attended_handover_meeting_by'),
    attendedHandoverMeetingAt: text('attended_handover_meeting_at'),
    sentHandoverReport: integer('sent_handover_report', { mode: 'boolean' }).notNull().default(false),
    sentHandoverReportBy: text('sent_handover_report_by'),
    sentHandoverReportAt: text('sent_handover_report_at'),
    /** Spec D.5: the HandoverState last recorded (responsibility null if never recorded). */
    lastResponsibility: text('last_responsibility'),
    lastComResponsibleDate: text('last_com_responsible_date'),
    /** Seed 003 Annex B: when the community was notified, and by whom. */
    communityNotifiedAt: text('community_notified_at'),
    communityNotifiedBy: text('community_notified_by'),
    /** Seed 002 baseline 2.3: the Victim Liaison Officer and the date of the last contact. */
    vloName: text('vlo_name'),
    vloContact: text('vlo_contact'),
    vloLastContactOn: text('vlo_last_contact_on'),
    /** Optimistic concurrency: every update names the version it read. */
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('com_handover_prisoner').on(t.prisonerId),
    check('com_handover_last_responsibility', sql`${t.lastResponsibility} is null or ${t.lastResponsibility} in ('pom', 'pom_with_com', 'com')`),
  ],
)
