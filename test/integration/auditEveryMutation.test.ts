import { count, desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import { OMU_EDM } from '../../shared/engine'
import { contractEntries, type ChannelKey } from '../../shared/ipc/contract'
import type { IpcResult } from '../../shared/ipc/result'
import { CHANNEL_TABLES, type SharedTable, type TableOp } from '../../electron/services/databaseRights'
import { usePostgres } from '../pg/workers'
import { adminSql, readStore, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'

// Issue 7: "a test proves every mutating channel writes one [audit row]". Each mutating channel is
// called once with a valid request, in an order where each finds what it needs; the audit log
// must grow with a row naming that channel, the signed-in user and their role. The step table is
// keyed by channel: a new mutating channel without a step here fails the first test.

type Step = (svc: ServicesHandle, ids: Record<string, number>) => Promise<unknown>

const ok = async <T,>(p: Promise<IpcResult<T>>): Promise<T> => {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

const STEPS: [ChannelKey, Step][] = [
  ['establishment.setup', (s) => s.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' })],
  ['establishment.update', (s) => s.call('omu:establishment.update', { name: 'HMP Testshire Two', password: TEST_PASSWORD })],
  ['settings.update', (s) => s.call('omu:settings.update', { retentionYears: 6, password: TEST_PASSWORD })],
  ['staff.save', async (s, ids) => (ids.pom = (await ok(s.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))).id)],
  // Issue 19: a POM's capacity facts, a planned change added and removed, the HOMS's resourcing inputs.
  ['resourcing.savePom', (s, ids) => s.call('omu:resourcing.savePom', { staffId: ids.pom, band: 4, hoursPerWeek: 30, daysPerWeek: 4, availability: { status: 'active' } })],
  ['resourcing.addChange', async (s, ids) => (ids.change = (await ok(s.call('omu:resourcing.addChange', { kind: 'leaving', staffId: ids.pom, date: '2027-01-31' }))).id)],
  ['resourcing.removeChange', (s, ids) => s.call('omu:resourcing.removeChange', { id: ids.change })],
  ['resourcing.saveInputs', (s) => s.call('omu:resourcing.saveInputs', { receptionsPerWeek: 12, assumptions: { hoursPerHandover: 4 } })],
  [
    'prisoners.create',
    async (s, ids) =>
      (ids.prisoner = (await ok(s.call('omu:prisoners.create', { prisonNumber: 'A1234BC', firstName: 'Alex', lastName: 'Testwell', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2026-09-01', conditionalReleaseDate: '2029-03-01' }))).id),
  ],
  ['prisoners.update', (s, ids) => s.call('omu:prisoners.update', { prisonerId: ids.prisoner, version: 1, fields: { prisonNumber: 'A1234BC', firstName: 'Alex', lastName: 'Testwell', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2026-09-01', conditionalReleaseDate: '2029-04-01' } })],
  ['allocations.allocate', (s, ids) => s.call('omu:allocations.allocate', { prisonerId: ids.prisoner, staffId: ids.pom, startDate: '2026-09-10' })],
  // Issue 17: a co-working second POM added and ended (the case stays Pat's).
  [
    'coworking.assign',
    async (s, ids) => {
      ids.coWorker = (await ok(s.call('omu:staff.save', { name: 'Kit Pom', role: 'probation_pom' }))).id
      return s.call('omu:coworking.assign', { prisonerId: ids.prisoner, staffId: ids.coWorker, startDate: '2026-11-01' })
    },
  ],
  ['coworking.end', (s, ids) => s.call('omu:coworking.end', { prisonerId: ids.prisoner })],
  ['sessions.record', async (s, ids) => (ids.session = (await ok(s.call('omu:sessions.record', { prisonerId: ids.prisoner, date: '2026-11-18', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 }))).id)],
  ['sessions.correctRecordedOn', (s, ids) => s.call('omu:sessions.correctRecordedOn', { sessionId: ids.session, recordedOn: '2026-11-19', reason: 'Entered on paper first' })],
  // Issue 17: early allocation (spec C) and a HOMD's responsibility override.
  [
    'caseWork.assessEarlyAllocation',
    async (s, ids) => {
      // Spec C.1: starting an assessment needs the case's LDU email.
      await ok(s.call('omu:handover.saveDetails', { prisonerId: ids.prisoner, expectedVersion: null, lduEmail: 'north.ldu@justice.gov.uk' }))
      return s.call('omu:caseWork.assessEarlyAllocation', { prisonerId: ids.prisoner, oasysDate: '2026-11-01', answers: { convictedUnderTerrorismAct2000: true, highProfile: false, seriousCrimePreventionOrder: false, mappaLevel3: false, cppcCase: false } })
    },
  ],
  [
    'caseWork.recordCommunityDecision',
    async (s) => {
      // A discretionary assessment inside the referral window (release within 18 months) awaits the decision.
      const p = await ok(s.call('omu:prisoners.create', { prisonNumber: 'D4567EF', firstName: 'Dee', lastName: 'Window', dateOfBirth: '1985-01-01', sentenceType: 'determinate', sentenceStartDate: '2026-06-01', conditionalReleaseDate: '2027-06-01' }))
      const answers = { convictedUnderTerrorismAct2000: false, highProfile: false, seriousCrimePreventionOrder: false, mappaLevel3: false, cppcCase: false, extremismSeparation: false, highRiskOfSeriousHarm: true, mappaLevel2: false, pathfinderProcess: false, otherReason: false }
      await ok(s.call('omu:handover.saveDetails', { prisonerId: p.id, expectedVersion: null, lduEmail: 'north.ldu@justice.gov.uk' }))
      const view = await ok(s.call('omu:caseWork.assessEarlyAllocation', { prisonerId: p.id, oasysDate: '2026-11-01', answers, reason: 'Very high risk of serious harm.', approved: true }))
      return s.call('omu:caseWork.recordCommunityDecision', { prisonerId: p.id, assessmentId: view.assessments[0]!.id, decision: true })
    },
  ],
  ['caseWork.setOverride', (s, ids) => s.call('omu:caseWork.setOverride', { prisonerId: ids.prisoner, responsibility: 'com', reason: 'Agreed with the PDU head.', endDate: '2027-01-31' })],
  ['caseWork.endOverride', (s, ids) => s.call('omu:caseWork.endOverride', { prisonerId: ids.prisoner })],
  // Issue 17: handover to the COM (../shared/specs/mpc-rules.md D). A case past its handover date
  // (CRD 01/03/2027, sentenced 2024), so its checklist is open to its POM.
  [
    'handover.saveDetails',
    async (s, ids) => {
      ids.handoverCase = (await ok(s.call('omu:prisoners.create', { prisonNumber: 'H1234AB', firstName: 'Hal', lastName: 'Over', dateOfBirth: '1985-01-01', sentenceType: 'determinate', sentenceStartDate: '2024-01-01', conditionalReleaseDate: '2027-03-01' }))).id
      await ok(s.call('omu:allocations.allocate', { prisonerId: ids.handoverCase, staffId: ids.pom, startDate: '2026-09-10' }))
      return s.call('omu:handover.saveDetails', { prisonerId: ids.handoverCase, expectedVersion: null, comName: 'Casey Com', lduEmail: 'north.ldu@justice.gov.uk' })
    },
  ],
  ['handover.notifyCommunity', (s, ids) => s.call('omu:handover.notifyCommunity', { prisonerId: ids.handoverCase })],
  [
    'handover.tickTask',
    async (s, ids) => {
      // Only the case's POM ticks the checklist (spec D.4): sign in as them for this step, then back as the HOMS.
      await ok(s.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', password: TEST_PASSWORD, staffId: ids.pom, yourPassword: TEST_PASSWORD }))
      await ok(s.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
      const r = await s.call('omu:handover.tickTask', { prisonerId: ids.handoverCase, task: 'contactedCom', done: true })
      await ok(s.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD }))
      return r
    },
  ],
  ['parole.add', async (s, ids) => (ids.review = (await ok(s.call('omu:parole.add', { prisonerId: ids.prisoner, hearingDate: '2026-10-01', outcome: 'deferred', outcomeDate: '2026-10-02', nextHearingDate: '2027-01-15' }))).id)],
  ['parole.correct', (s, ids) => s.call('omu:parole.correct', { reviewId: ids.review, version: 1, hearingDate: '2026-10-01', outcome: 'refused', outcomeDate: '2026-10-02', nextHearingDate: '2027-01-15' })],
  ['prefs.setCaseloadView', (s) => s.call('omu:prefs.setCaseloadView', { pomId: null, status: [], responsibility: [], cohorts: [], dueWithinDays: null, search: '', sort: { column: 'name', direction: 'asc' } })],
  ['caseImport.commit', (s) => s.call('omu:caseImport.commit', { kind: 'prisoners', text: 'prison_number,first_name,last_name,date_of_birth,sentence_type,sentence_start_date\nB2345CD,Sam,Samplewood,1988-01-01,determinate,2026-10-20' })],
  ['catalogs.import', (s) => s.call('omu:catalogs.import', { text: JSON.stringify({ ...OMU_EDM, version: '9.9' }), password: TEST_PASSWORD })],
  ['rrmp.start', async (s, ids) => (ids.version = (await ok(s.call('omu:rrmp.start'))).id)],
  [
    'rrmp.setStages',
    async (s, ids) => {
      const v = (await ok(s.call('omu:rrmp.plan', { versionId: ids.version })))!
      return s.call('omu:rrmp.setStages', { versionId: ids.version, rev: v.version.rev, currentStage: 4, targetStage: 3 })
    },
  ],
  [
    'rrmp.updateEntry',
    async (s, ids) => {
      const v = (await ok(s.call('omu:rrmp.plan', { versionId: ids.version })))!
      const first = v.entries[0]!
      return s.call('omu:rrmp.updateEntry', { versionId: ids.version, rev: first.rev, entry: { ...first.entry, comments: 'Started.' } })
    },
  ],
  [
    'rrmp.submit',
    async (s, ids) => {
      const v = (await ok(s.call('omu:rrmp.plan', { versionId: ids.version })))!
      return s.call('omu:rrmp.submit', { versionId: ids.version, rev: v.version.rev, password: TEST_PASSWORD })
    },
  ],
  [
    'readiness.decide',
    async (s, ids) => {
      // Only a Governor records decisions: sign in as one for this step, then back as the HOMS.
      await ok(s.call('omu:users.save', { username: 'gov.ernor', displayName: 'Gov Ernor', role: 'governor', password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
      await ok(s.call('omu:auth.signIn', { username: 'gov.ernor', password: TEST_PASSWORD }))
      const r = await s.call('omu:readiness.decide', { versionId: ids.version, stage: 'governor', decision: 'returned', comments: 'Add the resourcing note.', password: TEST_PASSWORD })
      await ok(s.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD }))
      return r
    },
  ],
  ['rrmp.newVersion', (s, ids) => s.call('omu:rrmp.newVersion', { fromVersionId: ids.version })],
  [
    'users.unlock',
    async (s) => {
      const users = (await ok(s.call('omu:users.list')))!
      return s.call('omu:users.unlock', { id: users.find((u) => u.username === 'gov.ernor')!.id })
    },
  ],
  [
    'readiness.importComparison',
    async (s, ids) => {
      const doc = await ok<Record<string, unknown> & { establishment: Record<string, unknown> }>(s.call('omu:readiness.document', { versionId: ids.version }))
      const other = { ...doc, establishment: { ...doc.establishment, code: 'OTH', name: 'HMP Other' } }
      ids.comparison = (await ok(s.call('omu:readiness.importComparison', { fileName: 'other.json', text: JSON.stringify(other) }))).id
      return ids.comparison
    },
  ],
  ['readiness.removeComparison', (s, ids) => s.call('omu:readiness.removeComparison', { id: ids.comparison })],
  [
    'retention.purge',
    async (s, ids) => {
      // Arrange a record long past retention (the purge, not the release, is under test).
      await s.runtime.store!.write((c) => c.sql.exec("update prisoner set status = 'released', released_on = '2010-01-01' where prison_number = 'B2345CD'"))
      const due = await ok(s.call('omu:retention.review'))
      ids.purged = due.due[0]!.prisonerId
      return s.call('omu:retention.purge', { prisonerIds: [ids.purged], confirm: true, password: TEST_PASSWORD })
    },
  ],
  // Issue 17: bulk reallocation of Pat's case to Kit (last: the steps above use Pat's allocation).
  // Kit is a probation POM where a prison POM is recommended: the move carries the reason spec B4 asks for.
  ['reallocation.apply', (s, ids) => s.call('omu:reallocation.apply', { fromStaffId: ids.pom, moves: [{ prisonerId: ids.prisoner, toStaffId: ids.coWorker, pomTypeReason: 'Kit already co-works the case.' }] })],
  ['demo.create', async () => 'covered below: needs an empty data file'],
]

/**
 * Issue 14: in the shared database, the rows a channel changed (the server's own row_change_log,
 * for the transactions that wrote the channel's audit rows) are all of tables and operations
 * databaseRights.ts declares for it, from which each role's grants are derived: so the database
 * grants every role what the app's channels do for it (test/integration/databaseRoles.test.ts
 * checks it grants no more).
 */
async function expectOnlyDeclaredChanges(svc: ServicesHandle, key: ChannelKey): Promise<void> {
  const changed = (await adminSql(
    svc,
    `select distinct r.table_name::text, r.op from row_change_log r
      where r.xact % 4294967296 in (select xmin::text::bigint from audit_log where channel = $1) order by 1, 2`,
    [`omu:${key}`],
  )) as [SharedTable, TableOp][]
  const declared = CHANNEL_TABLES[key]
  expect(changed.filter(([table, op]) => !(declared[table] ?? []).includes(op)).map(([t, op]) => `${key} changed ${t} (${op})`)).toEqual([])
}

describe('every mutating channel writes an audit row (issue 7)', () => {
  it('the step table covers every mutation channel in the contract', () => {
    const mutations = contractEntries()
      .filter((e) => e.def.kind === 'mutation')
      .map((e) => `${e.domain}.${e.method}`)
      .sort()
    expect(STEPS.map(([k]) => k).sort()).toEqual(mutations)
  })

  it('each one, called with a valid request, adds an audit row naming it, the user and the role', async () => {
    const svc = await startTestServices({ now: new Date('2026-11-23T10:00:00Z') })
    const ids: Record<string, number> = {}
    const rowsFor = (channel: string) => readStore(svc, (c) => c.db.select({ username: auditLog.username, role: auditLog.role }).from(auditLog).where(eq(auditLog.channel, `omu:${channel}`)).orderBy(auditLog.id).all())
    for (const [key, step] of STEPS) {
      if (key === 'demo.create') continue
      const r = (await step(svc, ids)) as { ok?: boolean; error?: { message: string } } | number | undefined
      if (r && typeof r === 'object' && r.ok === false) throw new Error(`${key}: ${r.error?.message}`)
      const rows = await rowsFor(key)
      expect(rows.length, key).toBeGreaterThan(0)
      expect(rows[0]?.role, key).toBe(key === 'readiness.decide' ? 'governor' : key === 'handover.tickTask' ? 'pom' : 'homs')
      if (usePostgres()) await expectOnlyDeclaredChanges(svc, key)
    }
    await svc.cleanup()
    const empty = await startTestServices()
    expect(await empty.call('omu:demo.create', { prisoners: 10 })).toMatchObject({ ok: true })
    expect((await readStore(empty, (c) => c.db.select({ n: count() }).from(auditLog).where(eq(auditLog.channel, 'omu:demo.create')).get()))?.n).toBe(1)
    if (usePostgres()) await expectOnlyDeclaredChanges(empty, 'demo.create')
    await empty.cleanup()
  }, 60_000)
})

describe('settings, staff and establishment changes record what they replaced (issue 15)', () => {
  it('each audit row holds the before values as well as the after', async () => {
    const svc = await startTestServices({ now: new Date('2026-11-23T10:00:00Z') })
    try {
      const lastRow = async (channel: string) => {
        const row = await readStore(svc, (c) => c.db.select({ entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after }).from(auditLog).where(eq(auditLog.channel, channel)).orderBy(desc(auditLog.id)).get())
        return { entityId: row?.entityId ?? null, before: JSON.parse(row?.before ?? 'null') as unknown, after: JSON.parse(row?.after ?? 'null') as unknown }
      }
      await ok(svc.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' }))
      expect(await lastRow('omu:establishment.setup')).toMatchObject({ before: null, after: { name: 'HMP Testshire', code: 'TST', currentStage: 4, targetStage: 3 } })
      await ok(svc.call('omu:establishment.update', { name: 'HMP Testshire Two', targetStage: 2, password: TEST_PASSWORD }))
      expect(await lastRow('omu:establishment.update')).toMatchObject({
        before: { name: 'HMP Testshire', targetStage: 3 },
        after: { name: 'HMP Testshire Two', targetStage: 2 },
      })

      await ok(svc.call('omu:settings.update', { retentionYears: 6, extraHolidays: ['2026-12-29'], password: TEST_PASSWORD }))
      expect(await lastRow('omu:settings.update')).toMatchObject({ before: { retentionYears: 7, extraHolidays: [] }, after: { retentionYears: 6, extraHolidays: ['2026-12-29'] } })
      await ok(svc.call('omu:settings.update', { retentionYears: 8, password: TEST_PASSWORD }))
      expect(await lastRow('omu:settings.update')).toMatchObject({ before: { retentionYears: 6, extraHolidays: ['2026-12-29'] }, after: { retentionYears: 8, extraHolidays: ['2026-12-29'] } })

      const pat = await ok(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
      expect(await lastRow('omu:staff.save')).toMatchObject({ entityId: String(pat.id), before: null, after: { name: 'Pat Pom', active: true } })
      await ok(svc.call('omu:staff.save', { id: pat.id, name: 'Pat Pomfrey', role: 'prison_pom', active: false, hoursPerWeek: 30 }))
      expect(await lastRow('omu:staff.save')).toMatchObject({
        entityId: String(pat.id),
        before: { name: 'Pat Pom', active: true, hoursPerWeek: 37 },
        after: { name: 'Pat Pomfrey', active: false, hoursPerWeek: 30 },
      })
    } finally {
      await svc.cleanup()
    }
  })
})
