// Readiness exports (PDF, XLSX, JSON) and the read-only comparison import, through the real
// services on a real SQLite file (issue 6). The caseload summary comes from the case engine
// (seed 003 Annex B minima); session notes must never reach an export.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { allocation, prisoner, staff, supervisionSession } from '../../db/schema'
import { exportReadiness } from '../../electron/services/export/index'
import { readinessExportSchema, type ReadinessExport } from '../../shared/export/readinessExport'
import { startTestServices, type ServicesHandle } from './helpers'
import { decide, plan, readyPlan, setUpEstablishment, signInAs, submit } from './rrmpFixtures'

const SECRET = 'SENSITIVE-NOTE-7Q'
let svc: ServicesHandle
beforeEach(async () => {
  svc = await startTestServices()
  await setUpEstablishment(svc)
})
afterEach(() => svc.cleanup())

function db() {
  const store = svc.runtime.store
  if (!store) throw new Error('store not open')
  return store.db
}

/**
 * Four cases on 23/11/2026: start-of-custody met, due, overdue, and a recall (COM responsible from the start).
 * Written straight to the store, outside the dispatcher, as another program would (the case cache
 * notices the change before its next read).
 */
async function seedCaseload(): Promise<void> {
  const now = '2026-11-23T10:00:00.000Z'
  const pom = await db().insert(staff).values({ name: 'Priya Shah', role: 'prison_pom', updatedAt: now }).returning().get()
  if (!pom) throw new Error('staff not stored')
  const person = async (n: number, over: Partial<typeof prisoner.$inferInsert>) => {
    const row = await db()
      .insert(prisoner)
      .values({ prisonNumber: `A${1000 + n}BC`, firstName: 'Test', lastName: `Person${n}`, dateOfBirth: '1990-01-01', sentenceType: 'determinate', sentenceStartDate: '2026-05-01', conditionalReleaseDate: '2030-05-01', updatedAt: now, ...over })
      .returning()
      .get()
    if (!row) throw new Error('prisoner not stored')
    return row
  }
  const met = await person(1, {})
  const due = await person(2, { sentenceStartDate: '2026-11-01' })
  const overdue = await person(3, {})
  const recall = await person(4, { recall: true })
  await db().insert(allocation).values({ prisonerId: met.id, staffId: pom.id, startDate: '2026-05-04', createdAt: now }).run()
  await db().insert(allocation).values({ prisonerId: due.id, staffId: pom.id, startDate: '2026-11-02', createdAt: now }).run()
  await db().insert(allocation).values({ prisonerId: overdue.id, staffId: pom.id, startDate: '2026-05-04', createdAt: now }).run()
  await db().insert(allocation).values({ prisonerId: recall.id, staffId: pom.id, startDate: '2026-05-04', createdAt: now }).run()
  for (const date of ['2026-05-11', '2026-06-15', '2026-07-20']) {
    await db().insert(supervisionSession).values({ prisonerId: met.id, staffId: pom.id, date, inPerson: true, mode: 'wing_interview_room', notes: `${SECRET} disclosed`, notesSensitive: true, recordedOn: date, createdAt: now }).run()
  }
  await db().insert(supervisionSession).values({ prisonerId: due.id, staffId: pom.id, date: '2026-11-09', inPerson: true, mode: 'wing_interview_room', notes: SECRET, notesSensitive: true, recordedOn: '2026-11-09', createdAt: now }).run()
}

async function submittedPlanWithDecisions(): Promise<number> {
  const v1 = await readyPlan(svc, {
    '5.2': { status: 'not_applicable', notApplicableReason: 'Category C training prison: no foreign national removals here', delivery: null },
    '2.4': { actionItems: [{ id: 'a1', action: 'Clear the OASys backlog', owner: 'Case admin lead', targetDate: '2027-01-31', status: 'in_progress', progressUpdates: [{ date: '2026-11-20', note: 'Backlog counted: 41 assessments' }] }] },
  })
  await submit(svc, v1, 'Alex Morgan')
  const r = await decide(svc, { versionId: v1.version.id, stage: 'governor', decision: 'approved', by: 'Sam Patel', comments: 'Agreed.' })
  if (!r.ok) throw new Error(r.error.message)
  await signInAs(svc, 'homs')
  return v1.version.id
}

async function exportAs(versionId: number, format: 'pdf' | 'xlsx' | 'json'): Promise<{ path: string; durationMs: number }> {
  const r = await svc.call('omu:readiness.export', { versionId, format })
  if (!r.ok) throw new Error(r.error.message)
  if (!r.data.saved) throw new Error('not saved')
  return r.data
}

