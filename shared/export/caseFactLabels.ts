// The words for issue 17's case facts that both the screens and the subject access disclosure
// (electron/services/subjectAccess/pdf.ts) show, so the person reads on paper what staff read on
// screen. Pure: no clock, no I/O.
import type { ParoleReviewOutcome } from '../engine/case/paroleReviews'
import type { EarlyAllocationQuestion } from '../engine/mpc/earlyAllocation'

/** Parole review outcomes (issues 17 and 20), sentence case. */
export const PAROLE_OUTCOME_LABELS = {
  release: 'Release directed',
  refused: 'Release refused',
  deferred: 'Deferred',
  not_known: 'Not yet known',
} as const satisfies Record<ParoleReviewOutcome, string>

/** ../shared/specs/mpc-rules.md C.1's questions, as MPC asks them. */
export const EARLY_ALLOCATION_QUESTION_TEXT: Readonly<Record<EarlyAllocationQuestion, string>> = {
  convictedUnderTerrorismAct2000: 'Has this person been convicted of an offence under the Terrorism Act 2000?',
  highProfile: 'Is this a high profile case?',
  seriousCrimePreventionOrder: 'Is this person subject to a serious crime prevention order?',
  mappaLevel3: 'Is this person managed at MAPPA level 3?',
  cppcCase: 'Is this likely to be a Critical Public Protection Case?',
  extremismSeparation: 'Is this person held in an extremism separation centre?',
  dueForReleaseInLessThan24Months: 'Will they be released in less than 24 months?',
  highRiskOfSeriousHarm: 'Do they have a very high risk of serious harm?',
  mappaLevel2: 'Is this person managed at MAPPA level 2?',
  pathfinderProcess: 'Have they been identified through the pathfinder process?',
  otherReason: 'Is there any other reason to refer this case early?',
}

/** The POM types of ../shared/specs/mpc-rules.md B5 ("prison POM", "probation POM"), as a heading or cell shows them. */
export const POM_TYPE_LABELS = { prison: 'Prison POM', probation: 'Probation POM' } as const
