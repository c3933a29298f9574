// Issue 16 ("POM: My work — counts that link to filtered lists"): which worklist each open minimum
// and each late record is on, in one place, so the home's counts and the Due screen's filtered
// lists are the same rows on both backends. No rule is decided here: a minimum's status (due,
// overdue, missed) is the case engine's (seed 003 Annex B, with issue 16's overdue period), and a
// late record is one entered more than one working day after the session (seed 003 Annex B 1.1).
import { addWorkingDays, type MinimumResult } from '../../../shared/engine/index'
import { addDaysIso } from '../../../shared/dates'
import type { MinimumWorklist } from '../../../shared/ipc/channels/allocation'
import type { CaseRecord } from '../caseload/load'

/** Look-aheads of the POM's counts (issue 16: "due in the next 7 days", "the next 28 days"). */
export const DUE_SOON_DAYS = 7
export const DUE_LATER_DAYS = 28

/** The last days of the two look-aheads, worked out once per list (date arithmetic per minimum was most of the due list's time). */
export interface WorklistHorizon {
  today: string
  soon: string
  later: string
}

export function worklistHorizon(today: string): WorklistHorizon {
  return { today, soon: addDaysIso(today, DUE_SOON_DAYS), later: addDaysIso(today, DUE_LATER_DAYS) }
}

/**
 * The worklists an open minimum is on; none for a met, missed or not applicable one (issue 16: a
 * missed minimum leaves every worklist), or one due more than 28 days ahead. "Transfers awaiting
 * their first session" are the transfer minima on a worklist: the window is 14 working days from
 * arrival (seed 003 Annex B "POM to POM transfers"), so an open one is overdue or due within 28 days.
 */
export function worklistsOf(m: MinimumResult, h: WorklistHorizon): MinimumWorklist[] {
  if (m.dueBy === null) return []
  const lists: MinimumWorklist[] = []
  if (m.status === 'overdue') lists.push('overdue')
  else if (m.status === 'due' && m.dueBy <= h.later) {
    if (m.dueBy <= h.soon) lists.push('due7')
    lists.push('due28')
  } else return []
  if (m.rule === 'transfer_arrival') lists.push('transfers')
  return lists
}

/** The first day of `today`'s month: "records entered late this month". */
export function monthStartOf(today: string): string {
  return `${today.slice(0, 7)}-01`
}

/**
 * Sessions recorded in [from, today] more than one working day after they took place (seed 003
 * Annex B 1.1: records within one working day). A late record is never ordinary, so the
 * whole-establishment read always holds it (shared/engine/case/relevance.ts).
 */
export function lateRecordsOf(rec: CaseRecord, from: string, today: string, extraHolidays: readonly string[]): { date: string; recordedOn: string }[] {
  const out: { date: string; recordedOn: string }[] = []
  for (const s of rec.sessions) {
    const on = s.recordedOn
    if (!on || on < from || on > today) continue
    if (on > addWorkingDays(s.date, 1, extraHolidays)) out.push({ date: s.date, recordedOn: on })
  }
  return out
}

/** Issue 16 ("My work"): the cases whose minima are the POM's: those allocated to them (a co-worker's cases stay the allocated POM's, coworking/handlers.ts). */
export function allocatedTo(rec: CaseRecord, pomId: number | null): boolean {
  return pomId !== null && rec.current?.staffId === pomId
}
