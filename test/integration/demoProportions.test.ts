// The demo establishment looks like a real OMU on a normal month (issue 16, "The demo
// establishment"): measured here with the real engine, through the same case cache and
// evaluation the caseload, due list and home screen use, on the demo the first-run choice makes
// (omu:demo.create). The proportions asserted are the ones documented in db/demo/generate.ts.
// The second part measures them as the screens show them, through the real channels: the HOMS's
// home (compliance this month and over the last 3 months), the allocation waiting list, the
// handover lists (../shared/specs/mpc-rules.md A) and the due list, for several sizes and seeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MinimumResult } from '../../shared/engine/index'
import type { IpcResult } from '../../shared/ipc/result'
import type { Home } from '../../shared/ipc/channels/home'
import type { AllocationOverview, DueOverview } from '../../shared/ipc/channels/allocation'
import type { HandoverListsOverview } from '../../shared/ipc/channels/handover'
import { daysBetweenIso } from '../../shared/dates'
import { casesOf } from '../../electron/services/caseload/cache'
import { evalSettings } from '../../electron/services/caseload/context'
import { readStore, startTestServices, type ServicesHandle } from './helpers'

let svc: ServicesHandle | null = null
afterAll(async () => {
  await svc?.cleanup()
  svc = null
})

const TODAY = '2026-11-23'

/** Per rule, how many of the demo's cases the engine gives each minimum status. */
type Tally = Record<MinimumResult['rule'], Record<MinimumResult['status'], number>>

interface Measured {
  cases: number
  sessions: number
  byRule: Tally
  /** Sessions recorded more than one working day after they took place (seed 003 Annex B 1.1). */
  lateRecords: number
  /** Cases whose handover (COM allocated) starts in each of the coming 30-day periods: [0] the next 30 days. */
  handoverStarts: number[]
}

async function measureDemo(prisoners: number, seed: number): Promise<Measured> {
  svc = await startTestServices({ now: new Date(`${TODAY}T10:00:00Z`) })
  const made = await svc.call('omu:demo.create', { prisoners, seed })
  if (!made.ok) throw new Error(made.error.message)
  return readStore(svc, async (conn) => {
    const s = await evalSettings(conn.db, TODAY)
    const cache = casesOf(conn)
    const zero = () => ({ met: 0, due: 0, overdue: 0, missed: 0, not_applicable: 0 })
    const out: Measured = { cases: 0, sessions: made.data.sessions, byRule: { start_of_custody: zero(), pre_handover: zero(), transfer_arrival: zero() }, lateRecords: 0, handoverStarts: [] }
    for (const rec of await cache.all(s)) {
      const v = cache.verdict(rec, s)
      if (!v.ok) throw new Error(`case ${rec.prisoner.prisonNumber} was not evaluated`)
      out.cases++
      for (const m of v.evaluation.minima) out.byRule[m.rule][m.status]++
      out.lateRecords += v.evaluation.lateRecords
      const start = v.evaluation.handover.comAllocatedDate
      if (start !== null && start > TODAY) {
        const period = Math.floor((daysBetweenIso(TODAY, start) - 1) / 30)
        out.handoverStarts[period] = (out.handoverStarts[period] ?? 0) + 1
      }
    }
    return out
  })
}

/** A status's share of a rule's applicable minima (met, due, overdue or missed), in per cent. */
function percentOfApplicable(t: Record<MinimumResult['status'], number>, status: Exclude<MinimumResult['status'], 'not_applicable'>): number {
  const applicable = t.met + t.due + t.overdue + t.missed
  return (t[status] / applicable) * 100
}

