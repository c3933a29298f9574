// XLSX writer (exceljs): the readiness document in sheets, same content as the PDF. Calendar dates
// are real spreadsheet dates shown dd/mm/yyyy; text stays text (never a formula), and text that a
// spreadsheet could take for a formula is neutralised (issue 7, OWASP "CSV injection"): stored as
// text with Excel's quote-prefix style (issue 15), so the cell shows and holds exactly what was
// written ("-1 week", "=x") and Excel will not evaluate it even when the cell is edited.
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import {
  POLICY_LABELS,
  actionStatusLabel,
  baselineName,
  autonomyLabel,
  decisionLabel,
  readinessLabel,
  signOffStageLabel,
  stageLabel,
  statusLabel,
  ukDate,
} from '../../../shared/export/labels'
import type { ReadinessExport } from '../../../shared/export/readinessExport'

const yesNo = (b: boolean): string => (b ? 'Yes' : 'No')

/** 'YYYY-MM-DD' as a UTC midnight Date (a spreadsheet date with no time-zone shift), or ''. */
function excelDate(iso: string | null): Date | string {
  if (!iso) return ''
  const [y, m, d] = iso.split('-').map(Number)
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1))
}

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number; date?: boolean }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.date ? { numFmt: 'dd/mm/yyyy' } : { alignment: { wrapText: true, vertical: 'top' } } }))
  ws.getRow(1).font = { bold: true }
  return ws
}

function summarySheet(wb: ExcelJS.Workbook, doc: ReadinessExport): void {
  const ws = sheet(wb, 'Summary', [
    { header: 'Item', key: 'k', width: 34 },
    { header: 'Value', key: 'v', width: 90 },
  ])
  const r = doc.readiness
  const rows: [string, string | number | Date][] = [
    ['Establishment', doc.establishment.name],
    ['Establishment code', doc.establishment.code],
    ['Category or function', doc.establishment.category],
    ['Assessment date', excelDate(doc.asOf)],
    ['RRMP version', doc.plan.version],
    ['Based on version', doc.plan.basedOnVersion ?? ''],
    ['Status', doc.plan.statusText],
    ['Current stage', stageLabel(doc.plan.currentStage)],
    ['Target stage', stageLabel(doc.plan.targetStage)],
    ['Case engine policy', POLICY_LABELS[doc.policy] ?? doc.policy],
    ['Catalogue', doc.catalogue.title],
    ['Catalogue version', doc.catalogue.version],
    ['Catalogue source', doc.catalogue.source],
    ['Overall readiness', r.overall === 'ready' ? 'Ready' : 'Not ready'],
    ['Weighted score', `${r.achieved} of ${r.possible} (${r.percent}%)`],
    ['Blockers', r.blockers.length],
    ['Export schema', `${doc.format} version ${doc.schemaVersion}`],
  ]
  for (const [k, v] of rows) ws.addRow({ k, v })
  ws.getCell('B5').numFmt = 'dd/mm/yyyy'
  ws.addRow({})
  const head = ws.addRow({ k: 'Readiness by area', v: 'Ready / not ready / not applicable; weighted score' })
  head.font = { bold: true }
  for (const a of r.areas) ws.addRow({ k: `${a.id}. ${a.title}`, v: `${a.ready} ready, ${a.notReady} not ready, ${a.notApplicable} not applicable; ${a.achieved} of ${a.possible} (${a.percent}%)` })
}

