// Readiness export schema version 2 (issue 19): the resourcing section built from the engine's
// projection by one pure function, `missed` required, files parsed by their own version, and a
// version 1 file (made before issue 16 split overdue from missed) still read, in version 2's
// shape with what it cannot say left unknown. The PDF's resourcing page is rendered to PNG
// (pdftoppm) and kept in test-results/exports/ for a person to look at.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { renderPdf } from '../../electron/services/export/pdf'
import { renderXlsx } from '../../electron/services/export/xlsx'
import { parseComparison } from '../../electron/services/rrmp/comparisonFile'
import { projectResourcing } from '../../shared/engine/index'
import { normaliseReadiness, parseReadinessFile, readinessDocumentSchema, readinessExportSchema, type ReadinessExport } from '../../shared/export/readinessExport'
import { resourcingSummary } from '../../shared/export/resourcingSummary'
import { sampleResourcing } from '../fixtures/resourcing'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-v2-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const V1_FILE = path.join(__dirname, '..', 'fixtures', 'readiness-export-v1.json')
const v1Text = (): string => fs.readFileSync(V1_FILE, 'utf8')

/** The version 1 file (a real export of an earlier version, establishment renamed) as a version 2 document with a resourcing section. */
function v2Document(resourcing: ReadinessExport['resourcing']): ReadinessExport {
  const v1 = JSON.parse(v1Text()) as ReadinessExport
  const minimum = { applicable: 3, met: 1, due: 1, overdue: 0, missed: 1, percentMeeting: 66 }
  return readinessExportSchema.parse({
    ...v1,
    schemaVersion: 2,
    caseload: { ...v1.caseload, startOfCustody: minimum, preHandover: { ...minimum, missed: 0, overdue: 1 }, transferArrival: { applicable: 0, met: 0, due: 0, overdue: 0, missed: 0, percentMeeting: null }, handoversDue: { days: 56, cases: 2 } },
    resourcing,
  })
}

describe('the resourcing section is the engine’s projection, summarised', () => {
  const input = {
    poms: [{ id: 'p1', name: 'P', type: 'prison' as const, band: 4, hoursPerWeek: 10, workingPattern: { daysPerWeek: 5 }, availability: { status: 'active' as const } }],
    caseload: [],
    receptionsPerWeek: 4,
    currentStage: '4',
    targetStage: '3',
  }
  const projection = projectResourcing(input, '2026-11-23')
  const summary = resourcingSummary(projection, { receptionsPerWeek: 4 })

  it('one row per engine week, with the same dates and hours (to one decimal place)', () => {
    expect(summary.weeks.map((w) => [w.start, w.end])).toEqual(projection.weeks.map((w) => [w.start, w.end]))
    summary.weeks.forEach((w, i) => {
      const e = projection.weeks[i]!
      expect(w.needed.total).toBeCloseTo(e.needed.total, 1)
      expect(w.needed.prison + w.needed.probation + w.needed.shared).toBeCloseTo(e.needed.total, 0)
      expect(w.available.total).toBeCloseTo(e.available.total, 1)
      expect(w.inShortfall).toBe(e.flagged)
    })
  })

  it('shortfall weeks are the engine’s flagged weeks; the first is named; cases at risk is the engine’s count', () => {
    expect(summary.summary.shortfallWeeks).toBe(projection.summary.weeksFlagged)
    expect(summary.summary.shortfallWeeks).toBeGreaterThan(0)
    expect(summary.summary.firstShortfallWeek).toBe(projection.weeks.find((w) => w.flagged)?.start)
    expect(summary.summary.casesAtRisk).toBe(projection.summary.casesAtRisk)
    expect(summary.asOf).toBe('2026-11-23')
    expect(summary.poms).toEqual({ prison: 1, probation: 0 })
  })

  it('carries the assumptions the figures rest on, with the reinstated tasks of the target stage', () => {
    expect(summary.assumptions.hoursPerSupervisionSession).toBe(projection.assumptions.hoursPerSupervisionSession)
    expect(summary.assumptions.tasks.map((t) => t.id)).toEqual(projection.tasks.map((t) => t.id))
  })

  it('is valid against the version 2 schema', () => {
    expect(readinessExportSchema.shape.resourcing.parse(summary)).toEqual(summary)
  })
})

