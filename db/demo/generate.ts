import { establishment } from '../schema'
import type { SqlValue, StoreConn } from '../store/types'
import { Dice, dayNumber, isoOf, seededRandom } from './random'

// The demo establishment (issue 5): a realistic, obviously fictional OMU, deterministic from a
// seed. Used by the first-run "demo establishment" choice, the e2e tests and the benchmarks.
// It spreads sentence types, release dates, allocations and session histories so every handover
// reason and every minimum status appears.
//
// Issue 16 ("The demo establishment"): it looks like a real OMU on a normal month, so a new user
// learns from it. The proportions, as the engine evaluates them (measured by
// test/integration/demoProportions.test.ts on 2,000 prisoners, seed 16, today 23/11/2026; other
// seeds land within a point or two):
// - About one case in seven is recent (sentenced or arrived in the last 120 days); about 8% wait
//   for a POM.
// - Start of custody (seed 003 Annex B: 3 sessions in the first 12 weeks), of applicable windows:
//   about 86% met, 8% still open (on track), 1-2% overdue and still actionable, 5% missed in the
//   past. Older cases are kept up 94% of the time; allocations of the last RECENT_STRAIN_DAYS only
//   60%, since the establishment is at EDM Stage 3 (seed 002) this month: that is what leaves a
//   few windows overdue now rather than years ago.
// - Pre-handover: about 95% met or on track; under 1% overdue.
// - Transfers: about one case in six arrived on transfer (arrival within the last two years),
//   about 80% seen within 14 working days, a few awaiting their first session today.
// - Late records: about 15% of sessions are entered after the day, some 5-6% more than one
//   working day late (seed 003 Annex B 1.1), so "records entered late this month" is not empty.
// - Handovers (COM allocated) spread over the coming months: about 2% of cases start in each of
//   the next 24 months, fewer beyond.
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

/** Allocations this recent fall behind more often (the Stage 3 strain of this month; see the header). */
const RECENT_STRAIN_DAYS = 150

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

  // Prisoners are dealt ROWS_PER_INSERT at a time; their allocations and sessions wait for the
  // prisoners' ids (matched back by prison number, unique by construction), then follow in order.
  let prisoners: SqlValue[][] = []
  let allocations: Pending[] = []
  let sessionRows: Pending[] = []
  let reviewRows: Pending[] = []
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
    prisoners = []
    allocations = []
    sessionRows = []
    reviewRows = []
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
    // About one in twelve waits for allocation (new arrivals, newly sentenced).
    if (d.chance(0.08)) continue
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
    // Sessions from allocation: weekly or fortnightly in the first 12 weeks (start of custody,
    // seed 003 Annex B), then every few weeks, with plausible gaps; some cases fall behind.
    // Most cases are kept up (the proportions in the header); allocations of the last RECENT_STRAIN_DAYS fall behind
    // more often: the establishment is at EDM Stage 3 (insertDemoEstablishment), and that strain
    // is what leaves a few start-of-custody windows overdue and still actionable today.
    const diligent = d.chance(allocStart > today - RECENT_STRAIN_DAYS ? 0.6 : 0.94)
    let day = Math.max(allocStart + d.int(1, diligent ? 14 : 60), historyFrom)
    // Most transfers are seen within 14 working days of arrival; some are missed.
    if (arrival !== null && arrival >= historyFrom && d.chance(0.85)) {
      const seen = arrival + d.int(1, 16)
      if (seen <= today && seen < day) {
        session([index, pom, isoOf(seen), 1, 'wing_interview_room', d.int(20, 60), 'Demo session: arrival interview after transfer.', 0, isoOf(seen), opts.now])
        sessions++
      }
    }
    while (day <= today) {
      const early = day < allocStart + 84
      // Start-of-custody sessions are face to face (seed 003 Annex B); later ones are sometimes remote.
      const inPerson = d.chance(early ? 0.9 : 0.8)
      const mode = inPerson ? d.pick(MODES_IN_PERSON) : d.pick(MODES_REMOTE)
      const lag = d.chance(0.85) ? 0 : d.chance(0.6) ? 1 : d.int(2, 9)
      session([index, pom, isoOf(day), inPerson ? 1 : 0, mode, d.int(20, 75), 'Demo session: routine review of sentence plan.', d.chance(0.05) ? 1 : 0, isoOf(Math.min(today, day + lag)), opts.now])
      sessions++
      const gap = diligent ? (early ? d.int(7, 21) : d.int(10, 38)) : d.int(21, 120)
      day += Math.max(1, Math.round(gap * (opts.sessionGapScale ?? 1)))
    }
  }
  await flush()
  return { prisoners: opts.prisoners, staff: staffCount, sessions }
}
