// The home screen's figures (issue 16, "Home screen per role"), worked out from the same engines
// and the same in-memory cases as the caseload, due list and exports, so the figures agree with
// them on both backends. No rule is decided here: statuses come from evaluateCase (seed 003
// Annex B, with issue 16's overdue/missed boundary), readiness from assessReadiness (seed 002),
// the sign-off route's state from nextSignOffStep. This module only counts and orders.
import { assessReadiness, nextSignOffStep, SIGN_OFF_ROUTE, type MinimumResult } from '../../../shared/engine/index'
import { daysBetweenIso } from '../../../shared/dates'
import { mayCall } from '../../../shared/permissions/rules'
import type { StoreConn } from '../../../db/store/types'
import type { User, UserRole } from '../../../shared/ipc/channels/auth'
import type { AllocationWork, Compliance, HandoverCounts, Home, HomeCase, MyWork, PlanGlance } from '../../../shared/ipc/channels/home'
import { evalSettings } from '../caseload/context'
import { casesOf } from '../caseload/cache'
import type { CaseRecord } from '../caseload/load'
import { displayName, overrideNote, type EvalSettings, type Verdict } from '../caseload/verdict'
import { activePoms } from '../caseload/store'
import { catalogFor, entriesOf, entryRows, latestVersionRow, signOffHistory, toVersionView } from '../rrmp/store'
import { readEstablishment } from '../establishment/store'
import { comHandoversByPrisoner, type ComHandoverRecord } from '../handover/store'
import { caseHandover, handoverCaseView, handoverContext } from '../handover/view'
import { handoverListItem } from '../handover/listItem'
import { casesOverCapacity } from '../../../shared/engine/resourcing/index'
import { pomsToday, type PomToday } from '../resourcing/pomToday'
import { allocatedTo, lateRecordsOf, monthStartOf, worklistHorizon, worklistsOf } from './worklists'

/** How many of the POM's cases and of the unallocated cases the home lists (the full lists are a click away). */
const LIST_AT_MOST = 50

/** Which sections each role's home holds (issue 16): a POM their own work; managers the establishment's. */
const SECTIONS: Record<UserRole, { myWork: boolean; allocation: boolean; compliance: boolean; plan: boolean }> = {
  pom: { myWork: true, allocation: false, compliance: false, plan: false },
  homd: { myWork: false, allocation: true, compliance: true, plan: false },
  homs: { myWork: false, allocation: true, compliance: true, plan: true },
  governor: { myWork: false, allocation: false, compliance: true, plan: true },
  read_only: { myWork: false, allocation: false, compliance: true, plan: true },
}

type Evaluated = { rec: CaseRecord; v: Extract<Verdict, { ok: true }> }
/** Issue 17: each case's COM details and handover checklist (the com_handover table), by prisoner id. */
type HandoverRows = ReadonlyMap<number, ComHandoverRecord>

function openCase(e: Evaluated, m: MinimumResult, today: string): HomeCase | null {
  if ((m.status !== 'due' && m.status !== 'overdue') || m.dueBy === null) return null
  const r = e.v.row
  // Issue 17: a HOMD's override in force is a note beside the row, with the engine's answer.
  const override = overrideNote(e.rec, e.v.evaluation, today)
  return { prisonerId: r.prisonerId, prisonNumber: r.prisonNumber, name: r.name, pomName: r.pomName, rule: m.rule, required: m.required, achieved: m.achieved, dueBy: m.dueBy, daysLeft: daysBetweenIso(today, m.dueBy), status: m.status, override }
}

/** Issue 17: the POM's caseload for the handover lists: "the user's primary and co-working cases" (../shared/specs/mpc-rules.md A.1). */
export function holdsCase(rec: CaseRecord, pomId: number | null): boolean {
  return pomId !== null && (rec.current?.staffId === pomId || rec.coWorker?.staffId === pomId)
}

/**
 * Issue 17: how many of `cases` are on each handover list (spec A.1, through caseHandover, the
 * handover.lists channel's own reading: allocated cases in custody) and to notify the community.
 */
export function handoverCounts(cases: readonly Evaluated[], handovers: HandoverRows, today: string, settings: Pick<EvalSettings, 'handover'> = {}): HandoverCounts {
  const n: HandoverCounts = { upcoming: 0, inProgress: 0, comAllocationOverdue: 0, overdueTasks: 0, toNotify: 0 }
  for (const e of cases) {
    if (!e.rec.current || e.rec.prisoner.status !== 'in_custody') continue
    const c = caseHandover(e.rec.prisoner, e.v.evaluation, handovers.get(e.rec.prisoner.id), today, handoverContext(e.rec, settings))
    if (c.lists.upcoming) n.upcoming++
    if (c.lists.inProgress) n.inProgress++
    if (c.lists.comAllocationOverdue) n.comAllocationOverdue++
    if (c.lists.overdueTasks) n.overdueTasks++
    if (c.notifyDue) n.toNotify++
  }
  return n
}

