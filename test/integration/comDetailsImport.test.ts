// CSV import of COM details (issue 17: "importable by CSV, audited"; "CSV import for allocations and
// COM details (same rules as the existing imports: validate all, list every bad row, nothing
// partial)") through the real dispatcher on a real SQLite file and, under `npm run test:pg`, on the
// shared PostgreSQL database. Keyed by prison number; a blank cell keeps what is recorded. Today is
// 23/11/2026.
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, readStore, servicesPerTest, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const start = servicesPerTest()

const HEADER = 'prison_number,com_name,com_email,ldu,ldu_email,com_allocated_date,vlo_name,vlo_last_contact_date'

/** Two cases on record: C1001AB near its handover (CRD 01/09/2027), C1002AB further off. */
async function setUp(svc: ServicesHandle) {
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  const pom = await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
  const ids: number[] = []
  for (const [n, crd] of [[1, '2027-09-01'], [2, '2029-03-01']] as const) {
    const p = await must(
      svc.call('omu:prisoners.create', { prisonNumber: `C100${n}AB`, firstName: 'Jo', lastName: `Case${n}`, dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2024-01-01', conditionalReleaseDate: crd }),
    )
    await must(svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, startDate: '2026-09-10' }))
    ids.push(p.id)
  }
  return { first: ids[0] as number, second: ids[1] as number }
}

const importAudits = (svc: ServicesHandle) => readStore(svc, (c) => c.db.select().from(auditLog).where(eq(auditLog.channel, 'omu:caseImport.commit')).all())

describe('CSV import of COM details (issue 17)', () => {
  it('every bad row is listed with its line, column and a plain reason, and nothing at all is imported while any row is bad', async () => {
    const svc = await start()
    const { first } = await setUp(svc)
    const text = [
      HEADER,
      'C1001AB,Casey Com,casey.com@justice.gov.uk,Testshire North,,02/11/2026,,', // good
      'Z9999ZZ,Nobody,,,,,,', // not on record
      'C1002AB,Casey Com,not-an-email,,,,,', // bad email
      'C1002AB,,,,,,,', // the same prison number again
    ].join('\r\n')
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'comDetails', text }))
    expect(preview.totalRows).toBe(4)
    expect(preview.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'prison_number'],
      [4, 'com_email'],
      [5, 'prison_number'],
    ])
    expect(preview.problems[0]?.reason).toBe('No prisoner with prison number Z9999ZZ is on record: import the prisoner first.')
    expect(preview.problems[1]?.reason).toBe('Enter an email address like name@justice.gov.uk.')
    expect(preview.problems[2]?.reason).toContain('already in row 4')
    const refused = await svc.call('omu:caseImport.commit', { kind: 'comDetails', text, applyUpdates: true })
    expect(refused.ok ? 'imported' : refused.error.message).toBe('Nothing was imported: 3 rows have problems. Fix them in the file and import it again.')
    expect((await must(svc.call('omu:handover.get', { prisonerId: first }))).details.comName).toBeNull()
    expect(await importAudits(svc)).toHaveLength(0)
  })

  it('dates are read as dd/mm/yyyy and may not be in the future, as on the prisoner page', async () => {
    const svc = await start()
    await setUp(svc)
    const text = [HEADER, 'C1001AB,Casey Com,,,,31/02/2026,,', 'C1002AB,Casey Com,,,,,Val Lo,24/11/2026'].join('\n')
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'comDetails', text }))
    expect(preview.problems).toEqual([
      { row: 2, column: 'com_allocated_date', reason: 'Enter a real date as dd/mm/yyyy, for example 27/03/2026.' },
      { row: 3, column: 'vlo_last_contact_date', reason: 'Cannot be in the future.' },
    ])
  })

  it('a clean file is imported whole, audited case by case, and moves the case from upcoming to in progress (spec A2/A3)', async () => {
    const svc = await start()
    const { first, second } = await setUp(svc)
    const before = await must(svc.call('omu:handover.lists', {}))
    expect(before.upcoming.map((i) => i.prisonerId)).toContain(first)
    const text = [HEADER, 'C1001AB,Casey Com,casey.com@justice.gov.uk,Testshire North,north.ldu@justice.gov.uk,02/11/2026,Val Lo,01/11/2026', 'c1002ab,,,,north.ldu@justice.gov.uk,,,'].join('\n')
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'comDetails', text }))
    expect(preview).toMatchObject({ totalRows: 2, newRows: 2, updates: [], unchanged: 0, problems: [] })
    expect(await must(svc.call('omu:caseImport.commit', { kind: 'comDetails', text }))).toEqual({ created: 2, updated: 0, skipped: 0 })
    const h = await must(svc.call('omu:handover.get', { prisonerId: first }))
    expect(h.details).toEqual({
      comName: 'Casey Com',
      comEmail: 'casey.com@justice.gov.uk',
      comPhone: null,
      comTeam: null,
      pdu: null,
      ldu: 'Testshire North',
      lduEmail: 'north.ldu@justice.gov.uk',
      comAllocatedOn: '2026-11-02',
      vloName: 'Val Lo',
      vloContact: null,
      vloLastContactOn: '2026-11-01',
    })
    expect((await must(svc.call('omu:handover.get', { prisonerId: second }))).details).toMatchObject({ comName: null, lduEmail: 'north.ldu@justice.gov.uk' })
    const audits = await importAudits(svc)
    expect(audits.map((a) => a.entityId).sort()).toEqual([String(first), String(second)].sort())
    expect(audits.find((a) => a.entityId === String(first))?.after).toContain('Casey Com')
    const after = await must(svc.call('omu:handover.lists', {}))
    expect(after.upcoming.map((i) => i.prisonerId)).not.toContain(first)
    expect(after.inProgress.map((i) => i.prisonerId)).toContain(first)
  })

  it('details already recorded are changed only when the updates are confirmed; a blank cell keeps what is recorded', async () => {
    const svc = await start()
    const { first } = await setUp(svc)
    await must(svc.call('omu:handover.saveDetails', { prisonerId: first, expectedVersion: null, comName: 'Old Com', comPhone: '01632 960001' }))
    const text = [HEADER, 'C1001AB,New Com,,,,,,'].join('\n')
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'comDetails', text }))
    expect(preview.updates).toEqual([{ row: 2, prisonNumber: 'C1001AB', changes: [{ field: 'com_name', from: 'Old Com', to: 'New Com' }] }])
    expect(await must(svc.call('omu:caseImport.commit', { kind: 'comDetails', text }))).toEqual({ created: 0, updated: 0, skipped: 1 })
    expect((await must(svc.call('omu:handover.get', { prisonerId: first }))).details.comName).toBe('Old Com')
    expect(await must(svc.call('omu:caseImport.commit', { kind: 'comDetails', text, applyUpdates: true }))).toEqual({ created: 0, updated: 1, skipped: 0 })
    const h = await must(svc.call('omu:handover.get', { prisonerId: first }))
    expect(h.details).toMatchObject({ comName: 'New Com', comPhone: '01632 960001' })
    const audit = await readStore(svc, (c) => c.db.select().from(auditLog).where(and(eq(auditLog.channel, 'omu:caseImport.commit'), eq(auditLog.entityId, String(first)))).all())
    expect(audit).toHaveLength(1)
    expect(audit[0]?.before).toContain('Old Com')
  })
})
