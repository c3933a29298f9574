import type { StoreConn } from '../../../db/store/types'
import {
  DEFAULT_ASSUMPTIONS,
  projectResourcing,
  ResourcingInputError,
  type PlannedChange,
  type PomCapacity,
  type ResourcingAssumptions,
  type ResourcingCase,
} from '../../../shared/engine/resourcing/index'
import type { IsoDate } from '../../../shared/engine/types'
import type { AssumptionOverrides, ResourcingPlan, WhatIf } from '../../../shared/ipc/channels/resourcing'
import { UserFacingError } from '../../../shared/ipc/result'
import { casesOf } from '../caseload/cache'
import { evalSettings } from '../caseload/context'
import { toCaseInput } from '../caseload/load'
import { readEstablishment } from '../establishment/store'
import { NO_INPUTS, plannedChangeRecords, pomRecords, readResourcingInputs, toPomCapacity, type PlannedChangeRecord, type StaffRecord } from './store'

// The resourcing plan of the establishment on `today` (issue 19): its POMs' capacity, planned
// changes and cases, given to the resourcing engine (shared/engine/resourcing, projectResourcing)
// with the HOMS's inputs, and what-if inputs applied to this answer only. The one function the
// screen, the readiness export and the group view read the plan from (`resourcingPlan`).

/** Engine ids: a staff record's, a new starter's (a planned change's) and a what-if POM's. */
const staffKey = (id: number) => `staff:${id}`
const starterKey = (id: number) => `starter:${id}`
const whatIfKey = (i: number) => `whatif:${i + 1}`

/** Saved overrides, then what-if overrides; the task hours are merged task by task, as the engine merges them with its defaults. */
export function mergeAssumptions(saved: AssumptionOverrides, whatIf: AssumptionOverrides | undefined): Partial<ResourcingAssumptions> {
  const out: Partial<ResourcingAssumptions> = { ...saved, ...(whatIf ?? {}) }
  out.taskHoursPerWeek = { ...(saved.taskHoursPerWeek ?? {}), ...(whatIf?.taskHoursPerWeek ?? {}) }
  return out
}

/**
 * A POM's planned changes as the engine takes them. The planned changes were checked when they
 * were added (handlers.ts), but the POM's record may have changed since: a return from an absence
 * no longer recorded, or one not after its start, returns from nothing, so it is left out (the
 * reading "if nothing changes" of issue 19); of two changes of one kind the earlier is kept.
 */
export function engineChanges(r: StaffRecord, changes: readonly PlannedChangeRecord[]): PlannedChange[] {
  const out: PlannedChange[] = []
  let returning = false
  let leaving = false
  const hoursDates = new Set<string>()
  for (const c of changes) {
    switch (c.kind) {
      case 'returning':
        if (returning || r.unavailableFrom === null || c.date <= r.unavailableFrom) continue
        returning = true
        out.push({ kind: 'returning', date: c.date })
        break
      case 'leaving':
        if (leaving) continue
        leaving = true
        out.push({ kind: 'leaving', date: c.date })
        break
      case 'hours_changed':
        if (hoursDates.has(c.date) || c.hoursPerWeek === null) continue
        hoursDates.add(c.date)
        out.push({ kind: 'hours_changed', date: c.date, hoursPerWeek: c.hoursPerWeek, ...(c.daysPerWeek === null ? {} : { workingPattern: { daysPerWeek: c.daysPerWeek } }) })
        break
      default:
        // 'starting' belongs to a new starter (no staff record): starterCapacity.
        continue
    }
  }
  return out
}

/** An active POM on the staff list (inactive ones give no hours and hold no cases here). */
function staffCapacity(r: StaffRecord, changes: readonly PlannedChangeRecord[]): PomCapacity {
  const facts = toPomCapacity(r)
  return {
    id: staffKey(r.id),
    name: r.name,
    type: facts.type,
    band: r.band,
    hoursPerWeek: r.hoursPerWeek,
    workingPattern: { daysPerWeek: r.daysPerWeek },
    availability: r.unavailableFrom === null ? { status: 'active' } : { status: 'unavailable', from: r.unavailableFrom, to: r.unavailableTo },
    plannedChanges: engineChanges(r, changes),
  }
}

/** A new starter not yet on the staff list: available from their first day (seed 002 stages 3 to 1, "new starters"). */
function starterCapacity(c: PlannedChangeRecord): PomCapacity {
  return {
    id: starterKey(c.id),
    name: c.name ?? 'New starter',
    type: c.pomType === 'probation' ? 'probation' : 'prison',
    band: c.band ?? 4,
    hoursPerWeek: c.hoursPerWeek ?? 0,
    workingPattern: { daysPerWeek: c.daysPerWeek ?? 5 },
    availability: { status: 'active' },
    plannedChanges: [{ kind: 'starting', date: c.date }],
  }
}

