// CSV import of allocations (issue 17: "CSV import for allocations and COM details (same rules as
// the existing imports: validate all, list every bad row, nothing partial)") through the real
// dispatcher on a real SQLite file and, under `npm run test:pg`, on the shared PostgreSQL database
// with a HOMD's own login (the clean file and the reallocation). Each row meets the rules
// allocations.allocate applies: an active POM
// (requirePom), available today or confirmed (resourcing/pomToday.ts), a reason when the POM's type
// is not the recommended one (../shared/specs/mpc-rules.md B4, strategy "tier": B1, tier A or B to
// a probation POM, else a prison POM). Today is 23/11/2026.
import fs from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { allocation, auditLog, coWorking } from '../../db/schema'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, readStore, servicesPerTest, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const start = servicesPerTest()

const HEADER = 'prison_number,pom,allocation_date,reason,pom_type_reason,confirm_unavailable'

/**
 * Staff: Pat Pom (prison), Kit Pom (probation), two Sam Smiths (prison), Ina Pom (inactive), Hal
 * Homd (not a POM), Ava Away (prison, on leave until 27/11/2026). Cases C1001AB to C1004AB in
 * custody (C1002AB tier B2: a probation POM recommended; the others tier C1: a prison POM), and
 * R1005AB released.
 */
