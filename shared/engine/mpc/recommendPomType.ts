// Recommended POM type (../shared/specs/mpc-rules.md section B): whether a case should go to a
// prison or a probation POM, and why. Pure; no clock. MPC's tier strategy (national practice) and
// its RoSH strategy, chosen by an establishment setting (spec E.4), with the app's values
// 'prison' | 'probation' | null in place of MPC's PRO / PO / NOREC.
import type { Responsibility } from '../case/types'
import { CaseInputError, describe } from '../case/errors'

export type PomType = 'prison' | 'probation'
export type RecommendationReason = 'immigration_case' | 'supporting_role' | 'tier_based' | 'rosh_based' | 'missing_rosh'
export type RecommendationStrategy = 'tier' | 'rosh'
export type RoshLevelValue = 'low' | 'medium' | 'high' | 'very_high'

export interface RecommendPomTypeInput {
  strategy?: RecommendationStrategy // app setting; default 'tier' (national practice)
  immigrationCase: boolean // immigration detainee (MPC: imprisonment status DET)
  responsibility: Responsibility // live
  responsibilityOverride?: 'pom' | 'com' | null // a HOMD override in force
  tier?: string | null // 'A0'..'D3'
  roshLevel?: RoshLevelValue | '' | null
  chosenPomRole?: string | null // role of the POM chosen: 'prison_pom' | 'probation_pom' | other
}

export interface RecommendPomTypeResult {
  recommendedPomType: PomType | null // null = no recommendation
  reasonKey: RecommendationReason
  recommendationAvailable: boolean
  overrideRequired: boolean | null // null when no chosenPomRole
}

/** Spec B / E.4: the strategies an establishment may choose; 'tier' is today's national practice. */
export const RECOMMENDATION_STRATEGIES = ['tier', 'rosh'] as const satisfies readonly RecommendationStrategy[]
export const DEFAULT_RECOMMENDATION_STRATEGY: RecommendationStrategy = 'tier'

const RESPONSIBILITIES: readonly string[] = ['pom', 'pom_with_com', 'com'] satisfies Responsibility[]
const ROSH: readonly string[] = ['low', 'medium', 'high', 'very_high'] satisfies RoshLevelValue[]

function oneOf<T extends string>(value: unknown, allowed: readonly string[], field: string): T {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new CaseInputError(field, `expected one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`, value)
  }
  return value as T
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') throw new CaseInputError(field, `expected text, got ${describe(value)}`, value)
  return value
}

/** Validated input with defaults applied (spec section 0: bad input throws naming the field). */
function read(input: RecommendPomTypeInput) {
  const strategy = input.strategy === undefined ? DEFAULT_RECOMMENDATION_STRATEGY : oneOf<RecommendationStrategy>(input.strategy, RECOMMENDATION_STRATEGIES, 'strategy')
  if (typeof input.immigrationCase !== 'boolean') throw new CaseInputError('immigrationCase', `expected true or false, got ${describe(input.immigrationCase)}`, input.immigrationCase)
  const responsibility = oneOf<Responsibility>(input.responsibility, RESPONSIBILITIES, 'responsibility')
  const override = input.responsibilityOverride === undefined || input.responsibilityOverride === null ? null : oneOf<'pom' | 'com'>(input.responsibilityOverride, ['pom', 'com'], 'responsibilityOverride')
  const tier = optionalText(input.tier, 'tier')
  const rosh = input.roshLevel === undefined || input.roshLevel === null || input.roshLevel === '' ? null : oneOf<RoshLevelValue>(input.roshLevel, ROSH, 'roshLevel')
  const chosenPomRole = optionalText(input.chosenPomRole, 'chosenPomRole')
  return { strategy, immigrationCase: input.immigrationCase, responsibility, override, tier, rosh, chosenPomRole }
}

/** Spec B terms: pomResponsible; an override in force decides it, else the live responsibility. */
function pomResponsible(responsibility: Responsibility, override: 'pom' | 'com' | null): boolean {
  if (override !== null) return override === 'pom'
  return responsibility === 'pom' || responsibility === 'pom_with_com'
}