function baselinesSheet(wb: ExcelJS.Workbook, doc: ReadinessExport): void {
  const ws = sheet(wb, 'Baselines', [
    { header: 'Order', key: 'order', width: 7 },
    { header: 'Baseline', key: 'id', width: 9 },
    { header: 'Area', key: 'area', width: 24 },
    { header: 'Baseline text', key: 'text', width: 60 },
    { header: 'Weighting', key: 'weighting', width: 10 },
    { header: 'Autonomy', key: 'autonomy', width: 10 },
    { header: 'Status', key: 'status', width: 14 },
    { header: 'Readiness', key: 'readiness', width: 14 },
    { header: 'Delivery', key: 'delivery', width: 40 },
    { header: 'Not applicable because', key: 'na', width: 28 },
    { header: 'Owner', key: 'owner', width: 20 },
    { header: 'Target date', key: 'target', width: 12, date: true },
    { header: 'Face to face', key: 'f2f', width: 10 },
    { header: 'Risk assessment', key: 'ra', width: 10 },
    { header: 'Safe system of work', key: 'ssow', width: 10 },
    { header: 'TUs and staff associations consulted', key: 'tu', width: 14 },
    { header: 'Resourcing note', key: 'resourcing', width: 30 },
    { header: 'Comments', key: 'comments', width: 30 },
    { header: 'Why not ready', key: 'reasons', width: 60 },
  ])
  for (const b of doc.baselines) {
    ws.addRow({
      order: b.sequence ?? '',
      id: b.id,
      area: b.areaTitle,
      text: b.text,
      weighting: b.weighting ?? '',
      autonomy: autonomyLabel(b.autonomy ?? undefined),
      status: statusLabel(b.status),
      readiness: readinessLabel(b.readiness),
      delivery: b.delivery.text,
      na: b.notApplicableReason ?? '',
      owner: b.owner,
      target: excelDate(b.targetDate),
      f2f: yesNo(b.faceToFace),
      ra: yesNo(b.evidence.riskAssessmentDone),
      ssow: yesNo(b.evidence.safeSystemOfWorkDone),
      tu: yesNo(b.evidence.unionsConsulted),
      resourcing: b.resourcingNote,
      comments: b.comments,
      reasons: b.reasons.join('\n'),
    })
  }
}

/** Issue 16: 'Baseline 2.5: Supervision should be …', readable without the EDM to hand. */
function nameOf(doc: ReadinessExport, id: string): string {
  return baselineName(id, doc.baselines.find((b) => b.id === id)?.text)
}

function actionsSheet(wb: ExcelJS.Workbook, doc: ReadinessExport): void {
  const ws = sheet(wb, 'Action items', [
    { header: 'Baseline', key: 'id', width: 48 },
    { header: 'Action', key: 'action', width: 60 },
    { header: 'Owner', key: 'owner', width: 22 },
    { header: 'Target date', key: 'target', width: 12, date: true },
    { header: 'Status', key: 'status', width: 22 },
    { header: 'Progress updates', key: 'updates', width: 70 },
  ])
  for (const b of doc.baselines) {
    for (const i of b.actionItems) {
      ws.addRow({
        id: nameOf(doc, b.id),
        action: i.action,
        owner: i.owner,
        target: excelDate(i.targetDate),
        status: actionStatusLabel(i.status),
        updates: i.progressUpdates.map((u) => `${ukDate(u.date)}: ${u.note}`).join('\n'),
      })
    }
  }
}

function blockersSheet(wb: ExcelJS.Workbook, doc: ReadinessExport): void {
  const ws = sheet(wb, 'Blockers and warnings', [
    { header: 'Kind', key: 'kind', width: 22 },
    { header: 'Baseline', key: 'id', width: 48 },
    { header: 'Weighting', key: 'weighting', width: 10 },
    { header: 'Detail', key: 'detail', width: 110 },
  ])
  for (const b of doc.readiness.blockers) ws.addRow({ kind: 'Blocker', id: nameOf(doc, b.baselineId), weighting: b.weighting ?? '', detail: b.reasons.join('\n') })
  for (const w of doc.readiness.sequencingWarnings) ws.addRow({ kind: 'Sequencing warning', detail: w })
  for (const w of doc.readiness.warnings) ws.addRow({ kind: 'Warning', detail: w })
}

function signOffSheet(wb: ExcelJS.Workbook, doc: ReadinessExport): void {
  const ws = sheet(wb, 'Sign-off', [
    { header: 'Step', key: 'step', width: 32 },
    { header: 'Role', key: 'role', width: 40 },
    { header: 'Name', key: 'by', width: 26 },
    { header: 'Date', key: 'date', width: 12, date: true },
    { header: 'Decision', key: 'decision', width: 24 },
    { header: 'Comments', key: 'comments', width: 60 },
  ])
  for (const s of doc.signOff.steps) {
    ws.addRow({ step: signOffStageLabel(s.stage), role: s.role, by: s.by, date: excelDate(s.date), decision: decisionLabel(s.decision), comments: s.comments ?? '' })
  }
  ws.addRow({})
  ws.addRow({ step: 'Status', role: doc.signOff.statusText })
}

