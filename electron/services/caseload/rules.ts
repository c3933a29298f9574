import type { PrisonerInput, Session } from '../../../shared/ipc/channels/caseload'
import { UserFacingError } from '../../../shared/ipc/result'

// Checks on caseload input that need no store: shared by the forms' handlers and the CSV import,
// each refusal a sentence naming the field.

/** Cross-field checks the engine would otherwise refuse later, as sentences naming the field. */
export function checkPrisonerDates(f: PrisonerInput, today: string): void {
  if (f.dateOfBirth >= f.sentenceStartDate) throw new UserFacingError('invalid_input', 'Date of birth: must be before the sentence start date.', 'dateOfBirth')
  if (f.sentenceStartDate > today) throw new UserFacingError('invalid_input', 'Sentence start date: cannot be in the future.', 'sentenceStartDate')
  const release: [keyof PrisonerInput, string][] = [
    ['conditionalReleaseDate', 'Conditional release date'],
    ['automaticReleaseDate', 'Automatic release date'],
    ['paroleEligibilityDate', 'Parole eligibility date'],
    ['tariffDate', 'Tariff date'],
    ['targetHearingDate', 'Target hearing date'],
    ['homeDetentionCurfewEligibilityDate', 'HDC eligibility date'],
    ['homeDetentionCurfewActualDate', 'HDC approved date'],
    // Issue 17 (../shared/specs/mpc-rules.md F): the release dates of spec A.3's second group.
    ['sentenceExpiryDate', 'Sentence expiry date'],
    ['licenceExpiryDate', 'Licence expiry date'],
    ['postRecallReleaseDate', 'Post-recall release date'],
    ['actualParoleDate', 'Actual parole date'],
  ]
  for (const [field, label] of release) {
    const v = f[field]
    if (typeof v === 'string' && v < f.sentenceStartDate) throw new UserFacingError('invalid_input', `${label}: cannot be before the sentence start date.`, field)
  }
  if (f.arrivalDate && f.arrivalDate > today) throw new UserFacingError('invalid_input', 'Arrival date: cannot be in the future.', 'arrivalDate')
  // Issue 17: a first allocation that has not happened yet cannot start the start-of-custody count.
  if (f.firstPomAllocatedDate && f.firstPomAllocatedDate > today) {
    throw new UserFacingError('invalid_input', 'First POM allocation: cannot be in the future.', 'firstPomAllocatedDate')
  }
  // Handover spec section 1: the day the open-conditions handover start counts from. It has no
  // order check against the sentence start, and means nothing unless the case is in open conditions.
  if (f.openConditionsArrivalDate) {
    if (!f.openConditions) throw new UserFacingError('invalid_input', 'Open conditions arrival date: tick "In open conditions", or leave this date blank.', 'openConditionsArrivalDate')
    if (f.openConditionsArrivalDate > today) throw new UserFacingError('invalid_input', 'Open conditions arrival date: cannot be in the future.', 'openConditionsArrivalDate')
  }
}

/** Checks a session against its prisoner and today; shared by recording and CSV import. */
export function checkSession(input: { date: string; inPerson: boolean; mode: Session['mode'] }, p: { sentenceStartDate: string }, today: string): void {
  if (input.date > today) throw new UserFacingError('invalid_input', 'Session date: a session cannot be recorded before it has happened.', 'date')
  if (input.date < p.sentenceStartDate) throw new UserFacingError('invalid_input', 'Session date: cannot be before the sentence start date.', 'date')
  // Video and in-cell telephony are remote by definition; other modes may be either.
  if (input.inPerson && (input.mode === 'video' || input.mode === 'in_cell_telephony')) {
    throw new UserFacingError('invalid_input', 'In person: a video or in-cell telephony session is not in person. Untick "In person" or choose another mode.', 'inPerson')
  }
}
