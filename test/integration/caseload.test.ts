import { usePostgres } from '../pg/workers'
import { afterEach, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { auditLog } from '../../db/schema'
import { HMP_TESTSHIRE, readStore, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'

let svc: ServicesHandle
afterEach(() => svc?.cleanup())

const TODAY = new Date('2026-11-23T10:00:00Z')
const PRISONER = {
  prisonNumber: 'a1234bc',
  firstName: 'Alex',
  lastName: 'Testwell',
  dateOfBirth: '1990-04-01',
  sentenceType: 'determinate',
  sentenceStartDate: '2026-09-01',
  conditionalReleaseDate: '2029-03-01',
  mappaLevel: 1,
  tier: 'b2',
}

/**
 * PRISONER is tier B2, for which a probation POM is recommended (../shared/specs/mpc-rules.md B1);
 * Pat is a prison POM, so allocating to Pat needs the reason B4 requires (issue 17).
 */
const PAT_FOR_TIER_B = { pomTypeReason: 'Pat has worked with Alex before.' } as const

async function setUp(): Promise<{ pom: number; pom2: number; prisonerId: number }> {
  svc = await startTestServices({ now: TODAY })
  await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
  const a = await svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' })
  const b = await svc.call('omu:staff.save', { name: 'Kit Pom', role: 'probation_pom', hoursPerWeek: 22.5 })
  const p = await svc.call('omu:prisoners.create', PRISONER)
  if (!a.ok || !b.ok || !p.ok) throw new Error('set-up failed')
  return { pom: a.data.id, pom2: b.data.id, prisonerId: p.data.id }
}

describe('prisoners (issue 5)', () => {
  it('a new prisoner is stored with the NOMIS number and tier normalised to upper case', async () => {
    const { prisonerId } = await setUp()
    const r = await svc.call('omu:prisoners.get', { prisonerId })
    expect(r.ok && r.data.prisoner).toMatchObject({ prisonNumber: 'A1234BC', tier: 'B2', version: 1 })
  })

  it.each([
    [{ prisonNumber: '1234ABC' }, 'prisonNumber', 'NOMIS format'],
    [{ firstName: '' }, 'firstName', 'Enter the first name'],
    [{ lastName: '=cmd|calc' }, 'lastName', 'must not start with'],
    [{ dateOfBirth: '1990-02-30' }, 'dateOfBirth', 'real date'],
    [{ sentenceType: 'life' }, 'sentenceType', 'determinate or indeterminate'],
    [{ mappaLevel: 4 }, 'mappaLevel', 'MAPPA level'],
    [{ tier: 'Z9' }, 'tier', 'tier'],
    [{ conditionalReleaseDate: '2026-08-01' }, 'conditionalReleaseDate', 'before the sentence start'],
    [{ sentenceStartDate: '2027-01-01' }, 'sentenceStartDate', 'future'],
    [{ dateOfBirth: '2026-10-01' }, 'dateOfBirth', 'before the sentence start'],
  ])('an invalid prisoner is refused naming the field: %j', async (patch, field, text) => {
    await setUp()
    const r = await svc.call('omu:prisoners.create', { ...PRISONER, prisonNumber: 'B1234CD', ...patch })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.field).toBe(field)
    expect(r.error.message).toContain(text)
  })

  it('a duplicate prison number is refused', async () => {
    await setUp()
    expect(await svc.call('omu:prisoners.create', PRISONER)).toMatchObject({ ok: false, error: { code: 'conflict', field: 'prisonNumber' } })
  })

  it('an update naming a stale version is refused as a conflict, not overwritten', async () => {
    const { prisonerId } = await setUp()
    const fields = { ...PRISONER, tier: 'C1' }
    expect(await svc.call('omu:prisoners.update', { prisonerId, version: 1, fields })).toMatchObject({ ok: true, data: { tier: 'C1', version: 2 } })
    const stale = await svc.call('omu:prisoners.update', { prisonerId, version: 1, fields: { ...PRISONER, tier: 'D1' } })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const now = await svc.call('omu:prisoners.get', { prisonerId })
    expect(now.ok && now.data.prisoner.tier).toBe('C1')
  })
})

describe('allocation and sessions drive the minima (seed 003 Annex B)', () => {
  it('start_of_custody: three in-person sessions after allocation turn the minimum met, and the caseload shows it', async () => {
    const { pom, prisonerId } = await setUp()
    expect(await svc.call('omu:allocations.allocate', { prisonerId, staffId: pom, startDate: '2026-09-10', ...PAT_FOR_TIER_B })).toMatchObject({ ok: true })
    for (const date of ['2026-09-15', '2026-10-01']) {
      expect(await svc.call('omu:sessions.record', { prisonerId, date, inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 })).toMatchObject({ ok: true })
    }
    // A remote session does not count towards the in-person minimum.
    await svc.call('omu:sessions.record', { prisonerId, date: '2026-10-10', inPerson: false, mode: 'video', durationMinutes: 30 })
    let d = await svc.call('omu:prisoners.get', { prisonerId })
    expect(d.ok && d.data.evaluation?.minima[0]).toMatchObject({ rule: 'start_of_custody', required: 3, achieved: 2, windowStart: '2026-09-10', dueBy: '2026-12-03', status: 'due' })
    await svc.call('omu:sessions.record', { prisonerId, date: '2026-11-20', inPerson: true, mode: 'duty_pom', durationMinutes: 20 })
    d = await svc.call('omu:prisoners.get', { prisonerId })
    expect(d.ok && d.data.evaluation?.minima[0]?.status).toBe('met')
    const list = await svc.call('omu:caseload.list', { pomId: pom })
    expect(list.ok && list.data.rows.map((r) => [r.prisonNumber, r.pomName, r.responsibility])).toEqual([['A1234BC', 'Pat Pom', 'pom']])
  })

  it('a session is stamped recorded today; the late flag follows standard 1.1 (one working day)', async () => {
    const { prisonerId } = await setUp()
    // Friday 20 November 2026, recorded Monday 23: the next working day, so not late.
    const r = await svc.call('omu:sessions.record', { prisonerId, date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 })
    expect(r.ok && r.data).toMatchObject({ recordedOn: '2026-11-23', late: false })
    const older = await svc.call('omu:sessions.record', { prisonerId, date: '2026-11-18', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 })
    expect(older.ok && older.data.late).toBe(true)
    const fixed = await svc.call('omu:sessions.correctRecordedOn', { sessionId: older.ok ? older.data.id : 0, recordedOn: '2026-11-19', reason: 'Entered on paper the next day' })
    expect(fixed.ok && fixed.data).toMatchObject({ recordedOn: '2026-11-19', recordedOnReason: 'Entered on paper the next day', late: false })
  })

  it.each([
    [{ date: '2026-11-24' }, 'date', 'before it has happened'],
    [{ date: '2026-08-01' }, 'date', 'before the sentence start'],
    [{ mode: 'video', inPerson: true }, 'inPerson', 'not in person'],
    [{ durationMinutes: 0 }, 'durationMinutes', 'at least 1 minute'],
    [{ mode: 'carrier_pigeon' }, 'mode', 'how the session was held'],
  ])('an invalid session is refused naming the field: %j', async (patch, field, text) => {
    const { prisonerId } = await setUp()
    const r = await svc.call('omu:sessions.record', { prisonerId, date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30, ...patch })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.field).toBe(field)
      expect(r.error.message).toContain(text)
    }
  })

  it('reallocation ends the open allocation and keeps it in the history', async () => {
    const { pom, pom2, prisonerId } = await setUp()
    await svc.call('omu:allocations.allocate', { prisonerId, staffId: pom, startDate: '2026-09-10', ...PAT_FOR_TIER_B })
    const re = await svc.call('omu:allocations.allocate', { prisonerId, staffId: pom2, reason: 'Caseload balancing' })
    expect(re.ok && re.data.endedAllocationId).not.toBeNull()
    const d = await svc.call('omu:prisoners.get', { prisonerId })
    expect(d.ok && d.data.allocations.map((a) => [a.staffName, a.startDate, a.endDate])).toEqual([
      ['Kit Pom', '2026-11-23', null],
      ['Pat Pom', '2026-09-10', '2026-11-23'],
    ])
    // The start-of-custody window still runs from the first allocation for this sentence.
    expect(d.ok && d.data.evaluation?.minima[0]?.windowStart).toBe('2026-09-10')
    expect(await svc.call('omu:allocations.allocate', { prisonerId, staffId: pom2 })).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('allocation overview: unallocated cases first and each POM’s load by tier and responsibility', async () => {
    const { pom, prisonerId } = await setUp()
    let o = await svc.call('omu:allocations.overview')
    // Sentence started 1 September 2026: within the 12-week start-of-custody period, so newly sentenced.
    expect(o.ok && o.data.unallocated.map((u) => [u.prisonNumber, u.reason])).toEqual([['A1234BC', 'newly_sentenced']])
    await svc.call('omu:allocations.allocate', { prisonerId, staffId: pom, ...PAT_FOR_TIER_B })
    o = await svc.call('omu:allocations.overview')
    expect(o.ok && o.data.unallocated).toEqual([])
    expect(o.ok && o.data.poms.find((p) => p.staffId === pom)).toMatchObject({ caseCount: 1, byTier: { B2: 1 }, byResponsibility: { pom: 1, pom_with_com: 0, com: 0 } })
  })

  it('only an active POM can take a case', async () => {
    const { prisonerId } = await setUp()
    const homd = await svc.call('omu:staff.save', { name: 'Nat Homd', role: 'homd' })
    const r = await svc.call('omu:allocations.allocate', { prisonerId, staffId: homd.ok ? homd.data.id : 0 })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'staffId' } })
  })
})

