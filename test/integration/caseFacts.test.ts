// Issue 17, ../shared/specs/mpc-rules.md section F ("Data the app must add"), through the real
// dispatcher on a real SQLite file and, under the PostgreSQL config, on the shared database: the
// prisoner facts the store adds (SED, LED, post-recall release date, actual parole date, probation
// resourcing), read back through the channels and imported by CSV; the resourcing decision choosing
// the checklist (spec D.2, D.3); the app's reading of spec A.3 for indeterminate sentences (a
// passed tariff is not a release: shared/engine/mpc/handoverLists.ts caseEarliestReleaseDate); and
// the handover settings of section F changing the lists (A.1's W). Today is 23/11/2026.
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import { daysBetweenIso } from '../../shared/dates'
import { earliestReleaseDate } from '../../shared/engine'
import type { PrisonerInput } from '../../shared/ipc/channels/caseload'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, readStore, servicesPerTest, TEST_PASSWORD, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const start = servicesPerTest()
const TODAY = '2026-11-23'

async function setUp(svc: ServicesHandle) {
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  return (await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))).id
}

const determinate = (n: number, conditionalReleaseDate: string) => ({
  prisonNumber: `F${1000 + n}AB`,
  firstName: 'Jo',
  lastName: `Facts${n}`,
  dateOfBirth: '1980-04-01',
  sentenceType: 'determinate' as const,
  sentenceStartDate: '2024-01-01',
  conditionalReleaseDate,
})

const onAnyList = (lists: { upcoming: { prisonerId: number }[]; inProgress: { prisonerId: number }[]; comAllocationOverdue: { prisonerId: number }[]; overdueTasks: { prisonerId: number }[] }, id: number) =>
  [lists.upcoming, lists.inProgress, lists.comAllocationOverdue, lists.overdueTasks].some((l) => l.some((i) => i.prisonerId === id))

describe('spec F prisoner facts: stored, read back, changed and audited', () => {
  it('a prisoner added with SED, LED, post-recall release date, actual parole date and a resourcing decision reads them back; a change is audited', async () => {
    const svc = await start()
    await setUp(svc)
    const input = { ...determinate(1, '2028-01-10'), sentenceExpiryDate: '2030-01-10', licenceExpiryDate: '2030-01-10', postRecallReleaseDate: '2027-06-01', actualParoleDate: null, enhancedResourcing: true }
    const created = await must(svc.call('omu:prisoners.create', input))
    expect(created).toMatchObject({ sentenceExpiryDate: '2030-01-10', licenceExpiryDate: '2030-01-10', postRecallReleaseDate: '2027-06-01', actualParoleDate: null, enhancedResourcing: true })
    const fields = { ...input, licenceExpiryDate: '2029-07-01', enhancedResourcing: null } as PrisonerInput
    await must(svc.call('omu:prisoners.update', { prisonerId: created.id, version: created.version, fields }))
    const read = await must(svc.call('omu:prisoners.get', { prisonerId: created.id }))
    expect(read.prisoner).toMatchObject({ licenceExpiryDate: '2029-07-01', enhancedResourcing: null, sentenceExpiryDate: '2030-01-10' })
    const audits = await readStore(svc, (c) => c.db.select().from(auditLog).where(and(eq(auditLog.channel, 'omu:prisoners.update'), eq(auditLog.entityId, String(created.id)))).all())
    expect(audits).toHaveLength(1)
    expect(audits[0]?.before).toContain('"licenceExpiryDate":"2030-01-10"')
    expect(audits[0]?.after).toContain('"licenceExpiryDate":"2029-07-01"')
  })

  it('a release date before the sentence start is refused, naming the field', async () => {
    const svc = await start()
    await setUp(svc)
    const r = await svc.call('omu:prisoners.create', { ...determinate(2, '2028-01-10'), licenceExpiryDate: '2023-01-01' })
    expect(r.ok ? null : { code: r.error.code, field: r.error.field, message: r.error.message }).toEqual({ code: 'invalid_input', field: 'licenceExpiryDate', message: 'Licence expiry date: cannot be before the sentence start date.' })
  })
})

describe('spec D.2: the stored resourcing decision chooses the checklist', () => {
  it('a case imported by CSV as standard (enhanced_resourcing no) has the standard two-task checklist; not known gives the enhanced one', async () => {
    const svc = await start()
    const pom = await setUp(svc)
    const text = ['prison_number,first_name,last_name,date_of_birth,sentence_type,sentence_start_date,crd,sed,led,enhanced_resourcing', 'F2001AB,Jo,Standard,01/04/1980,determinate,01/01/2024,01/12/2027,01/06/2029,01/06/2029,no'].join('\n')
    expect(await must(svc.call('omu:caseImport.commit', { kind: 'prisoners', text }))).toMatchObject({ created: 1 })
    const row = (await must(svc.call('omu:caseload.list', { pomId: null }))).rows.find((r) => r.prisonNumber === 'F2001AB')
    const id = row?.prisonerId ?? 0
    await must(svc.call('omu:allocations.allocate', { prisonerId: id, staffId: pom, startDate: '2026-09-10' }))
    // hasCaseInformation (D.2): probation details recorded.
    await must(svc.call('omu:handover.saveDetails', { prisonerId: id, expectedVersion: null, ldu: 'Testshire North' }))
    const standard = await must(svc.call('omu:handover.get', { prisonerId: id }))
    expect(standard.comResponsibleDate).not.toBeNull()
    expect(standard.checklist.handoverType).toBe('standard')
    expect(standard.checklist.tasks.map((t) => t.task)).toEqual(['contactedCom', 'sentHandoverReport'])

    const d = await must(svc.call('omu:prisoners.get', { prisonerId: id }))
    expect(d.prisoner).toMatchObject({ sentenceExpiryDate: '2029-06-01', licenceExpiryDate: '2029-06-01', enhancedResourcing: false })
    const { id: _id, version, releasedOn: _r, ...facts } = d.prisoner
    await must(svc.call('omu:prisoners.update', { prisonerId: id, version, fields: { ...facts, enhancedResourcing: null } as PrisonerInput }))
    const unknown = await must(svc.call('omu:handover.get', { prisonerId: id }))
    expect(unknown.checklist.handoverType).toBe('enhanced')
    expect(unknown.checklist.tasks.map((t) => t.task)).toEqual(['reviewedOasys', 'contactedCom', 'attendedHandoverMeeting'])
  })
})

