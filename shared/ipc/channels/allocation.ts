import { z } from 'zod'
import { channel, type Domain } from '../define'
import { empty, isoDate } from '../schemas'
import { id, SENTENCE_TYPES, STAFF_ROLES } from './caseloadValues'
import { availabilityTodaySchema } from './resourcing'
import { overrideNoteSchema } from './caseWork'

// Allocation (HOMD) and the establishment's due / overdue view (issue 5).

export const unallocatedSchema = z.object({
  prisonerId: z.number(),
  prisonNumber: z.string(),
  name: z.string(),
  /** Why it needs a POM: arrived on transfer, newly sentenced, or otherwise unallocated. */
  reason: z.enum(['new_arrival', 'newly_sentenced', 'unallocated']),
  sentenceType: z.enum(SENTENCE_TYPES),
  sentenceStartDate: z.string(),
  arrivalDate: z.string().nullable(),
  tier: z.string().nullable(),
  /** The engine's responsibility today (COM-responsible cases still need a POM in custody). */
  responsibility: z.enum(['pom', 'pom_with_com', 'com']),
  /** Issue 17 ("shown ... in every list"): a HOMD's override in force today, beside the engine's answer. */
  override: overrideNoteSchema.nullable(),
})

export const pomLoadSchema = z.object({
  staffId: z.number(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  hoursPerWeek: z.number(),
  caseCount: z.number(),
  byTier: z.record(z.string(), z.number()),
  byResponsibility: z.object({ pom: z.number(), pom_with_com: z.number(), com: z.number() }),
  /** Issue 17: cases the POM can hold for their contracted hours (shared/engine/resourcing/pomCaseload.ts caseCapacity). */
  capacity: z.number(),
  /** Issue 17 ("POMs: availability"): available, away today (until when), or away from a later day. */
  availability: availabilityTodaySchema,
})
export type PomLoad = z.infer<typeof pomLoadSchema>

export const allocationOverviewSchema = z.object({
  today: z.string(),
  unallocated: z.array(unallocatedSchema),
  poms: z.array(pomLoadSchema),
})

export type AllocationOverview = z.infer<typeof allocationOverviewSchema>

/**
 * Issue 16: the POM's minimum worklists: overdue and still actionable, due in the next 7 days, due
 * in the next 28 days (which holds the 7), and transfers awaiting their first session.
 */
export const MINIMUM_WORKLISTS = ['overdue', 'due7', 'due28', 'transfers'] as const
export type MinimumWorklist = (typeof MINIMUM_WORKLISTS)[number]

/** Issue 16: one session recorded more than one working day after it took place (seed 003 Annex B 1.1). */
export const lateRecordSchema = z.object({
  prisonerId: z.number(),
  prisonNumber: z.string(),
  name: z.string(),
  pomName: z.string().nullable(),
  /** When the session took place, and when it was recorded. */
  date: z.string(),
  recordedOn: z.string(),
})
export type LateRecord = z.infer<typeof lateRecordSchema>

export const dueItemSchema = z.object({
  prisonerId: z.number(),
  prisonNumber: z.string(),
  name: z.string(),
  pomId: z.number().nullable(),
  pomName: z.string().nullable(),
  rule: z.enum(['start_of_custody', 'pre_handover', 'transfer_arrival']),
  required: z.number(),
  achieved: z.number(),
  dueBy: z.string(),
  status: z.enum(['due', 'overdue']),
  /** Issue 17: a HOMD's responsibility override in force today, a note beside the row (membership stays the engine's: ../shared/specs/mpc-rules.md A.1). */
  override: overrideNoteSchema.nullable().optional(),
  /**
   * Issue 16 ("counts that link to filtered lists"): the worklists this minimum is on, decided in
   * the main process (electron/services/home/worklists.ts) so the home's counts and the Due
   * screen's filtered lists are the same rows.
   */
  lists: z.array(z.enum(MINIMUM_WORKLISTS)),
})
export type DueItem = z.infer<typeof dueItemSchema>

export const dueOverviewSchema = z.object({
  today: z.string(),
  policy: z.enum(['omic2021', 'omic2023']),
  perPom: z.array(z.object({ pomId: z.number().nullable(), pomName: z.string(), overdue: z.number(), due7: z.number(), due28: z.number() })),
  totals: z.object({ overdue: z.number(), due7: z.number(), due28: z.number() }),
  /** Overdue minima and those falling due in the next 28 days, soonest first. */
  items: z.array(dueItemSchema),
  /** Issue 16: the first day of this month, and the sessions recorded late since then (the cases' own, by date recorded, latest first). */
  monthStart: z.string(),
  lateRecords: z.array(lateRecordSchema),
  // The handover lists are omu:handover.lists (../shared/specs/mpc-rules.md A), as the Due screen shows them.
})
export type DueOverview = z.infer<typeof dueOverviewSchema>

export const allocations = {
  overview: channel({
    doc: 'For the HOMD: cases without a POM (new arrivals and newly sentenced first) and each POM’s load and case mix.',
    kind: 'query',
    input: empty,
    output: allocationOverviewSchema,
  }),
  allocate: channel({
    doc: 'Allocate a case to a POM, or reallocate it: the open allocation is ended (kept in the history), a new one starts.',
    kind: 'mutation',
    input: z
      .object({
        prisonerId: id,
        staffId: id,
        startDate: isoDate.optional(),
        reason: z.string().trim().max(500, 'Keep the reason to 500 characters or fewer.').default(''),
        /**
         * Issue 17 (../shared/specs/mpc-rules.md B4): why a POM of the other type than the
         * recommended one was chosen (or one was chosen with no recommendation). Required then, kept
         * with the allocation; ignored otherwise.
         */
        pomTypeReason: z.string().trim().max(500, 'Keep the reason for the POM type to 500 characters or fewer.').default(''),
        /**
         * Issue 17 ("POMs: availability"): the HOMD confirms allocating to a POM who is unavailable
         * today (electron/services/resourcing/pomToday.ts); without it such an allocation is refused.
         */
        confirmUnavailable: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ allocationId: z.number(), endedAllocationId: z.number().nullable() }),
  }),
} satisfies Domain

export const due = {
  overview: channel({
    doc: 'Across the establishment, or the signed-in POM’s own cases (`mine`): minima overdue and due in 7 / 28 days per POM, records entered late this month, and handovers upcoming, in progress and reached.',
    kind: 'query',
    /** Issue 16: `mine` keeps the cases allocated to the signed-in user's staff record (the POM's home links here). */
    input: z.object({ mine: z.boolean().default(false) }).strict(),
    output: dueOverviewSchema,
  }),
} satisfies Domain
