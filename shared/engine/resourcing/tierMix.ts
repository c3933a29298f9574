// A POM's case mix by tier and their tier-weighted load (issue 16, Screens: "Allocation: ... each
// POM's cases, weighted load and capacity, tier mix as a compact bar"). Pure: plain data in and
// out. The counts come from allocations.overview's `byTier` (full tiers such as 'B2', or 'Not set').

/** The tier letters, highest risk and need first (MPC tiers 'A0'..'D3'; spec mpc-rules.md B). */
export const TIER_LETTERS = ['A', 'B', 'C', 'D'] as const
export type TierLetter = (typeof TIER_LETTERS)[number]

/** Cases per tier letter, and those with no (or no recognisable) tier recorded. */
export type TierMix = Record<TierLetter, number> & { notSet: number }

/**
 * The weight of one case of each tier in a POM's weighted load. OUR ASSUMPTION, not a seed
 * figure: seed 003 (National Standards 2021, 8.2 and the allocation row of section 1) says "the
 * tier of the case should inform the allocation process" and that allocation weighs "Risk of
 * Serious Harm (ROSH) level, complexity; ... current caseloads; Workload Management Tool (WMT)",
 * but gives no weights, and the WMT's own figures are not among our sources. So: a tier C case
 * counts as one case, the unit capacity is measured in (pomCaseload.ts FULL_TIME_CASELOAD); a
 * tier A case half as much again and tier B a quarter more (more risk and need, more sessions and
 * liaison); tier D three quarters. A case with no tier counts as one until its tier is recorded.
 * Replace with the establishment's agreed WMT weights when they are known.
 */
export const TIER_WEIGHTS: Readonly<Record<TierLetter | 'notSet', number>> = { A: 1.5, B: 1.25, C: 1, D: 0.75, notSet: 1 }

function letterOf(tier: string): TierLetter | null {
  const l = tier.trim().charAt(0).toUpperCase()
  return (TIER_LETTERS as readonly string[]).includes(l) ? (l as TierLetter) : null
}

/** Counts by full tier ('A1': 2, 'A2': 1, 'Not set': 3) gathered by letter. */
export function tierMix(byTier: Readonly<Record<string, number>>): TierMix {
  const mix: TierMix = { A: 0, B: 0, C: 0, D: 0, notSet: 0 }
  for (const [tier, n] of Object.entries(byTier)) {
    const l = letterOf(tier)
    if (l === null) mix.notSet += n
    else mix[l] += n
  }
  return mix
}

/** The tier-weighted load (TIER_WEIGHTS), to one decimal place. */
export function weightedLoad(mix: TierMix): number {
  const total = TIER_LETTERS.reduce((sum, l) => sum + mix[l] * TIER_WEIGHTS[l], mix.notSet * TIER_WEIGHTS.notSet)
  return Math.round(total * 10) / 10
}

/** "A 3 · B 10 · C 12 · D 5", with "· Not set 2" when any case has no tier; "No cases" when none. */
export function tierMixText(mix: TierMix): string {
  const total = TIER_LETTERS.reduce((sum, l) => sum + mix[l], mix.notSet)
  if (total === 0) return 'No cases'
  const parts = TIER_LETTERS.map((l) => `${l} ${mix[l]}`)
  return mix.notSet > 0 ? [...parts, `Not set ${mix.notSet}`].join(' · ') : parts.join(' · ')
}
