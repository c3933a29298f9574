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

/** One case to move, and the POM it goes to. */
export const reallocationMoveSchema = z.object({ prisonerId: id, toStaffId: id }).strict()

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
