// Case engine benchmark (issue 3): evaluateCase over a generated establishment of 2,000 cases with
// 150,000 sessions, against a plain loop that only reads the same session dates.
// Target: under 50 ms and within 3x of that loop. Run: npm run bench:engine (not part of npm test).
// Then the resourcing projection (issue 19) over the same 2,000 cases: under 100 ms, with its ratio to
// evaluating the same cases with the case engine alone, measured in the same run.
// The establishment is deterministic from SEED (the demo generator’s seeded PRNG, db/demo/random.ts), so runs are comparable.
import type { CaseInput, CaseSession, IsoDate } from '../shared/engine/case/index'
import { evaluateCase } from '../shared/engine/case/index'
import type { PomCapacity, ResourcingInput } from '../shared/engine/resourcing/index'
import { projectResourcing } from '../shared/engine/resourcing/index'
import { seededRandom } from '../db/demo/random'

const SEED = 20210401
const CASES = 2_000
const SESSIONS = 150_000
const RUNS = 41
const WARMUP = 15
const TARGET_MS = 50
const TARGET_RATIO = 3
const TODAY: IsoDate = '2024-06-14'
const COLD_SETS = 5


const DAY_MS = 86_400_000
// Generator only (not the engine): UTC day numbers to ISO strings; a new string per use, as a DB
// driver would hand them over.
function iso(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}
const dayOf = (s: IsoDate): number => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY_MS

function generate(seed: number): CaseInput[] {
  const rnd = seededRandom(seed)
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1))
  const todayDay = dayOf(TODAY)
  // Session counts: CASES numbers summing exactly to SESSIONS (30..120 each, average 75).
  const counts = Array.from({ length: CASES }, () => int(30, 120))
  let diff = SESSIONS - counts.reduce((a, b) => a + b, 0)
  for (let i = 0; diff !== 0; i = (i + 1) % CASES) {
    const step = diff > 0 ? 1 : -1
    const next = (counts[i] ?? 0) + step
    if (next >= 1) {
      counts[i] = next
      diff -= step
    }
  }
  return counts.map((count) => {
    const start = todayDay - int(30, 3000)
    const determinate = rnd() < 0.85
    const release = start + int(200, 4000)
    const c: CaseInput = {
      sentenceType: determinate ? 'determinate' : 'indeterminate',
      sentenceStartDate: iso(start),
      mappaLevel: ([0, 1, 2, 3, null] as const)[int(0, 4)] ?? null,
      earlyAllocation: rnd() < 0.05,
      recall: rnd() < 0.08,
      pomAllocatedDate: iso(start + int(0, 20)),
      arrivalDate: rnd() < 0.3 ? iso(start + int(20, 400)) : null,
    }
    if (determinate) {
      c.conditionalReleaseDate = iso(release)
      if (rnd() < 0.2) c.automaticReleaseDate = iso(release + int(-30, 30))
      if (rnd() < 0.15) c.paroleEligibilityDate = iso(start + Math.floor((release - start) / 2))
      if (rnd() < 0.3) c.homeDetentionCurfewEligibilityDate = iso(release - int(1, 130))
      if (rnd() < 0.1) c.homeDetentionCurfewActualDate = iso(release - int(1, 100))
    } else {
      c.tariffDate = iso(release)
      if (rnd() < 0.5) c.targetHearingDate = iso(release + int(-100, 100))
      // The facts the omic2023 rules R1-R5 read (../shared/specs/handover-2023.md section 1), on a
      // share of the indeterminate cases, so the 2023 figure times those rules and not only their tests.
      if (rnd() < 0.1) c.additionalIsp = true
      if (rnd() < 0.2) c.paroleOutcome = 'not_release'
      if (rnd() < 0.1) {
        c.openConditions = true
        c.openConditionsArrivalDate = iso(start + int(100, 1000))
      }
    }
    if (rnd() < 0.02) c.immigrationCase = true
    const sessions: CaseSession[] = []
    for (let k = 0; k < count; k++) {
      const d = start + int(0, todayDay - start + 30)
      const r = rnd()
      const recordedOn = r < 0.1 ? null : iso(d + (r < 0.6 ? 0 : r < 0.85 ? 1 : int(2, 10)))
      sessions.push({ date: iso(d), inPerson: rnd() < 0.7, recordedOn })
    }
    c.sessions = sessions
    return c
  })
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

