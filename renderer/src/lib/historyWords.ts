import { fieldWords } from '../../../shared/ipc/plainIssue'
import { factName, NOT_FACTS } from '../../../shared/export/factNames'

// A record's history in words (issue 16: no camelCase field names in history, "resourcingNote
// changed"): what a change did, and which facts it changed, named as the forms name them.

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
