// The days beside a case on a handover list, in words (issue 17: "each list shows days left or
// days overdue"; issue 16: counts written properly). The main process says how many days and
// what they count (shared/ipc/channels/handover.ts: 'left' before a date, 'overdue' after one);
// the words depend on the list (../shared/specs/mpc-rules.md A.1). Pure.
import type { HandoverListItem, HandoverListsOverview } from '../../../shared/ipc/channels/handover'
import { plural } from './plural'

export type HandoverListName = Exclude<keyof HandoverListsOverview, 'today'>

export function handoverDaysText(list: HandoverListName, item: Pick<HandoverListItem, 'days' | 'daysKind'>): string {
  const n = plural(item.days, 'day')
  switch (list) {
    // A2: days to the handover start (S, the day the COM is allocated).
    case 'upcoming':
      return item.days === 0 ? 'Handover starts today' : `${n} left until the handover starts`
    // A5/A6: days since the handover date (2 or more).
    case 'comAllocationOverdue':
      return `COM allocation ${n} overdue`
    // A4: the COM has been responsible since the handover date and the checklist is not complete.
    case 'overdueTasks':
      return item.days === 0 ? 'Tasks due today' : `Tasks ${n} overdue`
    // A3 and the "to notify" list (seed 003 Annex B): days to, or since, the handover date.
    case 'inProgress':
    case 'toNotify':
      if (item.days === 0) return 'Handover date today'
      return item.daysKind === 'left' ? `${n} left until the handover date` : `Handover date was ${n} ago`
    default: {
      const never: never = list
      throw new Error(`unknown handover list ${String(never)}`)
    }
  }
}
