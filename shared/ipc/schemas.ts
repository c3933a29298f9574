import { z } from 'zod'

// Field-level schemas reused by several channels. Messages are plain sentences: they reach the user.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date as 'YYYY-MM-DD' that exists (no 31 June, no 29 February in 2023). */
export const isoDate = z.string().refine((s) => {
  const m = ISO_DATE.exec(s)
  if (!m) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1) return false
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0
  return d <= dim
  // Said as the user types a date (day, month, year: issue 16), though it travels as 'YYYY-MM-DD'.
}, 'Enter a real date as dd/mm/yyyy, for example 27/03/2026.')

export const policySchema = z.enum(['omic2021', 'omic2023'], 'Choose the handover policy: OMiC 2021 or OMiC 2023.')

/** Stage of the Exceptional Delivery Model: 4 Red/lockdown, 3 Restrict, 2 Reduce, 1 Prepare (seed 002). */
export const stageSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])

export const empty = z.object({}).strict()

/**
 * The signed-in user's own password, asked again before a weighty change (issues 7, 15): checked by
 * the dispatcher (electron/services/permissions.ts `reauth`), never stored or written to the audit
 * trail. An empty one reaches the dispatcher, which refuses it in the same sentence as a wrong one.
 */
export const confirmingPassword = z.string('Enter your own password, to confirm.').max(200, 'Enter your own password, to confirm (it is 200 characters or fewer).')