describe('whose session it is (issue 15)', () => {
  const SESSION = { date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 } as const
  const signInAs = async (username: string, role: 'pom' | 'homd', staffId: number | null) => {
    await svc.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD })
    const made = await svc.call('omu:users.save', { username, displayName: username, role, staffId, password: TEST_PASSWORD, yourPassword: TEST_PASSWORD })
    if (!made.ok) throw new Error(made.error.message)
    const signed = await svc.call('omu:auth.signIn', { username, password: TEST_PASSWORD })
    if (!signed.ok) throw new Error(signed.error.message)
  }
  const auditedSessions = () =>
    readStore(svc, (c) =>
      c.db.select({ username: auditLog.username, role: auditLog.role, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.channel, 'omu:sessions.record'), eq(auditLog.entity, 'prisoner'))).orderBy(auditLog.id).all(),
    )

  it('a POM records only as themselves: their own staff record, whatever the request names', async () => {
    const { pom, pom2, prisonerId } = await setUp()
    // The case is Kit's; Pat records a session they held (duty cover): it is filed under Pat.
    await svc.call('omu:allocations.allocate', { prisonerId, staffId: pom2, startDate: '2026-09-10' })
    await signInAs('pat.pom', 'pom', pom)
    const own = await svc.call('omu:sessions.record', { ...SESSION, prisonerId })
    expect(own.ok && own.data.staffName).toBe('Pat Pom')
    const named = await svc.call('omu:sessions.record', { ...SESSION, prisonerId, date: '2026-11-19', staffId: pom })
    expect(named.ok && named.data.staffName).toBe('Pat Pom')
    const asKit = await svc.call('omu:sessions.record', { ...SESSION, prisonerId, date: '2026-11-18', staffId: pom2 })
    expect(asKit).toEqual({ ok: false, error: { code: 'forbidden', message: 'As a POM you can record only your own sessions. Ask a HOMD to record a session on another POM’s behalf.', field: 'staffId' } })
    const d = await svc.call('omu:prisoners.get', { prisonerId })
    expect(d.ok && d.data.sessions.map((x) => [x.date, x.staffName])).toEqual([
      ['2026-11-20', 'Pat Pom'],
      ['2026-11-19', 'Pat Pom'],
    ])
    expect((await auditedSessions()).map((a) => [a.username, a.role, 'onBehalfOf' in (JSON.parse(a.after!) as object)])).toEqual([
      ['pat.pom', 'pom', false],
      ['pat.pom', 'pom', false],
    ])
  })

  it('a POM whose sign-in has no staff record is told to have it linked; nothing is recorded', async () => {
    const { prisonerId } = await setUp()
    await signInAs('sam.pom', 'pom', null)
    const r = await svc.call('omu:sessions.record', { ...SESSION, prisonerId })
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(r.ok ? '' : r.error.message).toContain('Ask a HOMS to link it in Settings › Users')
    const d = await svc.call('omu:prisoners.get', { prisonerId })
    expect(d.ok && d.data.sessions).toEqual([])
  })

  it('a HOMD records on a POM’s behalf: the session is the POM’s and the record shows the HOMD entered it', async () => {
    const { pom, pom2, prisonerId } = await setUp()
    await svc.call('omu:allocations.allocate', { prisonerId, staffId: pom, startDate: '2026-09-10', ...PAT_FOR_TIER_B })
    await signInAs('hil.homd', 'homd', null)
    const forKit = await svc.call('omu:sessions.record', { ...SESSION, prisonerId, staffId: pom2 })
    expect(forKit.ok && forKit.data.staffName).toBe('Kit Pom')
    // Naming nobody: the case's allocated POM, as before.
    const forAllocated = await svc.call('omu:sessions.record', { ...SESSION, prisonerId, date: '2026-11-19' })
    expect(forAllocated.ok && forAllocated.data.staffName).toBe('Pat Pom')
    expect(await svc.call('omu:sessions.record', { ...SESSION, prisonerId, date: '2026-11-18', staffId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'staffId' } })
    const audited = await auditedSessions()
    expect(audited.map((a) => [a.username, a.role, (JSON.parse(a.after!) as { onBehalfOf?: { name: string } }).onBehalfOf?.name])).toEqual([
      ['hil.homd', 'homd', 'Kit Pom'],
      ['hil.homd', 'homd', 'Pat Pom'],
    ])
    // The prisoner's Record history (audit.history) names who entered each session.
    await svc.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD })
    const h = await svc.call('omu:audit.history', { entity: 'prisoner', entityId: String(prisonerId) })
    expect(h.ok && h.data.filter((x) => x.channel === 'omu:sessions.record').map((x) => [x.username, x.role])).toEqual([
      ['hil.homd', 'homd'],
      ['hil.homd', 'homd'],
    ])
  })
})

