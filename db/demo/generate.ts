import { addWorkingDays, calculateHandover, responsibilityOn, type CaseInput, type Handover, type Policy } from '../../shared/engine/case/index'
import { establishment } from '../schema'
import type { SqlValue, StoreConn } from '../store/types'
import { Dice, dayNumber, isoOf, seededRandom } from './random'

// The demo establishment (issue 5): a realistic, obviously fictional OMU, deterministic from a
// seed. Used by the first-run "demo establishment" choice, the e2e tests and the benchmarks.
// It spreads sentence types, release dates, allocations and session histories so every handover
// reason and every minimum status appears.
//
// Issue 16 ("The demo establishment"): it looks like a real OMU on a normal month, so a new user
// learns from it, as the screens measure it. Asserted by test/integration/demoProportions.test.ts
// through the real channels (the HOMS's home, the allocation waiting list, the handover lists, the
// due list) on 300 and 2,000 prisoners and several seeds, today 23/11/2026:
// - Home compliance (electron/services/home/service.ts: windows due this month up to today, and
//   since the first of the month two months back; met over decided), each minimum of seed 003
//   Annex B: about 85% met (MET_SHARE), the met count within one window of 85% of those decided
//   however few (MetQuota: a quota per period, not a dice throw per case), so 80-90% wherever 20
//   or more fell due (e.g. 2,000 prisoners seed 16: start of custody 87% this month, 86% over 3
//   months; pre-handover 82%, 82%; transfers 82%, 84%. 300 prisoners seed 3: 83%, 81%; 75% (3 of
//   4), 83%; 100% (3 of 3), 90%). The 15% not met is the EDM Stage 3 strain of this quarter (seed
//   002); older windows were met more often (start of custody 92%, pre-handover 95%, transfers 88%).
// - Of all applicable windows, as the engine evaluates them (2,000 prisoners): start of custody
//   about 87% met, 5% still open (on track), under 1% overdue and still actionable (those due in
//   the last 28 days and not met), 7% missed in the past; pre-handover about 15% met and 83% still
//   open (most handovers are ahead), under 1% overdue, 2% missed; transfers about 85% met, 11% missed.
// - Waiting for a POM (the allocation waiting list and the HOMD's home): only cases sentenced in
//   the last WAITING_DAYS_AT_MOST days (arrivals on transfer: TRANSFER_WAITING_DAYS_AT_MOST), 40%
//   of them: about 2% of cases, waiting 0 to 35 days (300 prisoners: 3 to 7 cases).
// - Handover lists (../shared/specs/mpc-rules.md A, comHandoverRow): upcoming (8 weeks before the
//   COM is allocated, no COM yet) about 2% of cases; in progress (the COM allocated or
//   responsible, not yet released) about 13%, a COM recorded on over 90% of them; COM allocation
//   overdue well under 1%, all within COM_MISSING_DAYS_AT_MOST days of their handover date (30% of
//   the cases that recent); overdue handover tasks 1-2%, all within 6 weeks of the handover date;
//   to notify the community 1-3%.
// - Due list: overdue minima about 1% of cases; records entered late this month about 6% of cases.
//   About 15% of sessions are entered after the day, some 5-6% more than one working day late
//   (seed 003 Annex B 1.1).
// - About one case in seven is recent (sentenced or arrived in the last 120 days); about one in
//   five arrived on transfer (arrival within the last two years). Handovers (COM allocated) spread
//   over the coming months: about 2% of cases start in each of the next 24 months, fewer beyond.
// - Sessions: met windows get their sessions face to face in time (weekly to three-weekly); a
//   window not met has too few (start of custody) or none (pre-handover, transfers); between
//   windows nine cases in ten are seen every few weeks, the rest with long gaps.
// The showcase cases (SHOWCASE) and the POMs' capacity facts are set by position, whatever these
// proportions.
//
// Written through a StoreConn with SQL both backends run (`?` parameters, RETURNING, no dialect
// functions), as multi-row INSERTs of up to ROWS_PER_INSERT rows: thousands of prisoners and
// hundreds of thousands of sessions in a few hundred statements, so it stays quick on the local
// file and over the network to the shared database alike. The caller opens the transaction.

export interface DemoOptions {
  prisoners: number
  seed: number
  /** The day the demo is generated for (sessions never after it). */
  today: string
  /** Years of session history (default 5). */
  years?: number
  /** Multiplies the gaps between sessions (default 1); the benchmarks use 0.5 for about 75 sessions a prisoner. */
  sessionGapScale?: number
  now: string
}

export interface DemoCounts {
  prisoners: number
  staff: number
  sessions: number
}

