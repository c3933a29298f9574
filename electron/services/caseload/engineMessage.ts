// Issue 16 ("Dates, forms, wording": no internal words reach a user; errors are plain sentences
// saying what to fix): a case the engine cannot evaluate is described in plain words, never with
// the engine's own message ("conditionalReleaseDate: expected a calendar date 'YYYY-MM-DD' …").
// The engine names the input field at fault (CaseInputError.field, shared/engine/case/errors.ts);
// this module gives it its label on the prisoner's form and says where it is changed. The raw
// message is kept for the log (verdict.ts `detail`).
import { CaseInputError } from '../../../shared/engine'

type Where = 'facts' | 'allocation' | 'parole' | 'earlyAllocation' | 'sessions' | 'settings'

/** The engine's input fields (shared/engine/case/input.ts), as the prisoner's form and pages name them, and where each is changed. */
const FIELDS: Record<string, { label: string; where: Where }> = {
  sentenceType: { label: 'sentence type', where: 'facts' },
  sentenceStartDate: { label: 'sentence start date', where: 'facts' },
  conditionalReleaseDate: { label: 'conditional release date', where: 'facts' },
  automaticReleaseDate: { label: 'automatic release date', where: 'facts' },
  paroleEligibilityDate: { label: 'parole eligibility date', where: 'facts' },
  tariffDate: { label: 'tariff date', where: 'facts' },
  targetHearingDate: { label: 'target hearing date', where: 'parole' },
  paroleOutcome: { label: 'parole outcome', where: 'parole' },
  homeDetentionCurfewEligibilityDate: { label: 'HDC eligibility date', where: 'facts' },
  homeDetentionCurfewActualDate: { label: 'HDC approved date', where: 'facts' },
  sentenceExpiryDate: { label: 'sentence expiry date', where: 'facts' },
  licenceExpiryDate: { label: 'licence expiry date', where: 'facts' },
  postRecallReleaseDate: { label: 'post-recall release date', where: 'facts' },
  actualParoleDate: { label: 'actual parole date', where: 'facts' },
  mappaLevel: { label: 'MAPPA level', where: 'facts' },
  recall: { label: 'recall', where: 'facts' },
  arrivalDate: { label: 'arrival date', where: 'facts' },
  openConditions: { label: 'open conditions', where: 'facts' },
  openConditionsArrivalDate: { label: 'open conditions arrival date', where: 'facts' },
  immigrationCase: { label: 'immigration case', where: 'facts' },
  additionalIsp: { label: 'additional indeterminate sentence', where: 'facts' },
  enhancedResourcing: { label: 'enhanced resourcing', where: 'facts' },
  firstPomAllocatedDate: { label: 'first POM allocation date', where: 'facts' },
  pomAllocatedDate: { label: 'POM allocation date', where: 'allocation' },
  earlyAllocation: { label: 'early allocation', where: 'earlyAllocation' },
  assessments: { label: 'early allocation assessment', where: 'earlyAllocation' },
  sessions: { label: 'session', where: 'sessions' },
  policy: { label: 'handover policy', where: 'settings' },
  extraHolidays: { label: 'non-working days', where: 'settings' },
  missedAfterDays: { label: 'overdue period', where: 'settings' },
}

const FIX: Record<Where, string> = {
  facts: 'change the prisoner’s facts',
  allocation: 'check the case’s allocation history',
  parole: 'check the case’s parole reviews',
  earlyAllocation: 'check the case’s early allocation assessments',
  sessions: 'check the dates of the case’s sessions',
  settings: 'a HOMS can check the establishment’s settings',
}

/** The first segment of a property path: 'sessions[2].date' → 'sessions'. */
function rootOf(field: string): string {
  return field.split(/[.[]/)[0] ?? field
}

/** What is wrong with the value, in words, from the engine's message. */
function faultOf(err: CaseInputError): string {
  const said = err.message
  if (said.includes('expected a calendar date')) return 'is not a valid date'
  if (said.includes('is before sentenceStartDate')) return 'is before the sentence start date'
  if (said.includes('expected true or false')) return 'is neither yes nor no'
  return 'is not valid'
}

/**
 * A plain sentence for a case the engine refused: the field by its label, what is wrong, and what
 * to do. "The conditional release date is not a valid date: change the prisoner’s facts."
 */
export function plainEngineMessage(err: unknown): string {
  if (err instanceof CaseInputError) {
    const known = FIELDS[rootOf(err.field)]
    if (known) {
      const what = known.where === 'sessions' ? 'One of the case’s sessions is not valid' : `The ${known.label} ${faultOf(err)}`
      const fix = FIX[known.where]
      return `${what}: ${fix}.`
    }
  }
  return 'The case could not be evaluated from its record: check the prisoner’s facts and dates, and if they look right tell your HOMS.'
}
