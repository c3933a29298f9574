import { z } from 'zod'
import { channel, type Domain } from '../define'
import { empty } from '../schemas'

// Subject access and retention (issue 7).

const id = z.number().int().positive()

export const subjectAccess = {
  export: channel({
    doc: 'Everything held about one prisoner (facts, allocations, co-working, parole reviews, the COM and VLO details, the handover checklist, community notified, early allocation assessments, responsibility overrides, sessions, audit rows) as PDF or JSON; sensitive-marked notes are left out of it and listed in a second file beside it, for the reviewer only.',
    kind: 'query',
    input: z.object({ prisonerId: id, format: z.enum(['pdf', 'json']) }).strict(),
    output: z.discriminatedUnion('saved', [
      z.object({
        saved: z.literal(true),
        path: z.string(),
        bytes: z.number(),
        sensitiveNotesHeldBack: z.number(),
        /** The reviewer's file of held-back notes (issue 15), beside the disclosure; null when none were held back. */
        reviewerPath: z.string().nullable(),
      }),
      z.object({ saved: z.literal(false) }),
    ]),
  }),
} satisfies Domain

export const retentionDueSchema = z.object({ prisonerId: z.number(), prisonNumber: z.string(), name: z.string(), releasedOn: z.string() })

export const retention = {
  review: channel({
    doc: 'Released prisoners whose retention period has passed, for a HOMS to review before purging.',
    kind: 'query',
    input: empty,
    output: z.object({ retentionYears: z.number(), releasedBefore: z.string(), due: z.array(retentionDueSchema) }),
  }),
  purge: channel({
    doc: 'Deletes the records of released prisoners past the retention period (facts, allocations, sessions). The purge itself is audited.',
    kind: 'mutation',
    input: z
      .object({
        prisonerIds: z.array(id).min(1, 'Choose at least one record to purge.').max(1000, 'Purge at most 1,000 records at a time.'),
        confirm: z.literal(true, 'Confirm that these records should be deleted.'),
        /** Purging asks for the HOMS's password again. */
        password: z.string().max(200),
      })
      .strict(),
    output: z.object({ purged: z.number() }),
  }),
} satisfies Domain
