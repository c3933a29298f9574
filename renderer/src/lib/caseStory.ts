// The prisoner page in words (issue 16, "Prisoner page header" and its timeline): what is due next
// and how soon, the headline status as a sentence, and the case's history as sentences in date
// order, split at today so the page starts at today, not at the furthest future date. Pure: the
// day is the detail's own `today` ('YYYY-MM-DD'); dates are shown dd/mm/yyyy.
import type { CaseRow, Minimum, PrisonerDetail } from '../../../shared/ipc/channels/caseload'
import { formatDate } from './format'
import { howSoon } from './howSoon'
import { MODE_LABELS, RULE_SHORT } from './labels'

/** What the timeline can be filtered by (issue 16: "the timeline filters by kind"). */
export const TIMELINE_KINDS = ['session', 'key_date', 'allocation'] as const
export type TimelineKind = (typeof TIMELINE_KINDS)[number]
export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = { session: 'Sessions', key_date: 'Key dates', allocation: 'Allocations' }

export interface TimelineEntry {
  kind: TimelineKind
  /** 'YYYY-MM-DD'. */
  date: string
  /** One sentence, in the tense the date calls for. */
  sentence: string
  /** A session's note as written (rendered as text, never HTML), or the reason it is not shown. */
  note?: string
  late?: boolean
  sensitive?: boolean
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Every entry of the case's history and key dates, in no particular order (see `splitAtToday`). */
export function timelineEntries(d: PrisonerDetail): TimelineEntry[] {
  const out: TimelineEntry[] = []
  const p = d.prisoner
  const past = (date: string) => date <= d.today
  out.push({ kind: 'key_date', date: p.sentenceStartDate, sentence: `The ${p.sentenceType === 'indeterminate' ? 'indeterminate' : 'determinate'} sentence ${past(p.sentenceStartDate) ? 'started' : 'starts'}.` })
  if (p.arrivalDate) out.push({ kind: 'key_date', date: p.arrivalDate, sentence: 'Arrived at this establishment on transfer.' })
  for (const a of d.allocations) {
    out.push({ kind: 'allocation', date: a.startDate, sentence: `${a.staffName} became the case’s POM${a.reason ? ` (${a.reason.replace(/\.$/, '')})` : ''}.` })
    if (a.endDate) out.push({ kind: 'allocation', date: a.endDate, sentence: `${a.staffName} stopped being the case’s POM.` })
  }
  for (const c of d.coWorkings ?? []) {
    out.push({ kind: 'allocation', date: c.startDate, sentence: `${c.staffName} started co-working the case.` })
    if (c.endDate) out.push({ kind: 'allocation', date: c.endDate, sentence: `${c.staffName} stopped co-working the case.` })
  }
  const h = d.evaluation?.handover
  if (h?.comAllocatedDate) {
    out.push({ kind: 'key_date', date: h.comAllocatedDate, sentence: past(h.comAllocatedDate) ? 'The COM was due to be allocated: the handover started.' : 'The COM is due to be allocated: the handover starts.' })
  }
  if (h?.comResponsibleDate) {
    out.push({ kind: 'key_date', date: h.comResponsibleDate, sentence: past(h.comResponsibleDate) ? 'The COM became responsible for the case.' : 'The COM becomes responsible for the case.' })
  }
  if (h?.releaseDate) out.push({ kind: 'key_date', date: h.releaseDate, sentence: past(h.releaseDate) ? 'Release date the handover was worked out from.' : 'Expected release: the date the handover is worked out from.' })
  for (const s of d.sessions) {
    const who = s.staffName ?? 'A POM'
    // Issue 16: "each session shows who recorded it"; sessions from before this was kept say so plainly.
    const corrected = s.recordedOnReason ? ` (date corrected: ${s.recordedOnReason.replace(/\.$/, '')})` : ''
    const recorded = `Recorded on ${formatDate(s.recordedOn)}${s.recordedBy ? ` by ${s.recordedBy}` : ''}${corrected}${s.recordedBy ? '' : '; who entered it was not recorded'}.`
    out.push({
      kind: 'session',
      date: s.date,
      sentence: `${who} held ${s.inPerson ? 'an in-person' : 'a remote'} session of ${plural(s.durationMinutes, 'minute')} (${MODE_LABELS[s.mode]}). ${recorded}`,
      note: s.notes || (s.notesSensitive ? 'Note not shown to your role: it is marked sensitive.' : 'No notes.'),
      late: s.late,
      sensitive: s.notesSensitive,
    })
  }
  return out
}

/**
 * The page starts at today: what is still to come (soonest first) apart from what has happened
 * (latest first). Entries of one day keep the order they were made in.
 */
export function splitAtToday(entries: readonly TimelineEntry[], today: string): { upcoming: TimelineEntry[]; past: TimelineEntry[] } {
  const upcoming = entries.filter((e) => e.date > today).sort((a, b) => a.date.localeCompare(b.date))
  const past = entries.filter((e) => e.date <= today).sort((a, b) => b.date.localeCompare(a.date))
  return { upcoming, past }
}

/** "Start of custody: 2 more in-person sessions due in 3 days (by 26/11/2026)." */
export function nextDueSentence(next: Minimum | null | undefined, today: string): string {
  if (!next || !next.dueBy) return 'Nothing is due: every supervision minimum is met, missed or does not apply.'
  const n = Math.max(0, next.required - next.achieved)
  const sessions = plural(n, 'more in-person session')
  const soon = howSoon(next.dueBy, today)
  if (soon.urgency === 'late') return `${RULE_SHORT[next.rule]}: ${sessions} ${n === 1 ? 'was' : 'were'} due by ${formatDate(next.dueBy)}, ${soon.text}. Hold ${n === 1 ? 'it' : 'them'} now.`
  return `${RULE_SHORT[next.rule]}: ${sessions} due ${soon.text} (by ${formatDate(next.dueBy)}).`
}

/** The headline status (the lists' own: overdue > due > met > missed > not applicable) as a sentence. */
export function statusSentence(status: CaseRow['status']): string {
  switch (status) {
    case 'overdue':
      return 'Overdue: a supervision minimum is past its due date and can still be met. Hold the sessions now.'
    case 'due':
      return 'Due: a supervision minimum is open and not yet past its due date.'
    case 'met':
      return 'On track: no supervision minimum is due or overdue.'
    case 'missed':
      return 'Missed: a supervision minimum was not met in time. It is kept as history; nothing is open.'
    // Issue 16: a missed minimum never heads the case (caseload/verdict.ts worstStatus); it stays in the case's minima and history.
    case 'not_applicable':
      return 'No minimum due: no supervision minimum is open on this case today. A minimum not met in time stays in its history.'
    default: {
      const never: never = status
      return String(never)
    }
  }
}
