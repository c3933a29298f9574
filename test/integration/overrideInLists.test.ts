// Issue 17, "Responsibility override": a HOMD's override is "shown on the case and in every list
// and export; the engine's own answer stays visible beside it". Through the real dispatcher on a
// real SQLite file and, under `npm run test:pg`, the shared PostgreSQL database: the due list, the
// handover lists, the parole cases list, the allocation waiting list, the home screens and the
// readiness export carry the override beside the engine's
// answer, and no list changes its membership for it (../shared/specs/mpc-rules.md A.1: "overrides
// play no part"). Today is 23/11/2026.
import { describe, expect, it } from 'vitest'
import { responsibilityText } from '../../shared/export/responsibility'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, servicesPerTest, TEST_PASSWORD, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const start = servicesPerTest({ now: new Date('2026-11-23T10:00:00Z') })

/**
 * One case allocated to Pat on 10/09/2026: its start-of-custody minimum is due by 03/12/2026 (seed
 * 003 Annex B: 12 weeks), so it is on the due list and Pat's home; CRD 01/09/2027, so its handover
 * starts within 8 weeks with no COM recorded (spec A2: upcoming), and the rules say the POM is
 * responsible today. A HOMD overrides that to the COM until 31/01/2027.
 */
async function setUp(svc: ServicesHandle) {
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  const pom = await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
  const p = await must(
    svc.call('omu:prisoners.create', { prisonNumber: 'H1001AB', firstName: 'Jo', lastName: 'Case', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2024-01-01', conditionalReleaseDate: '2027-09-01' }),
  )
  await must(svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, startDate: '2026-09-10' }))
  await must(svc.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', password: TEST_PASSWORD, staffId: pom.id, yourPassword: TEST_PASSWORD }))
  return { prisonerId: p.id }
}

/** Which cases are on which handover list (the Due screen's, omu:handover.lists). */
const membership = (l: { upcoming: { prisonerId: number }[]; inProgress: { prisonerId: number }[]; comAllocationOverdue: { prisonerId: number }[]; overdueTasks: { prisonerId: number }[]; toNotify: { prisonerId: number }[] }) => ({
  upcoming: l.upcoming.map((i) => i.prisonerId),
  inProgress: l.inProgress.map((i) => i.prisonerId),
  comAllocationOverdue: l.comAllocationOverdue.map((i) => i.prisonerId),
  overdueTasks: l.overdueTasks.map((i) => i.prisonerId),
  toNotify: l.toNotify.map((i) => i.prisonerId),
})

const OVERRIDE = { responsibility: 'com', reason: 'Agreed with the PDU head.', endDate: '2027-01-31' } as const
const NOTE = { ...OVERRIDE, engine: 'pom' } as const

describe('a responsibility override in every list (issue 17)', () => {
  it('the due list, the handover lists and the HOMD’s home carry it beside the engine’s answer, on the same lists as before', async () => {
    const svc = await start()
    const { prisonerId } = await setUp(svc)
    const dueBefore = await must(svc.call('omu:due.overview'))
    const listsBefore = await must(svc.call('omu:handover.lists', { mine: false }))
    expect(dueBefore.items.find((i) => i.prisonerId === prisonerId)?.override ?? null).toBeNull()
    expect(listsBefore.upcoming.map((i) => [i.prisonerId, i.override ?? null])).toEqual([[prisonerId, null]])

    await must(svc.call('omu:caseWork.setOverride', { prisonerId, ...OVERRIDE }))

    const due = await must(svc.call('omu:due.overview'))
    const item = due.items.find((i) => i.prisonerId === prisonerId)
    expect(item).toMatchObject({ rule: 'start_of_custody', dueBy: '2026-12-03', override: NOTE })
    expect(responsibilityText(item!.override!.engine, item!.override)).toBe('COM (override until 31/01/2027; rules say POM)')
    // Membership stays the engine's: the same minima, and the same handover lists as the Due screen shows them (spec A.1).
    expect(due.items.map((i) => [i.prisonerId, i.rule])).toEqual(dueBefore.items.map((i) => [i.prisonerId, i.rule]))
    const lists = await must(svc.call('omu:handover.lists', { mine: false }))
    expect(membership(lists)).toEqual(membership(listsBefore))
    expect(lists.upcoming).toMatchObject([{ prisonerId, override: NOTE }])
    expect(lists.inProgress.concat(lists.comAllocationOverdue, lists.overdueTasks).map((i) => i.prisonerId)).not.toContain(prisonerId)

    const home = await must(svc.call('omu:home.get'))
    expect(home.allocation?.comNotAllocated).toMatchObject([{ prisonerId, list: 'upcoming', override: NOTE }])
  })

  it('the POM’s home shows it on their case, and it leaves every list when the HOMD ends it', async () => {
    const svc = await start()
    const { prisonerId } = await setUp(svc)
    await must(svc.call('omu:caseWork.setOverride', { prisonerId, ...OVERRIDE }))
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    const mine = await must(svc.call('omu:home.get'))
    // Every open minimum of the case (start of custody, and pre-handover as its handover nears) carries it.
    expect(mine.myWork?.cases.length).toBeGreaterThan(0)
    expect(mine.myWork?.cases.map((c) => [c.prisonerId, c.override])).toEqual(mine.myWork?.cases.map(() => [prisonerId, NOTE]))
    expect((await must(svc.call('omu:handover.lists', { mine: true }))).upcoming).toMatchObject([{ prisonerId, override: NOTE }])

    await must(svc.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD }))
    await must(svc.call('omu:caseWork.endOverride', { prisonerId }))
    expect((await must(svc.call('omu:due.overview'))).items.find((i) => i.prisonerId === prisonerId)?.override ?? null).toBeNull()
    expect((await must(svc.call('omu:handover.lists', { mine: false }))).upcoming.map((i) => i.override ?? null)).toEqual([null])
  })
})

