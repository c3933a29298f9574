import { fieldWords } from '../../../shared/ipc/plainIssue'
import { factName, NOT_FACTS } from '../../../shared/export/factNames'
import { CHECKLIST_TASK_LABELS, type ChecklistTask } from '../../../shared/engine'

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
  // Issue 17's case records, each said as what happened (issue 16: not "Add" or "Tick task").
  'omu:parole.add': 'Parole review recorded',
  'omu:parole.correct': 'Parole review corrected',
  'omu:handover.saveDetails': 'COM and handover details saved',
  'omu:handover.notifyCommunity': 'Community notified of the handover',
  'omu:caseWork.setOverride': 'Responsibility overridden',
  'omu:caseWork.endOverride': 'Responsibility override ended',
  'omu:caseWork.assessEarlyAllocation': 'Early allocation assessed',
  'omu:caseWork.recordCommunityDecision': 'Community’s early allocation decision recorded',
  'omu:coworking.assign': 'Co-working POM added',
  'omu:coworking.end': 'Co-working ended',
  'omu:reallocation.apply': 'Reallocated to another POM',
  'omu:caseImport.commit': 'Imported from a file',
  'omu:subjectAccess.export': 'Subject access disclosure exported',
}

/** A ticked or unticked handover task in the checklist's own words (spec D.1 labels). */
function taskWhat(after: unknown): string {
  const a = typeof after === 'object' && after !== null ? (after as { handoverTask?: unknown; done?: unknown }) : {}
  const label = typeof a.handoverTask === 'string' && a.handoverTask in CHECKLIST_TASK_LABELS ? CHECKLIST_TASK_LABELS[a.handoverTask as ChecklistTask] : 'a handover task'
  return a.done === true ? `Handover task done: ${label}` : `Handover task no longer done: ${label}`
}

/** One history entry's "what" as a sentence fragment: 'Facts changed: tier, risk of serious harm'. */
export function historyWhat(entry: { channel: string; before: unknown; after: unknown }): string {
  // ../shared/specs/mpc-rules.md D.5: the app's own recalculation of the handover (a system change).
  if (entry.channel === 'omu:handover.recalculated') {
    const reset = typeof entry.after === 'object' && entry.after !== null && (entry.after as { checklistReset?: unknown }).checklistReset === true
    return reset ? 'Handover checklist cleared by the app: the POM is responsible again or the handover date moved' : 'Handover responsibility and date recorded by the app'
  }
  if (entry.channel === 'omu:handover.tickTask') return taskWhat(entry.after)
  const what = WHAT[entry.channel] ?? fieldWords(entry.channel.replace(/^omu:/, '').split('.').pop() ?? entry.channel)
  if (entry.channel !== 'omu:prisoners.update') return what
  const facts = changedFacts(entry.before, entry.after)
  return facts.length > 0 ? `${what}: ${facts.join(', ')}` : what
}
