// The Group view (issue 19, "Group view"), through the real services on a real SQLite file and,
// under vitest.pg.config.ts, on a real PostgreSQL server: this establishment's live row is the
// readiness export's own document; imported exports of schema version 1 and 2 sit beside it, each
// labelled with its source; the Governor, the HOMS and a read-only reviewer may see and export
// it, a POM may not; nothing on it changes any establishment's data.
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { auditLog } from '../../db/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { groupRow } from '../../shared/export/groupView'
import type { ReadinessExport } from '../../shared/export/readinessExport'
import { sampleResourcing } from '../fixtures/resourcing'
import { readStore, startTestServices, type ServicesHandle } from './helpers'
import { readyPlan, setUpEstablishment, signInAs } from './rrmpFixtures'

let svc: ServicesHandle
beforeEach(async () => {
  svc = await startTestServices()
  await setUpEstablishment(svc)
})
afterEach(() => svc.cleanup())

const V1_TEXT = (): string => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'readiness-export-v1.json'), 'utf8')

async function view() {
  const r = await svc.call('omu:group.view', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

/** This establishment's own document, renamed: another establishment's version 2 export. */
async function otherV2(versionId: number, name: string, code: string): Promise<ReadinessExport> {
  const own = await svc.call('omu:readiness.document', { versionId })
  if (!own.ok) throw new Error(own.error.message)
  return { ...own.data, establishment: { name, code, category: 'training' }, resourcing: sampleResourcing(own.data.asOf) }
}

async function importFile(fileName: string, text: string): Promise<void> {
  const r = await svc.call('omu:readiness.importComparison', { fileName, text })
  if (!r.ok) throw new Error(r.error.message)
}

/** Rows on the audit trail: every change writes one (issue 7), so an unchanged count means nothing was changed. */
async function auditCount(): Promise<number> {
  return readStore(svc, async (c) => (await c.db.select().from(auditLog).all()).length)
}

describe('the Group view', () => {
  it('without an RRMP, the live row still shows the stages, caseload and handovers, with no readiness figures', async () => {
    const v = await view()
    expect(v.liveProblem).toBeNull()
    expect(v.rows).toHaveLength(1)
    expect(v.rows[0]).toMatchObject({ source: { kind: 'live' }, establishment: { code: 'TST' }, plan: null, readiness: null, stages: { current: 4, target: 3 }, compliance: { asOf: v.today }, handoversDue: { cases: 0, days: 56 } })
  })

  it('the live row is the readiness export’s own document of the latest version, labelled live', async () => {
    const p = await readyPlan(svc)
    const doc = await svc.call('omu:readiness.document', { versionId: p.version.id })
    if (!doc.ok) throw new Error(doc.error.message)
    const v = await view()
    expect(v.rows).toEqual([groupRow(doc.data, { kind: 'live' })])
    expect(v.rows[0]?.readiness?.percent).toBe(100)
  })

  it('imported version 1 and version 2 exports sit beside it, each labelled with its source and file version; a version 1 file’s missing figures are unknown, not zero', async () => {
    const p = await readyPlan(svc)
    await importFile('old.json', V1_TEXT())
    await importFile('els.json', JSON.stringify(await otherV2(p.version.id, 'HMP Elsewhere', 'ELS')))
    const v = await view()
    expect(v.rows.map((r) => [r.establishment.code, r.source.kind, r.source.kind === 'imported' ? r.source.schemaVersion : 'live'])).toEqual([
      ['TST', 'live', 'live'],
      ['ELS', 'imported', 2],
      ['OLD', 'imported', 1],
    ])
    const old = v.rows.find((r) => r.establishment.code === 'OLD')
    expect(old).toMatchObject({ resourcing: null, handoversDue: null, compliance: { transferArrival: null, startOfCustody: { missed: null, overdue: 1 } } })
    const els = v.rows.find((r) => r.establishment.code === 'ELS')
    const expected = sampleResourcing(els?.compliance.asOf)
    expect(els?.resourcing).toMatchObject({ shortfallWeeks: expected.summary.shortfallWeeks, casesAtRisk: expected.summary.casesAtRisk, weeks: 12 })
  })

  it('the Governor, the HOMS and a read-only reviewer may see it; a POM is refused', async () => {
    for (const role of ['governor', 'read_only', 'homs'] as const) {
      await signInAs(svc, role)
      expect((await svc.call('omu:group.view', {})).ok, role).toBe(true)
    }
    await signInAs(svc, 'pom')
    const refused = await svc.call('omu:group.view', {})
    expect(refused.ok || refused.error.message).toMatch(/Governor, HOMS or Read-only reviewer|cannot see the Group view/i)
  })

  it('a reviewer exports it as XLSX in the order shown, with each row’s source; nothing is written to the data', async () => {
    const p = await readyPlan(svc)
    await importFile('old.json', V1_TEXT())
    await importFile('els.json', JSON.stringify(await otherV2(p.version.id, '=HMP Formula', 'FRM')))
    await signInAs(svc, 'read_only')
    const before = await auditCount()
    const r = await svc.call('omu:group.export', { column: 'establishment', direction: 'descending' })
    if (!r.ok) throw new Error(r.error.message)
    if (!r.data.saved) throw new Error('not saved')
    expect(path.basename(r.data.path)).toMatch(/^Group-view-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(r.data.path)
    const ws = wb.getWorksheet('Group view')!
    expect([2, 3, 4].map((n) => ws.getRow(n).getCell(1).value)).toEqual(['HMP Testshire', 'HMP Oldfield', '=HMP Formula'])
    expect(String(ws.getRow(2).getCell(3).value)).toContain('Live')
    expect(String(ws.getRow(3).getCell(3).value)).toContain('schema version 1')
    // Text from an imported file is never a formula.
    expect(ws.getRow(4).getCell(1).type).toBe(ExcelJS.ValueType.String)
    // Reading and exporting write nothing to the data.
    expect(await auditCount()).toBe(before)
  })
})