describe('the demo establishment looks like a real OMU on a normal month (issue 16; proportions documented in db/demo/generate.ts)', () => {
  // One demo of 2,000 prisoners (fixed seed) measured once; each test reads one proportion.
  let m: Measured
  beforeAll(async () => {
    m = await measureDemo(2000, 16)
  }, 120_000)

  it('every case is evaluated by the engine', () => {
    expect(m.cases).toBe(2000)
  })

  it('start of custody (seed 003 Annex B): 80-90% of applicable windows met, some still open, some overdue and actionable, some missed in the past', () => {
    const soc = m.byRule.start_of_custody
    expect(percentOfApplicable(soc, 'met')).toBeGreaterThanOrEqual(80)
    expect(percentOfApplicable(soc, 'met')).toBeLessThanOrEqual(90)
    expect(percentOfApplicable(soc, 'due')).toBeGreaterThanOrEqual(4)
    expect(percentOfApplicable(soc, 'due')).toBeLessThanOrEqual(15)
    // Overdue and actionable: the windows due in the last 28 days and not met (about one in seven of them).
    expect(soc.overdue).toBeGreaterThan(0)
    expect(percentOfApplicable(soc, 'overdue')).toBeLessThanOrEqual(5)
    expect(percentOfApplicable(soc, 'missed')).toBeGreaterThanOrEqual(2)
    expect(percentOfApplicable(soc, 'missed')).toBeLessThanOrEqual(10)
  })

  it('pre-handover: most cases met or on track, a few overdue', () => {
    const pre = m.byRule.pre_handover
    expect(percentOfApplicable(pre, 'met') + percentOfApplicable(pre, 'due')).toBeGreaterThanOrEqual(90)
    expect(pre.overdue).toBeGreaterThan(0)
    expect(percentOfApplicable(pre, 'overdue')).toBeLessThanOrEqual(5)
  })

  it('transfers: about a fifth of cases arrived on transfer, most seen within 14 working days, some awaiting their first session', () => {
    const tr = m.byRule.transfer_arrival
    const applicable = tr.met + tr.due + tr.overdue + tr.missed
    expect(applicable / m.cases).toBeGreaterThanOrEqual(0.1)
    expect(applicable / m.cases).toBeLessThanOrEqual(0.3)
    expect(percentOfApplicable(tr, 'met')).toBeGreaterThanOrEqual(70)
    expect(tr.due).toBeGreaterThan(0)
  })

  it('late records: a few per cent of sessions were recorded more than one working day late', () => {
    const percent = (m.lateRecords / m.sessions) * 100
    expect(percent).toBeGreaterThanOrEqual(1)
    expect(percent).toBeLessThanOrEqual(10)
  })

  it('handovers are spread over the coming months: each of the next six 30-day periods holds 1-5% of cases', () => {
    for (let period = 0; period < 6; period++) {
      const share = ((m.handoverStarts[period] ?? 0) / m.cases) * 100
      expect(share, `days ${period * 30 + 1}-${period * 30 + 30}`).toBeGreaterThanOrEqual(1)
      expect(share, `days ${period * 30 + 1}-${period * 30 + 30}`).toBeLessThanOrEqual(5)
    }
  })
})

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

interface Screens {
  home: Home
  waiting: AllocationOverview['unallocated']
  lists: HandoverListsOverview
  due: DueOverview
}

/** A demo made as the first-run choice makes it, read as a HOMS reads it on screen. */
async function screensOf(prisoners: number, seed: number): Promise<Screens> {
  const s = await startTestServices({ now: new Date(`${TODAY}T10:00:00Z`) })
  try {
    await must(s.call('omu:demo.create', { prisoners, seed }) as Promise<IpcResult<unknown>>)
    return {
      home: await must(s.call('omu:home.get') as Promise<IpcResult<Home>>),
      waiting: (await must(s.call('omu:allocations.overview') as Promise<IpcResult<AllocationOverview>>)).unallocated,
      lists: await must(s.call('omu:handover.lists', { mine: false }) as Promise<IpcResult<HandoverListsOverview>>),
      due: await must(s.call('omu:due.overview', { mine: false }) as Promise<IpcResult<DueOverview>>),
    }
  } finally {
    await s.cleanup()
  }
}

const percentOf = (part: number, whole: number) => (part / whole) * 100

