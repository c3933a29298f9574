// The day / month / year a person types (issue 16, "Dates, forms, wording": every date a person
// types is day-month-year, GOV.UK's date input pattern), and the 'YYYY-MM-DD' string the app keeps
// (README "Dates": calendar dates are 'YYYY-MM-DD' strings end to end). Whether the date is real is
// the contract's rule (shared/ipc/schemas.ts isoDate), checked on the joined string in the form and
// again in the main process, so both say the same sentence.

export interface DateParts {
  day: string
  month: string
  year: string
}

export const NO_DATE: DateParts = { day: '', month: '', year: '' }

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

/** '2026-03-07' -> { day: '7', month: '3', year: '2026' }; anything else gives empty parts. */
export function partsOf(iso: string | null | undefined): DateParts {
  const m = ISO.exec(iso ?? '')
  if (!m) return NO_DATE
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! }
}

/**
 * The parts as one string: '' when nothing was typed, 'YYYY-MM-DD' when each part is a number
 * (day and month padded; the contract then refuses 31/02 or a two-digit year), and otherwise a
 * string that is no date, so the contract refuses it with its one sentence about dd/mm/yyyy.
 */
export function joinParts(p: DateParts): string {
  const day = p.day.trim()
  const month = p.month.trim()
  const year = p.year.trim()
  if (!day && !month && !year) return ''
  if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)) return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  return `${year}?${month}?${day}`
}

/** 'dd/mm/yyyy' (one or two digits for day and month) -> 'YYYY-MM-DD'; null when it is not written so. */
export function fromUkDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim())
  return m ? joinParts({ day: m[1]!, month: m[2]!, year: m[3]! }) : null
}
