// The home screen's figures (issue 16, "Home screen per role"), worked out from the same engines
// and the same in-memory cases as the caseload, due list and exports, so the figures agree with
// them on both backends. No rule is decided here: statuses come from evaluateCase (seed 003
// Annex B, with issue 16's overdue/missed boundary), readiness from assessReadiness (seed 002),
// the sign-off route's state from nextSignOffStep. This module only counts and orders.
import { addWorkingDays, assessReadiness, nextSignOffStep, type MinimumResult } from '../../../shared/engine/index'
import { addDaysIso, daysBetweenIso } from '../../../shared/dates'
import type { StoreConn } from '../../../db/store/types'
import type { User, UserRole } from '../../../shared/ipc/channels/auth'
import type { AllocationWork, Compliance, Home, HomeCase, MyWork, PlanGlance } from '../../../shared/ipc/channels/home'
import { evalSettings } from '../caseload/context'
import { casesOf } from '../caseload/cache'
import type { CaseRecord } from '../caseload/load'
import { displayName, overrideNote, type EvalSettings, type Verdict } from '../caseload/verdict'
import { activePoms } from '../caseload/store'
import { catalogFor, entriesOf, entryRows, latestVersionRow, signOffHistory, toVersionView } from '../rrmp/store'
import { readEstablishment } from '../establishment/store'
import { comHandoversByPrisoner, type ComHandoverRecord } from '../handover/store'
import { caseHandover, handoverCaseView } from '../handover/view'
import { handoverListItem } from '../handover/listItem'
import { casesOverCapacity } from '../../../shared/engine/resourcing/index'
import { pomsToday, type PomToday } from '../resourcing/pomToday'

/** Look-aheads of the POM's counts (issue 16: "due in the next 7 days", "the next 28 days"). */
const DUE_SOON_DAYS = 7
const DUE_LATER_DAYS = 28
/** "Handovers starting in the next 8 weeks" (issue 16; the due list's horizon, issue 5). */
const HANDOVER_HORIZON_DAYS = 56
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

/** Sessions recorded in [from, today] more than one working day after they took place (seed 003 Annex B 1.1). */
function lateRecordsSince(rec: CaseRecord, from: string, today: string, extraHolidays: readonly string[]): number {
  let n = 0
  // A late record is never ordinary, so the whole-establishment read always holds it (relevance.ts).
  for (const s of rec.sessions) {
    const on = s.recordedOn
    if (!on || on < from || on > today) continue
    if (on > addWorkingDays(s.date, 1, extraHolidays)) n++
  }
  return n
}

export function myWork(cases: readonly Evaluated[], pomId: number | null, s: EvalSettings, handovers: HandoverRows = new Map()): MyWork {
  const today = s.today
  const in7 = addDaysIso(today, DUE_SOON_DAYS)
  const in28 = addDaysIso(today, DUE_LATER_DAYS)
  const horizon = addDaysIso(today, HANDOVER_HORIZON_DAYS)
  const monthStart = `${today.slice(0, 7)}-01`
  const counts = { overdue: 0, due7: 0, due28: 0, handovers8Weeks: 0, transfersAwaiting: 0, lateThisMonth: 0, checklistsDue: 0, handoverTasksOverdue: 0 }
  const open: HomeCase[] = []
  const checklists: MyWork['checklists'] = []
  let caseCount = 0
  for (const e of cases) {
    if (pomId === null || e.rec.current?.staffId !== pomId) continue
    caseCount++
    for (const m of e.v.evaluation.minima) {
      const c = openCase(e, m, today)
      if (!c) continue
      open.push(c)
      if (c.status === 'overdue') counts.overdue++
      else if (c.dueBy <= in28) {
        counts.due28++
        if (c.dueBy <= in7) counts.due7++
      }
      if (m.rule === 'transfer_arrival') counts.transfersAwaiting++
    }
    const h = e.v.evaluation.handover
    if (h.comAllocatedDate !== null && h.comAllocatedDate > today && h.comAllocatedDate <= horizon) counts.handovers8Weeks++
    counts.lateThisMonth += lateRecordsSince(e.rec, monthStart, today, s.extraHolidays)
    // Issue 17: the checklists this POM (the case's POM) can tick now (../shared/specs/mpc-rules.md
    // D.4) and has not completed; past the handover date they are overdue (A4), before it due.
    if (e.rec.prisoner.status === 'in_custody') {
      const view = handoverCaseView(e.rec.prisoner, e.v.evaluation, handovers.get(e.rec.prisoner.id), today, { isAllocatedPom: true, canEdit: true })
      if (view.checklist.editable && !view.checklist.complete) {
        const tasksOverdue = view.lists.overdueTasks
        if (tasksOverdue) counts.handoverTasksOverdue++
        else counts.checklistsDue++
        const r = e.v.row
        checklists.push({ prisonerId: r.prisonerId, prisonNumber: r.prisonNumber, name: r.name, comResponsibleDate: h.comResponsibleDate, completeCount: view.checklist.completeCount, total: view.checklist.total, tasksOverdue, override: overrideNote(e.rec, e.v.evaluation, today) })
      }
    }
  }
  open.sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name))
  checklists.sort((a, b) => Number(b.tasksOverdue) - Number(a.tasksOverdue) || (a.comResponsibleDate ?? '').localeCompare(b.comResponsibleDate ?? '') || a.name.localeCompare(b.name))
  return { pomId, counts, cases: open.slice(0, LIST_AT_MOST), checklists: checklists.slice(0, LIST_AT_MOST), caseCount }
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
      unallocated.push({ prisonerId: p.id, prisonNumber: p.prisonNumber, name: displayName(p), waitingSince: since, daysWaiting: Math.max(0, daysBetweenIso(since, today)) })
    }
    // Issue 17: handovers whose COM is not allocated, from the handover lists
    // (../shared/specs/mpc-rules.md A.1, over the establishment's allocated cases in custody).
    if (e.rec.current && p.status === 'in_custody') {
      const row = handovers.get(p.id)
      const c = caseHandover(p, e.v.evaluation, row, today)
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

export async function planGlance(conn: StoreConn): Promise<PlanGlance | null> {
  const db = conn.db
  const row = await latestVersionRow(db)
  if (!row) return null
  const catalog = await catalogFor(db, row.catalogId, row.catalogVersion)
  const readiness = assessReadiness(catalog, entriesOf(await entryRows(db, row.id)), row.targetStage)
  const view = await toVersionView(db, row, row.id)
  const state = nextSignOffStep(await signOffHistory(db, row.id))
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
    awaitingGovernor: state.kind === 'awaiting' && state.next.stage === 'governor',
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
  const records = want.myWork && actor.staffId !== null ? await cache.forPom(actor.staffId, s) : want.myWork ? [] : await cache.all(s)
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
    plan: want.plan ? await planGlance(conn) : null,
    notEvaluated,
  }
}
