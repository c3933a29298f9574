import { plural } from './plural'

/**
 * Issue 16, "Dates, forms, wording": how many sessions a minimum has had, in words. A minimum met
 * with more sessions than it requires reads "2 sessions held (1 required): met", never "2 of 1".
 * The minima themselves (National Standards 2021, Annex B; ../shared/specs/mpc-rules.md) are the
 * case engine's; this only words its counts.
 */
export function achievedText(achieved: number, required: number): string {
  if (achieved >= required) return `${plural(achieved, 'session')} held (${required} required): met`
  return `${achieved} of ${plural(required, 'session')} held`
}