// The e2e demo (300 prisoners, seed 3), another small one, and two of 2,000.
describe.each([
  [300, 3],
  [300, 11],
  [2000, 16],
  [2000, 3],
] as const)('the demo of %i prisoners (seed %i) as the screens show it (issue 16; proportions documented in db/demo/generate.ts)', (prisoners, seed) => {
  let screens: Screens
  beforeAll(async () => {
    screens = await screensOf(prisoners, seed)
  }, 180_000)

  it('the HOMS home: each minimum (seed 003 Annex B) about 85% met this month and over the last 3 months, 80-90% wherever 20 or more windows fell due', () => {
    const compliance = screens.home.compliance
    if (!compliance) throw new Error('The HOMS home shows no compliance.')
    expect(compliance.byRule.map((r) => r.rule).sort()).toEqual(['pre_handover', 'start_of_custody', 'transfer_arrival'])
    for (const r of compliance.byRule) {
      for (const [period, f] of [['this month', r.thisMonth], ['last 3 months', r.lastThreeMonths]] as const) {
        const label = `${r.rule}, ${period}: ${f.met} of ${f.decided} met`
        // Within three windows of 85% however few fell due (the generator's quota: one window; and
        // now and then a window whose sessions do not fit, as when a case is allocated late).
        expect(Math.abs(f.met - 0.85 * f.decided), label).toBeLessThanOrEqual(3)
        if (f.decided >= 20) {
          expect(f.percentMet, label).toBeGreaterThanOrEqual(80)
          expect(f.percentMet, label).toBeLessThanOrEqual(90)
        }
      }
      // Three months of windows are enough to judge, whatever the size.
      expect(r.lastThreeMonths.decided, `${r.rule}, last 3 months`).toBeGreaterThanOrEqual(5)
    }
  })

  it('the waiting list: a few cases wait for a POM, days to a few weeks (counted from arrival, else sentence start)', () => {
    const waiting = screens.waiting
    expect(waiting.length).toBeGreaterThan(0)
    expect(percentOf(waiting.length, prisoners)).toBeLessThanOrEqual(4)
    for (const c of waiting) expect(daysBetweenIso(c.arrivalDate ?? c.sentenceStartDate, TODAY), c.prisonNumber).toBeLessThanOrEqual(35)
    // The HOMD and HOMS home lists the same cases with their days waiting.
    const home = screens.home.allocation
    if (!home) throw new Error('The HOMS home shows no allocation work.')
    expect(home.unallocatedTotal).toBe(waiting.length)
    expect(Math.max(...home.unallocated.map((u) => u.daysWaiting))).toBeLessThanOrEqual(35)
  })

  it('the handover lists (spec A): a handful upcoming, overdue and to notify; COM allocation overdue only for cases recently past their handover date', () => {
    const l = screens.lists
    const home = screens.home.allocation
    if (!home) throw new Error('The HOMS home shows no allocation work.')
    // The home's counts are the lists' lengths.
    expect(home.handovers).toEqual({ upcoming: l.upcoming.length, inProgress: l.inProgress.length, comAllocationOverdue: l.comAllocationOverdue.length, overdueTasks: l.overdueTasks.length, toNotify: l.toNotify.length })
    expect(l.upcoming.length).toBeGreaterThan(0)
    expect(percentOf(l.upcoming.length, prisoners)).toBeLessThanOrEqual(4)
    expect(l.comAllocationOverdue.length).toBeGreaterThan(0)
    expect(percentOf(l.comAllocationOverdue.length, prisoners)).toBeLessThanOrEqual(1.5)
    for (const c of l.comAllocationOverdue) expect(c.days, c.prisonNumber).toBeLessThanOrEqual(42) // A6: days past the handover date
    expect(percentOf(l.overdueTasks.length, prisoners)).toBeLessThanOrEqual(3)
    for (const c of l.overdueTasks) expect(c.days, c.prisonNumber).toBeLessThanOrEqual(42)
    expect(l.toNotify.length).toBeGreaterThan(0)
    expect(percentOf(l.toNotify.length, prisoners)).toBeLessThanOrEqual(4)
  })

  it('COM details are recorded on most cases past or near handover: 80% or more of those in progress (A3)', () => {
    const inProgress = screens.lists.inProgress
    expect(inProgress.length).toBeGreaterThan(0)
    expect(percentOf(inProgress.filter((c) => c.comName !== null).length, inProgress.length)).toBeGreaterThanOrEqual(80)
  })

  it('the due list: a few minima overdue and still actionable, some records entered late this month (seed 003 Annex B 1.1)', () => {
    const due = screens.due
    expect(due.totals.overdue).toBeGreaterThan(0)
    expect(percentOf(due.totals.overdue, prisoners)).toBeLessThanOrEqual(3)
    expect(due.lateRecords.length).toBeGreaterThan(0)
    expect(percentOf(due.lateRecords.length, prisoners)).toBeLessThanOrEqual(10)
  })
})
