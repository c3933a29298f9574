// POMs' availability and capacity when allocating (issue 17, "POMs: availability") and on the
// HOMD's home (issue 16, "POMs over their capacity"), through the real dispatcher on a real SQLite
// file and, under `npm run test:pg`, on the shared PostgreSQL database. Today is 23/11/2026
// (helpers.ts). Capacity: 50 cases for 37 hours, in proportion (shared/engine/resourcing/pomCaseload.ts,
// our assumption: seed 002 names staffing levels, not a caseload).
import { afterEach, describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'

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

const prisoner = (n: number) => ({
  prisonNumber: `B${2000 + n}CD`,
  firstName: 'Alex',
  lastName: `Case${String.fromCharCode(65 + n)}`,
  dateOfBirth: '1988-02-01',
  sentenceType: 'determinate',
  sentenceStartDate: '2026-06-01',
  conditionalReleaseDate: '2030-06-01',
})

type Availability = { status: 'active' } | { status: 'inactive' } | { status: 'unavailable'; from: string; to: string | null; reason: string }

/** Four prison POMs: Ana (full time, available), Ben (away today until 10/01/2027), Cal (leave booked from 01/12/2026), Dee (inactive). */
async function establishment(s: ServicesHandle) {
  await must(s.call('omu:establishment.setup', HMP_TESTSHIRE))
  const ids: Record<string, number> = {}
  const facts: [string, number, Availability][] = [
    ['Ana Available', 37, { status: 'active' }],
    ['Ben Away', 37, { status: 'unavailable', from: '2026-11-02', to: '2027-01-10', reason: 'Redeployed to the wings' }],
    ['Cal Later', 22.5, { status: 'unavailable', from: '2026-12-01', to: '2026-12-12', reason: 'Annual leave' }],
    ['Dee Gone', 37, { status: 'inactive' }],
  ]
  for (const [name, hoursPerWeek, availability] of facts) {
    const pom = await must(s.call('omu:staff.save', { name, role: 'prison_pom' }))
    await must(s.call('omu:resourcing.savePom', { staffId: pom.id, band: 4, hoursPerWeek, daysPerWeek: hoursPerWeek < 37 ? 3 : 5, availability }))
    ids[name.split(' ')[0] as string] = pom.id
  }
  const cases: number[] = []
  for (let n = 0; n < 4; n++) cases.push((await must(s.call('omu:prisoners.create', prisoner(n)))).id)
  return { ids, cases }
}

const allocate = (s: ServicesHandle, prisonerId: number, staffId: number, confirmUnavailable?: boolean) =>
  s.call('omu:allocations.allocate', { prisonerId, staffId, startDate: '2026-11-20', pomTypeReason: 'Test: the POM type is not what this test is about.', ...(confirmUnavailable === undefined ? {} : { confirmUnavailable }) })

describe('allocating and POM availability (issue 17)', () => {
  it('the allocation overview shows each active POM’s capacity and availability today; an inactive POM is not listed', async () => {
    svc = await startTestServices()
    const { ids } = await establishment(svc)
    const o = await must(svc.call('omu:allocations.overview'))
    const byId = new Map(o.poms.map((p) => [p.staffId, p]))
    expect(byId.get(ids.Ana as number)).toMatchObject({ capacity: 50, availability: { status: 'available' } })
    expect(byId.get(ids.Ben as number)).toMatchObject({ capacity: 50, availability: { status: 'unavailable', from: '2026-11-02', until: '2027-01-10', returnsOn: '2027-01-11' } })
    // 22.5 hours: 50 × 22.5 / 37 = 30.4, so 30 cases; the leave starts after today.
    expect(byId.get(ids.Cal as number)).toMatchObject({ capacity: 30, availability: { status: 'away_from', from: '2026-12-01', until: '2026-12-12' } })
    expect(byId.has(ids.Dee as number)).toBe(false)
  })

  it('allocating to an inactive POM is refused in the main process', async () => {
    svc = await startTestServices()
    const { ids, cases } = await establishment(svc)
    expect(await allocate(svc, cases[0] as number, ids.Dee as number)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Dee Gone is inactive: choose an active POM.' } })
    // Confirming does not help: an inactive POM holds no cases.
    expect((await allocate(svc, cases[0] as number, ids.Dee as number, true)).ok).toBe(false)
  })

  it('allocating to a POM unavailable today is refused until the HOMD confirms it, in a sentence with the date', async () => {
    svc = await startTestServices()
    const { ids, cases } = await establishment(svc)
    const refused = await allocate(svc, cases[0] as number, ids.Ben as number)
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'confirmUnavailable', message: 'Ben Away is unavailable until 10/01/2027. Confirm that the case should go to them while they are away, or choose another POM.' },
    })
    expect((await must(svc.call('omu:prisoners.get', { prisonerId: cases[0] as number }))).allocations).toEqual([])
    await must(allocate(svc, cases[0] as number, ids.Ben as number, true))
    const detail = await must(svc.call('omu:prisoners.get', { prisonerId: cases[0] as number }))
    expect(detail.allocations.map((a) => a.staffId)).toEqual([ids.Ben])
  })

  it('an absence with no end date says so', async () => {
    svc = await startTestServices()
    const { ids, cases } = await establishment(svc)
    await must(svc.call('omu:resourcing.savePom', { staffId: ids.Ben as number, band: 4, hoursPerWeek: 37, daysPerWeek: 5, availability: { status: 'unavailable', from: '2026-11-02', to: null, reason: 'Sick' } }))
    expect(await allocate(svc, cases[0] as number, ids.Ben as number)).toMatchObject({ ok: false, error: { message: 'Ben Away is unavailable with no return date recorded. Confirm that the case should go to them while they are away, or choose another POM.' } })
  })

  it('no confirmation is needed for an available POM, for leave that starts later, or once a planned return is reached', async () => {
    svc = await startTestServices()
    const { ids, cases } = await establishment(svc)
    await must(allocate(svc, cases[0] as number, ids.Ana as number))
    await must(allocate(svc, cases[1] as number, ids.Cal as number))
    // A planned return today (issue 19's planned changes) ends Ben's absence, as the resourcing plan reads it.
    await must(svc.call('omu:resourcing.addChange', { kind: 'returning', staffId: ids.Ben as number, date: '2026-11-23' }))
    await must(allocate(svc, cases[2] as number, ids.Ben as number))
  })
})

