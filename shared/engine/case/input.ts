// Validation of CaseInput into day numbers. Every field is checked strictly; the first fault
// throws CaseInputError naming the field. Source: issue 3, "Invalid input (unparseable or
// impossible dates, release before sentence start, negative values) throws a typed error".
import { optionalDay, requireDay } from './dates'
import { CaseInputError, describe } from './errors'
import type { CaseInput, ParoleOutcome, Policy } from './types'

/** A validated case (sessions are validated separately, in the evaluation pass over them). */
export interface ParsedCase {
  determinate: boolean
  start: number
  crd: number | null
  ard: number | null
  ped: number | null
  tariff: number | null
  thd: number | null
  hdced: number | null
  hdcad: number | null
  mappa: 0 | 1 | 2 | 3 | null
  early: boolean
  recall: boolean
  pomAllocated: number | null
  arrival: number | null
  firstPomAllocated: number | null // issue 17: the sentence's first POM allocation, anywhere
  // Handover spec (../shared/specs/handover-2023.md) section 1; read by omic2023 only.
  openConditions: boolean
  openArrival: number | null
  immigration: boolean
  additionalIsp: boolean
  paroleOutcome: ParoleOutcome | null
}

function optionalBoolean(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false
  if (typeof value !== 'boolean') throw new CaseInputError(field, `expected true or false, got ${describe(value)}`, value)
  return value
}

function releaseDay(value: unknown, start: number, field: string): number | null {
  const day = optionalDay(value, field)
  if (day !== null && day < start) throw new CaseInputError(field, `${describe(value)} is before sentenceStartDate`, value)
  return day
}

function optionalParoleOutcome(value: unknown): ParoleOutcome | null {
  if (value === undefined || value === null) return null
  if (value !== 'release' && value !== 'not_release') {
    throw new CaseInputError('paroleOutcome', `expected 'release', 'not_release' or null, got ${describe(value)}`, value)
  }
  return value
}

export function parsePolicy(policy: unknown): Policy {
  if (policy === undefined) return 'omic2021' // issue 3: the default policy is 'omic2021'
  if (policy === 'omic2021' || policy === 'omic2023') return policy
  throw new CaseInputError('policy', `expected 'omic2021' or 'omic2023', got ${describe(policy)}`, policy)
}

export function parseCase(input: CaseInput): ParsedCase {
  if (typeof input !== 'object' || input === null) throw new CaseInputError('input', `expected a case object, got ${describe(input)}`, input)
  const type = input.sentenceType
  if (type !== 'determinate' && type !== 'indeterminate') {
    throw new CaseInputError('sentenceType', `expected 'determinate' or 'indeterminate', got ${describe(type)}`, type)
  }
  const start = requireDay(input.sentenceStartDate, 'sentenceStartDate')
  const mappa = input.mappaLevel
  if (mappa !== undefined && mappa !== null && mappa !== 0 && mappa !== 1 && mappa !== 2 && mappa !== 3) {
    throw new CaseInputError('mappaLevel', `expected 0, 1, 2, 3 or null, got ${describe(mappa)}`, mappa)
  }
  const sessions: unknown = input.sessions
  if (sessions !== undefined && sessions !== null && !Array.isArray(sessions)) {
    throw new CaseInputError('sessions', `expected an array, got ${describe(sessions)}`, sessions)
  }
  return {
    determinate: type === 'determinate',
    start,
    // Release-type dates can never precede the sentence they belong to.
    crd: releaseDay(input.conditionalReleaseDate, start, 'conditionalReleaseDate'),
    ard: releaseDay(input.automaticReleaseDate, start, 'automaticReleaseDate'),
    ped: releaseDay(input.paroleEligibilityDate, start, 'paroleEligibilityDate'),
    tariff: releaseDay(input.tariffDate, start, 'tariffDate'),
    thd: releaseDay(input.targetHearingDate, start, 'targetHearingDate'),
    hdced: releaseDay(input.homeDetentionCurfewEligibilityDate, start, 'homeDetentionCurfewEligibilityDate'),
    hdcad: releaseDay(input.homeDetentionCurfewActualDate, start, 'homeDetentionCurfewActualDate'),
    mappa: mappa ?? null,
    early: optionalBoolean(input.earlyAllocation, 'earlyAllocation'),
    recall: optionalBoolean(input.recall, 'recall'),
    // Allocation and arrival may precede the sentence (e.g. a remand transfer), so no order check.
    pomAllocated: optionalDay(input.pomAllocatedDate, 'pomAllocatedDate'),
    arrival: optionalDay(input.arrivalDate, 'arrivalDate'),
    // Like pomAllocatedDate, it may precede the sentence start (allocated on remand), so no order check.
    firstPomAllocated: optionalDay(input.firstPomAllocatedDate, 'firstPomAllocatedDate'),
    openConditions: optionalBoolean(input.openConditions, 'openConditions'),
    // Handover spec section 1: no order check against sentenceStartDate.
    openArrival: optionalDay(input.openConditionsArrivalDate, 'openConditionsArrivalDate'),
    immigration: optionalBoolean(input.immigrationCase, 'immigrationCase'),
    additionalIsp: optionalBoolean(input.additionalIsp, 'additionalIsp'),
    paroleOutcome: optionalParoleOutcome(input.paroleOutcome),
  }
}

/** The earlier of two optional days (null when both are missing). */
export function earlier(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return a < b ? a : b
}
