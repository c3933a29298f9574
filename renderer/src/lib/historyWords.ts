import { fieldWords } from '../../../shared/ipc/plainIssue'

// A record's history in words (issue 16: no camelCase field names in history, "resourcingNote
// changed"): what a change did, and which facts it changed, named as the forms name them.

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
const NOT_FACTS = new Set(['id', 'version', 'createdAt', 'updatedAt', 'rev'])

/** A field's name in words, lower case after the first word's capital is dropped (for lists). */
export function factName(field: string): string {
  const known = FIELD_NAMES[field]
  if (known) return known
  const words = fieldWords(field)
  return words.charAt(0).toLowerCase() + words.slice(1)
}

/** The facts that differ between two versions of a record, in words, in the record's own order. */
export function changedFacts(before: unknown, after: unknown): string[] {
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return []
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !NOT_FACTS.has(k))
  return keys.filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)).map(factName)
}

const WHAT: Record<string, string> = {
  'omu:prisoners.create': 'Record created',
  'omu:prisoners.update': 'Facts changed',
  'omu:sessions.record': 'Session recorded',
  'omu:sessions.correctRecordedOn': 'Recorded-on date of a session corrected',
  'omu:allocations.allocate': 'Allocated',
}

/** One history entry's "what" as a sentence fragment: 'Facts changed: tier, risk of serious harm'. */
export function historyWhat(entry: { channel: string; before: unknown; after: unknown }): string {
  // ../shared/specs/mpc-rules.md D.5: the app's own recalculation of the handover (a system change).
  if (entry.channel === 'omu:handover.recalculated') {
    const reset = typeof entry.after === 'object' && entry.after !== null && (entry.after as { checklistReset?: unknown }).checklistReset === true
    return reset ? 'Handover checklist cleared by the app: the POM is responsible again or the handover date moved' : 'Handover responsibility and date recorded by the app'
  }
  const what = WHAT[entry.channel] ?? fieldWords(entry.channel.replace(/^omu:/, '').split('.').pop() ?? entry.channel)
  if (entry.channel !== 'omu:prisoners.update') return what
  const facts = changedFacts(entry.before, entry.after)
  return facts.length > 0 ? `${what}: ${facts.join(', ')}` : what
}
