// Property tests of the resourcing projection (issue 19, "Engine: ... property-tested (demand never
// negative; adding capacity never increases the shortfall; a case counted once per week)"), on
// generated establishments: POMs with every kind of availability and planned change, cases with
// every kind of date, receptions, stages and edited assumptions.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CaseInput } from '../../../../shared/engine/case/index'
import { evaluateCase } from '../../../../shared/engine/case/index'
import { formatDay, parseDay } from '../../../../shared/engine/case/dates'
import type { DemandBreakdown, PlannedChange, PomCapacity, ResourcingCase, ResourcingInput, ResourcingProjection } from '../../../../shared/engine/resourcing/index'
import { projectResourcing } from '../../../../shared/engine/resourcing/index'

const todayArb = fc.integer({ min: parseDay('2024-01-01'), max: parseDay('2027-12-31') })
const tenths = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: max * 10 }).map((n) => n / 10)

function pomArb(id: string, today: number): fc.Arbitrary<PomCapacity> {
  const day = (lo: number, hi: number): fc.Arbitrary<number> => fc.integer({ min: today + lo, max: today + hi })
  return fc
    .record({
      type: fc.constantFrom('prison' as const, 'probation' as const),
      band: fc.integer({ min: 1, max: 11 }),
      hours: tenths(60),
      pattern: fc.oneof(fc.record({ daysPerWeek: fc.constantFrom(1, 2, 2.5, 3, 4, 4.5, 5) }), fc.record({ fractionOfWeek: fc.constantFrom(0.2, 0.5, 0.6, 1) })),
      away: fc.option(fc.record({ from: day(-60, 90), length: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }) }), { nil: null }),
      returnAfter: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
      leaving: fc.option(day(-10, 100), { nil: null }),
      starting: fc.option(day(-100, 90), { nil: null }),
      changes: fc.uniqueArray(fc.record({ date: day(-20, 90), hours: tenths(60), days: fc.option(fc.constantFrom(1, 3, 5), { nil: null }) }), { maxLength: 2, selector: (c) => c.date }),
    })
    .map((r): PomCapacity => {
      const plannedChanges: PlannedChange[] = r.changes.map((c) => ({
        kind: 'hours_changed',
        date: formatDay(c.date),
        hoursPerWeek: c.hours,
        ...(c.days === null ? {} : { workingPattern: { daysPerWeek: c.days } }),
      }))
      if (r.away !== null && r.returnAfter !== null) plannedChanges.push({ kind: 'returning', date: formatDay(r.away.from + r.returnAfter) })
      if (r.starting !== null) plannedChanges.push({ kind: 'starting', date: formatDay(r.starting) })
      if (r.leaving !== null && (r.starting === null || r.leaving > r.starting)) plannedChanges.push({ kind: 'leaving', date: formatDay(r.leaving) })
      return {
        id,
        name: `POM ${id}`,
        type: r.type,
        band: r.band,
        hoursPerWeek: r.hours,
        workingPattern: r.pattern,
        availability:
          r.away === null ? { status: 'active' } : { status: 'unavailable', from: formatDay(r.away.from), to: r.away.length === null ? null : formatDay(r.away.from + r.away.length) },
        plannedChanges,
      }
    })
}

function caseArb(today: number): fc.Arbitrary<CaseInput> {
  const offset = (lo: number, hi: number): fc.Arbitrary<number | null> => fc.option(fc.integer({ min: lo, max: hi }), { nil: null })
  return fc
    .record({
      start: fc.integer({ min: today - 3000, max: today + 30 }),
      indeterminate: fc.boolean(),
      crd: offset(0, 4000),
      ped: offset(0, 4000),
      tariff: offset(0, 6000),
      mappa: fc.constantFrom(0, 1, 2, 3, null),
      early: fc.boolean(),
      recall: fc.boolean(),
      alloc: offset(-30, 3000),
      arrival: offset(-30, 3000),
      // issue 17: start_of_custody counts from the sentence's first POM allocation; without it a
      // transferred case has no start-of-custody minimum, so generate it too.
      firstAlloc: offset(-30, 3000),
      sessions: fc.array(fc.record({ offset: fc.integer({ min: -30, max: 3100 }), inPerson: fc.boolean() }), { maxLength: 8 }),
    })
    .map((r): CaseInput => {
      const d = (o: number | null): string | null => (o === null ? null : formatDay(r.start + o))
      return {
        sentenceType: r.indeterminate ? 'indeterminate' : 'determinate',
        sentenceStartDate: formatDay(r.start),
        conditionalReleaseDate: d(r.crd),
        paroleEligibilityDate: d(r.ped),
        tariffDate: d(r.tariff),
        mappaLevel: r.mappa as CaseInput['mappaLevel'],
        earlyAllocation: r.early,
        recall: r.recall,
        pomAllocatedDate: d(r.alloc),
        arrivalDate: d(r.arrival),
        firstPomAllocatedDate: d(r.firstAlloc),
        sessions: r.sessions.map((s) => ({ date: formatDay(r.start + s.offset), inPerson: s.inPerson })),
      }
    })
}