describe('files are read by their own version', () => {
  it('a version 1 file made before issue 16 still parses and normalises: missed, transfer arrival and handovers due unknown, no resourcing', () => {
    const parsed = parseComparison(v1Text())
    expect(parsed.schemaVersion).toBe(1)
    const doc = normaliseReadiness(parsed)
    expect(readinessDocumentSchema.parse(doc)).toEqual(doc)
    expect(doc.schemaVersion).toBe(1)
    // Its overdue is kept as written: it may hold missed minima, which is why missed is unknown, not 0.
    expect(doc.caseload.startOfCustody).toMatchObject({ overdue: 1, missed: null })
    expect(doc.caseload.transferArrival).toBeNull()
    expect(doc.caseload.handoversDue).toBeNull()
    expect(doc.resourcing).toBeNull()
    expect(doc.establishment.code).toBe('OLD')
  })

  it('a version 1 file with the missed count added within version 1 keeps it', () => {
    const v1 = JSON.parse(v1Text()) as { caseload: { startOfCustody: Record<string, unknown> } }
    v1.caseload.startOfCustody.missed = 1
    const doc = normaliseReadiness(parseComparison(JSON.stringify(v1)))
    expect(doc.caseload.startOfCustody.missed).toBe(1)
    expect(doc.caseload.preHandover.missed).toBeNull()
  })

  it('a version 2 document is its own normalised form', () => {
    const doc = v2Document(sampleResourcing())
    expect(normaliseReadiness(doc)).toBe(doc)
    expect(readinessDocumentSchema.parse(doc)).toEqual(doc)
  })

  it('version 2 requires the missed counts: a file without them is damaged, not read as unknown', () => {
    const doc = v2Document(null) as unknown as { caseload: { startOfCustody: Record<string, unknown> } }
    delete doc.caseload.startOfCustody.missed
    expect(() => parseComparison(JSON.stringify(doc))).toThrow(/damaged or incomplete.*caseload\.startOfCustody\.missed is missing/)
  })

  it('a version it does not know, or a file that is not an export, is refused saying which', () => {
    expect(parseReadinessFile({ format: 'omu-desk/readiness-assessment', schemaVersion: 3 })).toEqual({ ok: false, problem: { kind: 'unknown_version', version: 3 } })
    expect(() => parseComparison(JSON.stringify({ ...v2Document(null), schemaVersion: 3 }))).toThrow('schema version 3; this version of OMU Desk reads versions 1 and 2')
    expect(parseReadinessFile({ hello: 1 })).toEqual({ ok: false, problem: { kind: 'not_an_export' } })
  })
})

describe('the resourcing section in the PDF and the XLSX', () => {
  it('PDF: the resourcing summary, a bar chart with the short weeks marked in words, the weekly table and the assumptions; rendered to PNG', async () => {
    const r = sampleResourcing()
    const file = path.join(dir, 'resourcing.pdf')
    fs.writeFileSync(file, await renderPdf(v2Document(r)))
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('Resourcing: can the OMU staff the target stage?')
    expect(text).toContain(`Demand exceeds capacity in ${r.summary.shortfallWeeks} of the 12 weeks`)
    expect(text).toContain('Needed: prison POMs’ cases')
    expect(text).toContain('Assumptions')
    // "Short" once per short week in the chart and once per short week in the table.
    expect(text.match(/\bShort\b(?! by)/g)?.length).toBe(2 * r.summary.shortfallWeeks)
    expect(text).toContain('Transfer arrival minimum')
    expect(text).toContain('1 missed')
    // The page holding the chart, as an image for a person to look at.
    const page = text.split('\f').findIndex((p) => p.includes('Resourcing: can the OMU staff')) + 1
    const keep = path.join(process.cwd(), 'test-results', 'exports')
    fs.mkdirSync(keep, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', file, path.join(keep, 'readiness-resourcing-page')])
    expect(fs.statSync(path.join(keep, 'readiness-resourcing-page.png')).size).toBeGreaterThan(10_000)
  })

  it('PDF: with no resourcing plan, it says so instead of showing a shortfall of zero', async () => {
    const file = path.join(dir, 'none.pdf')
    fs.writeFileSync(file, await renderPdf(v2Document(null)))
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('No resourcing plan is recorded for this establishment')
  })

  it('XLSX: a Resourcing sheet with the 12 weeks, the short ones marked Yes, then the summary and assumptions', async () => {
    const r = sampleResourcing()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await renderXlsx(v2Document(r))) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Resourcing')!
    const weeks = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((n) => ws.getRow(n))
    expect(weeks.map((row) => row.getCell(1).value)).toEqual(r.weeks.map((w) => new Date(`${w.start}T00:00:00Z`)))
    expect(weeks.map((row) => row.getCell(11).value)).toEqual(r.weeks.map((w) => (w.inShortfall ? 'Yes' : 'No')))
    expect(weeks.map((row) => row.getCell(6).value)).toEqual(r.weeks.map((w) => w.needed.total))
    const summary = new Map<string, unknown>()
    ws.eachRow((row, n) => {
      if (n > 14) summary.set(String(row.getCell(1).value), row.getCell(2).value)
    })
    expect(summary.get('Weeks in which demand exceeds capacity')).toBe(r.summary.shortfallWeeks)
    expect(summary.get('Assumed hours per supervision session')).toBe(r.assumptions.hoursPerSupervisionSession)
    const caseload = new Map<string, unknown>()
    wb.getWorksheet('Caseload')!.eachRow((row) => caseload.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(caseload.get('Start-of-custody minimum: missed (not met, past the due date by more than the overdue period)')).toBe(1)
    expect(caseload.get('Handovers due: handover to the COM starting in the next 8 weeks')).toBe(2)
  })
})