/** Spec B terms: the tier's letter, the first character upper-cased; a blank tier has none. */
function tierLetter(tier: string | null): string | null {
  const t = tier?.trim() ?? ''
  return t === '' ? null : t.charAt(0).toUpperCase()
}

/** Spec B1 (tier strategy) and B2 (RoSH strategy), then B3 and B4. */
export function recommendPomType(input: RecommendPomTypeInput): RecommendPomTypeResult {
  const i = read(input)
  const responsible = pomResponsible(i.responsibility, i.override)
  const letter = tierLetter(i.tier)
  let type: PomType | null
  let reasonKey: RecommendationReason
  if (i.immigrationCase || !responsible) {
    // B1/B2: immigration cases and POMs in a supporting role go to a prison POM.
    type = 'prison'
    reasonKey = i.immigrationCase ? 'immigration_case' : 'supporting_role'
  } else {
    switch (i.strategy) {
      case 'tier':
        // B1: tier A or B to a probation POM, else prison; RoSH unused.
        type = letter === 'A' || letter === 'B' ? 'probation' : 'prison'
        reasonKey = 'tier_based'
        break
      case 'rosh':
        // B2: tier A or a high / very high RoSH to a probation POM (tier B is not special);
        // with no RoSH recorded, no recommendation.
        if (letter === 'A' || i.rosh === 'high' || i.rosh === 'very_high') type = 'probation'
        else if (i.rosh === null) type = null
        else type = 'prison'
        reasonKey = letter === 'A' ? 'tier_based' : i.rosh === null ? 'missing_rosh' : 'rosh_based'
        break
      default: {
        const never: never = i.strategy
        throw new CaseInputError('strategy', `unknown strategy ${describe(never)}`, never)
      }
    }
  }
  // B4: a reason must be recorded when the chosen POM is of the other type, or there is no recommendation.
  let overrideRequired: boolean | null = null
  if (i.chosenPomRole !== null) {
    overrideRequired = type === null || (type === 'prison' && i.chosenPomRole === 'probation_pom') || (type === 'probation' && i.chosenPomRole === 'prison_pom')
  }
  return { recommendedPomType: type, reasonKey, recommendationAvailable: type !== null, overrideRequired }
}

const ROSH_WORDS: Record<RoshLevelValue, string> = { low: 'low', medium: 'medium', high: 'high', very_high: 'very high' }

export interface RecommendationTextFacts {
  firstName: string
  tier?: string | null
  roshLevel?: RoshLevelValue | '' | null
}

/**
 * Spec B5: the sentence shown beside the recommendation (MPC config/locales/en.yml
 * `recommendation_service.reasons`). `{name}` is the capitalised first name. The renderer shows the
 * POM type in bold; here it is plain text.
 */
export function recommendationText(result: RecommendPomTypeResult, facts: RecommendationTextFacts): string {
  const first = facts.firstName.trim()
  const name = first === '' ? 'This person' : first.charAt(0).toUpperCase() + first.slice(1).toLowerCase()
  const pomType = result.recommendedPomType ?? 'prison'
  switch (result.reasonKey) {
    case 'immigration_case':
      return 'This is an immigration case, so should be given to a prison POM.'
    case 'supporting_role':
      return `${name} needs a POM in a supporting role, so should be allocated to a prison POM.`
    case 'tier_based': {
      // Spec B5's sentence needs a tier; with none recorded B1 still recommends a prison POM (no
      // letter A or B), so say that in words rather than "tier , so" (issue 16, "speaks plainly").
      const tier = facts.tier?.trim().toUpperCase() ?? ''
      return tier === ''
        ? `${name} has no tier recorded, so we recommend allocating to a ${pomType} POM. Record the tier to check this.`
        : `${name} is tier ${tier}, so we recommend allocating to a ${pomType} POM.`
    }
    case 'rosh_based': {
      const rosh = facts.roshLevel ? ROSH_WORDS[facts.roshLevel] : ''
      return `${name} has a ${rosh} ROSH, so we recommend allocating to a ${pomType} POM.`
    }
    case 'missing_rosh':
      return 'Check their risk on NDelius and OASys and then allocate to the appropriate POM. You will be asked to record a reason for selecting the POM type you choose.'
    default: {
      const never: never = result.reasonKey
      return never
    }
  }
}
