// How soon a due date is, in words (issue 16: "due in 3 days" must read differently from "due in
// 11 weeks"; lists say "in N days" or "N days late"). Calendar arithmetic only; `today` is passed in.
import { daysBetweenIso } from '../../../shared/dates'

/** late: past the due date; soon: within a week (today included); later: further off. */
export type Urgency = 'late' | 'soon' | 'later'

export interface HowSoon {
  /** Days from today to the due date: negative when late. */
  days: number
  urgency: Urgency
  /** "in 3 days", "today", "tomorrow", "in 11 weeks", "4 days late". */
  text: string
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Up to 4 weeks a due date is counted in days; beyond, in whole weeks (rounded down). */
const DAYS_UP_TO = 27

export function howSoon(dueBy: string, today: string): HowSoon {
  const days = daysBetweenIso(today, dueBy)
  if (days < 0) return { days, urgency: 'late', text: `${plural(-days, 'day')} late` }
  if (days === 0) return { days, urgency: 'soon', text: 'today' }
  if (days === 1) return { days, urgency: 'soon', text: 'tomorrow' }
  const urgency: Urgency = days <= 7 ? 'soon' : 'later'
  return { days, urgency, text: days <= DAYS_UP_TO ? `in ${plural(days, 'day')}` : `in ${plural(Math.floor(days / 7), 'week')}` }
}

/** The same as a sentence fragment after "Due": "due in 3 days", "due today", "4 days late". */
export function dueText(dueBy: string, today: string): string {
  const h = howSoon(dueBy, today)
  return h.urgency === 'late' ? h.text : `due ${h.text}`
}
