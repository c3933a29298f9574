// Handover to the COM (issue 17) through the real dispatcher on a real SQLite file and, under
// `npm run test:pg`, on the shared PostgreSQL database: COM details saved and audited, the
// handover lists of ../shared/specs/mpc-rules.md section A, the checklist of section D, and
// "notify the community" 45 days before the handover date (seed 003 Annex B). Today is 23/11/2026.
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, comHandover } from '../../db/schema'
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

  it('issue 16, "Nothing of other POMs unless asked": a POM gets their primary and co-working cases, and the whole establishment only when asked', async () => {
    const svc = await start()
    const { past, theirs } = await setUp(svc)
    const other = await must(svc.call('omu:prisoners.create', prisoner(4, '2027-03-01')))
    const staff = await must(svc.call('omu:staff.list'))
    const oli = staff.find((s) => s.name === 'Oli Other')!
    const pat = staff.find((s) => s.name === 'Pat Pom')!
    await must(svc.call('omu:allocations.allocate', { prisonerId: other.id, staffId: oli.id, startDate: '2026-09-10' }))
    // Spec A / D.4: the co-working POM does the handover work too, so the case is on their lists.
    await must(svc.call('omu:coworking.assign', { prisonerId: theirs, staffId: pat.id, reason: 'Shares the case with Oli.' }))
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    const own = [past, theirs].sort()
    expect(ids((await must(svc.call('omu:handover.lists', {}))).comAllocationOverdue)).toEqual(own)
    expect(ids((await must(svc.call('omu:handover.lists', { mine: true }))).comAllocationOverdue)).toEqual(own)
    const establishment = await must(svc.call('omu:handover.lists', { mine: false }))
    expect(ids(establishment.comAllocationOverdue)).toEqual([past, theirs, other.id].sort())
  })

  it('issue 16: other roles get the establishment’s lists, asked or by default', async () => {
    const svc = await start()
    const { past, theirs } = await setUp(svc)
    expect(ids((await must(svc.call('omu:handover.lists', {}))).comAllocationOverdue)).toEqual([past, theirs].sort())
    expect(ids((await must(svc.call('omu:handover.lists', { mine: false }))).comAllocationOverdue)).toEqual([past, theirs].sort())
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

describe('co-working POMs do the handover work too (../shared/specs/mpc-rules.md A, D.4: "primary or co-working POM")', () => {
  it('a co-working POM sees the case on their handover lists and may tick its checklist', async () => {
    const svc = await start()
    const { past, theirs } = await setUp(svc)
    const pat = (await must(svc.call('omu:staff.list'))).find((s) => s.name === 'Pat Pom')!
    await must(svc.call('omu:coworking.assign', { prisonerId: theirs, staffId: pat.id, reason: 'Shares the case with Oli.' }))
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    const lists = await must(svc.call('omu:handover.lists', {}))
    expect(ids(lists.comAllocationOverdue)).toEqual([past, theirs].sort())
    const view = await must(svc.call('omu:handover.get', { prisonerId: theirs }))
    expect(view.checklist.editable).toBe(true)
    expect(view.canEdit).toBe(true)
    // On the shared database the row policy allows it too (omu_works_on_case, PG migration 0018).
    await must(svc.call('omu:handover.tickTask', { prisonerId: theirs, task: 'contactedCom', done: true }))
    expect((await must(svc.call('omu:handover.get', { prisonerId: theirs }))).checklist.completeCount).toBe(1)
  })
})

describe('D.5 checklist reset, stored (../shared/specs/mpc-rules.md D.5)', () => {
  const recalculated = (svc: ServicesHandle, prisonerId: number) =>
    readStore(svc, (c) => c.db.select().from(auditLog).where(and(eq(auditLog.channel, 'omu:handover.recalculated'), eq(auditLog.entityId, String(prisonerId)))).all())
  const stored = (svc: ServicesHandle, prisonerId: number) => readStore(svc, (c) => c.db.select().from(comHandover).where(eq(comHandover.prisonerId, prisonerId)).get())

  it('(a) COM -> POM -> COM with no handover write in between: the ticks are cleared when the facts move it to the POM, and stay cleared; the system change is audited', async () => {
    const svc = await start()
    await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
    const pom = await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
    // CRD 01/03/2027: the handover (CRD − 8 months 14 days) has passed, the COM is responsible.
    const created = await must(svc.call('omu:prisoners.create', prisoner(2, '2027-03-01')))
    await must(svc.call('omu:allocations.allocate', { prisonerId: created.id, staffId: pom.id, startDate: '2026-09-10' }))
    await must(svc.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', password: TEST_PASSWORD, staffId: pom.id, yourPassword: TEST_PASSWORD }))
    await must(svc.call('omu:handover.saveDetails', { prisonerId: created.id, expectedVersion: null, comName: 'Casey Com' }))
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    const open = await must(svc.call('omu:handover.get', { prisonerId: created.id }))
    expect(open.responsibility).toBe('com')
    for (const t of open.checklist.tasks) await must(svc.call('omu:handover.tickTask', { prisonerId: created.id, task: t.task, done: true }))
    expect((await must(svc.call('omu:handover.get', { prisonerId: created.id }))).checklist.complete).toBe(true)

    // A later CRD (01/03/2029) puts the handover in 2028: the POM is responsible again (reset a).
    await must(svc.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD }))
    const later = await must(svc.call('omu:prisoners.update', { prisonerId: created.id, version: created.version, fields: prisoner(2, '2029-03-01') }))
    expect((await must(svc.call('omu:handover.get', { prisonerId: created.id }))).responsibility).toBe('pom')
    expect(await stored(svc, created.id)).toMatchObject({ contactedCom: false, sentHandoverReport: false, reviewedOasys: false, attendedHandoverMeeting: false, lastResponsibility: 'pom', comName: 'Casey Com' })

    // Corrected back: the COM is responsible again and the old ticks do not come back.
    await must(svc.call('omu:prisoners.update', { prisonerId: created.id, version: later.version, fields: prisoner(2, '2027-03-01') }))
    const back = await must(svc.call('omu:handover.get', { prisonerId: created.id }))
    expect(back.responsibility).toBe('com')
    expect(back.checklist).toMatchObject({ completeCount: 0, complete: false })
    expect(ids((await must(svc.call('omu:handover.lists', {}))).overdueTasks)).toContain(created.id)

    const audits = await recalculated(svc, created.id)
    expect(audits).toHaveLength(1)
    expect(JSON.parse(audits[0]!.after ?? '{}')).toMatchObject({ checklistReset: true, why: 'responsibility_back_to_pom', changedBy: 'system', inSessionOf: 'first.homs', handoverState: { responsibility: 'pom' } })
    expect(JSON.parse(audits[0]!.before ?? '{}')).toMatchObject({ handoverState: { responsibility: 'com' } })
  })

  it('a date-only change across midnight is reconciled by the first request of the day of a user who may write handover records', async () => {
    const svc = await start()
    await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
    await must(svc.call('omu:establishment.update', { policy: 'omic2023', password: TEST_PASSWORD }))
    const pom = await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
    // An ISP whose tariff is tomorrow (24/11/2026) and whose target hearing is 01/06/2028. Today the
    // release date the rules use is the tariff, so the handover was 24/11/2025 and the COM is
    // responsible; tomorrow the tariff has passed, the hearing is the release date, the handover is
    // 01/06/2027 and the POM is responsible again (handover2023.ts; reset a), with no write at all.
    const isp = await must(
      svc.call('omu:prisoners.create', { prisonNumber: 'L1000AB', firstName: 'Lee', lastName: 'Lifer', dateOfBirth: '1980-02-01', sentenceType: 'indeterminate', sentenceStartDate: '2012-03-01', tariffDate: '2026-11-24', targetHearingDate: '2028-06-01' }),
    )
    await must(svc.call('omu:allocations.allocate', { prisonerId: isp.id, staffId: pom.id, startDate: '2026-09-10' }))
    await must(svc.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', password: TEST_PASSWORD, staffId: pom.id, yourPassword: TEST_PASSWORD }))
    await must(svc.call('omu:handover.saveDetails', { prisonerId: isp.id, expectedVersion: null, comName: 'Casey Com' }))
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    const today = await must(svc.call('omu:handover.get', { prisonerId: isp.id }))
    expect(today.responsibility).toBe('com')
    for (const t of today.checklist.tasks) await must(svc.call('omu:handover.tickTask', { prisonerId: isp.id, task: t.task, done: true }))
    expect(await stored(svc, isp.id)).toMatchObject({ contactedCom: true, lastResponsibility: 'com' })

    // The next morning (the app locked overnight): Pat signs in; their first request reconciles their cases.
    svc.runtime.config.clock = () => new Date('2026-11-24T09:00:00Z')
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    expect(await stored(svc, isp.id)).toMatchObject({ contactedCom: true })
    const next = await must(svc.call('omu:home.get'))
    expect(next.today).toBe('2026-11-24')
    expect(await stored(svc, isp.id)).toMatchObject({ contactedCom: false, sentHandoverReport: false, lastResponsibility: 'pom', lastComResponsibleDate: '2027-06-01', comName: 'Casey Com' })
    const audits = await recalculated(svc, isp.id)
    expect(audits).toHaveLength(1)
    expect(audits[0]?.username).toBe('pat.pom')
    expect(JSON.parse(audits[0]!.after ?? '{}')).toMatchObject({ checklistReset: true, changedBy: 'system', inSessionOf: 'pat.pom' })
    expect((await must(svc.call('omu:handover.get', { prisonerId: isp.id }))).checklist.completeCount).toBe(0)
  })
})