const FIRST = ['Alex', 'Sam', 'Jo', 'Chris', 'Pat', 'Robin', 'Jamie', 'Casey', 'Morgan', 'Taylor', 'Jordan', 'Charlie', 'Drew', 'Frankie', 'Kit', 'Rowan', 'Ellis', 'Remy', 'Sasha', 'Toby']
// Surnames no real person is likely to carry, so nobody mistakes demo data for real records.
const LAST = ['Testwell', 'Samplewood', 'Demoford', 'Fictionby', 'Placeholder', 'Mockridge', 'Exampleton', 'Dummerfield', 'Notreal', 'Madeupson', 'Pretendham', 'Stubbington', 'Fakenham-Lye', 'Imaginary', 'Specimen']
const TIERS = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2']
const ROSH = ['low', 'medium', 'high', 'very_high'] as const
const MODES_IN_PERSON = ['wing_interview_room', 'wing_interview_room', 'wing_interview_room', 'duty_pom'] as const
const MODES_REMOTE = ['video', 'in_cell_telephony'] as const

function name(d: Dice, i: number): { first: string; last: string } {
  return { first: d.pick(FIRST), last: `${d.pick(LAST)}${i % 7 === 0 ? '-Demo' : ''}` }
}

/** Prison numbers in NOMIS shape, unique by construction: A0001AA, A0002AA, ... */
function prisonNumber(i: number): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
  const n = i % 10000
  const rest = Math.floor(i / 10000)
  return `${letters[rest % letters.length] ?? 'A'}${String(n).padStart(4, '0')}${letters[Math.floor(i / 240000) % letters.length] ?? 'A'}${letters[(i * 7) % letters.length] ?? 'A'}`
}

function addMonths(day: number, months: number): number {
  const d = new Date(day * 86_400_000)
  return dayNumber(isoOf(Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), 28)) / 86_400_000)))
}

/** The demo establishment's own row, for a data file that has none yet (the first-run demo choice). */
export async function insertDemoEstablishment(conn: StoreConn, now: string): Promise<void> {
  await conn.db
    .insert(establishment)
    .values({ id: 1, name: 'HMP Demoshire (demo data)', code: 'DMO', category: 'training', currentStage: 3, targetStage: 2, policy: 'omic2021', updatedAt: now })
    .run()
}

/** Seed 003 Annex B "Start custodial sentence": the window is 12 weeks from the POM allocation (the engine's minima.ts). */
const START_OF_CUSTODY_DAYS = 84
/**
 * Seed 003 Annex B "Pre-release - Handover to the COM": the window is the 3 months before the COM
 * is allocated. 89 days is inside any 3 calendar months, so sessions placed in it count.
 */
const PRE_HANDOVER_DAYS = 89
/** Seed 003 Annex B "POM to POM transfers": one face-to-face session within 14 working days of arrival. */
const TRANSFER_WORKING_DAYS = 14
/** Share of windows met, by rule and by whether they fell due this quarter (the header's proportions). */
const MET_SHARE = {
  start_of_custody: { recent: 0.85, older: 0.92 },
  pre_handover: { recent: 0.85, older: 0.95 },
  transfer_arrival: { recent: 0.85, older: 0.88 },
} as const
/**
 * Cases wait for a POM only when sentenced this recently (arrivals on transfer: within
 * TRANSFER_WAITING_DAYS_AT_MOST, so their 14 working days are still open), and then only this share of them.
 */
const WAITING_DAYS_AT_MOST = 35
const TRANSFER_WAITING_DAYS_AT_MOST = 12
const WAITING_SHARE = 0.4
/** Past the handover date this long without a COM recorded is rare: only cases this recent may still lack one (spec A5). */
const COM_MISSING_DAYS_AT_MOST = 42

/**
 * Which windows are met: a quota per rule and period of the due date (error diffusion). The home's
 * compliance (electron/services/home/service.ts) counts the windows due this month up to today and
 * those due since the first day of the month two months back; those two periods (this month up to
 * today; the two months before) are one quota each, rounding to the nearest, so the met count is
 * within one window of MET_SHARE's share of the decided windows however few they are (within half
 * a window this month), and the home shows the same figures on a 300-prisoner demo as on a 20,000
 * one. Windows still open, and older ones, are a quota per calendar month; older months start from
 * a random phase, so a small demo's history is not all met.
 */