const cases = generate(SEED)
// The floor reads a second, identical copy of the establishment that the engine never touches, so
// neither loop is helped or hindered by what the other did to the same objects and strings.
const floorCases = generate(SEED)
const total = cases.reduce((n, c) => n + (c.sessions?.length ?? 0), 0)

// The floor: a plain loop that only reads the same session dates (each session's date and
// recordedOn, compared with today so the reads cannot be optimised away): the least any
// per-session evaluation must cost. The date-only variant is printed for reference.
function floor(): number {
  let n = 0
  for (let i = 0; i < floorCases.length; i++) {
    const ss = (floorCases[i] as CaseInput).sessions as CaseSession[]
    for (let j = 0; j < ss.length; j++) {
      const s = ss[j] as CaseSession
      if (s.date <= TODAY) n++
      const r = s.recordedOn
      if (r != null && r <= TODAY) n++
    }
  }
  return n
}

function floorDateOnly(): number {
  let n = 0
  for (let i = 0; i < floorCases.length; i++) {
    const ss = (floorCases[i] as CaseInput).sessions as CaseSession[]
    for (let j = 0; j < ss.length; j++) if ((ss[j] as CaseSession).date <= TODAY) n++
  }
  return n
}

function engine(): number {
  let n = 0
  for (let i = 0; i < cases.length; i++) n += evaluateCase(cases[i] as CaseInput, TODAY).lateRecords
  return n
}

/** The same cases under the current handover policy (issue 20: its extra rules must stay within the target). */
function engine2023(): number {
  let n = 0
  for (let i = 0; i < cases.length; i++) n += evaluateCase(cases[i] as CaseInput, TODAY, 'omic2023').lateRecords
  return n
}

function time(fn: () => number): { ms: number; check: number } {
  const t0 = performance.now()
  const check = fn()
  return { ms: performance.now() - t0, check }
}

function engineOn(input: readonly CaseInput[]): number {
  let n = 0
  for (let i = 0; i < input.length; i++) n += evaluateCase(input[i] as CaseInput, TODAY).lateRecords
  return n
}

let sink = 0
for (let i = 0; i < WARMUP; i++) sink += engine() + engine2023() + floor() + floorDateOnly()
const engineTimes: number[] = []
const engine2023Times: number[] = []
const floorTimes: number[] = []
const floorDateTimes: number[] = []
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so machine noise affects all series alike.
  const e = time(engine)
  const e23 = time(engine2023)
  const f = time(floor)
  const g = time(floorDateOnly)
  engineTimes.push(e.ms)
  engine2023Times.push(e23.ms)
  floorTimes.push(f.ms)
  floorDateTimes.push(g.ms)
  sink += e.check + e23.check + f.check + g.check
}
// For reference: the first evaluation of establishments the engine has never seen (same generator,
// other seeds), as when a caseload is freshly loaded.
const coldTimes: number[] = []
for (let k = 1; k <= COLD_SETS; k++) {
  const fresh = generate(SEED + k)
  const t0 = performance.now()
  sink += engineOn(fresh)
  coldTimes.push(performance.now() - t0)
}