/**
 * The resourcing plan on `today`. `whatIf` (extra POMs, receptions a week, assumptions) changes
 * only this answer: nothing is written. Cases whose dates the case engine cannot evaluate are
 * counted in `notEvaluated` and left out, as in the readiness export's caseload summary.
 */
export async function resourcingPlan(conn: StoreConn, today: IsoDate, whatIf?: WhatIf): Promise<ResourcingPlan> {
  const db = conn.db
  const est = await readEstablishment(db)
  if (!est) throw new UserFacingError('unavailable', 'Set up the establishment first.')
  const s = await evalSettings(db, today)
  const savedInputs = await readResourcingInputs(db)
  const inputs = savedInputs ?? NO_INPUTS

  const changes = await plannedChangeRecords(db)
  const changesOf = new Map<number, PlannedChangeRecord[]>()
  for (const c of changes) if (c.staffId !== null) changesOf.set(c.staffId, [...(changesOf.get(c.staffId) ?? []), c])
  const poms: PomCapacity[] = (await pomRecords(db)).filter((r) => r.active).map((r) => staffCapacity(r, changesOf.get(r.id) ?? []))
  for (const c of changes) if (c.kind === 'starting' && c.staffId === null) poms.push(starterCapacity(c))
  for (const [i, p] of (whatIf?.extraPoms ?? []).entries()) {
    poms.push({ id: whatIfKey(i), name: `Added ${p.type} POM ${i + 1}`, type: p.type, band: 4, hoursPerWeek: p.hoursPerWeek, workingPattern: { daysPerWeek: p.daysPerWeek }, availability: { status: 'active' } })
  }
  const pomIds = new Set(poms.map((p) => p.id))
  const names = new Map(poms.map((p) => [p.id, p.name]))

  // The same in-memory cases and verdicts as the caseload screens (issue 8).
  const cache = casesOf(conn)
  const records = await cache.all(s)
  const caseload: ResourcingCase[] = []
  const byId = new Map<string, (typeof records)[number]>()
  let notEvaluated = 0
  for (const rec of records) {
    if (!cache.verdict(rec, s).ok) {
      notEvaluated++
      continue
    }
    const key = String(rec.prisoner.id)
    const pom = rec.current === null ? null : staffKey(rec.current.staffId)
    // A case allocated to an inactive POM (or to someone not in a POM role) has no POM to hold its sessions.
    caseload.push({ id: key, pomId: pom !== null && pomIds.has(pom) ? pom : null, case: toCaseInput(rec, s.today), ...(rec.windowCounts ? { windowCounts: rec.windowCounts } : {}) })
    byId.set(key, rec)
  }

  const receptionsPerWeek = whatIf?.receptionsPerWeek ?? inputs.receptionsPerWeek
  let projection
  try {
    projection = projectResourcing(
      {
        poms,
        caseload,
        receptionsPerWeek,
        currentStage: String(est.currentStage),
        targetStage: String(est.targetStage),
        assumptions: mergeAssumptions(inputs.assumptions, whatIf?.assumptions),
        policy: est.policy,
        extraHolidays: [...s.extraHolidays],
      },
      today,
    )
  } catch (e) {
    if (e instanceof ResourcingInputError) throw new UserFacingError('invalid_input', `The resourcing plan could not be worked out from the records (${e.field}). Check the POMs’ capacity and the planned changes.`)
    throw e
  }

  return {
    today,
    currentStage: projection.currentStage,
    targetStage: projection.targetStage,
    inputs: { ...inputs, saved: savedInputs !== null },
    whatIf: whatIf !== undefined && (whatIf.extraPoms.length > 0 || whatIf.receptionsPerWeek !== undefined || whatIf.assumptions !== undefined),
    receptionsPerWeek,
    assumptions: projection.assumptions,
    defaultAssumptions: { ...DEFAULT_ASSUMPTIONS, taskHoursPerWeek: { ...DEFAULT_ASSUMPTIONS.taskHoursPerWeek } },
    weeks: projection.weeks,
    poms: projection.poms.map((p) => ({ key: p.pomId, name: names.get(p.pomId) ?? p.pomId, type: p.type, hours: p.hours })),
    tasks: projection.tasks,
    atRisk: projection.atRisk.map((r) => {
      const rec = byId.get(r.caseId)
      return {
        prisonerId: Number(r.caseId),
        prisonNumber: rec?.prisoner.prisonNumber ?? '',
        name: rec ? `${rec.prisoner.firstName} ${rec.prisoner.lastName}` : '',
        pomName: r.pomId === null ? null : (names.get(r.pomId) ?? null),
        rule: r.rule,
        required: r.required,
        achieved: r.achieved,
        outstanding: r.outstanding,
        dueBy: r.dueBy,
        weeks: r.weeks,
        reasons: r.reasons,
      }
    }),
    summary: projection.summary,
    cases: caseload.length,
    notEvaluated,
  }
}