describe('spec A.3, app reading for indeterminate sentences: a passed tariff is not a release', () => {
  it('an ISP past tariff with its next hearing set by a parole review stays on a handover list, and the prisoner page shows that hearing', async () => {
    const svc = await start()
    const pom = await setUp(svc)
    const isp = await must(
      svc.call('omu:prisoners.create', { prisonNumber: 'F3001AB', firstName: 'Lou', lastName: 'Lifer', dateOfBirth: '1970-01-01', sentenceType: 'indeterminate', sentenceStartDate: '2012-01-01', tariffDate: '2025-06-01', mappaLevel: 1 }),
    )
    await must(svc.call('omu:allocations.allocate', { prisonerId: isp.id, staffId: pom, startDate: '2026-09-10' }))
    await must(svc.call('omu:handover.saveDetails', { prisonerId: isp.id, expectedVersion: null, comName: 'Casey Com', ldu: 'Testshire North' }))
    await must(svc.call('omu:parole.add', { prisonerId: isp.id, hearingDate: '2026-06-01', outcome: 'refused', outcomeDate: '2026-06-10', nextHearingDate: '2027-05-01' }))

    const d = await must(svc.call('omu:prisoners.get', { prisonerId: isp.id }))
    expect(d.hearingUsed).toEqual({ date: '2027-05-01', fromParoleReviews: true })
    expect(d.prisoner.targetHearingDate).toBeNull()
    expect(d.evaluation?.handover.comResponsibleDate).not.toBeNull()
    // Not vacuous: read as spec A.3 alone (TED the only known date, passed), the case would count as released.
    const plain = earliestReleaseDate(TODAY, { first: [d.prisoner.tariffDate] })
    expect(plain !== null && plain <= TODAY).toBe(true)

    const lists = await must(svc.call('omu:handover.lists', { mine: false }))
    expect(onAnyList(lists, isp.id)).toBe(true)
  })
})

describe('spec F settings: upcomingWindowDays (A.1 W), stored as an establishment setting and audited', () => {
  it('widening the window puts a case on the upcoming list; narrowing it takes the case off', async () => {
    const svc = await start()
    const pom = await setUp(svc)
    const id = (await must(svc.call('omu:prisoners.create', determinate(4, '2028-03-01')))).id
    await must(svc.call('omu:allocations.allocate', { prisonerId: id, staffId: pom, startDate: '2026-09-10' }))
    const h = await must(svc.call('omu:handover.get', { prisonerId: id }))
    const startOn = h.comAllocatedDate ?? h.comResponsibleDate
    expect(h.responsibility).toBe('pom')
    if (startOn === null) throw new Error('the case has no handover start')
    // The window that just reaches today (S − W = today), and one day short of it.
    const reach = daysBetweenIso(TODAY, startOn)
    expect(reach).toBeGreaterThan(56)
    expect(reach).toBeLessThanOrEqual(365)
    const upcoming = async () => (await must(svc.call('omu:handover.lists', { mine: false }))).upcoming.some((i) => i.prisonerId === id)
    expect(await upcoming()).toBe(false)

    const saved = await must(svc.call('omu:settings.update', { upcomingWindowDays: reach, password: TEST_PASSWORD }))
    expect(saved.upcomingWindowDays).toBe(reach)
    expect(await upcoming()).toBe(true)
    await must(svc.call('omu:settings.update', { upcomingWindowDays: reach - 1, password: TEST_PASSWORD }))
    expect(await upcoming()).toBe(false)

    const audits = await readStore(svc, (c) => c.db.select().from(auditLog).where(eq(auditLog.channel, 'omu:settings.update')).all())
    expect(audits.map((a) => JSON.parse(a.after ?? '{}').upcomingWindowDays)).toEqual([reach, reach - 1])
  })

  it('the simplified checklist setting and its cut-off date are stored, and a bad value is refused in words', async () => {
    const svc = await start()
    await setUp(svc)
    const saved = await must(svc.call('omu:settings.update', { simplifiedEnhancedHandover: true, simplifiedHandoverCutoffDate: '2026-12-01', password: TEST_PASSWORD }))
    expect(saved).toMatchObject({ simplifiedEnhancedHandover: true, simplifiedHandoverCutoffDate: '2026-12-01' })
    expect(await must(svc.call('omu:settings.get'))).toMatchObject({ simplifiedEnhancedHandover: true, simplifiedHandoverCutoffDate: '2026-12-01' })
    const bad = await svc.call('omu:settings.update', { upcomingWindowDays: 0, password: TEST_PASSWORD })
    expect(bad.ok ? null : bad.error.message).toMatch(/at least 1 day/)
  })
})
