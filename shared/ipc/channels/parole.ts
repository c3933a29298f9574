import { z } from 'zod'
import { channel, type Domain } from '../define'
import { empty, isoDate } from '../schemas'
import { PAROLE_REVIEW_OUTCOMES } from '../../engine/case/paroleReviews'
import { id, SENTENCE_TYPES } from './caseloadValues'
import { overrideNoteSchema } from './caseWork'

// Parole reviews per case (issue 17, "Parole") feeding the omic2023 handover rules (issue 20;
// ../shared/specs/handover-2023.md section 6): list, add and correct a case's reviews, and the
// establishment's parole cases with their next hearing.

export { PAROLE_REVIEW_OUTCOMES }

const responsibility = z.enum(['pom', 'pom_with_com', 'com'])

export const paroleReviewSchema = z.object({
  id: z.number(),
  prisonerId: z.number(),
  hearingDate: z.string(),
  outcome: z.enum(PAROLE_REVIEW_OUTCOMES),
  outcomeDate: z.string().nullable(),
  nextHearingDate: z.string().nullable(),
  version: z.number(),
})
export type ParoleReview = z.infer<typeof paroleReviewSchema>

/** A review's facts as entered; the main process checks them against the case and today. */
const reviewFields = {
  hearingDate: isoDate,
  outcome: z.enum(PAROLE_REVIEW_OUTCOMES, 'Choose the outcome, or "Not yet known".').default('not_known'),
  outcomeDate: isoDate.nullable().default(null),
  nextHearingDate: isoDate.nullable().default(null),
}

export const addParoleReviewInput = z.object({ prisonerId: id, ...reviewFields }).strict()
export const correctParoleReviewInput = z.object({ reviewId: id, version: z.number().int(), ...reviewFields }).strict()

/** What the handover rules take from the reviews (spec section 6), or null while none is of this sentence. */
export const paroleInputsSchema = z
  .object({
    targetHearingDate: z.string(),
    paroleOutcome: z.enum(['release', 'not_release']).nullable(),
  })
  .nullable()

export const caseParoleSchema = z.object({
  prisonerId: z.number(),
  /** Latest hearing first. */
  reviews: z.array(paroleReviewSchema),
  used: paroleInputsSchema,
})
export type CaseParole = z.infer<typeof caseParoleSchema>

export const paroleCaseSchema = z.object({
  prisonerId: z.number(),
  prisonNumber: z.string(),
  name: z.string(),
  pomName: z.string().nullable(),
  sentenceType: z.enum(SENTENCE_TYPES),
  /** The next hearing the handover rules use (from the reviews, else the case's own target hearing date). */
  nextHearingDate: z.string().nullable(),
  /** The latest recorded outcome, or null when no review has one. */
  lastOutcome: z.enum(PAROLE_REVIEW_OUTCOMES).nullable(),
  reviews: z.number(),
  responsibility,
  handoverReason: z.string(),
  /** Issue 17 ("shown ... in every list"): a HOMD's override in force today, beside the engine's answer. */
  override: overrideNoteSchema.nullable(),
})
export type ParoleCase = z.infer<typeof paroleCaseSchema>

export const paroleCasesSchema = z.object({
  today: z.string(),
  /** Soonest next hearing first; cases with none last. */
  cases: z.array(paroleCaseSchema),
  /** Cases the engine could not evaluate, named so they can be fixed. */
  problems: z.array(z.object({ prisonerId: z.number(), prisonNumber: z.string(), message: z.string() })),
})
export type ParoleCases = z.infer<typeof paroleCasesSchema>

export const parole = {
  list: channel({
    doc: 'A case’s parole reviews, latest hearing first, and the next hearing and outcome the handover rules take from them.',
    kind: 'query',
    input: z.object({ prisonerId: id }).strict(),
    output: caseParoleSchema,
  }),
  add: channel({
    doc: 'Record a parole review of a case: hearing date, outcome, date the outcome was received and any next hearing listed.',
    kind: 'mutation',
    input: addParoleReviewInput,
    output: paroleReviewSchema,
  }),
  correct: channel({
    doc: 'Correct a recorded parole review. `version` is the one read: a stale version is refused as a conflict.',
    kind: 'mutation',
    input: correctParoleReviewInput,
    output: paroleReviewSchema,
  }),
  cases: channel({
    doc: 'Cases in custody with a parole review, or an indeterminate sentence with a target hearing date, with their next hearing.',
    kind: 'query',
    input: empty,
    output: paroleCasesSchema,
  }),
} satisfies Domain