describe('due and overdue across the establishment', () => {
  it('counts per POM and lists what is overdue first', async () => {
    const { pom, prisonerId } = await setUp()
    await svc.call('omu:allocations.allocate', { prisonerId, staffId: pom, startDate: '2026-08-20', ...PAT_FOR_TIER_B })
    const d = await svc.call('omu:due.overview')
    expect(d.ok).toBe(true)
    if (!d.ok) return
    // Allocated 20 August 2026: the 12-week window closed on 12 November with no sessions.
    expect(d.data.items[0]).toMatchObject({ prisonNumber: 'A1234BC', rule: 'start_of_custody', status: 'overdue', dueBy: '2026-11-12' })
    expect(d.data.perPom).toEqual([{ pomId: pom, pomName: 'Pat Pom', overdue: 1, due7: 0, due28: 0 }])
    expect(d.data.totals.overdue).toBe(1)
  })
})

describe('saved caseload view', () => {
  it('is saved and read back; a bad view is refused', async () => {
    await setUp()
    const view = { pomId: null, status: ['overdue'], responsibility: [], cohorts: [], dueWithinDays: 28, search: 'test', sort: { column: 'name', direction: 'desc' } }
    expect(await svc.call('omu:prefs.setCaseloadView', view)).toEqual({ ok: true, data: view })
    expect(await svc.call('omu:prefs.getCaseloadView')).toEqual({ ok: true, data: view })
    expect((await svc.call('omu:prefs.setCaseloadView', { ...view, status: ['late'] })).ok).toBe(false)
  })
})

