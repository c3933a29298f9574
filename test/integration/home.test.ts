// The home screen per role (issue 16, "Home screen per role" and "Actionable versus history"),
// through the real dispatcher on a real SQLite file (and, under `npm run test:pg`, on the shared
// PostgreSQL database). Today is 23/11/2026 (helpers.ts). Start-of-custody windows: allocation +
// 84 days (seed 003 Annex B); an unmet one past its due date by more than 28 days is missed.
import { afterEach, describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import type { Home } from '../../shared/ipc/channels/home'
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

const prisoner = (n: number, lastName: string, sentenceStartDate: string) => ({
  prisonNumber: `A${1000 + n}BC`,
  firstName: 'Sam',
  lastName,
  dateOfBirth: '1990-04-01',
  sentenceType: 'determinate',
  sentenceStartDate,
  conditionalReleaseDate: '2029-03-01',
})

/**
 * One POM (linked to a POM user) holding four cases and one case waiting for a POM:
 * - Due: allocated 10/09/2026, due 03/12/2026 (10 days left), no sessions;
 * - Overdue: allocated 20/08/2026, due 12/11/2026 (11 days late), no sessions;
 * - Missed: allocated 01/08/2026, due 24/10/2026 (30 days late: past the 28-day overdue period);
 * - Met: allocated 05/08/2026, due 28/10/2026, three in-person sessions entered today (late records);
 * - Waiting: sentenced 01/10/2026, never allocated (53 days waiting).
 */
async function establishment(s: ServicesHandle) {
  await must(s.call('omu:establishment.setup', HMP_TESTSHIRE))
  const pom = await must(s.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
  await must(s.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', staffId: pom.id, password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
  for (const role of ['homd', 'governor', 'read_only'] as const) {
    await must(s.call('omu:users.save', { username: `home.${role.replace('_', '')}`, displayName: `Home ${role}`, role, password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
  }
  const ids: Record<string, number> = {}
  const cases = [
    ['Due', '2026-07-01', '2026-09-10'],
    ['Overdue', '2026-07-01', '2026-08-20'],
    ['Missed', '2026-07-01', '2026-08-01'],
    ['Met', '2026-07-01', '2026-08-05'],
  ] as const
  for (const [i, [name, start, allocated]] of cases.entries()) {
    const p = await must(s.call('omu:prisoners.create', prisoner(i, name, start)))
    ids[name] = p.id
    await must(s.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, startDate: allocated }))
  }
  for (const date of ['2026-08-10', '2026-09-10', '2026-10-10']) {
    await must(s.call('omu:sessions.record', { prisonerId: ids.Met, date, mode: 'wing_interview_room', durationMinutes: 30, staffId: pom.id }))
  }
  ids.Waiting = (await must(s.call('omu:prisoners.create', prisoner(9, 'Waiting', '2026-10-01')))).id
  return { pomId: pom.id, ids }
}

async function homeAs(s: ServicesHandle, username: string): Promise<Home> {
  await must(s.call('omu:auth.signIn', { username, password: TEST_PASSWORD }))
  return must(s.call('omu:home.get'))
}

describe('home screen per role (issue 16)', () => {
  it('a POM sees their own work: overdue but not missed, due soon, transfers, late records this month; their cases by days left', async () => {
    svc = await startTestServices()
    const { pomId, ids } = await establishment(svc)
    const home = await homeAs(svc, 'pat.pom')
    expect(home).toMatchObject({ today: '2026-11-23', role: 'pom', allocation: null, compliance: null, plan: null })
    const work = home.myWork
    if (!work) throw new Error('a POM has My work')
    expect(work.pomId).toBe(pomId)
    expect(work.caseCount).toBe(4)
    // Overdue: only the case 11 days late; the one 30 days late is missed and left out.
    expect(work.counts).toEqual({ overdue: 1, due7: 0, due28: 1, transfersAwaiting: 0, lateThisMonth: 3, checklistsDue: 0 })
    expect(work.handovers).toEqual({ upcoming: 0, inProgress: 0, comAllocationOverdue: 0, overdueTasks: 0, toNotify: 0 })
    expect(work.casesTotal).toBe(work.cases.length)
    const soc = work.cases.filter((c) => c.rule === 'start_of_custody')
    expect(soc.map((c) => [c.prisonerId, c.status, c.daysLeft])).toEqual([
      [ids.Overdue, 'overdue', -11],
      [ids.Due, 'due', 10],
    ])
    expect(work.cases.some((c) => c.prisonerId === ids.Missed && c.rule === 'start_of_custody')).toBe(false)
    // Ordered by days left, late first.
    expect(work.cases.map((c) => c.daysLeft)).toEqual([...work.cases.map((c) => c.daysLeft)].sort((a, b) => a - b))
  })

  it('the due list and the caseload follow the same rule: the missed minimum is in neither worklist nor the headline status', async () => {
    svc = await startTestServices()
    const { ids } = await establishment(svc)
    const due = await must(svc.call('omu:due.overview'))
    expect(due.totals.overdue).toBe(1)
    expect(due.items.filter((i) => i.rule === 'start_of_custody').map((i) => i.prisonerId)).toEqual([ids.Overdue, ids.Due])
    const list = await must(svc.call('omu:caseload.list', { pomId: null }))
    const status = new Map<number | undefined, string>(list.rows.map((r) => [r.prisonerId, r.status]))
    expect(status.get(ids.Overdue)).toBe('overdue')
    // The missed case's other minimum (pre-handover, in 2028) is still due: that leads its headline.
    expect(status.get(ids.Missed)).toBe('due')
    // The case's own page keeps the missed minimum as history.
    const detail = await must(svc.call('omu:prisoners.get', { prisonerId: ids.Missed }))
    expect(detail.evaluation?.minima[0]).toMatchObject({ rule: 'start_of_custody', status: 'missed', dueBy: '2026-10-24' })
  })

  it('the HOMD sees cases waiting for a POM (longest first, days waiting), POM loads and overdue work, not a POM’s own list', async () => {
    svc = await startTestServices()
    const { pomId, ids } = await establishment(svc)
    const home = await homeAs(svc, 'home.homd')
    expect(home).toMatchObject({ role: 'homd', myWork: null, plan: null })
    expect(home.allocation?.unallocated).toEqual([{ prisonerId: ids.Waiting, prisonNumber: 'A1009BC', name: 'WAITING, Sam', waitingSince: '2026-10-01', daysWaiting: 53, override: null }])
    expect(home.allocation?.unallocatedTotal).toBe(1)
    expect(home.allocation?.poms).toEqual([{ staffId: pomId, name: 'Pat Pom', caseCount: 4, hoursPerWeek: 37, capacity: 50, overdue: 1 }])
    // Issue 16: 4 cases against a full-time capacity of 50 (shared/engine/resourcing/pomCaseload.ts); nobody away.
    expect(home.allocation).toMatchObject({ overCapacity: [], unavailableToday: [] })
    expect(home.allocation?.overdueTotal).toBe(1)
  })

  it('the HOMD sees a POM over their capacity with the figures, and a POM unavailable today with the date they are back (issues 16 and 17)', async () => {
    svc = await startTestServices()
    const { pomId } = await establishment(svc)
    // Pat on 2 hours a week: 50 cases × 2 / 37 = 2.7, so a capacity of 3 against 4 cases
    // (shared/engine/resourcing/pomCaseload.ts: the full-time caseload is our assumption).
    await must(svc.call('omu:resourcing.savePom', { staffId: pomId, band: 4, hoursPerWeek: 2, daysPerWeek: 1, availability: { status: 'unavailable', from: '2026-11-16', to: '2026-11-27', reason: 'Annual leave' } }))
    const work = (await homeAs(svc, 'home.homd')).allocation
    expect(work?.overCapacity).toEqual([{ staffId: pomId, name: 'Pat Pom', caseCount: 4, capacity: 3 }])
    expect(work?.unavailableToday).toEqual([{ staffId: pomId, name: 'Pat Pom', caseCount: 4, from: '2026-11-16', until: '2026-11-27', returnsOn: '2026-11-28' }])
  })

  it('compliance by minimum counts a missed minimum as not met: this month and the last 3 months', async () => {
    svc = await startTestServices()
    await establishment(svc)
    const home = await homeAs(svc, 'home.homd')
    const soc = home.compliance?.byRule.find((r) => r.rule === 'start_of_custody')
    expect(home.compliance).toMatchObject({ monthStart: '2026-11-01', threeMonthsStart: '2026-09-01' })
    // Fell due in November up to today: the overdue case (not met).
    expect(soc?.thisMonth).toEqual({ decided: 1, met: 0, percentMet: 0 })
    // Since September: overdue (12/11), missed (24/10), met (28/10); the due case (03/12) is not decided yet.
    expect(soc?.lastThreeMonths).toEqual({ decided: 3, met: 1, percentMet: 33 })
  })

  it('the HOMS sees the RRMP’s status and its blockers; the Governor and a reviewer get summaries only', async () => {
    svc = await startTestServices()
    await establishment(svc)
    await must(svc.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD }))
    expect((await must(svc.call('omu:home.get'))).plan).toBeNull()
    await must(svc.call('omu:rrmp.start'))
    const homs = await must(svc.call('omu:home.get'))
    expect(homs.plan).toMatchObject({ version: 1, status: 'draft', awaitingHoms: true, awaitingGovernor: false, overall: 'not_ready' })
    expect(homs.plan?.blockers.length).toBeGreaterThan(0)
    expect(homs.plan?.blockers[0]?.text.length).toBeGreaterThan(0)
    expect(homs.allocation).not.toBeNull()
    for (const username of ['home.governor', 'home.readonly']) {
      const h = await homeAs(svc, username)
      expect(h.myWork, username).toBeNull()
      expect(h.allocation, username).toBeNull()
      expect(h.compliance, username).not.toBeNull()
      expect(h.plan, username).toMatchObject({ version: 1, status: 'draft' })
    }
  })

  it('the overdue period is an establishment setting: at 60 days the 30-day-late minimum is overdue again', async () => {
    svc = await startTestServices()
    const { ids } = await establishment(svc)
    await must(svc.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD }))
    expect(await must(svc.call('omu:settings.update', { missedAfterDays: 60, password: TEST_PASSWORD }))).toMatchObject({ missedAfterDays: 60 })
    const work = (await homeAs(svc, 'pat.pom')).myWork
    expect(work?.counts.overdue).toBe(2)
    expect(work?.cases.find((c) => c.prisonerId === ids.Missed && c.rule === 'start_of_custody')).toMatchObject({ status: 'overdue', daysLeft: -30 })
  })

  it('a POM user not linked to a staff record sees empty counts, not someone else’s cases', async () => {
    svc = await startTestServices()
    await establishment(svc)
    await must(svc.call('omu:users.save', { username: 'no.staff', displayName: 'No Staff', role: 'pom', password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
    const home = await homeAs(svc, 'no.staff')
    expect(home.myWork).toEqual({
      pomId: null,
      counts: { overdue: 0, due7: 0, due28: 0, transfersAwaiting: 0, lateThisMonth: 0, checklistsDue: 0 },
      handovers: { upcoming: 0, inProgress: 0, comAllocationOverdue: 0, overdueTasks: 0, toNotify: 0 },
      cases: [],
      casesTotal: 0,
      checklists: [],
      caseCount: 0,
    })
  })
})

/**
 * Issue 17: two more of Pat Pom's cases near their handover (../shared/specs/mpc-rules.md A.1):
 * - Soon: CRD 01/09/2027, the handover starts within the next 8 weeks (upcoming, checklist open);
 * - Past: CRD 01/03/2027, the COM has been responsible for more than 2 days (COM allocation
 *   overdue, handover tasks overdue).
 */
async function handoverCases(s: ServicesHandle, pomId: number) {
  const soon = await must(s.call('omu:prisoners.create', { ...prisoner(20, 'Soon', '2024-01-01'), conditionalReleaseDate: '2027-09-01' }))
  const past = await must(s.call('omu:prisoners.create', { ...prisoner(21, 'Past', '2024-01-01'), conditionalReleaseDate: '2027-03-01' }))
  for (const p of [soon, past]) await must(s.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pomId, startDate: '2026-09-10' }))
  return { soon: soon.id, past: past.id }
}

describe('home screens and the handover to the COM (issue 17; ../shared/specs/mpc-rules.md A and D)', () => {
  it('a POM sees the checklists due (D.4) and the cases with handover tasks overdue (A4); completing one takes it off', async () => {
    svc = await startTestServices()
    const { pomId } = await establishment(svc)
    const { soon, past } = await handoverCases(svc, pomId)
    const work = (await homeAs(svc, 'pat.pom')).myWork
    // Both checklists are open and not complete (D.4); one is on the overdue handover tasks list (A4).
    expect(work?.counts).toMatchObject({ checklistsDue: 2 })
    expect(work?.handovers).toMatchObject({ overdueTasks: 1 })
    // Overdue first.
    expect(work?.checklists.map((c) => [c.prisonerId, c.tasksOverdue, c.completeCount])).toEqual([
      [past, true, 0],
      [soon, false, 0],
    ])
    const open = await must(svc.call('omu:handover.get', { prisonerId: past }))
    for (const t of open.checklist.tasks) await must(svc.call('omu:handover.tickTask', { prisonerId: past, task: t.task, done: true }))
    const after = (await must(svc.call('omu:home.get'))).myWork
    expect(after?.counts).toMatchObject({ checklistsDue: 1 })
    expect(after?.handovers).toMatchObject({ overdueTasks: 0 })
    expect(after?.checklists.map((c) => c.prisonerId)).toEqual([soon])
  })

  it('the HOMD sees handovers whose COM is not allocated, from the handover lists (A5 overdue first, then A2 upcoming); a recorded COM takes the case off', async () => {
    svc = await startTestServices()
    const { pomId } = await establishment(svc)
    const { soon, past } = await handoverCases(svc, pomId)
    const work = (await homeAs(svc, 'home.homd')).allocation
    expect(work?.comNotAllocated.map((c) => [c.prisonerId, c.list, c.daysKind])).toEqual([
      [past, 'comAllocationOverdue', 'overdue'],
      [soon, 'upcoming', 'left'],
    ])
    expect(work?.comNotAllocatedTotal).toBe(2)
    const lists = await must(svc.call('omu:handover.lists', {}))
    // The same days as the Due screen's lists.
    expect(work?.comNotAllocated[0]?.days).toBe(lists.comAllocationOverdue.find((i) => i.prisonerId === past)?.days)
    expect(work?.comNotAllocated[1]?.days).toBe(lists.upcoming.find((i) => i.prisonerId === soon)?.days)
    await must(svc.call('omu:handover.saveDetails', { prisonerId: soon, expectedVersion: null, comName: 'Casey Com' }))
    const after = (await must(svc.call('omu:home.get'))).allocation
    expect(after?.comNotAllocated.map((c) => c.prisonerId)).toEqual([past])
  })
})