// Resourcing projection (issue 19): the same 2,000 cases allocated across 30 POMs (20 prison, 10
// probation; some part-time, away, returning or leaving), 15 receptions a week, stage 4 to 3, over
// 12 weeks. Target: under 100 ms. Its floor is the case engine alone over the same cases (the
// engine() loop above), which the projection must at least do: the ratio is what the projection
// adds to evaluating the caseload.
const RESOURCING_TARGET_MS = 100
const RESOURCING_POMS = 30
function resourcingInput(): ResourcingInput {
  const rnd = seededRandom(SEED + 100)
  const todayDay = dayOf(TODAY)
  const poms: PomCapacity[] = Array.from({ length: RESOURCING_POMS }, (_, i): PomCapacity => {
    const away = rnd() < 0.2
    return {
      id: `pom-${i}`,
      name: `POM ${i}`,
      type: i < 20 ? 'prison' : 'probation',
      band: 4,
      hoursPerWeek: rnd() < 0.25 ? 22.2 : 37,
      workingPattern: rnd() < 0.25 ? { daysPerWeek: 3 } : { daysPerWeek: 5 },
      availability: away ? { status: 'unavailable', from: iso(todayDay - 10), to: null } : { status: 'active' },
      plannedChanges: away ? [{ kind: 'returning', date: iso(todayDay + Math.floor(rnd() * 60) + 1) }] : rnd() < 0.1 ? [{ kind: 'leaving', date: iso(todayDay + 40) }] : [],
    }
  })
  return {
    poms,
    caseload: cases.map((c, i) => ({ id: `case-${i}`, pomId: i % 50 === 0 ? null : `pom-${i % RESOURCING_POMS}`, case: c })),
    receptionsPerWeek: 15,
    currentStage: '4',
    targetStage: '3',
  }
}
const resInput = resourcingInput()
const resourcing = (): number => projectResourcing(resInput, TODAY).atRisk.length
for (let i = 0; i < WARMUP; i++) sink += resourcing()
const resourcingTimes: number[] = []
const resourcingFloorTimes: number[] = []
for (let i = 0; i < RUNS; i++) {
  const r = time(resourcing)
  const e = time(engine)
  resourcingTimes.push(r.ms)
  resourcingFloorTimes.push(e.ms)
  sink += r.check + e.check
}
const resourcingMs = median(resourcingTimes)
const resourcingFloorMs = median(resourcingFloorTimes)
const resourcingPass = resourcingMs < RESOURCING_TARGET_MS
const projection = projectResourcing(resInput, TODAY)

const engineMs = median(engineTimes)
const engine2023Ms = median(engine2023Times)
const floorMs = median(floorTimes)
const floorDateMs = median(floorDateTimes)
const ratio = engineMs / floorMs
const ratio2023 = engine2023Ms / floorMs
const pass = engineMs < TARGET_MS && ratio <= TARGET_RATIO && engine2023Ms < TARGET_MS && ratio2023 <= TARGET_RATIO && resourcingPass

console.log(`case engine benchmark: ${cases.length} cases, ${total} sessions, seed ${SEED}, today ${TODAY}, median of ${RUNS} runs after ${WARMUP} warm-up`)
console.log(`  evaluateCase (omic2021):            ${engineMs.toFixed(2)} ms   (target < ${TARGET_MS} ms)`)
console.log(`  floor loop (date + recordedOn):     ${floorMs.toFixed(2)} ms`)
console.log(`  ratio engine / floor:               ${ratio.toFixed(2)}x   (target <= ${TARGET_RATIO}x)`)
console.log(`  evaluateCase (omic2023):            ${engine2023Ms.toFixed(2)} ms   (target < ${TARGET_MS} ms), ratio ${ratio2023.toFixed(2)}x (target <= ${TARGET_RATIO}x)`)
console.log(`  for reference: floor reading only session.date ${floorDateMs.toFixed(2)} ms, ratio ${(engineMs / floorDateMs).toFixed(2)}x;`)
console.log(`  first evaluation of ${COLD_SETS} unseen establishments: median ${median(coldTimes).toFixed(2)} ms`)
console.log(`  late records found: ${engine()}   (checksum ${sink})`)
console.log(`resourcing projection: ${cases.length} cases, ${RESOURCING_POMS} POMs, 12 weeks, stage 4 to 3, median of ${RUNS} runs after ${WARMUP} warm-up`)
console.log(`  projectResourcing:                  ${resourcingMs.toFixed(2)} ms   (target < ${RESOURCING_TARGET_MS} ms)`)
console.log(`  floor: evaluateCase of every case:  ${resourcingFloorMs.toFixed(2)} ms`)
console.log(`  ratio projection / floor:           ${(resourcingMs / resourcingFloorMs).toFixed(2)}x`)
console.log(`  weeks flagged ${projection.summary.weeksFlagged}, shortfall ${projection.summary.shortfallHours.total.toFixed(1)} h, minima at risk ${projection.atRisk.length}, case-week lines ${projection.caseDemand.length}`)
console.log(pass ? 'PASS' : 'FAIL')
if (!pass) process.exitCode = 1
