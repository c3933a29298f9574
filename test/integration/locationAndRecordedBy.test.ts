// Issue 16, "Screens": the prisoner page header's location and security category (kept through the
// form and the CSV import), the record history naming people rather than logins, and the sign-off
// route's "recorded by" when a Governor records a board's decision on its behalf. Through the real
// dispatcher on a real SQLite file and, under `npm run test:pg`, on the shared PostgreSQL database
// (where only the HOMS may read every user profile: migration-pg 0014's omu_user_display_names).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, startTestServices, TEST_PRISONER, type ServicesHandle } from './helpers'
import { decide, readyPlan, setUpEstablishment, signInAs, submit } from './rrmpFixtures'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

let svc: ServicesHandle
beforeEach(async () => {
  svc = await startTestServices()
})
afterEach(() => svc.cleanup())

describe('location and security category (issue 16, prisoner page header)', () => {
  beforeEach(async () => {
    await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  })

  it('are saved by the prisoner form and read back on the prisoner page', async () => {
    const created = await must(svc.call('omu:prisoners.create', { ...TEST_PRISONER, location: ' B-2-014 ', securityCategory: 'C' }))
    const detail = await must(svc.call('omu:prisoners.get', { prisonerId: created.id }))
    expect(detail.prisoner).toMatchObject({ location: 'B-2-014', securityCategory: 'C' })
    const moved = await must(svc.call('omu:prisoners.update', { prisonerId: created.id, version: created.version, fields: { ...TEST_PRISONER, location: 'D-1-002', securityCategory: 'D' } }))
    expect(moved).toMatchObject({ location: 'D-1-002', securityCategory: 'D' })
  })

  it('a blank location is stored as none, and a category outside the England and Wales list is refused in words', async () => {
    const created = await must(svc.call('omu:prisoners.create', { ...TEST_PRISONER, location: '', securityCategory: null }))
    expect(created).toMatchObject({ location: null, securityCategory: null })
    const wrong = await svc.call('omu:prisoners.create', { ...TEST_PRISONER, prisonNumber: 'A9999ZZ', securityCategory: 'E' })
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.error.message).toContain('Choose the security category')
  })

  it('a CSV import sets them from its optional columns, and a file without those columns keeps what is recorded', async () => {
    const { id } = await must(svc.call('omu:prisoners.create', TEST_PRISONER))
    const withColumns = 'prison_number,first_name,last_name,date_of_birth,sentence_type,sentence_start_date,location,category\nA1234BC,Alex,Testwell,01/04/1990,determinate,01/09/2026,B-2-014,yoi_closed\n'
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'prisoners', text: withColumns }))
    expect(preview.updates).toEqual([{ row: 2, prisonNumber: 'A1234BC', changes: [{ field: 'location', from: '(blank)', to: 'B-2-014' }, { field: 'category', from: '(blank)', to: 'yoi_closed' }] }])
    await must(svc.call('omu:caseImport.commit', { kind: 'prisoners', text: withColumns, applyUpdates: true }))
    expect((await must(svc.call('omu:prisoners.get', { prisonerId: id }))).prisoner).toMatchObject({ location: 'B-2-014', securityCategory: 'yoi_closed' })

    const withoutColumns = 'prison_number,first_name,last_name,date_of_birth,sentence_type,sentence_start_date,tier\nA1234BC,Alex,Testwell,01/04/1990,determinate,01/09/2026,B2\n'
    const second = await must(svc.call('omu:caseImport.preview', { kind: 'prisoners', text: withoutColumns }))
    expect(second.columnsNotInFile).toEqual(expect.arrayContaining(['location', 'category']))
    await must(svc.call('omu:caseImport.commit', { kind: 'prisoners', text: withoutColumns, applyUpdates: true }))
    expect((await must(svc.call('omu:prisoners.get', { prisonerId: id }))).prisoner).toMatchObject({ location: 'B-2-014', securityCategory: 'yoi_closed', tier: 'B2' })
  })
})

describe('record history names people (issue 16)', () => {
  it('shows the display name of whoever changed the record, read by a role that may not read other profiles', async () => {
    await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
    const created = await must(svc.call('omu:prisoners.create', TEST_PRISONER))
    // A read-only reviewer: on the shared database they may read their own profile only.
    await signInAs(svc, 'read_only')
    const history = await must(svc.call('omu:audit.history', { entity: 'prisoner', entityId: String(created.id) }))
    expect(history.length).toBeGreaterThan(0)
    expect(history[0]).toMatchObject({ username: 'first.homs', displayName: 'First Homs' })
  })
})

describe('sign-off route: recorded by (issue 16, Governor’s decision form)', () => {
  it('keeps the signed-in user who recorded each step apart from the person whose decision it is', async () => {
    await setUpEstablishment(svc)
    const view = await readyPlan(svc)
    await must(submit(svc, view))
    await must(decide(svc, { versionId: view.version.id, stage: 'governor', decision: 'approved' }))
    await must(decide(svc, { versionId: view.version.id, stage: 'pgd', decision: 'approved', by: 'Jo Reid' }))
    const after = await must(svc.call('omu:rrmp.plan', { versionId: view.version.id }))
    expect(after?.signOff.steps.map((s) => [s.stage, s.by, s.recordedBy])).toEqual([
      ['submit', 'First Homs', 'First Homs'],
      ['governor', 'Test governor', 'Test governor'],
      ['pgd', 'Jo Reid', 'Test governor'],
    ])
  })
})