class MetQuota {
  private readonly carry = new Map<string, number>()
  private readonly recentFrom: number
  private readonly monthStart: number
  constructor(
    private readonly d: Dice,
    private readonly today: number,
  ) {
    const t = new Date(today * 86_400_000)
    this.recentFrom = Math.round(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - 2, 1) / 86_400_000)
    this.monthStart = Math.round(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1) / 86_400_000)
  }
  take(rule: keyof typeof MET_SHARE, dueBy: number): boolean {
    const recent = dueBy >= this.recentFrom
    const period = dueBy > this.today ? `open ${isoOf(dueBy).slice(0, 7)}` : !recent ? isoOf(dueBy).slice(0, 7) : dueBy >= this.monthStart ? 'this month' : 'two months before'
    return this.share(`${rule} ${period}`, MET_SHARE[rule][recent ? 'recent' : 'older'], recent ? 0.5 : this.d.float())
  }
  /** True for `share` of the calls with `key`, the first from `phase` (0.5: rounding to the nearest). */
  share(key: string, share: number, phase = 0.5): boolean {
    const a = (this.carry.get(key) ?? phase) + share
    this.carry.set(key, a >= 1 ? a - 1 : a)
    return a >= 1
  }
}

/** The engine's input from a generated prisoner row (PRISONER_COLUMNS), as caseload/load.ts toCaseInput reads the stored row. */
function caseInputOf(row: readonly SqlValue[], allocStart: number): CaseInput {
  const v = (c: PrisonerColumn) => row[PRISONER_COLUMNS.indexOf(c)]
  const date = (c: PrisonerColumn) => (v(c) as string | null) ?? null
  return {
    sentenceType: v('sentence_type') as CaseInput['sentenceType'],
    sentenceStartDate: v('sentence_start_date') as string,
    conditionalReleaseDate: date('crd'),
    automaticReleaseDate: date('ard'),
    paroleEligibilityDate: date('ped'),
    tariffDate: date('ted'),
    targetHearingDate: date('thd'),
    homeDetentionCurfewEligibilityDate: date('hdced'),
    homeDetentionCurfewActualDate: date('hdcad'),
    mappaLevel: v('mappa_level') as CaseInput['mappaLevel'],
    earlyAllocation: v('early_allocation') === 1,
    recall: v('recall') === 1,
    pomAllocatedDate: isoOf(allocStart),
    arrivalDate: date('arrival_date'),
    openConditions: v('open_conditions') === 1,
    openConditionsArrivalDate: date('open_conditions_arrival_date'),
    immigrationCase: v('immigration_case') === 1,
    additionalIsp: v('additional_isp') === 1,
  }
}

const COM_TEAMS = ['Demoshire North', 'Demoshire South', 'Sampleton Central', 'Fictionby and District']

/**
 * The com_handover row of a case near or past its handover (../shared/specs/mpc-rules.md A; seed
 * 003 Annex B 3.2 and its 45-day community notification), or none. Upcoming (in the 8 weeks before
 * the COM is allocated): a COM recorded for about a third. Past the handover start: a COM recorded
 * for nearly all; only cases past the handover date by at most COM_MISSING_DAYS_AT_MOST days may
 * still lack one (COM allocation overdue). The checklist is complete for nearly all cases a month
 * past the handover date, for half of the more recent ones; the community is notified from 45
 * days before the handover date, for half before the date and nearly all after it.
 */
function comHandoverRow(d: Dice, quota: MetQuota, index: number, h: Handover, today: number, now: string): Pending[] {
  if (h.comResponsibleDate === null) return []
  const resp = dayNumber(h.comResponsibleDate)
  const start = h.comAllocatedDate === null ? resp : dayNumber(h.comAllocatedDate)
  if (today < start - 56) return []
  const recorded = today < start ? d.chance(0.35) : today < resp ? d.chance(0.97) : today - resp > COM_MISSING_DAYS_AT_MOST || quota.share('COM recorded', 0.7)
  const complete = recorded && today >= resp && (today - resp > 28 || d.chance(0.5))
  const started = recorded && today >= start && d.chance(0.6)
  const notified = today >= resp - 45 && (today > resp ? d.chance(0.98) : d.chance(0.5))
  if (!recorded && !notified) return []
  const com = name(d, index)
  const by = 'Nat Homd-Demo'
  const at = (day: number) => `${isoOf(Math.min(today, day))}T10:00:00.000Z`
  const tick = (done: boolean, day: number): SqlValue[] => (done ? [1, by, at(day)] : [0, null, null])
  return [
    [
      index,
      recorded ? `${com.first} ${com.last} (COM)` : null,
      recorded ? `${com.first.toLowerCase()}.${com.last.toLowerCase()}@probation.example` : null,
      recorded ? d.pick(COM_TEAMS) : null,
      recorded ? 'Demoshire PDU' : null,
      recorded ? isoOf(Math.min(today, start)) : null,
      ...tick(complete || started, start),
      ...tick(complete || started, start + 7),
      ...tick(complete, resp - 7),
      ...tick(complete, resp),
      notified ? at(resp - 45) : null,
      notified ? by : null,
      // Spec D.5: the state as last recorded is today's, as if the desks had seen it; the first
      // sign-in of the day then finds nothing to reconcile (electron/services/handover/reconcile.ts).
      responsibilityOn(h, isoOf(today)),
      h.comResponsibleDate,
      now,
    ],
  ]
}