describe('demo establishment', () => {
  it('is deterministic from the seed and shows every minimum status and responsibility', async () => {
    svc = await startTestServices({ now: TODAY })
    const r = await svc.call('omu:demo.create', { prisoners: 400, seed: 3 })
    expect(r.ok && r.data.prisoners).toBe(400)
    const list = await svc.call('omu:caseload.list', { pomId: null })
    if (!list.ok) throw new Error(list.error.message)
    expect(list.data.problems).toEqual([])
    const statuses = new Set<string>(list.data.rows.flatMap((row) => row.status))
    for (const s of ['overdue', 'due', 'met', 'not_applicable']) expect(statuses, s).toContain(s)
    const rules = new Set(list.data.rows.flatMap((row) => (row.next ? [`${row.next.rule}:${row.next.status}`] : [])))
    // issue 16: the demo's transfers mostly arrived long ago, so an unseen one is missed (history),
    // not overdue; an open transfer minimum is still listed.
    for (const r of ['start_of_custody:due', 'start_of_custody:overdue', 'pre_handover:due', 'transfer_arrival:due']) expect(rules, r).toContain(r)
    expect(new Set(list.data.rows.map((row) => row.responsibility))).toEqual(new Set(['pom', 'pom_with_com', 'com']))
    const reasons = new Set(list.data.rows.map((row) => row.handover.reason))
    for (const reason of ['recall', 'indeterminate', 'determinate_parole', 'determinate_mappa_1_n', 'determinate_mappa_2_3', 'early_allocation']) expect(reasons, reason).toContain(reason)
    // Same seed, same establishment.
    const again = await startTestServices({ now: TODAY })
    await again.call('omu:demo.create', { prisoners: 400, seed: 3 })
    const list2 = await again.call('omu:caseload.list', { pomId: null })
    expect(list2.ok && list2.data.rows.map((row) => [row.prisonNumber, row.status])).toEqual(list.data.rows.map((row) => [row.prisonNumber, row.status]))
    again.cleanup()
    expect(await svc.call('omu:demo.create', {})).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  // The SQLite file's plan; the shared database's plans for the same reads are checked in caseloadRelevance.test.ts.
  it.skipIf(usePostgres())('the case scan reads sessions through the covering index', async () => {
    svc = await startTestServices({ now: TODAY })
    const plan = svc.runtime.localStore!.sqlite
      .prepare("explain query plan select prisoner_id, date, in_person, recorded_on from supervision_session where prisoner_id in (select p.id from prisoner p where p.status = 'in_custody')")
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join('\n')).toContain('USING COVERING INDEX session_case_scan')
  })
})
