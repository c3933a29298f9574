// Issue 19's resourcing plan from store to projection, through the real dispatcher on a real SQLite
// file (and, under `npm run test:pg`, on the shared PostgreSQL database). Today is Monday
// 23/11/2026 (helpers.ts), so the 12 weeks start on Mondays: week 0 is 23/11 to 29/11 (no bank
// holiday), week 6 is 04/01/2027 to 10/01/2027 (none either). The engine's reading of capacity:
// hours a week spread over the days worked, none while away (shared/engine/resourcing/capacity.ts).
import { count } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, readStore, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

let svc: ServicesHandle | null = null
afterEach(async () => {
  await svc?.cleanup()
  svc = null
})

/**
 * Pat, a full-time prison POM (37 hours, 5 days); Pru, a probation POM (30 hours over 4 days)
 * redeployed from today with a return planned on 04/01/2027 (seed 002 stage 3: "probation staff
 * returning"); one case allocated to Pru on 02/11/2026 with no sessions yet, so its start of
 * custody minimum (3 in person by 25/01/2027, seed 003 Annex B) falls in weeks Pru is away.
 */
async function establishment(s: ServicesHandle) {
  await must(s.call('omu:establishment.setup', HMP_TESTSHIRE))
  const pat = await must(s.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom', hoursPerWeek: 37 }))
  const pru = await must(s.call('omu:staff.save', { name: 'Pru Probation', role: 'probation_pom', hoursPerWeek: 30 }))
  await must(s.call('omu:resourcing.savePom', { staffId: pru.id, band: 4, hoursPerWeek: 30, daysPerWeek: 4, availability: { status: 'unavailable', from: '2026-11-23', to: null, reason: 'Redeployed to the wings' } }))
  const back = await must(s.call('omu:resourcing.addChange', { kind: 'returning', staffId: pru.id, date: '2027-01-04' }))
  const p = await must(
    s.call('omu:prisoners.create', { prisonNumber: 'A1234BC', firstName: 'Alex', lastName: 'Testwell', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2026-10-20', conditionalReleaseDate: '2029-03-01' }),
  )
  // Pru is away today: the HOMD confirms the allocation (issue 17, electron/services/resourcing/pomToday.ts).
  await must(s.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pru.id, startDate: '2026-11-02', confirmUnavailable: true, pomTypeReason: 'Pru took the case before her redeployment.' }))
  return { pat: pat.id, pru: pru.id, back: back.id, prisonerId: p.id }
}

const auditRows = (s: ServicesHandle) => readStore(s, async (c) => (await c.db.select({ n: count() }).from(auditLog).get())?.n ?? 0)

describe('resourcing plan (issue 19)', () => {
  it('stored capacity reaches the projection: hours while in post, none while away, back from the planned return', async () => {
    svc = await startTestServices()
    const { pru } = await establishment(svc)
    const capacity = await must(svc.call('omu:resourcing.capacity'))
    expect(capacity.poms.find((p) => p.staffId === pru)).toEqual({
      staffId: pru,
      name: 'Pru Probation',
      type: 'probation',
      band: 4,
      hoursPerWeek: 30,
      daysPerWeek: 4,
      availability: { status: 'unavailable', from: '2026-11-23', to: null, reason: 'Redeployed to the wings' },
    })
    expect(capacity.changes).toMatchObject([{ kind: 'returning', staffId: pru, name: 'Pru Probation', date: '2027-01-04' }])

    const plan = await must(svc.call('omu:resourcing.get', {}))
    expect(plan).toMatchObject({ today: '2026-11-23', currentStage: '4', targetStage: '3', whatIf: false, cases: 1, notEvaluated: 0 })
    expect(plan.weeks).toHaveLength(12)
    expect(plan.weeks[0]).toMatchObject({ start: '2026-11-23', end: '2026-11-29', available: { prison: 37, probation: 0, total: 37 } })
    expect(plan.weeks.slice(0, 6).map((w) => w.available.probation)).toEqual([0, 0, 0, 0, 0, 0])
    expect(plan.weeks[6]).toMatchObject({ start: '2027-01-04', available: { probation: 30 } })
    // Pru is away while her case's sessions fall due: at risk, in words the screen can show.
    expect(plan.atRisk).toMatchObject([{ prisonNumber: 'A1234BC', name: 'Alex Testwell', pomName: 'Pru Probation', rule: 'start_of_custody', required: 3, achieved: 0, dueBy: '2027-01-25' }])
    expect(plan.atRisk[0]?.reasons).toContain('pom_unavailable')
    // The probation POM's own work exceeds her hours (none) in week 0: flagged.
    expect(plan.weeks[0]?.inShortfall.probation).toBe(true)
    expect(plan.weeks[0]?.flagged).toBe(true)
  })

  it('an inactive POM gives no hours and their cases have no POM to hold the sessions', async () => {
    svc = await startTestServices()
    const { pru } = await establishment(svc)
    await must(svc.call('omu:resourcing.savePom', { staffId: pru, band: 4, hoursPerWeek: 30, daysPerWeek: 4, availability: { status: 'inactive' } }))
    const plan = await must(svc.call('omu:resourcing.get', {}))
    expect(plan.poms.map((p) => p.name)).toEqual(['Pat Pom'])
    expect(plan.weeks[6]?.available.probation).toBe(0)
    expect(plan.atRisk[0]).toMatchObject({ pomName: null, reasons: ['no_pom'] })
  })

  it('a return planned for an absence no longer recorded is left out of the plan, not an error', async () => {
    svc = await startTestServices()
    const { pru } = await establishment(svc)
    // Pru is back early and marked available: the planned return (04/01/2027) returns from nothing.
    await must(svc.call('omu:resourcing.savePom', { staffId: pru, band: 4, hoursPerWeek: 30, daysPerWeek: 4, availability: { status: 'active' } }))
    const plan = await must(svc.call('omu:resourcing.get', {}))
    expect(plan.weeks.map((w) => w.available.probation).slice(0, 2)).toEqual([30, 30])
    expect(plan.atRisk).toEqual([])
    // The change itself stays on record until someone removes it.
    expect((await must(svc.call('omu:resourcing.capacity'))).changes).toHaveLength(1)
  })

  it('what-if inputs change the answer at once and save nothing: an added POM, other receptions', async () => {
    svc = await startTestServices()
    await establishment(svc)
    const before = await must(svc.call('omu:resourcing.get', {}))
    const rowsBefore = await auditRows(svc)

    const whatIf = await must(svc.call('omu:resourcing.get', { whatIf: { extraPoms: [{ type: 'probation', hoursPerWeek: 37 }], receptionsPerWeek: 4 } }))
    expect(whatIf.whatIf).toBe(true)
    expect(whatIf.weeks[0]?.available).toEqual({ prison: 37, probation: 37, total: 74 })
    expect(whatIf.weeks[0]?.needed.shared.allocations).toBe(4)
    expect(whatIf.poms.map((p) => p.name)).toContain('Added probation POM 1')
    // Adding capacity never increases the shortfall (the engine's property, here end to end).
    expect(whatIf.summary.shortfallHours.probation).toBeLessThanOrEqual(before.summary.shortfallHours.probation)

    const after = await must(svc.call('omu:resourcing.get', {}))
    expect(after).toEqual(before)
    expect(after.weeks[0]?.available.probation).toBe(0)
    expect(await auditRows(svc)).toBe(rowsBefore)
    expect((await must(svc.call('omu:resourcing.capacity'))).changes).toHaveLength(1)
  })

  it('the HOMS’s saved inputs are used: receptions a week and hours assumptions that replace the defaults', async () => {
    svc = await startTestServices()
    await establishment(svc)
    const first = await must(svc.call('omu:resourcing.get', {}))
    expect(first.inputs).toEqual({ receptionsPerWeek: 0, assumptions: {}, saved: false })
    expect(first.assumptions).toEqual(first.defaultAssumptions)

    await must(svc.call('omu:resourcing.saveInputs', { receptionsPerWeek: 10, assumptions: { hoursPerAllocation: 2, taskHoursPerWeek: { 's3.5': 0 } } }))
    const plan = await must(svc.call('omu:resourcing.get', {}))
    expect(plan.inputs).toEqual({ receptionsPerWeek: 10, assumptions: { hoursPerAllocation: 2, taskHoursPerWeek: { 's3.5': 0 } }, saved: true })
    expect(plan.weeks[0]?.needed.shared).toMatchObject({ allocations: 10, allocationHours: 20 })
    expect(plan.tasks.find((t) => t.id === 's3.5')?.hoursPerWeek).toBe(0)
    // The other tasks keep their defaults (assumptions.ts): s3.4 is 4 hours a week.
    expect(plan.tasks.find((t) => t.id === 's3.4')?.hoursPerWeek).toBe(4)
    // A what-if receptions figure wins over the saved one for that answer only.
    expect((await must(svc.call('omu:resourcing.get', { whatIf: { receptionsPerWeek: 3 } }))).weeks[0]?.needed.shared.allocations).toBe(3)
  })

  it('a new starter adds hours from their first day; a planned leaving date removes them; a removed change no longer counts', async () => {
    svc = await startTestServices()
    const { pat } = await establishment(svc)
    const starter = await must(svc.call('omu:resourcing.addChange', { kind: 'starting', date: '2026-12-07', name: 'New probation POM', pomType: 'probation', hoursPerWeek: 37 }))
    await must(svc.call('omu:resourcing.addChange', { kind: 'leaving', staffId: pat, date: '2026-12-14' }))
    const plan = await must(svc.call('omu:resourcing.get', {}))
    expect(plan.weeks.slice(0, 4).map((w) => w.available.probation)).toEqual([0, 0, 37, 37])
    // Pat's first day gone is Monday 14/12, the first day of week 3.
    expect(plan.weeks.slice(0, 4).map((w) => w.available.prison)).toEqual([37, 37, 37, 0])

    await must(svc.call('omu:resourcing.removeChange', { id: starter.id }))
    const without = await must(svc.call('omu:resourcing.get', {}))
    expect(without.weeks[2]?.available.probation).toBe(0)
  })

  it('planned changes the engine could not use are refused in a sentence', async () => {
    svc = await startTestServices()
    const { pat, pru } = await establishment(svc)
    expect(await svc.call('omu:resourcing.addChange', { kind: 'returning', staffId: pat, date: '2027-01-04' })).toMatchObject({
      ok: false,
      error: { message: 'Pat Pom is not recorded as unavailable: record the absence first, then their return.' },
    })
    expect(await svc.call('omu:resourcing.addChange', { kind: 'returning', staffId: pru, date: '2027-02-01' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'A return is already planned for Pru Probation on 04/01/2027: remove it first.' },
    })
    expect(await svc.call('omu:resourcing.savePom', { staffId: pru, band: 4, hoursPerWeek: 30, daysPerWeek: 4, availability: { status: 'unavailable', from: '2026-12-01', to: '2026-11-30', reason: 'Leave' } })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('The last day away must not be before the first.') },
    })
  })

  it('a HOMD changes capacity facts and planned changes; only the HOMS saves the inputs; a Governor reads the plan', async () => {
    svc = await startTestServices()
    const { pat } = await establishment(svc)
    for (const role of ['homd', 'governor'] as const) {
      await must(svc.call('omu:users.save', { username: `res.${role}`, displayName: `Res ${role}`, role, password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
    }
    await must(svc.call('omu:auth.signIn', { username: 'res.homd', password: TEST_PASSWORD }))
    expect(await must(svc.call('omu:resourcing.savePom', { staffId: pat, band: 5, hoursPerWeek: 22.5, daysPerWeek: 3, availability: { status: 'active' } }))).toMatchObject({ band: 5, hoursPerWeek: 22.5, daysPerWeek: 3 })
    expect(await svc.call('omu:resourcing.saveInputs', { receptionsPerWeek: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await must(svc.call('omu:auth.signIn', { username: 'res.governor', password: TEST_PASSWORD }))
    const plan = await must(svc.call('omu:resourcing.get', {}))
    expect(plan.weeks[0]?.available.prison).toBe(22.5)
    expect(await svc.call('omu:resourcing.addChange', { kind: 'leaving', staffId: pat, date: '2027-01-31' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