/**
 * Issue 16's "My work": `cases` are the POM's primary and co-working cases. The minima, late
 * records and the case count are the allocated POM's (a co-worker's cases stay the allocated POM's:
 * worklists.ts allocatedTo); the handover lists and checklists are the primary and co-working
 * POM's (spec A.1, D.4).
 */
export function myWork(cases: readonly Evaluated[], pomId: number | null, s: EvalSettings, handovers: HandoverRows = new Map()): MyWork {
  const today = s.today
  const monthStart = monthStartOf(today)
  const horizon = worklistHorizon(today)
  const counts = { overdue: 0, due7: 0, due28: 0, transfersAwaiting: 0, lateThisMonth: 0, checklistsDue: 0 }
  const open: HomeCase[] = []
  const checklists: MyWork['checklists'] = []
  const held = cases.filter((e) => holdsCase(e.rec, pomId))
  let caseCount = 0
  for (const e of held) {
    if (allocatedTo(e.rec, pomId)) {
      caseCount++
      for (const m of e.v.evaluation.minima) {
        // One reading of the worklists with the Due screen's filtered lists (worklists.ts).
        const lists = worklistsOf(m, horizon)
        if (lists.includes('overdue')) counts.overdue++
        if (lists.includes('due7')) counts.due7++
        if (lists.includes('due28')) counts.due28++
        if (lists.includes('transfers')) counts.transfersAwaiting++
        const c = openCase(e, m, today)
        if (c) open.push(c)
      }
      counts.lateThisMonth += lateRecordsOf(e.rec, monthStart, today, s.extraHolidays).length
    }
    // Issue 17: the checklists this POM (the case's POM or co-worker) can tick now (../shared/specs/
    // mpc-rules.md D.4) and has not completed; past the handover date they are overdue (A4), before it due.
    if (e.rec.prisoner.status === 'in_custody') {
      const view = handoverCaseView(e.rec.prisoner, e.v.evaluation, handovers.get(e.rec.prisoner.id), today, { isAllocatedPom: true, canEdit: true }, handoverContext(e.rec, s))
      if (view.checklist.editable && !view.checklist.complete) {
        counts.checklistsDue++
        const r = e.v.row
        checklists.push({ prisonerId: r.prisonerId, prisonNumber: r.prisonNumber, name: r.name, comResponsibleDate: e.v.evaluation.handover.comResponsibleDate, completeCount: view.checklist.completeCount, total: view.checklist.total, tasksOverdue: view.lists.overdueTasks, override: overrideNote(e.rec, e.v.evaluation, today) })
      }
    }
  }
  open.sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name))
  checklists.sort((a, b) => Number(b.tasksOverdue) - Number(a.tasksOverdue) || (a.comResponsibleDate ?? '').localeCompare(b.comResponsibleDate ?? '') || a.name.localeCompare(b.name))
  return { pomId, counts, handovers: handoverCounts(held, handovers, today, s), cases: open.slice(0, LIST_AT_MOST), casesTotal: open.length, checklists: checklists.slice(0, LIST_AT_MOST), caseCount }
}

