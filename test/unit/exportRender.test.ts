// The three readiness export writers render one document (issue 6). The PDF is checked the way a
// person would read it: text extracted with pdftotext, page size from pdfinfo (A4).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { renderJson } from '../../electron/services/export/json'
import { renderPdf } from '../../electron/services/export/pdf'
import { looksLikeFormula, renderXlsx } from '../../electron/services/export/xlsx'
import { OMU_EDM } from '../../shared/engine/index'
import { readinessExportSchema, type ReadinessExport } from '../../shared/export/readinessExport'
import { POLICY_LABELS, baselineName } from '../../shared/export/labels'
import { sampleResourcing } from '../fixtures/resourcing'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-render-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A not-ready stage 3 assessment over the shipped OMU EDM baselines (seed 002), with hostile text in it. */
function fixture(): ReadinessExport {
  const baselines = OMU_EDM.baselines.map((b, i) => ({
    id: b.id,
    areaId: b.area,
    areaTitle: OMU_EDM.areas.find((a) => a.id === b.area)?.title ?? b.area,
    text: b.text,
    weighting: b.weighting ?? null,
    autonomy: b.autonomy ?? null,
    mandatory: true,
    faceToFace: b.faceToFace,
    sequence: i + 1,
    status: i === 0 ? ('in_progress' as const) : ('ready' as const),
    readiness: i === 0 ? ('not_ready' as const) : ('ready' as const),
    reasons: i === 0 ? ['Baseline 1.1 is in progress: it must be ready or delivering.'] : [],
    delivery: { kind: 'as_stipulated' as const, optionId: null, text: 'As stipulated' },
    notApplicableReason: null,
    owner: i === 1 ? '=HYPERLINK("http://example.invalid","click")' : 'Alex Morgan',
    targetDate: '2026-12-14',
    resourcingNote: '',
    evidence: { riskAssessmentDone: true, safeSystemOfWorkDone: true, unionsConsulted: i !== 0 },
    comments: i === 2 ? 'A very long comment. '.repeat(150) : '',
    actionItems: i === 3 ? [{ id: 'a1', action: '+SUM(1,1) looks like a formula', owner: 'Case admin lead', targetDate: null, status: 'ongoing' as const, progressUpdates: [{ date: '2026-11-20', note: 'Started' }] }] : [],
  }))
  return readinessExportSchema.parse({
    format: 'omu-desk/readiness-assessment',
    schemaVersion: 2,
    exportedAt: '2026-11-23T10:00:00.000Z',
    asOf: '2026-11-23',
    establishment: { name: 'HMP Testshire', code: 'TST', category: 'training' },
    policy: 'omic2021',
    catalogue: { id: OMU_EDM.id, title: OMU_EDM.title, version: OMU_EDM.version, source: 'HM Prison and Probation Service' },
    plan: { version: 3, basedOnVersion: 2, currentStage: 4, targetStage: 3, status: 'draft', statusText: 'Draft: not submitted yet', lastChanged: '2026-11-23T09:00:00.000Z' },
    readiness: {
      overall: 'not_ready',
      achieved: 57,
      possible: 60,
      percent: 95,
      areas: OMU_EDM.areas.map((a) => ({ id: a.id, title: a.title, ready: 1, notReady: 0, notApplicable: 0, achieved: 3, possible: 3, percent: 100 })),
      blockers: [{ baselineId: '1.1', weighting: 3, reasons: ['Baseline 1.1 is in progress: it must be ready or delivering.'] }],
      sequencingWarnings: [],
      warnings: [],
    },
    baselines,
    signOff: { statusText: 'Draft: not submitted yet', steps: [] },
    caseload: {
      asOf: '2026-11-23',
      policy: 'omic2021',
      cases: 0,
      notEvaluated: 0,
      byResponsibility: { pom: 0, pomWithCom: 0, com: 0 },
      pomResponsible: 0,
      startOfCustody: { applicable: 0, met: 0, due: 0, overdue: 0, missed: 0, percentMeeting: null },
      preHandover: { applicable: 0, met: 0, due: 0, overdue: 0, missed: 0, percentMeeting: null },
      transferArrival: { applicable: 0, met: 0, due: 0, overdue: 0, missed: 0, percentMeeting: null },
      handoversDue: { days: 56, cases: 0 },
      overdue: { startOfCustody: 0, preHandover: 0, transferArrival: 0, cases: 0 },
      lateRecords: 0,
    },
    resourcing: sampleResourcing(),
  })
}

