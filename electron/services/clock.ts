import type { IsoDate } from '../../shared/engine/types'

export type Clock = () => Date

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** Today's calendar date in England and Wales, whatever the machine's own time zone. */
export function londonToday(now: Date): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return londonDate.format(now)
}