describe('the HOMD’s home: POMs over their capacity and POMs unavailable today (issues 16 and 17)', () => {
  async function homdHome(s: ServicesHandle) {
    // Made once, by the HOMS signed in at the start; later calls are already the HOMD.
    const me = await must(s.call('omu:auth.status'))
    if (me.user?.role !== 'homd') await must(s.call('omu:users.save', { username: 'cap.homd', displayName: 'Cap Homd', role: 'homd', password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
    await must(s.call('omu:auth.signIn', { username: 'cap.homd', password: TEST_PASSWORD }))
    const home = await must(s.call('omu:home.get'))
    if (!home.allocation) throw new Error('a HOMD has the allocation section')
    return home.allocation
  }

  it('lists a POM holding more cases than their hours allow, with the figures; not one at capacity', async () => {
    svc = await startTestServices()
    const { ids, cases } = await establishment(svc)
    for (const c of cases.slice(0, 3)) await must(allocate(svc, c, ids.Ana as number))
    await must(allocate(svc, cases[3] as number, ids.Cal as number))
    // Ana on 2 hours a week: 50 × 2 / 37 = 2.7, so capacity 3 against 3 cases (at capacity, not over).
    await must(svc.call('omu:resourcing.savePom', { staffId: ids.Ana as number, band: 4, hoursPerWeek: 2, daysPerWeek: 1, availability: { status: 'active' } }))
    expect((await homdHome(svc)).overCapacity).toEqual([])
    // 1 hour: capacity 1, so 2 over.
    await must(svc.call('omu:resourcing.savePom', { staffId: ids.Ana as number, band: 4, hoursPerWeek: 1, daysPerWeek: 1, availability: { status: 'active' } }))
    const work = await homdHome(svc)
    expect(work.overCapacity).toEqual([{ staffId: ids.Ana, name: 'Ana Available', caseCount: 3, capacity: 1 }])
    expect(work.poms.find((p) => p.staffId === ids.Cal)).toMatchObject({ caseCount: 1, capacity: 30 })
  })

  it('lists the POMs away today with when they are back, soonest first; not those away later, back already, or inactive', async () => {
    svc = await startTestServices()
    const { ids, cases } = await establishment(svc)
    await must(allocate(svc, cases[0] as number, ids.Ben as number, true))
    const eve = await must(svc.call('omu:staff.save', { name: 'Eve Open-ended', role: 'probation_pom' }))
    await must(svc.call('omu:resourcing.savePom', { staffId: eve.id, band: 4, hoursPerWeek: 37, daysPerWeek: 5, availability: { status: 'unavailable', from: '2026-10-01', to: null, reason: 'Secondment' } }))
    const fay = await must(svc.call('omu:staff.save', { name: 'Fay Back', role: 'prison_pom' }))
    await must(svc.call('omu:resourcing.savePom', { staffId: fay.id, band: 4, hoursPerWeek: 37, daysPerWeek: 5, availability: { status: 'unavailable', from: '2026-10-01', to: '2026-11-22', reason: 'Leave' } }))
    const gus = await must(svc.call('omu:staff.save', { name: 'Gus Planned', role: 'prison_pom' }))
    await must(svc.call('omu:resourcing.savePom', { staffId: gus.id, band: 4, hoursPerWeek: 37, daysPerWeek: 5, availability: { status: 'unavailable', from: '2026-11-01', to: null, reason: 'Redeployed' } }))
    await must(svc.call('omu:resourcing.addChange', { kind: 'returning', staffId: gus.id, date: '2026-12-07' }))
    const work = await homdHome(svc)
    expect(work.unavailableToday).toEqual([
      { staffId: gus.id, name: 'Gus Planned', caseCount: 0, from: '2026-11-01', until: '2026-12-06', returnsOn: '2026-12-07' },
      { staffId: ids.Ben, name: 'Ben Away', caseCount: 1, from: '2026-11-02', until: '2027-01-10', returnsOn: '2027-01-11' },
      { staffId: eve.id, name: 'Eve Open-ended', caseCount: 0, from: '2026-10-01', until: null, returnsOn: null },
    ])
  })
})

describe('the demo establishment’s POM capacity (issues 16, 17, 19)', () => {
  it('has part-time and full-time POMs of both types, one away today with a return date, a leaver and a new starter planned', async () => {
    svc = await startTestServices()
    await must(svc.call('omu:demo.create', { prisoners: 400, seed: 3 }))
    const capacity = await must(svc.call('omu:resourcing.capacity'))
    const active = capacity.poms.filter((p) => p.availability.status !== 'inactive')
    expect(new Set(active.map((p) => p.type))).toEqual(new Set(['prison', 'probation']))
    expect(active.some((p) => p.daysPerWeek === 3 && p.hoursPerWeek === 22.5)).toBe(true)
    expect(active.some((p) => p.daysPerWeek === 5 && p.hoursPerWeek === 37)).toBe(true)
    expect(capacity.poms.some((p) => p.availability.status === 'inactive')).toBe(true)
    expect(capacity.changes.map((c) => c.kind).sort()).toEqual(['leaving', 'starting'])
    const o = await must(svc.call('omu:allocations.overview'))
    const away = o.poms.filter((p) => p.availability.status === 'unavailable')
    expect(away).toHaveLength(1)
    expect(away[0]?.availability).toMatchObject({ until: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
    expect(o.poms.filter((p) => p.availability.status === 'away_from')).toHaveLength(1)
    // The HOMS's home shows them: the part-time POMs hold as many cases as the others, over their capacity.
    const home = await must(svc.call('omu:home.get'))
    const partTime = new Set(active.filter((p) => p.hoursPerWeek === 22.5).map((p) => p.staffId))
    expect(home.allocation?.overCapacity.some((p) => partTime.has(p.staffId) && p.caseCount > p.capacity)).toBe(true)
    expect(home.allocation?.unavailableToday.map((p) => p.staffId)).toEqual(away.map((p) => p.staffId))
    expect(home.allocation?.unavailableToday[0]?.returnsOn).not.toBeNull()
  })
})
