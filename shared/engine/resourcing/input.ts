// Validation of ResourcingInput, in the case engine's style (case/input.ts): every field checked
// strictly, the first fault throws ResourcingInputError naming it. Dates become day numbers.
import { parseDay } from '../case/dates'
import { CaseInputError } from '../case/errors'
import { parseCase, parsePolicy } from '../case/input'
import type { Policy } from '../case/types'
import { resolveExtraHolidays } from '../case/workingDays'
import { OMU_EDM } from '../omu/catalogues/omuEdm'
import { OmuInputError } from '../omu/errors'
import type { EdmCatalog } from '../omu/schema'
import { findStage } from '../omu/stages'
import { DEFAULT_ASSUMPTIONS } from './assumptions'
import { ResourcingInputError } from './errors'
import type { PomCapacity, PomType, ResourcingAssumptions, ResourcingInput } from './types'
import { POM_TYPES } from './types'

/** Most hours a week a contract can hold (the 48-hour working time limit, with room for overtime). */
export const MAX_HOURS_PER_WEEK = 60
/** Most receptions a week the projection accepts (a typing error beyond). */
export const MAX_RECEPTIONS_PER_WEEK = 10_000
/** Days in a full working week: the case engine's working days are Monday to Friday. */
export const WORKING_DAYS_PER_WEEK = 5

/** A contract in force from `from` (a day number; -Infinity for the record's own). */
export interface ParsedContract {
  from: number
  hoursPerWeek: number
  daysPerWeek: number
}

export interface ParsedPom {
  id: string
  type: PomType
  /** By date, the first from -Infinity. */
  contracts: ParsedContract[]
  /** Unavailable on days from..to inclusive (to = Infinity: open-ended); null when active. */
  awayFrom: number | null
  awayTo: number
  /** Planned changes as day numbers (null: none planned). */
  returning: number | null
  leaving: number | null
  starting: number | null
}

export interface ParsedResourcing {
  poms: ParsedPom[]
  pomIndex: ReadonlyMap<string, number>
  receptionsPerWeek: number
  catalog: EdmCatalog
  currentStage: string
  targetStage: string
  assumptions: ResourcingAssumptions
  policy: Policy
  extra: ReadonlySet<number> | null
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null) return 'null'
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object'
  return `${typeof value} ${String(value)}`
}

function fail(field: string, message: string, value: unknown): never {
  throw new ResourcingInputError(field, message, value)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function requireObject(value: unknown, field: string, what: string): Record<string, unknown> {
  if (!isObject(value)) fail(field, `expected ${what}, got ${describe(value)}`, value)
  return value
}

function requireArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) fail(field, `expected an array, got ${describe(value)}`, value)
  return value
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(field, `expected a non-empty text, got ${describe(value)}`, value)
  return value
}

function requireNumber(value: unknown, field: string, min: number, max: number, what: string, minExclusive = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value > max || (minExclusive ? value <= min : value < min)) {
    fail(field, `expected ${what}, got ${describe(value)}`, value)
  }
  return value
}

function requireDate(value: unknown, field: string): number {
  const day = parseDay(value)
  if (day !== day) fail(field, `expected a calendar date 'YYYY-MM-DD' (years 1900-2999), got ${describe(value)}`, value)
  return day
}

const hoursOf = (value: unknown, field: string): number =>
  requireNumber(value, field, 0, MAX_HOURS_PER_WEEK, `a number of hours a week from 0 to ${MAX_HOURS_PER_WEEK}`)

/** Days a week worked, from either form of the pattern: 0 < days <= 5. */
export function daysPerWeekOf(pattern: unknown, field: string): number {
  const p = requireObject(pattern, field, "a working pattern ({ daysPerWeek } or { fractionOfWeek })")
  if ('daysPerWeek' in p && !('fractionOfWeek' in p)) {
    return requireNumber(p.daysPerWeek, `${field}.daysPerWeek`, 0, WORKING_DAYS_PER_WEEK, `a number of days over 0 and at most ${WORKING_DAYS_PER_WEEK}`, true)
  }
  if ('fractionOfWeek' in p && !('daysPerWeek' in p)) {
    const f = requireNumber(p.fractionOfWeek, `${field}.fractionOfWeek`, 0, 1, 'a share of the week over 0 and at most 1', true)
    return f * WORKING_DAYS_PER_WEEK
  }
  return fail(field, 'expected exactly one of daysPerWeek or fractionOfWeek', pattern)
}

