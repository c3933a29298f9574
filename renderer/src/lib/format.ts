// en-GB display formats. Calendar dates stay 'YYYY-MM-DD' strings; they are formatted for display
// by date-fns through shared/dates.ts, which no time zone can shift.

/** '2026-03-29' -> '29/03/2026' (the same function the exports use). */
export { ukDate as formatDate } from '../../../shared/export/labels'

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** An instant (ISO timestamp) shown as London wall-clock time: '29/03/2026, 14:05'. */
export function formatDateTime(isoInstant: string): string {
  const d = new Date(isoInstant)
  return Number.isNaN(d.getTime()) ? isoInstant : dateTime.format(d)
}

/** EDM stage names (seed 002), the same words the exports use. */
export { STAGE_LABELS as STAGE_NAMES } from '../../../shared/export/labels'

/** Handover policy names, the same words the exports use. */
export { POLICY_LABELS as POLICY_NAMES } from '../../../shared/export/labels'

/** Establishment categories in words (the same words the exports use). */
export { CATEGORY_LABELS as CATEGORY_NAMES } from '../../../shared/export/labels'

export const POLICY_SHORT: Record<'omic2021' | 'omic2023', string> = { omic2021: 'OMiC 2021', omic2023: 'OMiC 2023' }