const stageArb = fc.constantFrom('1', '2', '3', '4')

/** The seed of the once-per-week property (see there); RESOURCING_SEED=n runs it with another. */
const SEED = Number(process.env.RESOURCING_SEED ?? 19)

const scenarioArb: fc.Arbitrary<{ input: ResourcingInput; today: string; extra: PomCapacity }> = todayArb.chain((t) =>
  fc
    .record({
      poms: fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => pomArb(`p${i}`, t)))),
      cases: fc.array(fc.tuple(caseArb(t), fc.integer({ min: -1, max: 5 })), { maxLength: 12 }),
      receptions: tenths(30),
      current: stageArb,
      target: stageArb,
      session: tenths(4),
      handover: tenths(6),
      allocation: tenths(3),
      share: fc.constantFrom(0, 0.5, 1),
      caseManagement: fc.constantFrom(0, 0.25, 1),
      extra: pomArb('extra', t),
    })
    .map((r) => {
      const poms: PomCapacity[] = [...r.poms]
      const caseload: ResourcingCase[] = r.cases.map(([c, k], i) => ({ id: `c${i}`, pomId: k < 0 || k >= poms.length ? null : (poms[k] as PomCapacity).id, case: c }))
      return {
        today: formatDay(t),
        extra: r.extra,
        input: {
          poms,
          caseload,
          receptionsPerWeek: r.receptions,
          currentStage: r.current,
          targetStage: r.target,
          assumptions: {
            hoursPerSupervisionSession: r.session,
            hoursPerHandover: r.handover,
            hoursPerAllocation: r.allocation,
            receptionShareNeedingStartOfCustody: r.share,
            caseManagementHoursPerCasePerWeek: r.caseManagement,
          },
        },
      }
    }),
)

const BREAKDOWN_FIELDS: (keyof DemandBreakdown)[] = ['supervisionSessions', 'supervisionHours', 'handovers', 'handoverHours', 'allocations', 'allocationHours', 'caseManagementHours', 'taskHours', 'hours']
const atRiskKeys = (p: ResourcingProjection): string[] => p.atRisk.map((a) => `${a.caseId}|${a.rule}`)

