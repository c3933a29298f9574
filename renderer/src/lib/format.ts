// en-GB display formats. Calendar dates stay 'YYYY-MM-DD' strings; they are only re-ordered for
// display, never passed through a Date, so no time zone can shift them.

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

export const STAGE_NAMES: Record<1 | 2 | 3 | 4, string> = {
  4: 'Stage 4 – Red / lockdown',
  3: 'Stage 3 – Restrict',
  2: 'Stage 2 – Reduce',
  1: 'Stage 1 – Prepare',
}

export const POLICY_NAMES: Record<'omic2021' | 'omic2023', string> = {
  omic2021: 'OMiC 2021 (handover at 7.5 months, COM responsible at 4.5 months)',
  omic2023: 'OMiC 2023 (single handover date)',
}

export const CATEGORY_NAMES: Record<string, string> = {
  reception: 'Reception / local',
  training: 'Training (category B or C)',
  high_security: 'High security',
  open: 'Open (category D)',
  womens: 'Women’s establishment',
  young_offender_institution: 'Young offender institution',
  other: 'Other',
}

export const POLICY_SHORT: Record<'omic2021' | 'omic2023', string> = { omic2021: 'OMiC 2021', omic2023: 'OMiC 2023' }
