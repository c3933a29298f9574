import { z } from 'zod'
import { channel, type Domain } from '../define'
import { isoDate } from '../schemas'
import { id } from './caseloadValues'
import { overrideNoteSchema } from './caseWork'

// Handover to the COM (issue 17): the COM's details and the Victim Liaison Officer per case, the
// handover checklist (../shared/specs/mpc-rules.md D), "notify the community" 45 days before the
// handover date (seed 003 Annex B), and the handover lists (spec A).

export const CHECKLIST_TASK_KEYS = ['reviewedOasys', 'contactedCom', 'attendedHandoverMeeting', 'sentHandoverReport'] as const

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}: keep it to ${max} characters or fewer.`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null)

const email = (label: string) =>
  z
    .string()
    .trim()
    .max(254, `${label}: keep it to 254 characters or fewer.`)
    .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), `${label}: enter an email address like name@justice.gov.uk.`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null)

/** The COM's details (seed 003 Annex B 3.2) and the Victim Liaison Officer (seed 002 baseline 2.3), as entered. */
export const comDetailsFields = {
  comName: text('COM name', 200),
  comEmail: email('COM email'),
  comPhone: text('COM phone', 50),
  comTeam: text('COM team', 200),
  pdu: text('Probation delivery unit', 200),
  ldu: text('Local delivery unit', 200),
  lduEmail: email('LDU email'),
  comAllocatedOn: isoDate.nullable().default(null),
  vloName: text('Victim Liaison Officer name', 200),
  vloContact: text('Victim Liaison Officer contact', 200),
  vloLastContactOn: isoDate.nullable().default(null),
}

export const comDetailsSchema = z.object({
  comName: z.string().nullable(),
  comEmail: z.string().nullable(),
  comPhone: z.string().nullable(),
  comTeam: z.string().nullable(),
  pdu: z.string().nullable(),
  ldu: z.string().nullable(),
  lduEmail: z.string().nullable(),
  comAllocatedOn: z.string().nullable(),
  vloName: z.string().nullable(),
  vloContact: z.string().nullable(),
  vloLastContactOn: z.string().nullable(),
})
export type ComDetails = z.infer<typeof comDetailsSchema>

export const handoverListsSchema = z.object({
  upcoming: z.boolean(),
  inProgress: z.boolean(),
  overdueTasks: z.boolean(),
  comAllocationOverdue: z.boolean(),
  dueSoon: z.boolean(),
  comAllocationDaysOverdue: z.number().nullable(),
})

export const checklistTaskSchema = z.object({
  task: z.enum(CHECKLIST_TASK_KEYS),
  label: z.string(),
  done: z.boolean(),
  /** Who ticked it (their name) and when (ISO instant); null when not ticked. */
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
})

export const handoverCaseSchema = z.object({
  prisonerId: z.number(),
  today: z.string(),
  /** Null until the details are first saved (the version to send with the first save). */
  version: z.number().nullable(),
  details: comDetailsSchema,
  responsibility: z.enum(['pom', 'pom_with_com', 'com']),
  comAllocatedDate: z.string().nullable(),
  comResponsibleDate: z.string().nullable(),
  lists: handoverListsSchema,
  checklist: z.object({
    handoverType: z.enum(['missing', 'none', 'enhanced', 'standard']),
    tasks: z.array(checklistTaskSchema),
    completeCount: z.number(),
    total: z.number(),
    complete: z.boolean(),
    /** Spec D.4: may the signed-in user tick the tasks now. */
    editable: z.boolean(),
  }),
  notify: z.object({
    /** Seed 003 Annex B: the community is notified 45 days before the handover date. */
    notifyFrom: z.string().nullable(),
    due: z.boolean(),
    notifiedAt: z.string().nullable(),
    notifiedBy: z.string().nullable(),
  }),
  /** HOMD, HOMS and the case's POM may change the details. */
  canEdit: z.boolean(),
})
export type HandoverCase = z.infer<typeof handoverCaseSchema>

export const handoverListItemSchema = z.object({
  prisonerId: z.number(),
  prisonNumber: z.string(),
  name: z.string(),
  pomName: z.string().nullable(),
  comName: z.string().nullable(),
  comAllocatedDate: z.string().nullable(),
  comResponsibleDate: z.string().nullable(),
  /** Days to the handover start (upcoming, to notify) or since the handover date (overdue lists); negative never. */
  days: z.number(),
  /** What `days` counts, for the sentence shown: 'left' before a date, 'overdue' after one. */
  daysKind: z.enum(['left', 'overdue']),
  dueSoon: z.boolean(),
  /** Issue 17: a HOMD's responsibility override in force today, a note beside the row (membership stays the engine's: ../shared/specs/mpc-rules.md A.1). */
  override: overrideNoteSchema.nullable().optional(),
})
export type HandoverListItem = z.infer<typeof handoverListItemSchema>

export const handoverListsOverviewSchema = z.object({
  today: z.string(),
  upcoming: z.array(handoverListItemSchema),
  inProgress: z.array(handoverListItemSchema),
  comAllocationOverdue: z.array(handoverListItemSchema),
  overdueTasks: z.array(handoverListItemSchema),
  toNotify: z.array(handoverListItemSchema),
})
export type HandoverListsOverview = z.infer<typeof handoverListsOverviewSchema>

export const handover = {
  get: channel({
    doc: 'One case’s handover to the COM: COM and Victim Liaison Officer details, the handover checklist with who ticked what, the lists it is on, and when the community was notified.',
    kind: 'query',
    input: z.object({ prisonerId: id }).strict(),
    output: handoverCaseSchema,
  }),
  lists: channel({
    doc: 'Handover lists (upcoming, in progress, COM allocation overdue, overdue handover tasks) and the cases to notify the community about: the signed-in POM’s own primary and co-working cases (`mine`, and a POM’s default), or the establishment’s (`mine: false`, every other role’s default).',
    kind: 'query',
    /** Issue 16, "Nothing of other POMs unless asked": left out, a POM gets their own cases; `mine: false` asks for the establishment's. */
    input: z.object({ mine: z.boolean().optional() }).strict(),
    output: handoverListsOverviewSchema,
  }),
  saveDetails: channel({
    doc: 'Save a case’s COM details and Victim Liaison Officer contact (HOMD, HOMS, or the case’s POM).',
    kind: 'mutation',
    input: z.object({ prisonerId: id, expectedVersion: z.number().int().nullable(), ...comDetailsFields }).strict(),
    output: z.object({ version: z.number() }),
  }),
  tickTask: channel({
    doc: 'Tick (or untick) a handover checklist task, recording who and when (the case’s POM, while the checklist is open).',
    kind: 'mutation',
    input: z.object({ prisonerId: id, task: z.enum(CHECKLIST_TASK_KEYS), done: z.boolean() }).strict(),
    output: z.object({ version: z.number() }),
  }),
  notifyCommunity: channel({
    doc: 'Open a drafted email to the COM or LDU with the facts the community needs (seed 003 Annex B), and record when it was sent.',
    kind: 'mutation',
    input: z.object({ prisonerId: id }).strict(),
    output: z.object({ mailto: z.string(), notifiedAt: z.string() }),
  }),
} satisfies Domain