describe('resourcing projection properties (issue 19)', () => {
  it('demand never negative: every count and hour needed, available and short is 0 or more, and the total is the sum', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, today }) => {
        const p = projectResourcing(input, today)
        expect(p.weeks).toHaveLength(12)
        for (const w of p.weeks) {
          for (const owner of ['prison', 'probation', 'shared'] as const) {
            for (const f of BREAKDOWN_FIELDS) expect(w.needed[owner][f]).toBeGreaterThanOrEqual(0)
          }
          expect(w.needed.total).toBeCloseTo(w.needed.prison.hours + w.needed.probation.hours + w.needed.shared.hours, 9)
          for (const v of [w.available.prison, w.available.probation, w.shortfall.prison, w.shortfall.probation, w.shortfall.total]) expect(v).toBeGreaterThanOrEqual(0)
        }
        for (const l of p.caseDemand) {
          expect(l.hours).toBeGreaterThanOrEqual(0)
          expect(l.sessions).toBeGreaterThanOrEqual(0)
        }
        for (const pom of p.poms) for (const h of pom.hours) expect(h).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 300 },
    )
  })

  it('adding capacity (one more POM, of any type, pattern or availability) never increases a shortfall or the cases at risk', () => {
    let relieved = 0
    fc.assert(
      fc.property(scenarioArb, ({ input, today, extra }) => {
        const before = projectResourcing(input, today)
        const after = projectResourcing({ ...input, poms: [...input.poms, extra] }, today)
        for (let w = 0; w < 12; w++) {
          const b = before.weeks[w]!
          const a = after.weeks[w]!
          expect(a.needed).toEqual(b.needed)
          expect(a.shortfall.prison).toBeLessThanOrEqual(b.shortfall.prison)
          expect(a.shortfall.probation).toBeLessThanOrEqual(b.shortfall.probation)
          expect(a.shortfall.total).toBeLessThanOrEqual(b.shortfall.total)
          if (!b.flagged) expect(a.flagged).toBe(false)
        }
        const was = new Set(atRiskKeys(before))
        for (const k of atRiskKeys(after)) expect(was.has(k)).toBe(true)
        if (after.summary.shortfallHours.total < before.summary.shortfallHours.total) relieved++
      }),
      { numRuns: 300 },
    )
    expect(relieved).toBeGreaterThan(0) // not vacuous: some generated OMUs were short and the extra POM helped
  })

  it('more receptions a week never reduce the hours needed or the shortfall', () => {
    fc.assert(
      fc.property(scenarioArb, tenths(10), ({ input, today }, more) => {
        const before = projectResourcing(input, today)
        const after = projectResourcing({ ...input, receptionsPerWeek: input.receptionsPerWeek + more }, today)
        for (let w = 0; w < 12; w++) {
          expect(after.weeks[w]!.needed.total).toBeGreaterThanOrEqual(before.weeks[w]!.needed.total)
          expect(after.weeks[w]!.shortfall.total).toBeGreaterThanOrEqual(before.weeks[w]!.shortfall.total)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('a case is counted once per week per minimum, never for more sessions than the minimum still needs, and the lines add up to the week', () => {
    let doubled = 0
    fc.assert(
      fc.property(scenarioArb, ({ input, today }) => {
        const p = projectResourcing(input, today)
        const seen = new Set<string>()
        const sessionsOf = new Map<string, number>()
        for (const l of p.caseDemand) {
          const key = `${l.caseId}|${l.work}|${l.week}`
          expect(seen.has(key)).toBe(false)
          seen.add(key)
          expect(l.week).toBeGreaterThanOrEqual(0)
          expect(l.week).toBeLessThan(12)
          sessionsOf.set(`${l.caseId}|${l.work}`, (sessionsOf.get(`${l.caseId}|${l.work}`) ?? 0) + l.sessions)
          if (l.sessions > 1) doubled++
        }
        for (const c of input.caseload) {
          const e = evaluateCase(c.case, today)
          for (const m of e.minima) {
            const held = sessionsOf.get(`${c.id}|${m.rule}`) ?? 0
            expect(held).toBeLessThanOrEqual(m.status === 'due' ? m.required - m.achieved : 0)
          }
          expect(p.caseDemand.filter((l) => l.caseId === c.id && l.work === 'handover').length).toBeLessThanOrEqual(1)
        }
        // What the case lines of a type add up to is that type's sessions and handovers that week.
        for (const w of p.weeks) {
          for (const type of ['prison', 'probation'] as const) {
            const own = p.caseDemand.filter((l) => l.week === w.index && l.pomType === type)
            expect(own.reduce((n, l) => n + l.hours, 0)).toBeCloseTo(w.needed[type].supervisionHours + w.needed[type].handoverHours, 9)
          }
        }
      }),
      // A fixed seed (as test/integration/fuzz.test.ts; another with RESOURCING_SEED=n): with a new
      // random seed each run, about one run in a few hundred drew no case with two sessions in one
      // week, and the check below that keeps this property from being vacuous failed CI by chance.
      { numRuns: 300, seed: SEED },
    )
    expect(doubled).toBeGreaterThan(0) // not vacuous: some minima had two sessions in one week, still one line
  })

  it('a pure function of its input and today: a copy of the input gives the same projection, and the input is not changed', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, today }) => {
        const copy = structuredClone(input)
        expect(projectResourcing(input, today)).toEqual(projectResourcing(copy, today))
        expect(input).toEqual(copy) // the input is not changed
      }),
      { numRuns: 100 },
    )
  })
})
