import { fieldWords } from '../ipc/plainIssue'

// A prisoner's facts named as the forms name them (issue 16: no camelCase field names reach a
// user): the record history on the prisoner page and the subject access disclosure use these.

/** Field names whose words are not simply the name split (fieldWords), in the forms' words. */
const FIELD_NAMES: Record<string, string> = {
  roshLevel: 'risk of serious harm',
  mappaLevel: 'MAPPA level',
  tact: 'TACT',
  homeDetentionCurfewEligibilityDate: 'HDC eligibility date',
  homeDetentionCurfewActualDate: 'HDC approved date',
  conditionalReleaseDate: 'conditional release date (CRD)',
  automaticReleaseDate: 'automatic release date (ARD)',
  paroleEligibilityDate: 'parole eligibility date (PED)',
  tariffDate: 'tariff date (TED)',
  targetHearingDate: 'target hearing date (THD)',
  // Issue 17 (../shared/specs/mpc-rules.md F), as the prisoner form names them.
  sentenceExpiryDate: 'sentence expiry date (SED)',
  licenceExpiryDate: 'licence expiry date (LED)',
  enhancedResourcing: 'probation resourcing',
  arrivalDate: 'arrival on transfer',
  status: 'status',
}

/** Bookkeeping, not facts: never listed as changed. */
export const NOT_FACTS = new Set(['id', 'version', 'createdAt', 'updatedAt', 'rev'])

/** A field's name in words, lower case after the first word's capital is dropped (for lists). */
export function factName(field: string): string {
  const known = FIELD_NAMES[field]
  if (known) return known
  const words = fieldWords(field)
  return words.charAt(0).toLowerCase() + words.slice(1)
}