export async function allocationWork(conn: StoreConn, cases: readonly Evaluated[], s: EvalSettings, handovers: HandoverRows = new Map()): Promise<AllocationWork> {
  const today = s.today
  // Issue 16 ("POMs over their capacity") and issue 17 ("POMs: availability"): capacity and availability today (resourcing/pomToday.ts).
  const facts = await pomsToday(conn.db, today)
  const poms = new Map((await activePoms(conn.db)).map((p) => [p.id, { staffId: p.id, name: p.name, caseCount: 0, hoursPerWeek: p.hoursPerWeek, capacity: facts.get(p.id)?.capacity ?? 0, overdue: 0 }]))
  const unallocated: AllocationWork['unallocated'] = []
  const comNotAllocated: AllocationWork['comNotAllocated'] = []
  let overdueTotal = 0
  for (const e of cases) {
    const p = e.rec.prisoner
    const overdue = e.v.evaluation.minima.filter((m) => m.status === 'overdue').length
    overdueTotal += overdue
    const pom = e.rec.current ? poms.get(e.rec.current.staffId) : undefined
    if (pom) {
      pom.caseCount++
      pom.overdue += overdue
    }
    if (!e.rec.current) {
      // Waiting since arrival on transfer, else since the sentence started (the allocation overview's reading).
      const since = p.arrivalDate ?? p.sentenceStartDate
      // Issue 17: a HOMD's override in force is a note beside the row (<OverrideNote>), with the engine's answer.
      unallocated.push({ prisonerId: p.id, prisonNumber: p.prisonNumber, name: displayName(p), waitingSince: since, daysWaiting: Math.max(0, daysBetweenIso(since, today)), override: overrideNote(e.rec, e.v.evaluation, today) })
    }
    // Issue 17: handovers whose COM is not allocated, from the handover lists
    // (../shared/specs/mpc-rules.md A.1, over the establishment's allocated cases in custody).
    if (e.rec.current && p.status === 'in_custody') {
      const row = handovers.get(p.id)
      const c = caseHandover(p, e.v.evaluation, row, today, handoverContext(e.rec, s))
      const h = e.v.evaluation.handover
      if (c.lists.comAllocationOverdue) comNotAllocated.push({ ...handoverListItem(e.rec, e.v.evaluation, row, c, today, 'overdue', h.comResponsibleDate), days: c.lists.comAllocationDaysOverdue ?? 0, list: 'comAllocationOverdue' })
      else if (c.lists.upcoming) comNotAllocated.push({ ...handoverListItem(e.rec, e.v.evaluation, row, c, today, 'left', h.comAllocatedDate ?? h.comResponsibleDate), list: 'upcoming' })
    }
  }
  unallocated.sort((a, b) => b.daysWaiting - a.daysWaiting || a.name.localeCompare(b.name))
  // Overdue first, longest overdue first; then upcoming, soonest first.
  const rank = (i: AllocationWork['comNotAllocated'][number]) => (i.list === 'comAllocationOverdue' ? -i.days : i.days)
  comNotAllocated.sort((a, b) => Number(b.list === 'comAllocationOverdue') - Number(a.list === 'comAllocationOverdue') || rank(a) - rank(b) || a.name.localeCompare(b.name))
  const load = (p: { caseCount: number; hoursPerWeek: number }) => p.caseCount / Math.max(p.hoursPerWeek, 1)
  const { overCapacity, unavailableToday } = pomsBeyondReach([...poms.values()], facts)
  return {
    overCapacity,
    unavailableToday,
    unallocated: unallocated.slice(0, LIST_AT_MOST),
    unallocatedTotal: unallocated.length,
    handovers: handoverCounts(cases, handovers, today, s),
    comNotAllocated: comNotAllocated.slice(0, LIST_AT_MOST),
    comNotAllocatedTotal: comNotAllocated.length,
    poms: [...poms.values()].sort((a, b) => load(b) - load(a) || a.name.localeCompare(b.name)),
    overdueTotal,
  }
}

type PomLoadCount = { staffId: number; name: string; caseCount: number; capacity: number }

/**
 * Issue 16: the active POMs over their capacity (casesOverCapacity, shared/engine/resourcing/
 * pomCaseload.ts), furthest over first; issue 17: the POMs away today, soonest back first (no
 * return date known: last). The reason for an absence is not shown here: it can be health
 * information, kept to Settings › POM capacity.
 */
export function pomsBeyondReach(poms: readonly PomLoadCount[], facts: ReadonlyMap<number, PomToday>): Pick<AllocationWork, 'overCapacity' | 'unavailableToday'> {
  const overCapacity = poms
    .filter((p) => casesOverCapacity(p.caseCount, p.capacity) > 0)
    .map(({ staffId, name, caseCount, capacity }) => ({ staffId, name, caseCount, capacity }))
    .sort((a, b) => b.caseCount - b.capacity - (a.caseCount - a.capacity) || a.name.localeCompare(b.name))
  const unavailableToday: AllocationWork['unavailableToday'] = []
  for (const p of poms) {
    const a = facts.get(p.staffId)?.availability
    if (a?.status === 'unavailable') unavailableToday.push({ staffId: p.staffId, name: p.name, caseCount: p.caseCount, from: a.from, until: a.until, returnsOn: a.returnsOn })
  }
  unavailableToday.sort((a, b) => (a.returnsOn ?? '9999-12-31').localeCompare(b.returnsOn ?? '9999-12-31') || a.name.localeCompare(b.name))
  return { overCapacity, unavailableToday }
}

/**
 * Minima whose due date fell in the period and is not after today, and how many of them were met
 * (a missed or overdue one is not met: issue 16). Start of custody and transfers count whoever is
 * responsible; pre-handover as evaluated. A minimum still due (its date ahead) is not yet decided.
 */