function caseloadSheet(wb: ExcelJS.Workbook, doc: ReadinessExport): void {
  const c = doc.caseload
  const ws = sheet(wb, 'Caseload', [
    { header: 'Measure', key: 'k', width: 70 },
    { header: 'Value', key: 'v', width: 16 },
  ])
  const pct = (p: number | null): string => (p === null ? 'None applicable' : `${p}%`)
  const rows: [string, string | number | Date][] = [
    ['As of', excelDate(c.asOf)],
    ['Cases in custody', c.cases],
    ['Cases the case engine could not evaluate', c.notEvaluated],
    ['POM responsible', c.byResponsibility.pom],
    // Issue 20: besides the handover period, omic2023 has the POM responsible with the COM
    // supporting from the start, with no handover dates (handover-2023.md R2a and R2c,
    // POM_WITH_COM_FROM_START: next parole hearing more than 12 months away).
    ['POM responsible, COM supporting (in the handover period, or with the next parole hearing more than 12 months away)', c.byResponsibility.pomWithCom],
    ['COM responsible', c.byResponsibility.com],
    // Issue 17: overrides beside the engine's counts above (absent from older version 2 files).
    ['Overridden by a HOMD to COM responsible (counted above as the rules say)', c.overrides?.com ?? 'Not in this file'],
    ['Overridden by a HOMD to POM responsible (counted above as the rules say)', c.overrides?.pom ?? 'Not in this file'],
    ['Start-of-custody minimum: POM-responsible cases it applies to', c.startOfCustody.applicable],
    ['Start-of-custody minimum: met', c.startOfCustody.met],
    ['Start-of-custody minimum: due (within the window)', c.startOfCustody.due],
    ['Start-of-custody minimum: overdue', c.startOfCustody.overdue],
    ['Start-of-custody minimum: missed (not met, past the due date by more than the overdue period)', c.startOfCustody.missed],
    ['Start-of-custody minimum: % meeting it (met or within the window)', pct(c.startOfCustody.percentMeeting)],
    ['Pre-handover minimum: POM-responsible cases it applies to', c.preHandover.applicable],
    ['Pre-handover minimum: met', c.preHandover.met],
    ['Pre-handover minimum: due (within the window)', c.preHandover.due],
    ['Pre-handover minimum: overdue', c.preHandover.overdue],
    ['Pre-handover minimum: missed (not met, past the due date by more than the overdue period)', c.preHandover.missed],
    ['Pre-handover minimum: % meeting it (met or within the window)', pct(c.preHandover.percentMeeting)],
    ['Transfer arrival minimum: POM-responsible cases it applies to', c.transferArrival.applicable],
    ['Transfer arrival minimum: met', c.transferArrival.met],
    ['Transfer arrival minimum: due (within the window)', c.transferArrival.due],
    ['Transfer arrival minimum: overdue', c.transferArrival.overdue],
    ['Transfer arrival minimum: missed (not met, past the due date by more than the overdue period)', c.transferArrival.missed],
    ['Transfer arrival minimum: % meeting it (met or within the window)', pct(c.transferArrival.percentMeeting)],
    [`Handovers due: handover to the COM starting in the next ${c.handoversDue.days / 7} weeks`, c.handoversDue.cases],
    ['Overdue: start of custody', c.overdue.startOfCustody],
    ['Overdue: pre-handover', c.overdue.preHandover],
    ['Overdue: transfer arrival', c.overdue.transferArrival],
    ['Cases with at least one overdue minimum', c.overdue.cases],
    ['Sessions recorded late (more than one working day)', c.lateRecords],
  ]
  for (const [k, v] of rows) ws.addRow({ k, v })
  ws.getCell('B2').numFmt = 'dd/mm/yyyy'
}

/**
 * The resourcing section (issue 19): the 12 weeks' hours needed and available by POM type, the
 * shortfall marked in words, then the summary and the assumptions below the weeks.
 */