function parsePom(value: unknown, i: number): ParsedPom {
  const field = `poms[${i}]`
  const p = requireObject(value, field, 'a POM capacity record') as unknown as PomCapacity
  const id = requireText(p.id, `${field}.id`)
  requireText(p.name, `${field}.name`)
  if (!(POM_TYPES as readonly unknown[]).includes(p.type)) fail(`${field}.type`, `expected 'prison' or 'probation', got ${describe(p.type)}`, p.type)
  if (typeof p.band !== 'number' || !Number.isInteger(p.band) || p.band < 1 || p.band > 11) {
    fail(`${field}.band`, `expected a pay band, a whole number from 1 to 11, got ${describe(p.band)}`, p.band)
  }
  const contracts: ParsedContract[] = [
    { from: -Infinity, hoursPerWeek: hoursOf(p.hoursPerWeek, `${field}.hoursPerWeek`), daysPerWeek: daysPerWeekOf(p.workingPattern, `${field}.workingPattern`) },
  ]

  const a = requireObject(p.availability, `${field}.availability`, "an availability ({ status: 'active' } or { status: 'unavailable', from, to })")
  let awayFrom: number | null = null
  let awayTo = Infinity
  if (a.status === 'unavailable') {
    awayFrom = requireDate(a.from, `${field}.availability.from`)
    if (a.to !== null && a.to !== undefined) {
      awayTo = requireDate(a.to, `${field}.availability.to`)
      if (awayTo < awayFrom) fail(`${field}.availability.to`, `${describe(a.to)} is before availability.from`, a.to)
    }
  } else if (a.status !== 'active') {
    fail(`${field}.availability.status`, `expected 'active' or 'unavailable', got ${describe(a.status)}`, a.status)
  }

  let returning: number | null = null
  let leaving: number | null = null
  let starting: number | null = null
  const changes = p.plannedChanges === undefined || p.plannedChanges === null ? [] : requireArray(p.plannedChanges, `${field}.plannedChanges`)
  changes.forEach((raw, k) => {
    const cf = `${field}.plannedChanges[${k}]`
    const c = requireObject(raw, cf, 'a planned change')
    const day = requireDate(c.date, `${cf}.date`)
    const once = (previous: number | null): number => {
      if (previous !== null) fail(`${cf}.kind`, `only one '${String(c.kind)}' change may be planned for a POM`, c.kind)
      return day
    }
    switch (c.kind) {
      case 'returning':
        // A return ends an unavailable period: without one there is nothing to return from.
        if (awayFrom === null) fail(`${cf}.kind`, "a return is planned but the POM's availability is not 'unavailable'", c.kind)
        if (day <= awayFrom) fail(`${cf}.date`, `${describe(c.date)} is not after availability.from`, c.date)
        returning = once(returning)
        break
      case 'leaving':
        leaving = once(leaving)
        break
      case 'starting':
        starting = once(starting)
        break
      case 'hours_changed': {
        if (contracts.some((x) => x.from === day)) fail(`${cf}.date`, `hours already change on ${describe(c.date)}`, c.date)
        const hours = hoursOf(c.hoursPerWeek, `${cf}.hoursPerWeek`)
        const previousDays = (contracts[contracts.length - 1] as ParsedContract).daysPerWeek
        const days = c.workingPattern === undefined || c.workingPattern === null ? previousDays : daysPerWeekOf(c.workingPattern, `${cf}.workingPattern`)
        contracts.push({ from: day, hoursPerWeek: hours, daysPerWeek: days })
        break
      }
      default:
        fail(`${cf}.kind`, `expected 'returning', 'leaving', 'starting' or 'hours_changed', got ${describe(c.kind)}`, c.kind)
    }
  })
  if (starting !== null && leaving !== null && leaving <= starting) fail(`${field}.plannedChanges`, 'the leaving date is not after the starting date', p.plannedChanges)
  // A pattern change given without a new pattern keeps the one in force before it, by date.
  contracts.sort((x, y) => x.from - y.from)
  return { id, type: p.type, contracts, awayFrom, awayTo, returning, leaving, starting }
}