/** The engine's handover dates for the facts just generated (the same calculation the screens make), or none. */
function handoverOf(input: CaseInput, today: string, policy: Policy): Handover | null {
  try {
    return calculateHandover(input, today, policy)
  } catch {
    return null
  }
}

/** Rows per multi-row INSERT: 500 prisoner rows are 12,000 parameters, inside both backends' limits. */
const ROWS_PER_INSERT = 500

/**
 * Writes rows of one table `ROWS_PER_INSERT` at a time. `tuple` is one row's VALUES tuple: its `?`
 * placeholders (one per value in the row) and any literals. `returning`, when given, is added to
 * each statement and the returned rows are collected.
 */
class BatchInsert {
  private readonly statements = new Map<number, string>()
  private readonly width: number

  constructor(
    private readonly conn: StoreConn,
    private readonly head: string,
    private readonly tuple: string,
    private readonly returning = '',
  ) {
    this.width = tuple.split('?').length - 1
  }

  private statement(rows: number): string {
    let text = this.statements.get(rows)
    if (text === undefined) {
      text = `${this.head} values ${Array.from({ length: rows }, () => this.tuple).join(', ')}${this.returning ? ` returning ${this.returning}` : ''}`
      this.statements.set(rows, text)
    }
    return text
  }

  async write<R extends readonly unknown[] = unknown[]>(rows: readonly (readonly SqlValue[])[]): Promise<R[]> {
    const out: R[] = []
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const batch = rows.slice(i, i + ROWS_PER_INSERT)
      const params: SqlValue[] = []
      for (const row of batch) {
        if (row.length !== this.width) throw new Error(`demo insert: ${row.length} values for ${this.width} placeholders`)
        for (const v of row) params.push(v)
      }
      const text = this.statement(batch.length)
      if (this.returning) out.push(...(await this.conn.sql.rows<R>(text, params)))
      else await this.conn.sql.exec(text, params)
    }
    return out
  }
}

/** An allocation or session row waiting for its prisoner's id: first value, the prisoner's index in the batch. */
type Pending = SqlValue[]

/** The prisoner columns in the order generateDemo writes them. */
const PRISONER_COLUMNS = [
  'prison_number', 'first_name', 'last_name', 'date_of_birth', 'sentence_type', 'sentence_start_date',
  'crd', 'ard', 'ped', 'ted', 'thd', 'hdced', 'hdcad', 'mappa_level', 'early_allocation', 'recall', 'tier', 'rosh_level', 'care_experienced', 'tact', 'key_worker_priority',
  'arrival_date', 'status', 'updated_at', 'open_conditions', 'open_conditions_arrival_date', 'immigration_case', 'additional_isp',
  'sed', 'led', 'enhanced_resourcing',
] as const
type PrisonerColumn = (typeof PRISONER_COLUMNS)[number]

interface Showcase {
  facts: Partial<Record<PrisonerColumn, SqlValue>>
  reviews?: { hearing: number; outcome: 'refused' | 'deferred' | 'release'; outcomeDate: number | null; next: number | null }[]
}

/** An ISP whose tariff has passed (on or after the sentence start, never after today). */
const ispPastTariff = (start: number, today: number) => ({ sentence_type: 'indeterminate', crd: null, ard: null, ped: null, hdced: null, sed: null, led: null, ted: isoOf(Math.min(today, Math.max(start, today - 400))) })

/** A refusal heard in the last three weeks with the next hearing 14 months away (handover spec R2: "far"). */
const refusedFar = (start: number, today: number): Showcase['reviews'] => {
  const hearing = Math.max(start, today - 20)
  return [{ hearing, outcome: 'refused', outcomeDate: Math.min(today, hearing + 7), next: addMonths(today, 14) }]
}

/**
 * The demo's cases of each kind issue 20 adds (../shared/specs/handover-2023.md sections 2-4), by
 * position (prison numbers A0001.. in order), for the e2e screenshots; names end "-Demo".
 */
