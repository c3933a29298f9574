// The RRMP priority cohort "Prisoners in the handover period" (seed 002) read as the upcoming and
// in-progress handover lists (../shared/specs/mpc-rules.md A.1; issue 17, "Policy readings to put
// right": it "must not be empty under omic2023"), through the real dispatcher on a real SQLite file
// and, under `npm run test:pg`, on the shared PostgreSQL database. Today is 23/11/2026.
import { describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, servicesPerTest, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const start = servicesPerTest()

/** Under omic2023 (one handover date): a case past its handover, one near it, one far from it. */
async function setUp(svc: ServicesHandle) {
  await must(svc.call('omu:establishment.setup', { ...HMP_TESTSHIRE, policy: 'omic2023' }))
  const pom = await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
  const ids: Record<string, number> = {}
  for (const [i, [name, crd]] of ([['Past', '2027-03-01'], ['Near', '2027-09-01'], ['Far', '2029-03-01']] as const).entries()) {
    const p = await must(svc.call('omu:prisoners.create', { prisonNumber: `K${1000 + i}AB`, firstName: 'Jo', lastName: name, dateOfBirth: '1980-04-01', sentenceType: 'determinate', sentenceStartDate: '2024-01-01', conditionalReleaseDate: crd }))
    await must(svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, startDate: '2026-09-10' }))
    ids[name] = p.id
  }
  return ids
}

const inCohort = async (svc: ServicesHandle, prisonerId: number) => (await must(svc.call('omu:prisoners.get', { prisonerId }))).cohorts.some((c) => c.id === 'handover_period')

describe('"Prisoners in the handover period" under omic2023 (seed 002; spec A.1)', () => {
  it('holds exactly the cases on the upcoming or in-progress handover lists, and is not empty', async () => {
    const svc = await start()
    const ids = await setUp(svc)
    const past = await must(svc.call('omu:prisoners.get', { prisonerId: ids.Past as number }))
    // omic2023 has one handover date: the earlier reading (COM allocated <= today < COM responsible) was always empty.
    expect(past.evaluation?.handover.comAllocatedDate).toBe(past.evaluation?.handover.comResponsibleDate)
    expect(past.evaluation?.responsibility).toBe('com')
    const lists = await must(svc.call('omu:handover.lists', {}))
    const onLists = new Set([...lists.upcoming, ...lists.inProgress].map((i) => i.prisonerId))
    expect(onLists.size).toBeGreaterThan(0)
    for (const [name, id] of Object.entries(ids)) expect(await inCohort(svc, id), name).toBe(onLists.has(id))
    expect(await inCohort(svc, ids.Past as number)).toBe(true)
    expect(await inCohort(svc, ids.Far as number)).toBe(false)
  })

  it('the caseload rows carry the same cohort', async () => {
    const svc = await start()
    const ids = await setUp(svc)
    const list = await must(svc.call('omu:caseload.list', { pomId: null }))
    const cohort = list.rows.filter((r) => r.cohorts.includes('handover_period')).map((r) => r.prisonerId)
    expect(cohort).toContain(ids.Past)
    expect(cohort).not.toContain(ids.Far)
  })
})
