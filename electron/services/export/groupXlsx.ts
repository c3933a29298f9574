// The Group view as an XLSX workbook (issue 19: "Sortable, printable, exportable as XLSX"): one
// row per establishment in the order shown, with where each row came from and the date each
// figure is as of. Dates are real spreadsheet dates (dd/mm/yyyy); text from imported files that a
// spreadsheet could take for a formula is neutralised as in the readiness XLSX (xlsx.ts).
import ExcelJS from 'exceljs'
import { stageLabel, ukDate } from '../../../shared/export/labels'
import { sourceText, type GroupRow } from '../../../shared/export/groupView'
import { neutraliseSheet, quotePrefixTextCells } from './xlsx'

type Minimum = GroupRow['compliance']['startOfCustody'] | null

function excelDate(iso: string | null | undefined): Date | string {
  if (!iso) return ''
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1))
}

/** Five cells per minimum: % meeting, met, overdue, missed, and what a blank means. */
function minimumCells(m: Minimum): (number | string)[] {
  if (m === null) return ['', '', '', '', 'Not in this file (a version 1 export)']
  if (m.percentMeeting === null) return ['', m.met, m.overdue, m.missed ?? '', 'Applies to no case']
  return [m.percentMeeting, m.met, m.overdue, m.missed ?? '', m.missed === null ? 'Missed not known (a version 1 export: its overdue may include missed)' : '']
}

const MINIMUM_HEADERS = (name: string): string[] => [`${name}: % meeting`, `${name}: met`, `${name}: overdue`, `${name}: missed`, `${name}: note`]

export async function renderGroupXlsx(rows: readonly GroupRow[], today: string, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'OMU Desk'
  wb.title = 'Group view: establishments side by side'
  wb.created = now
  wb.modified = now
  const ws = wb.addWorksheet('Group view', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  const headers = [
    'Establishment',
    'Code',
    'Source',
    'Stage now',
    'Target stage',
    'RRMP version and status',
    'Readiness as of',
    'Overall readiness',
    'Weighted score %',
    'Blockers',
    'Blocking baselines',
    'Compliance as of',
    ...MINIMUM_HEADERS('Start of custody'),
    ...MINIMUM_HEADERS('Pre-handover'),
    ...MINIMUM_HEADERS('Transfer arrival'),
    'Handovers due (next 8 weeks)',
    'Resourcing as of',
    'Weeks short of POM hours',
    'Shortfall hours',
    'Cases at risk of missing a minimum',
  ]
  ws.addRow(headers)
  ws.getRow(1).font = { bold: true }
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' }
  for (const r of rows) {
    ws.addRow([
      r.establishment.name,
      r.establishment.code,
      sourceText(r.source, ukDate),
      stageLabel(r.stages.current),
      r.stages.target === null ? '' : stageLabel(r.stages.target),
      r.plan ? `Version ${r.plan.version}: ${r.plan.statusText}` : 'No RRMP yet',
      excelDate(r.plan?.asOf),
      r.readiness ? (r.readiness.overall === 'ready' ? 'Ready' : 'Not ready') : '',
      r.readiness?.percent ?? '',
      r.readiness?.blockers.length ?? '',
      // Issue 16: by number and title, one a line, weighting 3 first (the engine's order).
      r.readiness?.blockers.map((b) => `${b.name}${b.weighting === null ? '' : ` (weighting ${b.weighting})`}`).join('\n') ?? '',
      excelDate(r.compliance.asOf),
      ...minimumCells(r.compliance.startOfCustody),
      ...minimumCells(r.compliance.preHandover),
      ...minimumCells(r.compliance.transferArrival),
      r.handoversDue?.cases ?? 'Not in this file',
      excelDate(r.resourcing?.asOf),
      r.resourcing ? `${r.resourcing.shortfallWeeks} of ${r.resourcing.weeks}` : 'No resourcing plan',
      r.resourcing?.shortfallHours ?? '',
      r.resourcing?.casesAtRisk ?? '',
    ])
  }
  headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1)
    col.width = h.endsWith(' as of') ? 12 : i === 0 ? 28 : i === 2 || i === 5 ? 36 : h === 'Blocking baselines' ? 70 : 14
    if (h === 'Blocking baselines') col.alignment = { wrapText: true, vertical: 'top' }
    if (h.endsWith(' as of')) col.numFmt = 'dd/mm/yyyy'
  })
  ws.addRow([])
  ws.addRow([`Made ${ukDate(today)} by OMU Desk. Live figures are this establishment's, worked out on that day; imported rows are other establishments' readiness exports, read-only, as of their own dates.`])
  neutraliseSheet(ws)
  return quotePrefixTextCells(Buffer.from(await wb.xlsx.writeBuffer()))
}