const SHOWCASE: Partial<Record<number, (start: number, today: number) => Showcase>> = {
  // R1: a further ISP to serve: POM responsible, no handover dates.
  0: (start, today) => ({ facts: { first_name: 'Ira', last_name: 'Additional-Demo', ...ispPastTariff(start, today), ted: isoOf(Math.max(start + 365, addMonths(today, 30))), thd: null, additional_isp: 1, recall: 0, early_allocation: 0 } }),
  // R2a: an ISP recall, next hearing 15 months away, MAPPA 1: POM responsible, COM supporting.
  1: (start, today) => ({ facts: { first_name: 'Remy', last_name: 'Recall-Demo', ...ispPastTariff(start, today), thd: isoOf(addMonths(today, 15)), recall: 1, mappa_level: 1, early_allocation: 0, additional_isp: 0 } }),
  // R2c: parole refused, next hearing 14 months away, MAPPA 1: POM responsible, COM supporting.
  2: (start, today) => ({ facts: { first_name: 'Pip', last_name: 'Refused-Demo', ...ispPastTariff(start, today), thd: null, recall: 0, mappa_level: 1, early_allocation: 0, additional_isp: 0 }, reviews: refusedFar(start, today) }),
  // R2b: the same refusal with MAPPA 2: COM responsible, no dates.
  3: (start, today) => ({ facts: { first_name: 'Max', last_name: 'Mappatwo-Demo', ...ispPastTariff(start, today), thd: null, recall: 0, mappa_level: 2, early_allocation: 0, additional_isp: 0 }, reviews: refusedFar(start, today) }),
  // R3: held under immigration powers: COM responsible, no dates.
  4: (start, today) => ({ facts: { first_name: 'Ines', last_name: 'Immigration-Demo', sentence_type: 'determinate', ted: null, thd: null, ped: null, crd: isoOf(Math.max(start + 90, today + 200)), recall: 0, early_allocation: 0, immigration_case: 1, additional_isp: 0 } }),
  // R4: an ISP in open conditions since three months ago, tariff in 18 months: COM allocated from arrival there.
  5: (start, today) => ({
    facts: { first_name: 'Orla', last_name: 'Open-Demo', sentence_type: 'indeterminate', crd: null, ard: null, ped: null, hdced: null, sed: null, led: null, thd: null, ted: isoOf(Math.max(start + 365, addMonths(today, 18))), recall: 0, early_allocation: 0, additional_isp: 0, open_conditions: 1, open_conditions_arrival_date: isoOf(Math.max(start, today - 90)) },
  }),
}

/** A POM's capacity facts beyond the contracted hours (issues 17 and 19; migration 0011_pom_capacity). */
interface PomCapacityFacts {
  band: number
  daysPerWeek: number
  unavailableFrom: string | null
  unavailableTo: string | null
  unavailableReason: string | null
}

const FULL_TIME: PomCapacityFacts = { band: 4, daysPerWeek: 5, unavailableFrom: null, unavailableTo: null, unavailableReason: null }

/**
 * The demo POMs' capacity facts (issue 16's HOMD home, issue 17's availability, issue 19's
 * resourcing plan), so those screens show a normal month: about one POM in five part-time (22.5
 * hours over 3 days, thrown with the dice above), prison and probation POMs at Band 4 (seed 002
 * stage 3: "Prison Band 4 staff returned to POM roles"), the second POM away today with a return
 * date (redeployed to the wings, as seed 002 stage 3 describes prison POMs being), and the fifth
 * with annual leave booked from next week. The leaver and the new starter are planned changes
 * (insertPlannedChanges). The figures are illustrations, not national proportions.
 */
function demoPomCapacity(i: number, hours: number, today: number): PomCapacityFacts {
  const facts = { ...FULL_TIME, daysPerWeek: hours < 37 ? 3 : 5 }
  if (i === 1) return { ...facts, unavailableFrom: isoOf(today - 30), unavailableTo: isoOf(today + 39), unavailableReason: 'Redeployed to residential wings' }
  if (i === 4) return { ...facts, unavailableFrom: isoOf(today + 10), unavailableTo: isoOf(today + 19), unavailableReason: 'Annual leave' }
  return facts
}

/**
 * Planned changes to capacity over the next 12 weeks (issue 19; seed 002 stages 3 to 1: leavers,
 * new starters): the fourth POM leaving in six weeks, and a new prison POM starting in four.
 */
async function insertPlannedChanges(conn: StoreConn, pomIds: readonly number[], today: number, now: string): Promise<void> {
  const insert = (values: SqlValue[]) =>
    conn.sql.exec('insert into pom_planned_change (staff_id, kind, date, name, pom_type, band, hours_per_week, days_per_week, note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', values)
  const leaver = pomIds[3]
  if (leaver !== undefined) await insert([leaver, 'leaving', isoOf(today + 42), null, null, null, null, null, 'Moving to a community probation team', now])
  await insert([null, 'starting', isoOf(today + 28), 'New prison POM', 'prison', 4, 37, 5, 'Band 4 officer returning to a POM role', now])
}