describe('caseload summary', () => {
  it('reports zeros when there are no cases', async () => {
    const r = await svc.call('omu:readiness.caseload', {})
    expect(r.ok && r.data).toMatchObject({ cases: 0, pomResponsible: 0, startOfCustody: { applicable: 0, percentMeeting: null }, overdue: { cases: 0 } })
  })

  it('counts cases by responsibility and the start-of-custody minimum from the case engine', async () => {
    await seedCaseload()
    const r = await svc.call('omu:readiness.caseload', {})
    if (!r.ok) throw new Error(r.error.message)
    expect(r.data).toMatchObject({ asOf: '2026-11-23', policy: 'omic2021', cases: 4, notEvaluated: 0, byResponsibility: { pom: 3, pomWithCom: 0, com: 1 }, pomResponsible: 3 })
    // issue 16: the unmet one is more than 28 days past its due date, so missed (not met, not overdue).
    // 3 in-person sessions within 12 weeks of allocation (seed 003 Annex B): one met, one due, one
    // overdue; meeting = met or still within the window, so 2 of 3.
    expect(r.data.startOfCustody).toEqual({ applicable: 3, met: 1, due: 1, overdue: 0, missed: 1, percentMeeting: 66 })
    expect(r.data.overdue.startOfCustody).toBe(0)
    expect(r.data.overdue.cases).toBe(0)
  })
})

describe('exports', () => {
  it('writes PDF, XLSX and JSON with the same content, atomically, with no session notes', async () => {
    await seedCaseload()
    const versionId = await submittedPlanWithDecisions()
    const json = await exportAs(versionId, 'json')
    const xlsx = await exportAs(versionId, 'xlsx')
    const pdf = await exportAs(versionId, 'pdf')
    const dir = path.dirname(pdf.path)
    // Atomic write: only the three finished files, no temp file left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['RRMP-readiness-TST-v1-2026-11-23.json', 'RRMP-readiness-TST-v1-2026-11-23.pdf', 'RRMP-readiness-TST-v1-2026-11-23.xlsx'])
    // Kept for people to look at (test-results/ is not committed).
    const keep = path.join(process.cwd(), 'test-results', 'exports')
    fs.mkdirSync(keep, { recursive: true })
    for (const f of [json.path, xlsx.path, pdf.path]) fs.copyFileSync(f, path.join(keep, path.basename(f)))
    console.log(`export of a full plan: json ${json.durationMs} ms, xlsx ${xlsx.durationMs} ms, pdf ${pdf.durationMs} ms`)

    const doc: ReadinessExport = readinessExportSchema.parse(JSON.parse(fs.readFileSync(json.path, 'utf8')))
    expect(doc).toMatchObject({ format: 'omu-desk/readiness-assessment', schemaVersion: 2, asOf: '2026-11-23', establishment: { name: 'HMP Testshire', code: 'TST' }, plan: { version: 1, currentStage: 4, targetStage: 3, status: 'in_sign_off' } })
    expect(doc.readiness).toMatchObject({ overall: 'ready', percent: 100 })
    expect(doc.baselines).toHaveLength(22)
    expect(doc.baselines.find((b) => b.id === '5.2')).toMatchObject({ status: 'not_applicable', readiness: 'not_applicable', notApplicableReason: expect.stringContaining('Category C') })
    expect(doc.baselines.find((b) => b.id === '2.4')?.delivery.text).toContain('Prioritised assessments')
    expect(doc.signOff.steps.map((s) => [s.stage, s.by, s.decision])).toEqual([
      ['submit', 'Alex Morgan', 'submitted'],
      ['governor', 'Sam Patel', 'approved'],
    ])
    expect(doc.caseload.startOfCustody.percentMeeting).toBe(66)
    // Version 2 (issue 19): missed is required; the resourcing section is the resourcing plan on the
    // day (one prison POM, Priya Shah), 12 weeks from the export's date, at the target stage.
    expect(doc.caseload.startOfCustody.missed).toBe(1)
    expect(doc.caseload.transferArrival).toMatchObject({ missed: 0 })
    expect(doc.resourcing).toMatchObject({ asOf: '2026-11-23', targetStage: '3', poms: { prison: 1, probation: 0 } })
    expect(doc.resourcing?.weeks).toHaveLength(12)

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(xlsx.path)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Baselines', 'Action items', 'Blockers and warnings', 'Sign-off', 'Caseload', 'Resourcing'])
    const baselines = wb.getWorksheet('Baselines')
    expect(baselines?.rowCount).toBe(23)
    const row11 = baselines?.getRow(2)
    expect(row11?.getCell(2).value).toBe('1.1')
    expect(row11?.getCell(12).value).toEqual(new Date(Date.UTC(2026, 11, 14)))
    expect(wb.getWorksheet('Action items')?.getRow(2).getCell(2).value).toBe('Clear the OASys backlog')
    expect(wb.getWorksheet('Sign-off')?.getRow(3).getCell(3).value).toBe('Sam Patel')
    const summary = new Map<string, unknown>()
    wb.getWorksheet('Summary')?.eachRow((r) => summary.set(String(r.getCell(1).value), r.getCell(2).value))
    expect(summary.get('Overall readiness')).toBe('Ready')
    expect(summary.get('Target stage')).toBe('Stage 3 – Restrict')
    expect(summary.get('Assessment date')).toEqual(new Date(Date.UTC(2026, 10, 23)))

    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' })
    for (const expected of ['Readiness assessment: Offender Management Unit', 'HMP Testshire (TST)', 'Stage 4 – Red / lockdown', 'Stage 3 – Restrict', 'READY', `${doc.readiness.achieved} of ${doc.readiness.possible} (100%)`, 'Clear the OASys backlog', 'Sign-off record', 'Sam Patel', 'Probation Gold', 'OMU caseload summary', '66% of the 3 POM-responsible cases', 'Resourcing: can the OMU staff the target stage?']) {
      expect(text, expected).toContain(expected)
    }
    expect(execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)

    // Sessions' sensitive notes never reach any export.
    for (const p of [json.path, pdf.path]) expect(fs.readFileSync(p, 'latin1')).not.toContain(SECRET)
    const cells: string[] = []
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))))
    expect(cells.join('\n')).not.toContain(SECRET)
    expect(text).not.toContain(SECRET)
  })

  it('a cancelled save dialog writes nothing', async () => {
    const view = await readyPlan(svc)
    const store = svc.runtime.store
    if (!store) throw new Error('no store')
    const r = await store.read((conn) => exportReadiness({ store: conn, host: { chooseSavePath: async () => null }, versionId: view.version.id, format: 'pdf', today: '2026-11-23', now: new Date() }))
    expect(r).toEqual({ saved: false })
    expect(fs.existsSync(path.join(svc.userData, 'exports'))).toBe(false)
  })
})