describe('readiness export writers', () => {
  it('PDF: A4, every section, blockers, unsigned signature blocks for the whole route, long text wrapped across pages', async () => {
    const file = path.join(dir, 'r.pdf')
    fs.writeFileSync(file, await renderPdf(fixture()))
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)
    expect(info).toMatch(/Title:\s+RRMP readiness assessment: HMP Testshire \(TST\), version 3/)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    for (const s of ['NOT READY: 1 mandatory baseline is not ready', '57 of 60 (95%)', 'Blockers (weighting 3 first)', 'Baseline 1.1 is in progress', 'OMU caseload summary', 'Applies to no POM-responsible case.', 'Action items', '+SUM(1,1) looks like a formula', 'and ongoing', 'Sign-off record', 'Draft: not submitted yet', 'Baseline details', '3 (started from submitted version 2)']) {
      expect(text, s).toContain(s)
    }
    // One unsigned block per step of the route (seed 002 sign-off route).
    for (const step of ['HOMS submission', 'Governor', 'Prison Group Director', 'Prison Gold', 'Divisional Implementation Board', 'Probation Gold (OMU section)']) expect(text).toContain(step)
    expect(text.match(/Signature/g)?.length).toBeGreaterThanOrEqual(6)
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
    expect(text.match(/Page \d+ of \d+/g)?.length).toBe(pages)
  })

  it('PDF Baselines table: "Order", "Readiness" and each dd/mm/yyyy target date stay whole on one line (issue 16: nothing cut off)', async () => {
    const file = path.join(dir, 'columns.pdf')
    fs.writeFileSync(file, await renderPdf(fixture()))
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    // The Baselines table: from its note to the Baseline details that follow it.
    const table = text.slice(text.indexOf('In the order to work in'), text.indexOf('Baseline details'))
    expect(table.length).toBeGreaterThan(0)
    const lines = table.split('\n')
    // The header row holds both words whole (a cut word leaves "Readines" / "Ord" on the line).
    expect(lines.some((l) => /\bOrder\b/.test(l) && /\bReadiness\b/.test(l) && /\bBaseline\b/.test(l))).toBe(true)
    expect(table).not.toMatch(/\bReadines\b|\bOrd\b|\bOrde\b/)
    // Every baseline has target date 14/12/2026 in the fixture: each row shows it whole.
    expect(table.match(/14\/12\/2026/g)?.length).toBe(fixture().baselines.length)
    expect(table).not.toMatch(/14\/12\/202(?!6)|14\/12\/(?!2026)/)
    // Readiness values are whole words too.
    expect(table.match(/\bReady\b/g)?.length ?? 0).toBeGreaterThanOrEqual(fixture().baselines.length - 1)
  })

  it('PDF: names in any script read back exactly as entered (issue 15: embedded Noto Sans and Noto Sans Arabic)', async () => {
    const names = ['Łukasz Wiśniewski', 'Thị Nguyễn', 'Zoë Brontë', 'محمد الأحمد']
    const d = fixture()
    // Each name owns a baseline (table cell and detail field) and signs one step (sign-off table and signature block).
    names.forEach((n, i) => {
      d.baselines[i + 4]!.owner = n
    })
    d.signOff.steps = [
      { stage: 'submit', by: names[0]!, role: 'Head of Offender Management Services', date: '2026-11-20', decision: 'submitted', comments: null },
      { stage: 'governor', by: names[1]!, role: 'Governor', date: '2026-11-21', decision: 'approved', comments: `Agreed with ${names[3]!}.` },
      { stage: 'pgd', by: names[2]!, role: 'Prison Group Director', date: '2026-11-22', decision: 'approved', comments: null },
      { stage: 'prison_gold', by: names[3]!, role: 'Prison Gold', date: '2026-11-23', decision: 'approved', comments: null },
    ]
    const file = path.join(dir, 'names.pdf')
    const pdf = await renderPdf(readinessExportSchema.parse(d))
    fs.writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    // At least in the baseline's detail fields and the signature block (narrow table columns may wrap a long name).
    for (const n of names) expect(text.split(n).length - 1, n).toBeGreaterThanOrEqual(2)
    expect(text).toContain('Agreed with')
    // Subset embedding keeps the file small: about 40 kB against 23 kB with the unembedded Helvetica.
    expect(pdf.length).toBeLessThan(80_000)
  })

  it('XLSX: the Blockers and Action items sheets name each baseline by number and title (issue 16), and the policy and responsibility rows say what they count (issue 20)', async () => {
    const d = fixture()
    d.policy = 'omic2023'
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await renderXlsx(d)) as unknown as ArrayBuffer)
    const nameOf = (id: string) => baselineName(id, OMU_EDM.baselines.find((b) => b.id === id)?.text)
    expect(nameOf('1.1')).toMatch(/^Baseline 1\.1: \S/)
    const blockers = wb.getWorksheet('Blockers and warnings')!
    expect(blockers.getRow(1).getCell(2).value).toBe('Baseline')
    expect(blockers.getRow(2).getCell(2).value).toBe(nameOf('1.1'))
    const actions = wb.getWorksheet('Action items')!
    const withAction = d.baselines.find((b) => b.actionItems.length > 0)!
    expect(actions.getRow(2).getCell(1).value).toBe(nameOf(withAction.id))
    const values: unknown[] = []
    wb.getWorksheet('Summary')?.eachRow((r) => values.push(r.getCell(2).value))
    // Handover spec R4: an ISP in open conditions has two dates, so no "single handover date".
    expect(values).toContain(POLICY_LABELS.omic2023)
    expect(POLICY_LABELS.omic2023).not.toMatch(/single/)
    const labels: unknown[] = []
    wb.getWorksheet('Caseload')!.eachRow((r) => labels.push(r.getCell(1).value))
    // Handover spec R2a, R2c (POM_WITH_COM_FROM_START): POM responsible with the COM supporting outside any handover period.
    expect(labels).toContain('POM responsible, COM supporting (in the handover period, or with the next parole hearing more than 12 months away)')
  })

  it('XLSX: text that looks like a formula is stored as text with the quote-prefix style, not with an apostrophe', async () => {
    const file = await renderXlsx(fixture())
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file as unknown as ArrayBuffer)
    const hyperlink = wb.getWorksheet('Baselines')!.getRow(3).getCell(11)
    const sum = wb.getWorksheet('Action items')!.getRow(2).getCell(2)
    // Read back as written: plain text, no apostrophe added.
    expect(hyperlink.value).toBe('=HYPERLINK("http://example.invalid","click")')
    expect(hyperlink.type).toBe(ExcelJS.ValueType.String)
    expect(sum.value).toBe('+SUM(1,1) looks like a formula')
    let formulas = 0
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => (formulas += c.type === ExcelJS.ValueType.Formula ? 1 : 0))))
    expect(formulas).toBe(0)
    // The style: text format and quotePrefix="1" on the cell's own xf (exceljs reads the format,
    // not quotePrefix, so the xf is read from styles.xml); ordinary text has neither.
    expect(hyperlink.numFmt).toBe('@')
    const zip = await JSZip.loadAsync(file)
    const sheetXml = async (name: string) => {
      const workbook = await zip.file('xl/workbook.xml')!.async('string')
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string')
      const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(workbook)![1]
      const target = new RegExp(`Id="${rid}"[^>]*Target="/?(?:xl/)?([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="/?(?:xl/)?([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]
      return zip.file(`xl/${target}`)!.async('string')
    }
    const xfs = [...(await zip.file('xl/styles.xml')!.async('string')).split('<cellXfs')[1]!.split('</cellXfs>')[0]!.matchAll(/<xf [^>]*>/g)].map((m) => m[0])
    const styleOf = async (sheet: string, ref: string) => xfs[Number(new RegExp(`<c r="${ref}"[^>]* s="(\\d+)"`).exec(await sheetXml(sheet))?.[1] ?? 0)]!
    expect(await styleOf('Baselines', 'K3')).toContain('quotePrefix="1"')
    expect(await styleOf('Action items', 'B2')).toContain('quotePrefix="1"')
    expect(await styleOf('Baselines', 'B3')).not.toContain('quotePrefix')
    expect(looksLikeFormula('-1 week')).toBe(true)
    expect(looksLikeFormula('@risk')).toBe(true)
    expect(looksLikeFormula('Ready')).toBe(false)
  })

  it('JSON: the document itself, valid against schema version 2', () => {
    const doc = fixture()
    const parsed = readinessExportSchema.parse(JSON.parse(renderJson(doc).toString('utf8')))
    expect(parsed).toEqual(doc)
  })
})
