import type { CaseInput, CaseSession, IsoDate } from "../shared/engine/case/index"
export const SEED = 20210401
const CASES = 2_000
const SESSIONS = 150_000
const RUNS = 41
const WARMUP = 15
const TARGET_MS = 50
const TARGET_RATIO = 3
export const TODAY: IsoDate = '2024-06-14'

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DAY_MS = 86_400_000
// Generator only (not the engine): UTC day numbers to ISO strings; a new string per use, as a DB
// driver would hand them over.
function iso(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}
const dayOf = (s: IsoDate): number => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY_MS

export function generate(seed: number): CaseInput[] {
  const rnd = mulberry32(seed)
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
      if (rnd() < 0.2) c.automaticReleaseDate = iso(release + int(-30, 30) < start ? start : release + int(0, 30))
      if (rnd() < 0.15) c.paroleEligibilityDate = iso(start + Math.floor((release - start) / 2))
      if (rnd() < 0.3) c.homeDetentionCurfewEligibilityDate = iso(release - int(1, 130))
      if (rnd() < 0.1) c.homeDetentionCurfewActualDate = iso(release - int(1, 100))
    } else {
      c.tariffDate = iso(release)
      if (rnd() < 0.5) c.targetHearingDate = iso(release + int(-100, 100) < start ? start : release + int(0, 100))
    }
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

export const cases = generate(SEED)