describe('comparison import', () => {
  it('a version 1 file from an earlier version of the app still imports, normalised, with what it cannot say unknown (issue 19)', async () => {
    await submittedPlanWithDecisions()
    const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'readiness-export-v1.json'), 'utf8')
    const r = await svc.call('omu:readiness.importComparison', { fileName: 'old.json', text })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.data.document).toMatchObject({ schemaVersion: 1, establishment: { code: 'OLD' }, resourcing: null, caseload: { transferArrival: null, handoversDue: null, startOfCustody: { overdue: 1, missed: null } } })
    const list = await svc.call('omu:readiness.comparisons', {})
    expect(list.ok && list.data.map((c) => [c.document.establishment.code, c.document.schemaVersion])).toEqual([['OLD', 1]])
  })

  it('imports another establishment’s JSON export read-only; refuses its own, damaged files and other schema versions', async () => {
    const versionId = await submittedPlanWithDecisions()
    const own = await svc.call('omu:readiness.document', { versionId })
    if (!own.ok) throw new Error(own.error.message)
    const other = { ...own.data, establishment: { name: 'HMP Elsewhere', code: 'ELS', category: 'reception' } }
    const ownFile = await svc.call('omu:readiness.importComparison', { fileName: 'own.json', text: JSON.stringify(own.data) })
    expect(ownFile.ok || ownFile.error.message).toContain('your own establishment')
    const notJson = await svc.call('omu:readiness.importComparison', { fileName: 'x.json', text: '{ nope' })
    expect(notJson.ok || notJson.error.message).toContain('not valid JSON')
    const future = await svc.call('omu:readiness.importComparison', { fileName: 'x.json', text: JSON.stringify({ ...other, schemaVersion: 3 }) })
    expect(future.ok || future.error.message).toContain('schema version 3')
    const damaged = await svc.call('omu:readiness.importComparison', { fileName: 'x.json', text: JSON.stringify({ ...other, baselines: 'none', readiness: { ...other.readiness, overall: undefined } }) })
    expect(damaged.ok || damaged.error.message).toMatch(/damaged or incomplete.*readiness.overall is missing.*baselines should be a list/)

    const r = await svc.call('omu:readiness.importComparison', { fileName: 'els.json', text: JSON.stringify(other) })
    expect(r.ok && r.data.document.establishment.code).toBe('ELS')
    const list = await svc.call('omu:readiness.comparisons', {})
    expect(list.ok && list.data.map((c) => c.document.establishment.name)).toEqual(['HMP Elsewhere'])
    // Importing never touches this establishment's own plan.
    expect((await plan(svc)).version).toMatchObject({ version: 1, status: 'in_sign_off' })
    if (r.ok) expect(await svc.call('omu:readiness.removeComparison', { id: r.data.id })).toEqual({ ok: true, data: { removed: true } })
    expect(await svc.call('omu:readiness.comparisons', {})).toEqual({ ok: true, data: [] })
  })
})