describe('a responsibility override in the parole cases list and the allocation waiting list (issue 17)', () => {
  it('each carries it beside the engine’s answer, which stays', async () => {
    const svc = await start()
    await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
    // An unallocated ISP with a target hearing date: a parole case, waiting for a POM.
    const p = await must(
      svc.call('omu:prisoners.create', { prisonNumber: 'L1002AB', firstName: 'Lee', lastName: 'Lifer', dateOfBirth: '1980-02-01', sentenceType: 'indeterminate', sentenceStartDate: '2016-03-01', tariffDate: '2029-03-01', targetHearingDate: '2029-01-10' }),
    )
    const paroleBefore = (await must(svc.call('omu:parole.cases'))).cases.find((c) => c.prisonerId === p.id)
    const waitingBefore = (await must(svc.call('omu:allocations.overview'))).unallocated.find((c) => c.prisonerId === p.id)
    expect(paroleBefore?.override).toBeNull()
    expect(waitingBefore?.override).toBeNull()
    const engine = paroleBefore!.responsibility
    const other = engine === 'com' ? 'pom' : 'com'
    await must(svc.call('omu:caseWork.setOverride', { prisonerId: p.id, responsibility: other, reason: 'Agreed with the PDU head.', endDate: '2027-01-31' }))
    const note = { responsibility: other, reason: 'Agreed with the PDU head.', endDate: '2027-01-31', engine }
    expect((await must(svc.call('omu:parole.cases'))).cases.find((c) => c.prisonerId === p.id)).toMatchObject({ responsibility: engine, override: note })
    expect((await must(svc.call('omu:allocations.overview'))).unallocated.find((c) => c.prisonerId === p.id)).toMatchObject({ responsibility: waitingBefore!.responsibility, override: note })
  })
})

describe('a responsibility override in the readiness export (issue 17)', () => {
  it('is counted beside the rules’ own counts, which it does not change', async () => {
    const svc = await start()
    const { prisonerId } = await setUp(svc)
    const versionId = (await must(svc.call('omu:rrmp.start'))).id
    const before = await must(svc.call('omu:readiness.document', { versionId }))
    expect(before.caseload.overrides).toEqual({ pom: 0, com: 0 })
    await must(svc.call('omu:caseWork.setOverride', { prisonerId, ...OVERRIDE }))
    const after = await must(svc.call('omu:readiness.document', { versionId }))
    expect(after.caseload.overrides).toEqual({ pom: 0, com: 1 })
    expect(after.caseload.byResponsibility).toEqual(before.caseload.byResponsibility)
    expect(after.caseload.pomResponsible).toBe(before.caseload.pomResponsible)
  })
})
