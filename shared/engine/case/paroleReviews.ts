// Where the case engine's parole inputs come from (issues 17 and 20): the case's recorded parole
// reviews, read as ../shared/specs/handover-2023.md section 6 ("Where the inputs come from") says.
// Pure: the caller passes the reviews and the sentence start; no clock.
import type { IsoDate, ParoleOutcome } from './types'

/**
 * A parole review's recorded outcome. `release`: the Parole Board directed release; `refused` and
 * `deferred`: not released (the panel usually lists a further hearing); `not_known`: no outcome yet.
 * Stored as these words (db/schema/parole.ts); the engine's `paroleOutcome` is derived from them.
 */
export const PAROLE_REVIEW_OUTCOMES = ['release', 'refused', 'deferred', 'not_known'] as const
export type ParoleReviewOutcome = (typeof PAROLE_REVIEW_OUTCOMES)[number]

/** One recorded parole review: what the derivation reads of it. */
export interface ParoleReviewFacts {
  hearingDate: IsoDate
  outcome: ParoleReviewOutcome
  /** The day the outcome was received. */
  outcomeDate: IsoDate | null
  /** The next hearing the panel listed (after a refusal or deferral), if set. */
  nextHearingDate: IsoDate | null
}

export interface ParoleInputs {
  /** The engine's `targetHearingDate`: the next hearing of the current sentence. */
  targetHearingDate: IsoDate
  /** The engine's `paroleOutcome`: the latest review with an outcome, or null when none has one. */
  paroleOutcome: ParoleOutcome | null
}

/**
 * Spec section 6: "A review counts as having [an outcome] when an outcome other than 'Not
 * Applicable'/'Not Specified' is recorded, or the date the outcome was received is." So a date
 * received with the outcome still `not_known` counts, as a not-release outcome (section 1: "any
 * other recorded outcome ... no decision").
 */
export function hasOutcome(r: ParoleReviewFacts): boolean {
  return r.outcome !== 'not_known' || r.outcomeDate !== null
}

/** Section 1: `release` when the Parole Board directed release, `not_release` for any other recorded outcome. */
export function engineOutcome(r: ParoleReviewFacts): ParoleOutcome {
  return r.outcome === 'release' ? 'release' : 'not_release'
}

/** Latest by hearing date; of two on one day, the later in the list (the one recorded last). */
function latest<T extends ParoleReviewFacts>(reviews: readonly T[]): T | undefined {
  let best: T | undefined
  for (const r of reviews) if (!best || r.hearingDate >= best.hearingDate) best = r
  return best
}

/**
 * The engine's parole inputs from a case's reviews, in the order they were recorded, or null when
 * no review belongs to the current sentence (the case then keeps its own target hearing date and
 * no outcome). Spec section 6:
 * - the current sentence's reviews are those "whose hearing date is on or after `sentenceStartDate`";
 * - `targetHearingDate` is "the hearing date of the latest parole review ..., the latest by hearing
 *   date". A refused or deferred review that lists the next hearing stands for that next review
 *   until it is recorded itself, so its next hearing date is the one used: "a refused or deferred
 *   hearing that lists a new hearing therefore moves the release date through the existing ISP
 *   rule, and R2 decides whether the case keeps handover dates at all" (issue 20: the spec's reading
 *   governs; the outcome itself matters only through R2's 12-month rules);
 * - `paroleOutcome`: "among those reviews, the latest one with an outcome".
 */
export function paroleInputs(reviews: readonly ParoleReviewFacts[], sentenceStartDate: IsoDate): ParoleInputs | null {
  const last = latest(reviews.filter((r) => r.hearingDate >= sentenceStartDate))
  if (!last) return null
  const decided = lastDecidedReview(reviews, sentenceStartDate)
  return {
    targetHearingDate: last.nextHearingDate ?? last.hearingDate,
    paroleOutcome: decided ? engineOutcome(decided) : null,
  }
}

/** Section 6: among the current sentence's reviews, the latest one with an outcome (the one `paroleOutcome` comes from), if any. */
export function lastDecidedReview<T extends ParoleReviewFacts>(reviews: readonly T[], sentenceStartDate: IsoDate): T | null {
  return latest(reviews.filter((r) => r.hearingDate >= sentenceStartDate && hasOutcome(r))) ?? null
}
