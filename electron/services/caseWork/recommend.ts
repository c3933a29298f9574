import { overrideOn, recommendationText, recommendPomType, type RecommendPomTypeInput } from '../../../shared/engine'
import type { StoreConn } from '../../../db/store/types'
import type { PomTypeRecommendation } from '../../../shared/ipc/channels/caseWork'
import { UserFacingError } from '../../../shared/ipc/result'
import { evalSettings } from '../caseload/context'
import { loadCases } from '../caseload/load'
import { verdictFor } from '../caseload/verdict'
import { readSettings } from '../establishment/store'

// The recommended POM type for one case (issue 17; ../shared/specs/mpc-rules.md section B), from
// the engine's live responsibility, any HOMD override in force, the case's immigration status,
// tier and RoSH, and the establishment's strategy (Settings, spec E.4). Used by the allocation
// dialog's query and by allocations.allocate, which requires a reason when the chosen POM is of
// the other type (spec B4).

export async function recommendationFor(conn: StoreConn, prisonerId: number, today: string, chosenPomRole: string | null): Promise<PomTypeRecommendation> {
  const [rec] = await loadCases(conn, { prisonerId })
  if (!rec) throw new UserFacingError('not_found', 'That prisoner is not on record. Reload the list.', 'prisonerId')
  const s = await evalSettings(conn.db, today)
  const strategy = (await readSettings(conn.db)).pomTypeStrategy
  const v = verdictFor(rec, s)
  const p = rec.prisoner
  const override = overrideOn(rec.caseWork?.overrides ?? [], today)
  const result = recommendPomType({
    strategy,
    immigrationCase: p.immigrationCase === 1,
    // A case the engine cannot evaluate (bad dates) is treated as POM responsible, as allocation does.
    responsibility: v.ok ? v.evaluation.responsibility : 'pom',
    responsibilityOverride: override?.responsibility ?? null,
    tier: p.tier,
    roshLevel: p.roshLevel as RecommendPomTypeInput['roshLevel'],
    chosenPomRole,
  })
  return { strategy, ...result, text: recommendationText(result, { firstName: p.firstName, tier: p.tier, roshLevel: p.roshLevel as RecommendPomTypeInput['roshLevel'] }) }
}

/**
 * The sentence asking for the reason spec B4 requires, naming both types (B5 words: "prison POM",
 * "probation POM"), e.g. "Say why you chose a probation POM when a prison POM is recommended."
 */
export function pomTypeReasonNeeded(recommended: 'prison' | 'probation' | null, chosenRole: string): string {
  const chosen = chosenRole === 'probation_pom' ? 'a probation POM' : chosenRole === 'prison_pom' ? 'a prison POM' : 'this POM'
  return recommended === null
    ? `Say why you chose ${chosen}: no POM type is recommended for this case until its risk of serious harm (RoSH) is recorded.`
    : `Say why you chose ${chosen} when a ${recommended} POM is recommended.`
}