export async function generateDemo(conn: StoreConn, opts: DemoOptions): Promise<DemoCounts> {
  const d = new Dice(seededRandom(opts.seed))
  const today = dayNumber(opts.today)
  const historyFrom = today - Math.round((opts.years ?? 5) * 365.25)
  const met = new MetQuota(d, today)
  // The handover dates follow the establishment's policy (one read; the first-run demo writes omic2021).
  const policy: Policy = (await conn.sql.value<string>('select policy from establishment where id = 1')) === 'omic2023' ? 'omic2023' : 'omic2021'

  // Staff one at a time: each POM's id is needed as the cases are dealt out, and a few hundred
  // rows at most (one POM for every 48 prisoners).
  const insertStaff = (values: SqlValue[], capacity: PomCapacityFacts = FULL_TIME) =>
    conn.sql.value<number>(
      'insert into staff (name, role, active, hours_per_week, flags, updated_at, band, days_per_week, unavailable_from, unavailable_to, unavailable_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id',
      [...values, capacity.band, capacity.daysPerWeek, capacity.unavailableFrom, capacity.unavailableTo, capacity.unavailableReason],
    )
  const pomIds: number[] = []
  const pomCount = Math.max(3, Math.round(opts.prisoners / 48))
  for (let i = 0; i < pomCount; i++) {
    const n = name(d, i)
    const role = i % 3 === 2 ? 'probation_pom' : 'prison_pom'
    const hours = d.chance(0.2) ? 22.5 : 37
    // Capacity facts are set by position, after the dice: every case and session stays as before.
    pomIds.push(Number(await insertStaff([`${n.first} ${n.last}`, role, 1, hours, '[]', opts.now], demoPomCapacity(i, hours, today))))
  }
  await insertPlannedChanges(conn, pomIds, today, opts.now)
  await insertStaff(['Lee Inactive-Demo', 'prison_pom', 0, 37, '[]', opts.now])
  await insertStaff(['Nat Homd-Demo', 'homd', 1, 37, '[]', opts.now])
  await insertStaff(['Kai Homs-Demo', 'homs', 1, 37, '[]', opts.now])
  await insertStaff(['Governor Demo', 'governor', 1, 37, '[]', opts.now])
  const staffCount = pomCount + 4

  const insertPrisoners = new BatchInsert(
    conn,
    `insert into prisoner (prison_number, first_name, last_name, date_of_birth, sentence_type, sentence_start_date,
     crd, ard, ped, ted, thd, hdced, hdcad, mappa_level, early_allocation, recall, tier, rosh_level, care_experienced, tact, key_worker_priority,
     arrival_date, status, version, updated_at, open_conditions, open_conditions_arrival_date, immigration_case, additional_isp,
     sed, led, enhanced_resourcing)`,
    '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)',
    'id, prison_number',
  )
  const insertAllocations = new BatchInsert(conn, 'insert into allocation (prisoner_id, staff_id, start_date, end_date, reason, created_at)', '(?, ?, ?, ?, ?, ?)')
  const insertReviews = new BatchInsert(
    conn,
    'insert into parole_review (prisoner_id, hearing_date, outcome, outcome_date, next_hearing_date, version, created_at, updated_at)',
    '(?, ?, ?, ?, ?, 1, ?, ?)',
  )
  const insertSessions = new BatchInsert(
    conn,
    'insert into supervision_session (prisoner_id, staff_id, date, in_person, mode, duration_minutes, notes, notes_sensitive, recorded_on, created_at)',
    '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  // Issue 17's COM details, checklist ticks and community notification (db/schema/handover.ts), for cases near or past handover.
  const insertComHandovers = new BatchInsert(
    conn,
    `insert into com_handover (prisoner_id, com_name, com_email, com_team, pdu, com_allocated_on,
     reviewed_oasys, reviewed_oasys_by, reviewed_oasys_at, contacted_com, contacted_com_by, contacted_com_at,
     attended_handover_meeting, attended_handover_meeting_by, attended_handover_meeting_at, sent_handover_report, sent_handover_report_by, sent_handover_report_at,
     community_notified_at, community_notified_by, last_responsibility, last_com_responsible_date, version, updated_at)`,
    '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)',
  )

  // Prisoners are dealt ROWS_PER_INSERT at a time; their allocations and sessions wait for the
  // prisoners' ids (matched back by prison number, unique by construction), then follow in order.
  let prisoners: SqlValue[][] = []
  let allocations: Pending[] = []
  let sessionRows: Pending[] = []
  let reviewRows: Pending[] = []
  let comRows: Pending[] = []
  const flush = async () => {
    if (prisoners.length === 0) return
    const returned = await insertPrisoners.write<[number, string]>(prisoners)
    const idOf = new Map(returned.map(([id, number]) => [number, Number(id)]))
    const ids = prisoners.map((p) => {
      const id = idOf.get(p[0] as string)
      if (id === undefined) throw new Error(`demo insert: no id came back for prisoner ${String(p[0])}`)
      return id
    })
    const resolve = (rows: Pending[]) => {
      for (const row of rows) row[0] = ids[row[0] as number] as number
      return rows
    }
    await insertAllocations.write(resolve(allocations))
    await insertSessions.write(resolve(sessionRows))
    await insertReviews.write(resolve(reviewRows))
    await insertComHandovers.write(resolve(comRows))
    prisoners = []
    allocations = []
    sessionRows = []
    reviewRows = []
    comRows = []
  }

  let sessions = 0
  for (let i = 0; i < opts.prisoners; i++) {
    if (prisoners.length === ROWS_PER_INSERT) await flush()
    const n = name(d, i + 100)
    const indeterminate = d.chance(0.12)
    // About one in seven are recent: newly sentenced (start-of-custody windows open) or recent arrivals.
    const recent = d.chance(0.15)
    const start = recent ? today - d.int(0, 120) : today - d.int(120, 365 * 5 - 30)
    const age = d.int(18, 70)
    const dob = isoOf(start - age * 365 - d.int(0, 364))
    let crd: number | null = null
    let ped: number | null = null
    let ted: number | null = null
    let thd: number | null = null
    let hdced: number | null = null
    // Issue 17 (../shared/specs/mpc-rules.md F): a determinate sentence's expiry, with the licence
    // to the same day (as for most standard determinate sentences); none for a life sentence.
    let sed: number | null = null
    if (indeterminate) {
      ted = addMonths(start, d.int(48, 240))
      if (ted < today && d.chance(0.7)) thd = today + d.int(-30, 400)
    } else {
      // Release dates spread so handover windows are upcoming, in progress and reached.
      const months = d.int(5, 150)
      crd = Math.max(addMonths(start, Math.ceil(months / 2)), today + d.int(-20, 900))
      sed = Math.max(addMonths(start, months), crd)
      // Eligibility dates fall between sentence start and release, as they do in NOMIS.
      if (d.chance(0.12)) ped = Math.max(start + 30, crd - d.int(90, 600))
      if (months <= 48 && d.chance(0.4)) hdced = Math.max(start + 14, crd - d.int(30, 135))
    }
    const mappa = d.chance(0.1) ? d.pick([1, 2, 3]) : d.chance(0.5) ? 0 : null
    const arrival = d.chance(0.2) ? Math.min(today, Math.max(start + 1, today - d.int(0, 720))) : null
    const isoOrNull = (x: number | null) => (x === null ? null : isoOf(x))
    const index = prisoners.length
    prisoners.push([
      prisonNumber(i + 1), n.first, n.last, dob, indeterminate ? 'indeterminate' : 'determinate', isoOf(start),
      isoOrNull(crd), null, isoOrNull(ped), isoOrNull(ted), isoOrNull(thd), isoOrNull(hdced), null,
      mappa, d.chance(0.04) ? 1 : 0, d.chance(0.03) ? 1 : 0, d.pick(TIERS), d.pick(ROSH),
      d.chance(0.08) ? 1 : 0, d.chance(0.01) ? 1 : 0, d.chance(0.05) ? 1 : 0, isoOrNull(arrival), 'in_custody', opts.now,
      0, null, 0, 0,
      // Probation's resourcing decision (spec D.2) by position, after the dice: one case in four
      // standard, one in four enhanced, the rest not known yet.
      isoOrNull(sed), isoOrNull(sed), i % 4 === 0 ? 0 : i % 4 === 1 ? 1 : null,
    ])
    // Issue 20: the first few cases show each kind the current handover rules treat apart. Set
    // after the dice are thrown, so every other case (and the benchmarks' data) is as before.
    const showcase = SHOWCASE[i]
    if (showcase) {
      const made = showcase(start, today)
      for (const [column, value] of Object.entries(made.facts) as [PrisonerColumn, SqlValue][]) (prisoners[index] as SqlValue[])[PRISONER_COLUMNS.indexOf(column)] = value
      for (const r of made.reviews ?? []) reviewRows.push([index, isoOf(r.hearing), r.outcome, isoOrNull(r.outcomeDate), isoOrNull(r.next), opts.now, opts.now])
    }
    const allocate = (values: SqlValue[]) => allocations.push(values)
    const session = (values: SqlValue[]) => sessionRows.push(values)
    // A few cases wait for a POM: arrivals and the newly sentenced of the last five weeks, never
    // for months (the waiting list counts days from the arrival, else the sentence start).
    if (today - (arrival ?? start) <= (arrival === null ? WAITING_DAYS_AT_MOST : TRANSFER_WAITING_DAYS_AT_MOST) && d.chance(WAITING_SHARE)) continue
    const allocStart = Math.min(today, Math.max(start, arrival ?? start) + d.int(0, 21))
    let pom = d.pick(pomIds)
    // Some cases were reallocated: the history keeps the earlier POM.
    if (allocStart < today - 200 && d.chance(0.25)) {
      const switchDay = allocStart + d.int(60, today - allocStart - 1)
      allocate([index, pom, isoOf(allocStart), isoOf(switchDay), 'Initial allocation', opts.now])
      pom = d.pick(pomIds)
      allocate([index, pom, isoOf(switchDay), null, 'Reallocated: caseload balancing', opts.now])
    } else {
      allocate([index, pom, isoOf(allocStart), null, 'Initial allocation', opts.now])
    }
    // The windows this case has, as the engine reads them (shared/engine/case/minima.ts buildWindows),
    // and whether each is met: a quota per rule and month (MetQuota, the header's proportions).
    const row = prisoners[index] as SqlValue[]
    const h = handoverOf(caseInputOf(row, allocStart), opts.today, policy)
    const comOn = (day: number) => h !== null && responsibilityOn(h, isoOf(day)) === 'com'
    // Start of custody: from the first allocation here, unless the case arrived on transfer.
    const socTo = arrival === null && !comOn(allocStart) ? allocStart + START_OF_CUSTODY_DAYS : null
    const socMet = socTo === null || met.take('start_of_custody', socTo)
    // Pre-handover: the 3 months before the COM is allocated, for determinate sentences.
    const comAllocated = h?.comAllocatedDate ? dayNumber(h.comAllocatedDate) : null
    const preTo = row[PRISONER_COLUMNS.indexOf('sentence_type')] === 'determinate' && h?.releaseDate && comAllocated !== null && comAllocated >= start ? comAllocated : null
    const preFrom = preTo === null ? null : preTo - PRE_HANDOVER_DAYS
    const preMet = preTo === null || met.take('pre_handover', preTo)
    // Transfers: one face-to-face session within 14 working days of arrival.
    const transferTo = arrival !== null && arrival >= historyFrom && !comOn(arrival) ? dayNumber(addWorkingDays(isoOf(arrival), TRANSFER_WORKING_DAYS)) : null
    const transferMet = transferTo !== null && met.take('transfer_arrival', transferTo)
    // Sessions from allocation: weekly or fortnightly in the first 12 weeks when the start of custody
    // is met (seed 003 Annex B), else too few; then every few weeks, with plausible gaps. A case
    // not kept up (one in ten) has long gaps between its windows.
    const keptUp = d.chance(0.9)
    // A met pre-handover window already open at allocation (a short sentence) starts at once too.
    const preOpenAtAllocation = preFrom !== null && preTo !== null && preMet && preFrom <= allocStart && allocStart <= preTo
    let day = Math.max(allocStart + (socMet || preOpenAtAllocation ? d.int(1, 14) : d.int(30, 60)), historyFrom)
    if (arrival !== null && transferTo !== null) {
      if (transferMet) {
        const seen = arrival + d.int(1, 12)
        if (seen <= today) {
          session([index, pom, isoOf(seen), 1, 'wing_interview_room', d.int(20, 60), 'Demo session: arrival interview after transfer.', 0, isoOf(seen), opts.now])
          sessions++
        }
      } else day = Math.max(day, arrival + d.int(30, 45))
    }
    while (day <= today) {
      const inSoc = socTo !== null && day <= socTo
      const inPre = preFrom !== null && preTo !== null && day >= preFrom && day <= preTo
      // A missed pre-handover window has no session in it.
      if (inPre && !preMet && !(inSoc && socMet)) {
        day = (preTo ?? day) + d.int(1, 20)
        continue
      }
      // Sessions a met window needs are face to face (seed 003 Annex B); others sometimes remote.
      const inPerson = (inSoc && socMet) || (inPre && preMet) || d.chance(inSoc ? 0.9 : 0.8)
      const mode = inPerson ? d.pick(MODES_IN_PERSON) : d.pick(MODES_REMOTE)
      const lag = d.chance(0.85) ? 0 : d.chance(0.6) ? 1 : d.int(2, 9)
      session([index, pom, isoOf(day), inPerson ? 1 : 0, mode, d.int(20, 75), 'Demo session: routine review of sentence plan.', d.chance(0.05) ? 1 : 0, isoOf(Math.min(today, day + lag)), opts.now])
      sessions++
      const gap = inPre && preMet ? d.int(7, 25) : inSoc ? (socMet ? d.int(7, 21) : d.int(40, 80)) : keptUp ? d.int(10, 38) : d.int(21, 120)
      let next = day + Math.max(1, Math.round(gap * (opts.sessionGapScale ?? 1)))
      // Into a met pre-handover window within its first two weeks, so three sessions fit.
      if (preMet && preFrom !== null && day < preFrom && next > preFrom) next = preFrom + d.int(0, 14)
      day = next
    }
    if (h !== null) comRows.push(...comHandoverRow(d, met, index, h, today, opts.now))
  }
  await flush()
  return { prisoners: opts.prisoners, staff: staffCount, sessions }
}