async function setUp(svc: ServicesHandle) {
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  const staff = async (name: string, role: string) => (await must(svc.call('omu:staff.save', { name, role }))).id
  const pat = await staff('Pat Pom', 'prison_pom')
  const kit = await staff('Kit Pom', 'probation_pom')
  const sam1 = await staff('Sam Smith', 'prison_pom')
  const sam2 = await staff('Sam Smith', 'prison_pom')
  const ina = await staff('Ina Pom', 'prison_pom')
  await must(svc.call('omu:staff.save', { id: ina, name: 'Ina Pom', role: 'prison_pom', active: false }))
  await staff('Hal Homd', 'homd')
  const ava = await staff('Ava Away', 'prison_pom')
  await must(svc.call('omu:resourcing.savePom', { staffId: ava, band: 4, hoursPerWeek: 37, daysPerWeek: 5, availability: { status: 'unavailable', from: '2026-11-16', to: '2026-11-27', reason: 'Annual leave' } }))
  const cases: number[] = []
  for (const [n, tier] of [[1, 'C1'], [2, 'B2'], [3, 'C1'], [4, 'C1']] as const) {
    const p = await must(svc.call('omu:prisoners.create', { prisonNumber: `C100${n}AB`, firstName: 'Jo', lastName: `Case${n}`, dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2024-01-01', conditionalReleaseDate: '2029-03-01', tier }))
    cases.push(p.id)
  }
  await must(svc.call('omu:prisoners.create', { prisonNumber: 'R1005AB', firstName: 'Ray', lastName: 'Released', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2020-01-01', conditionalReleaseDate: '2026-01-01', status: 'released' }))
  return { pat, kit, sam1, sam2, ina, ava, cases: cases as [number, number, number, number] }
}

const importAudits = (svc: ServicesHandle) => readStore(svc, (c) => c.db.select().from(auditLog).where(eq(auditLog.channel, 'omu:caseImport.commit')).all())
const allocationsOf = (svc: ServicesHandle, prisonerId: number) => readStore(svc, (c) => c.db.select().from(allocation).where(eq(allocation.prisonerId, prisonerId)).orderBy(allocation.id).all())

describe('CSV import of allocations (issue 17)', () => {
  it('every bad row is listed with its row, column and a plain reason, and nothing at all is imported while any row is bad', async () => {
    const svc = await start()
    const { cases } = await setUp(svc)
    const text = [
      HEADER,
      'C1001AB,Pat Pom,01/11/2026,,,', // good
      'Z9999ZZ,Pat Pom,01/11/2026,,,', // not on record
      'C1003AB,Nobody Known,01/11/2026,,,', // no such member of staff
      'C1003AB,Pat Pom,01/11/2026,,,', // the same case twice (row 4 was bad, but it named the case first)
      'C1004AB,Sam Smith,01/11/2026,,,', // two Sam Smiths
      'R1005AB,Pat Pom,01/11/2026,,,', // released
      'C1002AB,Pat Pom,01/11/2026,,,', // tier B2: a probation POM recommended, no reason
    ].join('\r\n')
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'allocations', text }))
    expect(preview.totalRows).toBe(7)
    expect(preview.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'prison_number'],
      [4, 'pom'],
      [5, 'prison_number'],
      [6, 'pom'],
      [7, 'prison_number'],
      [8, 'pom_type_reason'],
    ])
    const reasons = preview.problems.map((p) => p.reason)
    expect(reasons[0]).toBe('No prisoner with prison number Z9999ZZ is on record: import the prisoner first.')
    expect(reasons[1]).toBe('No member of staff called Nobody Known is on the staff list: check the spelling, or add them in Settings › Staff.')
    expect(reasons[2]).toContain('already in row 4')
    expect(reasons[3]).toMatch(/^2 members of staff are called Sam Smith: give the POM's staff number instead \(\d+ and \d+, shown in Settings › Staff\)\.$/)
    expect(reasons[4]).toBe('R1005AB is not in custody: only prisoners in custody can be allocated.')
    // The same sentence allocations.allocate gives (caseWork/recommend.ts pomTypeReasonNeeded).
    expect(reasons[5]).toBe('Say why you chose a prison POM when a probation POM is recommended.')
    const refused = await svc.call('omu:caseImport.commit', { kind: 'allocations', text, applyUpdates: true })
    expect(refused.ok ? 'imported' : refused.error.message).toBe('Nothing was imported: 6 rows have problems. Fix them in the file and import it again.')
    expect(await allocationsOf(svc, cases[0])).toHaveLength(0)
    expect(await importAudits(svc)).toHaveLength(0)
  })

  it('an inactive POM, someone who is not a POM, a POM away today without confirmation and a date in the future are refused as allocating on the screen would', async () => {
    const svc = await start()
    await setUp(svc)
    const text = [HEADER, 'C1001AB,Ina Pom,01/11/2026,,,', 'C1003AB,Hal Homd,01/11/2026,,,', 'C1004AB,Ava Away,01/11/2026,,,', 'C1002AB,Kit Pom,24/11/2026,,,'].join('\n')
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'allocations', text }))
    expect(preview.problems).toEqual([
      { row: 2, column: 'pom', reason: 'Ina Pom is inactive: choose an active POM.' },
      { row: 3, column: 'pom', reason: 'Hal Homd is not a POM: choose a prison or probation POM.' },
      { row: 4, column: 'confirm_unavailable', reason: 'Ava Away is unavailable until 27/11/2026. Put yes in confirm_unavailable to allocate the case to them while they are away, or choose another POM.' },
      { row: 5, column: 'allocation_date', reason: 'An allocation cannot start in the future.' },
    ])
    const impossible = await must(svc.call('omu:caseImport.preview', { kind: 'allocations', text: [HEADER, 'C1002AB,Kit Pom,31/02/2026,,,'].join('\n') }))
    expect(impossible.problems).toEqual([{ row: 2, column: 'allocation_date', reason: 'Enter a real date as dd/mm/yyyy, for example 27/03/2026.' }])
  })

  it('a clean file is imported whole, one audit row per case; a shared name is told apart by staff number; the reason for the other POM type is kept', async () => {
    const svc = await start()
    const { pat, sam2, ava, cases } = await setUp(svc)
    // Imported by a HOMD (on the shared database, with the HOMD's own login and its grants).
    const homd = await start({ userData: svc.userData, as: 'homd' })
    const text = [
      HEADER,
      'C1001AB,pat  pom,01/11/2026,Knows the family,,', // name matched ignoring capitals and spaces
      `C1002AB,Pat Pom,02/11/2026,,Probation POMs over capacity,`,
      `C1003AB,${sam2},03/11/2026,,,`,
      'C1004AB,Ava Away,04/11/2026,,,yes',
    ].join('\n')
    const preview = await must(homd.call('omu:caseImport.preview', { kind: 'allocations', text }))
    expect(preview).toMatchObject({ totalRows: 4, newRows: 4, updates: [], unchanged: 0, problems: [] })
    expect(await must(homd.call('omu:caseImport.commit', { kind: 'allocations', text }))).toEqual({ created: 4, updated: 0, skipped: 0 })
    expect(await allocationsOf(svc, cases[0])).toEqual([expect.objectContaining({ staffId: pat, startDate: '2026-11-01', endDate: null, reason: 'Knows the family', pomTypeReason: null })])
    expect(await allocationsOf(svc, cases[1])).toEqual([expect.objectContaining({ staffId: pat, startDate: '2026-11-02', pomTypeReason: 'Probation POMs over capacity' })])
    expect(await allocationsOf(svc, cases[2])).toEqual([expect.objectContaining({ staffId: sam2, startDate: '2026-11-03' })])
    expect(await allocationsOf(svc, cases[3])).toEqual([expect.objectContaining({ staffId: ava, startDate: '2026-11-04' })])
    const audits = await importAudits(svc)
    expect(audits.map((a) => a.entityId).sort()).toEqual(cases.map(String).sort())
    expect(audits.find((a) => a.entityId === String(cases[1]))?.after).toContain('"recommendedPomType":"probation"')
    // The cases are now in Pat's caseload (the case cache saw the change).
    const pats = await must(homd.call('omu:caseload.list', { pomId: pat }))
    expect(pats.rows.map((r) => r.prisonerId).sort()).toEqual([cases[0], cases[1]].sort())
    // The same file again: every case already has that POM, nothing to do.
    expect(await must(homd.call('omu:caseImport.preview', { kind: 'allocations', text }))).toMatchObject({ newRows: 0, updates: [], unchanged: 4, problems: [] })
  })

  it('a case allocated to another POM is a reallocation: shown in the preview, made only when the updates are confirmed, ending the old allocation and a co-working by the new POM', async () => {
    const svc = await start()
    const { pat, kit, cases } = await setUp(svc)
    const [alex] = cases
    await must(svc.call('omu:allocations.allocate', { prisonerId: alex, staffId: kit, startDate: '2026-09-10', pomTypeReason: 'Continuity' }))
    await must(svc.call('omu:coworking.assign', { prisonerId: alex, staffId: pat, startDate: '2026-10-01', reason: 'Complex case' }))
    const early = [HEADER, 'C1001AB,Pat Pom,01/09/2026,,,'].join('\n')
    expect((await must(svc.call('omu:caseImport.preview', { kind: 'allocations', text: early }))).problems).toEqual([
      { row: 2, column: 'allocation_date', reason: 'Cannot be before the current allocation to Kit Pom began (10/09/2026).' },
    ])
    const text = [HEADER, 'C1001AB,Pat Pom,20/11/2026,Kit leaving,,'].join('\n')
    const homd = await start({ userData: svc.userData, as: 'homd' })
    const preview = await must(homd.call('omu:caseImport.preview', { kind: 'allocations', text }))
    expect(preview).toMatchObject({ newRows: 0, unchanged: 0, problems: [] })
    expect(preview.updates).toEqual([{ row: 2, prisonNumber: 'C1001AB', changes: [{ field: 'pom', from: 'Kit Pom (since 10/09/2026)', to: 'Pat Pom (from 20/11/2026)' }] }])
    expect(await must(homd.call('omu:caseImport.commit', { kind: 'allocations', text }))).toEqual({ created: 0, updated: 0, skipped: 1 })
    expect(await allocationsOf(svc, alex)).toHaveLength(1)
    expect(await must(homd.call('omu:caseImport.commit', { kind: 'allocations', text, applyUpdates: true }))).toEqual({ created: 0, updated: 1, skipped: 0 })
    expect(await allocationsOf(svc, alex)).toEqual([
      expect.objectContaining({ staffId: kit, startDate: '2026-09-10', endDate: '2026-11-20' }),
      expect.objectContaining({ staffId: pat, startDate: '2026-11-20', endDate: null, reason: 'Kit leaving' }),
    ])
    // A POM does not co-work their own case (as allocations.allocate).
    const co = await readStore(svc, (c) => c.db.select().from(coWorking).where(eq(coWorking.prisonerId, alex)).all())
    expect(co).toEqual([expect.objectContaining({ staffId: pat, endDate: '2026-11-20' })])
    const audit = await readStore(svc, (c) => c.db.select().from(auditLog).where(and(eq(auditLog.channel, 'omu:caseImport.commit'), eq(auditLog.entityId, String(alex)))).all())
    expect(audit).toHaveLength(1)
    expect(audit[0]?.before).toContain('"coWorking"')
    expect(audit[0]?.after).toContain('"endDate":"2026-11-20"')
  })

  // The shared database's grants follow the rules table (databaseRights.ts rightsOf; databaseRoles.test.ts).
  it('a POM may not import allocations: refused, and nothing is written', async () => {
    const admin = await start()
    const { cases } = await setUp(admin)
    const pom = await start({ userData: admin.userData, as: 'pom' })
    const r = await pom.call('omu:caseImport.commit', { kind: 'allocations', text: [HEADER, 'C1001AB,Pat Pom,01/11/2026,,,'].join('\n') })
    expect(r.ok ? 'imported' : r.error.code).toBe('forbidden')
    expect(await allocationsOf(admin, cases[0])).toHaveLength(0)
  })

  it('the template has the documented columns and an example row', async () => {
    const svc = await start()
    const saved = await must(svc.call('omu:caseImport.saveTemplate', { kind: 'allocations' }))
    expect(saved?.path).toMatch(/omu-allocations-template\.csv$/)
    expect(fs.readFileSync(saved?.path ?? '', 'utf8').split('\r\n')[0]).toBe(HEADER)
  })
})
