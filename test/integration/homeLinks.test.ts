// Issue 16 ("POM: 'My work' — counts that link to filtered lists ... Nothing of other POMs unless
// asked") and issue 17 ("Handover lists (Due screen and home screens)", ../shared/specs/mpc-rules.md
// A.1): every count on a home screen is the length of the list it opens, through the real
// channels, on a real SQLite file (and on PostgreSQL under vitest.pg.config.ts). A POM's count opens
// due.overview({ mine: true }) (minima worklists, records entered late this month) or
// handover.lists({ mine: true }); a HOMD's opens the establishment's lists. Today is 23/11/2026
// (helpers.ts); start of custody is due 84 days after allocation (seed 003 Annex B).
import { afterEach, describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import { MINIMUM_WORKLISTS } from '../../shared/ipc/channels/allocation'
import type { HandoverCounts } from '../../shared/ipc/channels/home'
import { HMP_TESTSHIRE, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'
import { decide, readyPlan, submit } from './rrmpFixtures'

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

const HANDOVER_LISTS = ['upcoming', 'inProgress', 'comAllocationOverdue', 'overdueTasks', 'toNotify'] as const satisfies readonly (keyof HandoverCounts)[]

let n = 0
const prisoner = (lastName: string, over: Record<string, unknown> = {}) => ({
  prisonNumber: `A${2000 + n++}BC`,
  firstName: 'Sam',
  lastName,
  dateOfBirth: '1990-04-01',
  sentenceType: 'determinate',
  sentenceStartDate: '2026-07-01',
  conditionalReleaseDate: '2029-03-01',
  ...over,
})

/**
 * Pat Pom (a POM user) and Kit Pom, each with work on every list, so a list that is not filtered to
 * Pat's cases shows in the counts:
 * - allocated 20/08 (overdue), 03/09 (due in 3 days), 10/09 (due in 10 days), 01/08 (missed);
 * - a transfer that arrived 16/11 (first session awaited); sessions recorded today for 02/11 (late);
 * - handovers: CRD 01/09/2027 (upcoming), CRD 01/03/2027 (COM allocation overdue, tasks overdue);
 * - one of Kit's handover cases co-worked by Pat (spec A.1: "primary and co-working cases").
 */
async function establishment(s: ServicesHandle) {
  await must(s.call('omu:establishment.setup', HMP_TESTSHIRE))
  const pat = (await must(s.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))).id
  const kit = (await must(s.call('omu:staff.save', { name: 'Kit Pom', role: 'prison_pom' }))).id
  await must(s.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', staffId: pat, password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
  await must(s.call('omu:users.save', { username: 'links.homd', displayName: 'Links Homd', role: 'homd', password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
  await must(s.call('omu:users.save', { username: 'links.governor', displayName: 'Links Governor', role: 'governor', password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
  const ids: Record<string, number> = {}
  const give = async (key: string, staffId: number, startDate: string, over: Record<string, unknown> = {}) => {
    const p = await must(s.call('omu:prisoners.create', prisoner(key, over)))
    ids[key] = p.id
    await must(s.call('omu:allocations.allocate', { prisonerId: p.id, staffId, startDate }))
  }
  for (const [owner, staffId] of [['Pat', pat], ['Kit', kit]] as const) {
    await give(`${owner}Overdue`, staffId, '2026-08-20')
    await give(`${owner}Due3`, staffId, '2026-09-03')
    await give(`${owner}Due10`, staffId, '2026-09-10')
    await give(`${owner}Missed`, staffId, '2026-08-01')
    await give(`${owner}Transfer`, staffId, '2026-11-17', { arrivalDate: '2026-11-16' })
    await give(`${owner}Soon`, staffId, '2026-09-10', { sentenceStartDate: '2024-01-01', conditionalReleaseDate: '2027-09-01' })
    await give(`${owner}Past`, staffId, '2026-09-10', { sentenceStartDate: '2024-01-01', conditionalReleaseDate: '2027-03-01' })
    // Held on 02/11 and recorded today: more than one working day late (seed 003 Annex B 1.1).
    await must(s.call('omu:sessions.record', { prisonerId: ids[`${owner}Due10`] as number, date: '2026-11-02', mode: 'wing_interview_room', durationMinutes: 30, staffId }))
  }
  await give('KitCoworked', kit, '2026-09-10', { sentenceStartDate: '2024-01-01', conditionalReleaseDate: '2027-08-20' })
  await must(s.call('omu:coworking.assign', { prisonerId: ids.KitCoworked as number, staffId: pat, startDate: '2026-11-01', reason: 'Complex case' }))
  ids.Waiting = (await must(s.call('omu:prisoners.create', prisoner('Waiting', { sentenceStartDate: '2026-10-01' })))).id
  return { pat, kit, ids }
}

async function signIn(s: ServicesHandle, username: string): Promise<void> {
  await must(s.call('omu:auth.signIn', { username, password: TEST_PASSWORD }))
}

describe('issue 16: each count on the POM’s home opens exactly the cases it counts (their own)', () => {
  it('overdue, due in 7 and 28 days, transfers, late records: the count is the length of the Due screen’s list of the POM’s cases', async () => {
    svc = await startTestServices()
    const { pat, ids } = await establishment(svc)
    await signIn(svc, 'pat.pom')
    const work = (await must(svc.call('omu:home.get'))).myWork
    if (!work) throw new Error('a POM has My work')
    const due = await must(svc.call('omu:due.overview', { mine: true }))
    // Nothing of other POMs.
    expect(new Set(due.items.map((i) => i.pomId))).toEqual(new Set([pat]))
    expect(due.lateRecords.every((r) => r.pomName === 'Pat Pom')).toBe(true)
    const counted = { overdue: work.counts.overdue, due7: work.counts.due7, due28: work.counts.due28, transfers: work.counts.transfersAwaiting }
    for (const list of MINIMUM_WORKLISTS) expect(due.items.filter((i) => i.lists.includes(list)).length, list).toBe(counted[list])
    expect(due.lateRecords.length).toBe(work.counts.lateThisMonth)
    // And the lists hold the cases the set-up put there (not merely the same number).
    const on = (list: (typeof MINIMUM_WORKLISTS)[number]) => due.items.filter((i) => i.lists.includes(list)).map((i) => `${i.prisonerId} ${i.rule}`).sort()
    const at = (key: string, rule: string) => `${ids[key]} ${rule}`
    expect(on('overdue')).toEqual([at('PatOverdue', 'start_of_custody')])
    expect(on('due7')).toEqual([at('PatDue3', 'start_of_custody')])
    // Allocated 10/09: the two handover cases' start of custody falls due on 03/12 too.
    expect(on('due28')).toEqual(['PatDue3', 'PatDue10', 'PatSoon', 'PatPast'].map((k) => at(k, 'start_of_custody')).concat(at('PatTransfer', 'transfer_arrival')).sort())
    expect(on('transfers')).toEqual([at('PatTransfer', 'transfer_arrival')])
    expect(due.lateRecords).toEqual([{ prisonerId: ids.PatDue10, prisonNumber: expect.any(String), name: 'PATDUE10, Sam', pomName: 'Pat Pom', date: '2026-11-02', recordedOn: '2026-11-23' }])
    expect(due.monthStart).toBe('2026-11-01')
    // The missed minimum is on no list (issue 16: missed leaves every worklist).
    expect(due.items.some((i) => i.prisonerId === ids.PatMissed && i.rule === 'start_of_custody')).toBe(false)
  })

  it('the handover counts (spec A.1 and "to notify") are the lengths of the POM’s handover lists, co-worked cases included', async () => {
    svc = await startTestServices()
    const { ids } = await establishment(svc)
    await signIn(svc, 'pat.pom')
    const work = (await must(svc.call('omu:home.get'))).myWork
    const lists = await must(svc.call('omu:handover.lists', { mine: true }))
    for (const l of HANDOVER_LISTS) expect(work?.handovers[l], l).toBe(lists[l].length)
    expect(lists.upcoming.map((i) => i.prisonerId).sort()).toEqual([ids.PatSoon, ids.KitCoworked].sort())
    expect(lists.comAllocationOverdue.map((i) => i.prisonerId)).toEqual([ids.PatPast])
    // Recording a COM moves a case from upcoming to in progress (A2, A3); the counts follow.
    await must(svc.call('omu:handover.saveDetails', { prisonerId: ids.PatSoon as number, expectedVersion: null, comName: 'Casey Com' }))
    const after = (await must(svc.call('omu:home.get'))).myWork
    const listsAfter = await must(svc.call('omu:handover.lists', { mine: true }))
    for (const l of HANDOVER_LISTS) expect(after?.handovers[l], l).toBe(listsAfter[l].length)
    expect(listsAfter.inProgress.map((i) => i.prisonerId)).toContain(ids.PatSoon)
  })

  it('"My cases by days left" says how many there are in all', async () => {
    svc = await startTestServices()
    await establishment(svc)
    await signIn(svc, 'pat.pom')
    const work = (await must(svc.call('omu:home.get'))).myWork
    expect(work?.casesTotal).toBeGreaterThanOrEqual(work?.cases.length ?? 0)
    expect(work?.cases.length).toBe(Math.min(50, work?.casesTotal ?? 0))
  })
})

describe('issue 17: the HOMD’s home summarises the establishment’s handover lists', () => {
  it('each handover count, and overdue minima, is the length of the Due screen’s list it opens', async () => {
    svc = await startTestServices()
    await establishment(svc)
    await signIn(svc, 'links.homd')
    const work = (await must(svc.call('omu:home.get'))).allocation
    if (!work) throw new Error('a HOMD has the allocation section')
    const lists = await must(svc.call('omu:handover.lists', {}))
    for (const l of HANDOVER_LISTS) expect(work.handovers[l], l).toBe(lists[l].length)
    expect(work.handovers.upcoming).toBeGreaterThanOrEqual(3)
    const due = await must(svc.call('omu:due.overview', {}))
    expect(due.items.filter((i) => i.lists.includes('overdue')).length).toBe(work.overdueTotal)
    expect(work.overdueTotal).toBe(2)
    expect(work.unallocatedTotal).toBe(work.unallocated.length)
  })

  it('the waiting list shows a responsibility override in force beside the case', async () => {
    svc = await startTestServices()
    const { ids } = await establishment(svc)
    await must(svc.call('omu:caseWork.setOverride', { prisonerId: ids.Waiting as number, responsibility: 'com', reason: 'Agreed with the probation team', endDate: '2027-01-31' }))
    await signIn(svc, 'links.homd')
    const row = (await must(svc.call('omu:home.get'))).allocation?.unallocated.find((r) => r.prisonerId === ids.Waiting)
    expect(row?.override).toMatchObject({ responsibility: 'com', reason: 'Agreed with the probation team', endDate: '2027-01-31' })
  })
})

describe('issue 16: the Governor’s home shows any plan waiting for a decision the Governor records', () => {
  it('their own approval, then the PGD’s decision recorded on the PGD’s behalf', async () => {
    svc = await startTestServices()
    await establishment(svc)
    const v1 = await readyPlan(svc)
    expect((await submit(svc, v1)).ok).toBe(true)
    await signIn(svc, 'links.governor')
    expect((await must(svc.call('omu:home.get'))).plan).toMatchObject({ awaitingGovernor: true, nextStep: { stage: 'governor', role: 'Governor' } })
    expect((await decide(svc, { versionId: v1.version.id, stage: 'governor', decision: 'approved' })).ok).toBe(true)
    // The PGD's sign-off is recorded by a Governor on the PGD's behalf: still waiting for the Governor to record it.
    await signIn(svc, 'links.governor')
    expect((await must(svc.call('omu:home.get'))).plan).toMatchObject({ awaitingGovernor: true, nextStep: { stage: 'pgd', role: 'Prison Group Director (PGD)' } })
    // The HOMS cannot record it: nothing waits for them.
    await signIn(svc, 'first.homs')
    expect((await must(svc.call('omu:home.get'))).plan).toMatchObject({ awaitingGovernor: false, nextStep: { stage: 'pgd' } })
  })
})
