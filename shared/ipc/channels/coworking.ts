import { z } from 'zod'
import { channel, type Domain } from '../define'
import { isoDate } from '../schemas'
import { id } from './caseloadValues'

// Issue 17, "POMs": a co-working second POM per case, and bulk reallocation of a POM's cases
// (choose a new POM per case or one for all, with a preview, audited case by case).

const reason = z.string().trim().max(500, 'Keep the reason to 500 characters or fewer.').default('')

export const coworking = {
  assign: channel({
    doc: 'Add a co-working second POM to an allocated case, or change it: the open co-working is ended (kept in the history), a new one starts. The case’s minima stay the allocated POM’s.',
    kind: 'mutation',
    input: z.object({ prisonerId: id, staffId: id, startDate: isoDate.optional(), reason }).strict(),
    output: z.object({ coWorkingId: z.number(), endedCoWorkingId: z.number().nullable() }),
  }),
  end: channel({
    doc: 'End a case’s co-working (kept in the history).',
    kind: 'mutation',
    input: z.object({ prisonerId: id, endDate: isoDate.optional() }).strict(),
    output: z.object({ coWorkingId: z.number() }),
  }),
} satisfies Domain

/**
 * One case to move, and the POM it goes to. Each move is held to the rules of a single allocation
 * (allocations.allocate): `pomTypeReason` is required when the new POM is of the other type than
 * the recommended one (../shared/specs/mpc-rules.md B4), `confirmUnavailable` when the new POM is
 * away today (issue 17, "POMs: availability"); the preview says which cases need either.
 */
export const reallocationMoveSchema = z
  .object({
    prisonerId: id,
    toStaffId: id,
    pomTypeReason: z.string().trim().max(500, 'Keep the reason for the POM type to 500 characters or fewer.').default(''),
    confirmUnavailable: z.boolean().default(false),
  })
  .strict()

export const reallocationInput = z
  .object({
    /** The POM whose cases are moved. */
    fromStaffId: id,
    moves: z.array(reallocationMoveSchema).min(1, 'Choose at least one case to reallocate.').max(5000, 'Reallocate 5,000 cases or fewer at a time.'),
    /** The day the new allocations start (default today); the old ones end on it. */
    startDate: isoDate.optional(),
    reason,
  })
  .strict()
export type ReallocationInput = z.output<typeof reallocationInput>

export const reallocationLineSchema = z.object({
  prisonerId: z.number(),
  prisonNumber: z.string(),
  name: z.string(),
  fromStaffId: z.number(),
  fromName: z.string(),
  toStaffId: z.number(),
  toName: z.string(),
  /** The new POM was the case's co-working POM: that co-working ends (a POM does not co-work their own case). */
  endsCoWorking: z.boolean(),
  /** Spec B: the POM type recommended for the case (null: none until its RoSH is recorded), and B5's sentence saying why. */
  recommendedPomType: z.enum(['prison', 'probation']).nullable(),
  recommendationText: z.string(),
  /** Spec B4: the sentence asking why the new POM's type was chosen, or null when no reason is needed. */
  pomTypeReasonNeeded: z.string().nullable(),
  /** The new POM is away today, e.g. "unavailable until 10/01/2027" (confirm to go ahead), or null. */
  toUnavailable: z.string().nullable(),
})
export type ReallocationLine = z.infer<typeof reallocationLineSchema>

export const reallocationPreviewSchema = z.object({
  fromStaffId: z.number(),
  fromName: z.string(),
  startDate: z.string(),
  /** Each case, from and to, in the order asked. */
  lines: z.array(reallocationLineSchema),
  /** Why the reallocation cannot be made as asked, one sentence each; empty when it can. */
  problems: z.array(z.object({ prisonerId: z.number().nullable(), message: z.string() })),
})
export type ReallocationPreview = z.infer<typeof reallocationPreviewSchema>

export const reallocation = {
  preview: channel({
    doc: 'What a bulk reallocation of a POM’s cases would change (each case, from, to), and anything that stops it, without changing anything.',
    kind: 'query',
    input: reallocationInput,
    output: reallocationPreviewSchema,
  }),
  apply: channel({
    doc: 'Reallocate a POM’s cases as previewed, all in one transaction (nothing partial), each case audited on its own.',
    kind: 'mutation',
    input: reallocationInput,
    output: z.object({ reallocated: z.number(), allocationIds: z.array(z.number()) }),
  }),
} satisfies Domain
