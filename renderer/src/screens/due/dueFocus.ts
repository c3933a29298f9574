// Issue 16 ("counts that link to filtered lists"): the Due screen opened on one list, from a home
// count: `#/due?mine=0&list=overdue` (the establishment's) or `#/due?mine=1&list=overdue` (the signed-in
// POM's own cases). Which rows are on a list is the main process's (home/worklists.ts, handover
// lists of ../shared/specs/mpc-rules.md A.1); this module only names the lists and reads the link.
import { useSyncExternalStore } from 'react'
import type { MinimumWorklist } from '../../../../shared/ipc/channels/allocation'
import type { HandoverListName } from '../../lib/handoverDays'
import { hrefFor } from '../../app/routes'

export type DueList = MinimumWorklist | 'late' | HandoverListName

/** Each list's title, as the home's count names it. */
export const DUE_LIST_TITLES: Record<DueList, string> = {
  overdue: 'Overdue, still to act on',
  due7: 'Due in the next 7 days',
  due28: 'Due in the next 28 days',
  transfers: 'Transfers awaiting their first session',
  late: 'Records entered late this month',
  upcoming: 'Handovers starting in the next 8 weeks',
  inProgress: 'Handovers in progress',
  comAllocationOverdue: 'COM allocation overdue',
  overdueTasks: 'Overdue handover tasks',
  toNotify: 'To notify the community',
}

const LISTS = Object.keys(DUE_LIST_TITLES) as DueList[]

export function isMinimumWorklist(list: DueList): list is MinimumWorklist {
  return list === 'overdue' || list === 'due7' || list === 'due28' || list === 'transfers'
}

/** The link a home count opens. */
export function dueListHref(list: DueList, mine: boolean): string {
  return `${hrefFor('due')}?mine=${mine ? 1 : 0}&list=${list}`
}

export interface DueFocus {
  /** The signed-in user's own cases (true), the establishment's (false), or not said (null: the role's default, dueMineFor). */
  mine: boolean | null
  list: DueList | null
}

function read(hash: string): DueFocus {
  const query = new URLSearchParams(hash.split('?')[1] ?? '')
  const list = query.get('list')
  const mine = query.get('mine')
  return { mine: mine === '1' ? true : mine === '0' ? false : null, list: LISTS.find((l) => l === list) ?? null }
}

/**
 * Issue 16, "Nothing of other POMs unless asked": a POM's Due screen shows their own cases unless
 * the link (or the screen's switch) asks for the whole establishment; every other role starts on
 * the establishment.
 */
export function dueMineFor(focus: DueFocus, role: string | null): boolean {
  return focus.mine ?? role === 'pom'
}

/** The URL of the Due screen showing `mine` or the establishment, keeping the rest of the link (a focused list). */
export function dueHrefWithMine(hash: string, mine: boolean): string {
  const query = new URLSearchParams(hash.split('?')[1] ?? '')
  query.set('mine', mine ? '1' : '0')
  return `${hrefFor('due')}?${query.toString()}`
}

const CHANGED = 'omu-due-focus'

/**
 * The switch "Show the whole establishment": the choice is kept in the URL (so Back, a reload and
 * the printed page keep it) by replacing the current entry, which neither adds a Back step nor
 * counts as a navigation (the focus stays on the switch).
 */
export function setDueMine(mine: boolean): void {
  window.history.replaceState(window.history.state, '', dueHrefWithMine(window.location.hash, mine))
  window.dispatchEvent(new Event(CHANGED))
}

let cached: { hash: string; focus: DueFocus } = { hash: '', focus: { mine: null, list: null } }
function snapshot(): DueFocus {
  const hash = window.location.hash
  if (hash !== cached.hash) cached = { hash, focus: read(hash) }
  return cached.focus
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  window.addEventListener(CHANGED, onChange)
  return () => {
    window.removeEventListener('hashchange', onChange)
    window.removeEventListener(CHANGED, onChange)
  }
}

/** The list the Due screen was opened on, if any, and whose cases. */
export function useDueFocus(): DueFocus {
  return useSyncExternalStore(subscribe, snapshot)
}
