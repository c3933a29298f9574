// Who is responsible for a case, in the words every list and export shows (issue 17,
// "Responsibility override": a HOMD's override is "shown on the case and in every list and export;
// the engine's own answer stays visible beside it"). Lists keep their membership on the engine's
// answer (../shared/specs/mpc-rules.md A.1: "overrides play no part"), so an override is a note
// beside the row, never a reason to move it. Pure: no clock, dates come in as 'YYYY-MM-DD'.
import type { Responsibility } from '../engine/case/types'
import { ukDate } from './labels'

export const RESPONSIBILITY_LABELS: Record<Responsibility, string> = { pom: 'POM', pom_with_com: 'POM with COM', com: 'COM' }

/** A HOMD's override in force today, as the lists carry it beside the engine's own answer. */
export interface ResponsibilityOverrideNote {
  responsibility: 'pom' | 'com'
  /** The first day it no longer applies; null: until a HOMD ends it. */
  endDate: string | null
}

/**
 * The override as a note beside the engine's answer, e.g. "COM (override until 01/12/2026; rules
 * say POM)"; with no override in force, the engine's answer alone ("POM with COM").
 */
export function responsibilityText(engine: Responsibility, override: ResponsibilityOverrideNote | null | undefined): string {
  if (!override) return RESPONSIBILITY_LABELS[engine]
  const until = override.endDate === null ? 'override, no end date' : `override until ${ukDate(override.endDate)}`
  return `${RESPONSIBILITY_LABELS[override.responsibility]} (${until}; rules say ${RESPONSIBILITY_LABELS[engine]})`
}

/**
 * The readiness export's count of overrides in force (issue 17), beside the rules' own counts,
 * e.g. "2 cases made COM responsible, 1 made POM responsible; counted above as the rules say".
 */
export function overridesText(o: { pom: number; com: number }): string {
  if (o.pom + o.com === 0) return 'None'
  const cases = (n: number) => `${n} case${n === 1 ? '' : 's'}`
  const parts = [o.com > 0 ? `${cases(o.com)} made COM responsible` : null, o.pom > 0 ? `${cases(o.pom)} made POM responsible` : null].filter((x) => x !== null)
  return `${parts.join(', ')}; counted above as the rules say`
}