function resourcingSheet(wb: ExcelJS.Workbook, doc: ReadinessExport): void {
  const ws = sheet(wb, 'Resourcing', [
    { header: 'Week starting', key: 'start', width: 13, date: true },
    { header: 'Week ending', key: 'end', width: 13, date: true },
    { header: 'Needed: prison POMs’ cases (hours)', key: 'np', width: 16 },
    { header: 'Needed: probation POMs’ cases (hours)', key: 'nb', width: 16 },
    { header: 'Needed: shared work (hours)', key: 'ns', width: 14 },
    { header: 'Needed in all (hours)', key: 'nt', width: 12 },
    { header: 'Available: prison POMs (hours)', key: 'ap', width: 14 },
    { header: 'Available: probation POMs (hours)', key: 'ab', width: 14 },
    { header: 'Available in all (hours)', key: 'at', width: 12 },
    { header: 'Short by (hours)', key: 'st', width: 10 },
    { header: 'Demand exceeds capacity', key: 'short', width: 12 },
  ])
  const r = doc.resourcing
  if (r === null) {
    ws.addRow({ start: 'No resourcing plan is recorded for this establishment.' })
    return
  }
  for (const w of r.weeks) {
    ws.addRow({
      start: excelDate(w.start),
      end: excelDate(w.end),
      np: w.needed.prison,
      nb: w.needed.probation,
      ns: w.needed.shared,
      nt: w.needed.total,
      ap: w.available.prison,
      ab: w.available.probation,
      at: w.available.total,
      st: w.shortfall.total,
      short: w.inShortfall ? 'Yes' : 'No',
    })
  }
  ws.addRow({})
  const a = r.assumptions
  const rows: [string, string | number | Date][] = [
    ['As of', excelDate(r.asOf)],
    ['Target stage', stageLabel(r.targetStage)],
    ['Prison POMs', r.poms.prison],
    ['Probation POMs', r.poms.probation],
    ['Receptions a week', r.receptionsPerWeek],
    ['Weeks in which demand exceeds capacity', r.summary.shortfallWeeks],
    ['Shortfall hours in all (12 weeks)', r.summary.shortfallHours.total],
    ['Cases at risk of missing a minimum if nothing changes', r.summary.casesAtRisk],
    ['Assumed hours per supervision session', a.hoursPerSupervisionSession],
    ['Assumed hours per handover', a.hoursPerHandover],
    ['Assumed hours per allocation', a.hoursPerAllocation],
    ['Assumed share of receptions needing the start-of-custody sessions', a.receptionShareNeedingStartOfCustody],
    ['Assumed case management hours a week per POM-responsible case', a.caseManagementHoursPerCasePerWeek],
    ...a.tasks.map((t): [string, number] => [`Task ${t.id} (hours a week): ${t.text}`, t.hoursPerWeek]),
  ]
  // The summary sits under the weeks in the first two columns; only its first row is a date.
  for (const [k, v] of rows) {
    const row = ws.addRow([k, v])
    row.getCell(1).numFmt = 'General'
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' }
    row.getCell(2).numFmt = v instanceof Date ? 'dd/mm/yyyy' : 'General'
  }
}

/** Text a spreadsheet could take for a formula: starting with = + - @, or a tab or carriage return. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text)
}

/**
 * The text number format ('@', built-in format 49). Cells that look like formulas get it, and
 * only they do, so their cell styles can be found again in styles.xml and given quotePrefix,
 * which exceljs cannot write itself.
 */
const TEXT_FORMAT = '@'

export function neutraliseSheet(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      // The cell's style is its own copy (exceljs merges row and column styles into each cell).
      if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = TEXT_FORMAT
    }),
  )
}

/** Adds quotePrefix="1" to the cell styles of the text format (built-in 49) in the workbook's styles.xml. */
export async function quotePrefixTextCells(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx)
  const file = zip.file('xl/styles.xml')
  if (!file) throw new Error('The workbook has no styles part.')
  const styles = await file.async('string')
  const marked = styles.replace(/<xf numFmtId="49"(?![^>]*quotePrefix)/g, '<xf numFmtId="49" quotePrefix="1"')
  zip.file('xl/styles.xml', marked)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

export async function renderXlsx(doc: ReadinessExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'OMU Desk'
  wb.title = `RRMP readiness assessment: ${doc.establishment.name}`
  wb.created = new Date(doc.exportedAt)
  wb.modified = new Date(doc.exportedAt)
  summarySheet(wb, doc)
  baselinesSheet(wb, doc)
  actionsSheet(wb, doc)
  blockersSheet(wb, doc)
  signOffSheet(wb, doc)
  caseloadSheet(wb, doc)
  resourcingSheet(wb, doc)
  wb.eachSheet(neutraliseSheet)
  return quotePrefixTextCells(Buffer.from(await wb.xlsx.writeBuffer()))
}
