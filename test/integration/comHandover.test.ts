// Handover to the COM (issue 17) through the real dispatcher on a real SQLite file and, under
// `npm run test:pg`, on the shared PostgreSQL database: COM details saved and audited, the
// handover lists of ../shared/specs/mpc-rules.md section A, the checklist of section D, and
// "notify the community" 45 days before the handover date (seed 003 Annex B). Today is 23/11/2026.
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, readStore, servicesPerTest, TEST_PASSWORD, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const start = servicesPerTest()

const prisoner = (n: number, conditionalReleaseDate: string) => ({
  prisonNumber: `H${1000 + n}AB`,
  firstName: 'Jo',
  lastName: `Case${n}`,
  dateOfBirth: '1990-04-01',
  sentenceType: 'determinate',
  sentenceStartDate: '2024-01-01',
  conditionalReleaseDate,
})

/**
 * Two cases allocated to one POM (linked to a POM user), one to another POM:
 * - upcoming: CRD 01/09/2027, the handover starts within the next 8 weeks under either policy;
 * - past: CRD 01/03/2027, the COM has been responsible for more than 2 days;
 * - other: as past, allocated to another POM.
 */
async function setUp(svc: ServicesHandle) {
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  const pom = await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
  const other = await must(svc.call('omu:staff.save', { name: 'Oli Other', role: 'prison_pom' }))
  const upcoming = (await must(svc.call('omu:prisoners.create', prisoner(1, '2027-09-01')))).id
  const past = (await must(svc.call('omu:prisoners.create', prisoner(2, '2027-03-01')))).id
  const theirs = (await must(svc.call('omu:prisoners.create', prisoner(3, '2027-03-01')))).id
  for (const [p, s] of [[upcoming, pom.id], [past, pom.id], [theirs, other.id]] as const) await must(svc.call('omu:allocations.allocate', { prisonerId: p, staffId: s, startDate: '2026-09-10' }))
  await must(svc.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', password: TEST_PASSWORD, staffId: pom.id, yourPassword: TEST_PASSWORD }))
  return { upcoming, past, theirs }
}

const ids = (list: { prisonerId: number }[]) => list.map((i) => i.prisonerId).sort()

describe('COM details (seed 003 Annex B 3.2; issue 17)', () => {
  it('are saved, shown with the case and audited', async () => {
    const svc = await start()
    const { past } = await setUp(svc)
    const saved = await must(svc.call('omu:handover.saveDetails', { prisonerId: past, expectedVersion: null, comName: 'Casey Com', comEmail: 'casey.com@justice.gov.uk', ldu: 'Testshire North', vloName: 'Val Lo', vloLastContactOn: '2026-11-01' }))
    const view = await must(svc.call('omu:handover.get', { prisonerId: past }))
    expect(view.version).toBe(saved.version)
    expect(view.details).toMatchObject({ comName: 'Casey Com', comEmail: 'casey.com@justice.gov.uk', ldu: 'Testshire North', vloName: 'Val Lo', vloLastContactOn: '2026-11-01', comPhone: null })
    const audits = await readStore(svc, (c) => c.db.select().from(auditLog).where(and(eq(auditLog.channel, 'omu:handover.saveDetails'), eq(auditLog.entityId, String(past)))).all())
    expect(audits).toHaveLength(1)
    expect(audits[0]?.after).toContain('Casey Com')
  })

  it('refuse a save made from an out-of-date copy', async () => {
    const svc = await start()
    const { past } = await setUp(svc)
    await must(svc.call('omu:handover.saveDetails', { prisonerId: past, expectedVersion: null, comName: 'Casey Com' }))
    const stale = await svc.call('omu:handover.saveDetails', { prisonerId: past, expectedVersion: null, comName: 'Other Com' })
    expect(stale.ok ? 'ok' : stale.error.code).toBe('conflict')
  })

  it('a POM may change them on their own cases only', async () => {
    const svc = await start()
    const { past, theirs } = await setUp(svc)
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    await must(svc.call('omu:handover.saveDetails', { prisonerId: past, expectedVersion: null, comName: 'Casey Com' }))
    const refused = await svc.call('omu:handover.saveDetails', { prisonerId: theirs, expectedVersion: null, comName: 'Casey Com' })
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden')
  })
})

describe('handover lists (../shared/specs/mpc-rules.md section A)', () => {
  it('A2/A3: an upcoming case moves to in progress once a COM is recorded', async () => {
    const svc = await start()
    const { upcoming } = await setUp(svc)
    const before = await must(svc.call('omu:handover.lists', {}))
    expect(ids(before.upcoming)).toContain(upcoming)
    expect(ids(before.inProgress)).not.toContain(upcoming)
    expect(before.upcoming.find((i) => i.prisonerId === upcoming)?.daysKind).toBe('left')
    await must(svc.call('omu:handover.saveDetails', { prisonerId: upcoming, expectedVersion: null, comEmail: 'casey.com@justice.gov.uk' }))
    const after = await must(svc.call('omu:handover.lists', {}))
    expect(ids(after.upcoming)).not.toContain(upcoming)
    expect(ids(after.inProgress)).toContain(upcoming)
  })

  it('A4/A5/A6: past the handover with no COM: COM allocation overdue with its days, and overdue tasks', async () => {
    const svc = await start()
    const { past } = await setUp(svc)
    const h = await must(svc.call('omu:handover.get', { prisonerId: past }))
    expect(h.responsibility).toBe('com')
    const lists = await must(svc.call('omu:handover.lists', {}))
    const overdue = lists.comAllocationOverdue.find((i) => i.prisonerId === past)
    expect(overdue?.daysKind).toBe('overdue')
    expect(overdue?.days).toBe(h.lists.comAllocationDaysOverdue)
    expect(h.lists.comAllocationDaysOverdue).toBeGreaterThanOrEqual(2)
    expect(ids(lists.overdueTasks)).toContain(past)
    await must(svc.call('omu:handover.saveDetails', { prisonerId: past, expectedVersion: null, comName: 'Casey Com' }))
    const recorded = await must(svc.call('omu:handover.lists', {}))
    expect(ids(recorded.comAllocationOverdue)).not.toContain(past)
    expect(ids(recorded.overdueTasks)).toContain(past)
  })

  it('a POM sees only their own cases on the lists', async () => {
    const svc = await start()
    const { past, theirs } = await setUp(svc)
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    const lists = await must(svc.call('omu:handover.lists', {}))
    expect(ids(lists.comAllocationOverdue)).toContain(past)
    expect(ids(lists.comAllocationOverdue)).not.toContain(theirs)
  })
})

describe('handover checklist (../shared/specs/mpc-rules.md section D)', () => {
  it('D.4: the case’s POM ticks a task, recorded with who and when; a complete checklist leaves overdue tasks', async () => {
    const svc = await start()
    const { past } = await setUp(svc)
    await must(svc.call('omu:handover.saveDetails', { prisonerId: past, expectedVersion: null, comName: 'Casey Com' }))
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    const open = await must(svc.call('omu:handover.get', { prisonerId: past }))
    expect(open.checklist.editable).toBe(true)
    for (const t of open.checklist.tasks) await must(svc.call('omu:handover.tickTask', { prisonerId: past, task: t.task, done: true }))
    const done = await must(svc.call('omu:handover.get', { prisonerId: past }))
    expect(done.checklist).toMatchObject({ complete: true, completeCount: open.checklist.total })
    expect(done.checklist.tasks.every((t) => t.doneBy === 'Pat Pom' && t.doneAt === '2026-11-23T10:00:00.000Z')).toBe(true)
    const lists = await must(svc.call('omu:handover.lists', {}))
    expect(ids(lists.overdueTasks)).not.toContain(past)
  })

  it('D.4: another POM cannot tick a case that is not theirs', async () => {
    const svc = await start()
    const { theirs } = await setUp(svc)
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    const refused = await svc.call('omu:handover.tickTask', { prisonerId: theirs, task: 'contactedCom', done: true })
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden')
  })
})

describe('notify the community (seed 003 Annex B: 45 days before the handover date)', () => {
  it('a case past 45 days before its handover is on the "to notify" list until the drafted email is opened and recorded', async () => {
    const svc = await start()
    const { past } = await setUp(svc)
    const refused = await svc.call('omu:handover.notifyCommunity', { prisonerId: past })
    expect(refused.ok ? '' : refused.error.message).toMatch(/email/)
    await must(svc.call('omu:handover.saveDetails', { prisonerId: past, expectedVersion: null, lduEmail: 'north.ldu@justice.gov.uk' }))
    expect(ids((await must(svc.call('omu:handover.lists', {}))).toNotify)).toContain(past)
    const sent = await must(svc.call('omu:handover.notifyCommunity', { prisonerId: past }))
    expect(sent.mailto.startsWith('mailto:north.ldu@justice.gov.uk?subject=')).toBe(true)
    expect(decodeURIComponent(sent.mailto)).toContain('H1002AB')
    const opened = (svc.runtime.config.host as { opened?: string[] }).opened
    expect(opened).toEqual([sent.mailto])
    const view = await must(svc.call('omu:handover.get', { prisonerId: past }))
    expect(view.notify).toMatchObject({ notifiedAt: '2026-11-23T10:00:00.000Z', notifiedBy: 'First Homs', due: false })
    expect(ids((await must(svc.call('omu:handover.lists', {}))).toNotify)).not.toContain(past)
  })
})
