// The demo establishment looks like a real OMU on a normal month (issue 16, "The demo
// establishment"): measured here with the real engine, through the same case cache and
// evaluation the caseload, due list and home screen use, on the demo the first-run choice makes
// (omu:demo.create). The proportions asserted are the ones documented in db/demo/generate.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MinimumResult } from '../../shared/engine/index'
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

  it('start of custody: 80-90% of applicable windows met, some still open, a few overdue and actionable, some missed in the past', () => {
    const soc = m.byRule.start_of_custody
    expect(percentOfApplicable(soc, 'met')).toBeGreaterThanOrEqual(80)
    expect(percentOfApplicable(soc, 'met')).toBeLessThanOrEqual(90)
    expect(percentOfApplicable(soc, 'due')).toBeGreaterThanOrEqual(4)
    expect(percentOfApplicable(soc, 'due')).toBeLessThanOrEqual(15)
    expect(percentOfApplicable(soc, 'overdue')).toBeGreaterThanOrEqual(0.5)
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