function parseAssumptions(value: unknown): ResourcingAssumptions {
  if (value === undefined || value === null) return { ...DEFAULT_ASSUMPTIONS, taskHoursPerWeek: { ...DEFAULT_ASSUMPTIONS.taskHoursPerWeek } }
  const a = requireObject(value, 'assumptions', 'an object of assumptions')
  const hours = (key: keyof Omit<ResourcingAssumptions, 'taskHoursPerWeek'>, max: number, what: string): number =>
    a[key] === undefined ? DEFAULT_ASSUMPTIONS[key] : requireNumber(a[key], `assumptions.${key}`, 0, max, what)
  const taskHoursPerWeek: Record<string, number> = { ...DEFAULT_ASSUMPTIONS.taskHoursPerWeek }
  if (a.taskHoursPerWeek !== undefined) {
    const t = requireObject(a.taskHoursPerWeek, 'assumptions.taskHoursPerWeek', 'an object of hours a week by task id')
    for (const [id, h] of Object.entries(t)) {
      taskHoursPerWeek[id] = requireNumber(h, `assumptions.taskHoursPerWeek.${id}`, 0, 10_000, 'a number of hours a week, 0 or more')
    }
  }
  return {
    hoursPerSupervisionSession: hours('hoursPerSupervisionSession', 24, 'a number of hours from 0 to 24'),
    hoursPerHandover: hours('hoursPerHandover', 100, 'a number of hours from 0 to 100'),
    hoursPerAllocation: hours('hoursPerAllocation', 100, 'a number of hours from 0 to 100'),
    receptionShareNeedingStartOfCustody: hours('receptionShareNeedingStartOfCustody', 1, 'a share from 0 to 1'),
    caseManagementHoursPerCasePerWeek: hours('caseManagementHoursPerCasePerWeek', 40, 'a number of hours from 0 to 40'),
    taskHoursPerWeek,
  }
}

function stageId(catalog: EdmCatalog, ref: unknown, field: string): string {
  if (typeof ref !== 'string' && typeof ref !== 'number') fail(field, `expected a stage id, got ${describe(ref)}`, ref)
  try {
    return findStage(catalog, ref).id
  } catch (e) {
    if (e instanceof OmuInputError) fail(field, e.message, ref)
    throw e
  }
}

/** Re-throw a case engine error under the resourcing path of its field (`prefix.field`, or the field alone). */
export function rethrowCaseError(e: unknown, prefix: string): never {
  if (e instanceof CaseInputError) {
    throw new ResourcingInputError(prefix === '' ? e.field : `${prefix}.${e.field}`, e.message.slice(e.field.length + 2), e.value)
  }
  throw e
}

/**
 * Checks a whole ResourcingInput and converts it. Each case's facts are checked as the case engine
 * checks them (parseCase); its sessions are checked when the projection evaluates the case, and an
 * error there is reported under the same path ('caseload[3].case.sessions[0].date').
 */
export function parseResourcingInput(input: ResourcingInput): ParsedResourcing {
  const root = requireObject(input, 'input', 'a resourcing input object') as unknown as ResourcingInput
  const poms = requireArray(root.poms, 'poms').map(parsePom)
  const pomIndex = new Map<string, number>()
  poms.forEach((p, i) => {
    if (pomIndex.has(p.id)) fail(`poms[${i}].id`, `${describe(p.id)} is the id of another POM`, p.id)
    pomIndex.set(p.id, i)
  })

  const caseload = requireArray(root.caseload, 'caseload')
  const caseIds = new Set<string>()
  for (let i = 0; i < caseload.length; i++) {
    const field = `caseload[${i}]`
    const c = requireObject(caseload[i], field, 'a case of the caseload')
    const id = requireText(c.id, `${field}.id`)
    if (caseIds.has(id)) fail(`${field}.id`, `${describe(id)} is the id of another case`, id)
    caseIds.add(id)
    if (c.pomId !== null && (typeof c.pomId !== 'string' || !pomIndex.has(c.pomId))) {
      fail(`${field}.pomId`, `expected null or the id of one of the POMs, got ${describe(c.pomId)}`, c.pomId)
    }
    try {
      parseCase(c.case as ResourcingInput['caseload'][number]['case'])
    } catch (e) {
      rethrowCaseError(e, `${field}.case`)
    }
  }

  const receptionsPerWeek = requireNumber(root.receptionsPerWeek, 'receptionsPerWeek', 0, MAX_RECEPTIONS_PER_WEEK, `a number of receptions a week from 0 to ${MAX_RECEPTIONS_PER_WEEK}`)
  const catalog = root.catalog ?? OMU_EDM
  const currentStage = stageId(catalog, root.currentStage, 'currentStage')
  const targetStage = stageId(catalog, root.targetStage, 'targetStage')
  let policy: Policy
  let extra: ReadonlySet<number> | null
  try {
    policy = parsePolicy(root.policy)
    extra = resolveExtraHolidays(root.extraHolidays)
  } catch (e) {
    rethrowCaseError(e, '')
  }
  return { poms, pomIndex, receptionsPerWeek, catalog, currentStage, targetStage, assumptions: parseAssumptions(root.assumptions), policy, extra }
}

/** Checks a ResourcingInput; throws ResourcingInputError naming the first field at fault. */
export function validateResourcingInput(input: ResourcingInput): void {
  parseResourcingInput(input)
}
