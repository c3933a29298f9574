import { ukDateOrNull } from '../../../shared/dates'
import type { ParoleReviewFacts } from '../../../shared/engine/case/paroleReviews'
import { UserFacingError } from '../../../shared/ipc/result'

// Checks on a parole review as entered (issues 17 and 20), each refusal a sentence naming the
// field. Pure: the case's sentence start and today are passed in.

export function checkParoleReview(r: ParoleReviewFacts, p: { sentenceStartDate: string }, today: string): void {
  // Handover spec section 6 reads only the reviews of the current sentence (hearing on or after its start).
  if (r.hearingDate < p.sentenceStartDate) {
    throw new UserFacingError('invalid_input', `Hearing date: cannot be before the sentence start date (${ukDateOrNull(p.sentenceStartDate) ?? p.sentenceStartDate}).`, 'hearingDate')
  }
  if (r.outcomeDate !== null && r.outcomeDate > today) throw new UserFacingError('invalid_input', 'Outcome date: cannot be in the future.', 'outcomeDate')
  if (r.nextHearingDate !== null) {
    if (r.outcome === 'release') throw new UserFacingError('invalid_input', 'Next hearing date: a release direction lists no further hearing. Leave it blank.', 'nextHearingDate')
    if (r.outcome === 'not_known') throw new UserFacingError('invalid_input', 'Outcome: choose refused or deferred, the outcome that listed the next hearing.', 'outcome')
    if (r.nextHearingDate <= r.hearingDate) throw new UserFacingError('invalid_input', 'Next hearing date: must be after this hearing’s date.', 'nextHearingDate')
  }
}