export function compliance(cases: readonly Evaluated[], today: string): Compliance {
  const monthStart = `${today.slice(0, 7)}-01`
  const [y, m] = today.split('-').map(Number) as [number, number]
  // The first day of the month two months back: this month and the two before it.
  const threeMonthsStart = new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 10)
  const rules = ['start_of_custody', 'pre_handover', 'transfer_arrival'] as const
  const tally = () => ({ decided: 0, met: 0 })
  const t = Object.fromEntries(rules.map((r) => [r, { thisMonth: tally(), lastThreeMonths: tally() }])) as Record<(typeof rules)[number], { thisMonth: { decided: number; met: number }; lastThreeMonths: { decided: number; met: number } }>
  for (const e of cases) {
    for (const min of e.v.evaluation.minima) {
      if (min.status === 'not_applicable' || min.status === 'due' || min.dueBy === null || min.dueBy > today) continue
      const met = min.status === 'met' ? 1 : 0
      if (min.dueBy >= threeMonthsStart) {
        t[min.rule].lastThreeMonths.decided++
        t[min.rule].lastThreeMonths.met += met
      }
      if (min.dueBy >= monthStart) {
        t[min.rule].thisMonth.decided++
        t[min.rule].thisMonth.met += met
      }
    }
  }
  const figures = (x: { decided: number; met: number }) => ({ ...x, percentMet: x.decided === 0 ? null : Math.floor((x.met / x.decided) * 100 + 1e-9) })
  return { monthStart, threeMonthsStart, byRule: rules.map((rule) => ({ rule, thisMonth: figures(t[rule].thisMonth), lastThreeMonths: figures(t[rule].lastThreeMonths) })) }
}

export async function planGlance(conn: StoreConn, role: UserRole = 'governor'): Promise<PlanGlance | null> {
  const db = conn.db
  const row = await latestVersionRow(db)
  if (!row) return null
  const catalog = await catalogFor(db, row.catalogId, row.catalogVersion)
  const readiness = assessReadiness(catalog, entriesOf(await entryRows(db, row.id)), row.targetStage)
  const view = await toVersionView(db, row, row.id)
  const state = nextSignOffStep(await signOffHistory(db, row.id))
  const waiting = state.kind === 'awaiting' && state.next.stage !== 'submit' ? state.next.stage : null
  const nextStep = waiting === null ? null : { stage: waiting, role: SIGN_OFF_ROUTE.find((r) => r.stage === waiting)?.role ?? waiting }
  const text = new Map(catalog.baselines.map((b) => [b.id, b.text]))
  return {
    versionId: row.id,
    version: row.version,
    currentStage: row.currentStage,
    targetStage: row.targetStage,
    status: view.status,
    statusText: view.statusText,
    overall: readiness.overall,
    percent: readiness.score.percent,
    blockers: readiness.blockers.map((b) => ({ baselineId: b.baselineId, text: text.get(b.baselineId) ?? '', weighting: b.weighting ?? 0 })),
    // Issue 16: any step after submission a Governor records, theirs or on another's behalf
    // (readiness.decide; the route's order is nextSignOffStep's, seed 002 / issue 16).
    awaitingGovernor: nextStep !== null && mayCall(role, 'readiness.decide'),
    nextStep,
    awaitingHoms: view.status === 'draft' || view.status === 'returned',
  }
}

/** The home of `actor` on `today`. */
export async function homeFor(conn: StoreConn, actor: User, today: string): Promise<Home> {
  const want = SECTIONS[actor.role]
  const empty: Home = { today, role: actor.role, myWork: null, allocation: null, compliance: null, plan: null, notEvaluated: 0 }
  // Before the establishment is set up there are no cases to count (evalSettings would refuse).
  if (!(await readEstablishment(conn.db))) return empty
  const s = await evalSettings(conn.db, today)
  const cache = casesOf(conn)
  const evaluated: Evaluated[] = []
  let notEvaluated = 0
  // A POM's primary and co-working cases (myWork says which parts are whose); everyone else the establishment's.
  const staffId = actor.staffId
  const records = want.myWork ? (staffId === null ? [] : (await cache.all(s)).filter((r) => holdsCase(r, staffId))) : await cache.all(s)
  for (const rec of records) {
    const v = cache.verdict(rec, s)
    if (v.ok) evaluated.push({ rec, v })
    else notEvaluated++
  }
  const handovers = want.myWork || want.allocation ? await comHandoversByPrisoner(conn.db) : new Map<number, ComHandoverRecord>()
  return {
    ...empty,
    myWork: want.myWork ? myWork(evaluated, actor.staffId, s, handovers) : null,
    allocation: want.allocation ? await allocationWork(conn, evaluated, s, handovers) : null,
    compliance: want.compliance ? compliance(evaluated, today) : null,
    plan: want.plan ? await planGlance(conn, actor.role) : null,
    notEvaluated,
  }
}
