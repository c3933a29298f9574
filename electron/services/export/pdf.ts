// PDF writer (pdfkit, A4, print-ready): the readiness assessment a Governor signs off and sends to
// the Prison Group Director (seed 002, "Regime Recovery Management Plans- RRMP"). Renders the
// same document as the XLSX and JSON exports.
import { OMU_EDM, SIGN_OFF_ROUTE } from '../../../shared/engine/index'
import {
  CATEGORY_LABELS,
  POLICY_LABELS,
  actionStatusLabel,
  autonomyLabel,
  baselineName,
  decisionLabel,
  readinessLabel,
  signOffStageLabel,
  stageLabel,
  statusLabel,
  ukDate,
  weightingMeaning,
} from '../../../shared/export/labels'
import type { ExportBaseline, ReadinessExport } from '../../../shared/export/readinessExport'
import { bullets, ensureSpace, footers, heading, keyValues, newA4, paragraph, signatureBlock, table, toBuffer, type Doc } from './pdfLayout'
import { resourcingSection } from './pdfResourcing'
import { overridesText } from '../../../shared/export/responsibility'

const yesNo = (b: boolean): string => (b ? 'yes' : 'no')

function evidenceText(b: ExportBaseline): string {
  const e = b.evidence
  const text = `Risk assessment: ${yesNo(e.riskAssessmentDone)}; safe system of work: ${yesNo(e.safeSystemOfWorkDone)}; TUs and staff associations consulted: ${yesNo(e.unionsConsulted)}`
  return b.faceToFace ? `${text} (face-to-face element: all three needed)` : text
}

function summary(doc: Doc, d: ReadinessExport): void {
  paragraph(doc, 'Regime Recovery Management Plan', { size: 11, muted: true })
  // Issue 17: a plan may be built from any installed catalogue; the heading names what it assesses.
  heading(doc, d.catalogue.id === OMU_EDM.id ? 'Readiness assessment: Offender Management Unit' : `Readiness assessment: ${d.catalogue.title}`, 1)
  paragraph(doc, `${d.establishment.name} (${d.establishment.code})`, { size: 13, bold: true })
  doc.moveDown(0.4)
  const r = d.readiness
  keyValues(doc, [
    ['Assessment date', ukDate(d.asOf)],
    ['Category or function', CATEGORY_LABELS[d.establishment.category] ?? d.establishment.category],
    ['RRMP version', d.plan.basedOnVersion === null ? String(d.plan.version) : `${d.plan.version} (started from submitted version ${d.plan.basedOnVersion})`],
    ['Status', d.plan.statusText],
    ['Current stage', stageLabel(d.plan.currentStage)],
    ['Target stage', stageLabel(d.plan.targetStage)],
    ['Overall readiness', r.overall === 'ready' ? 'READY: every applicable mandatory baseline is ready' : `NOT READY: ${r.blockers.length} mandatory baseline${r.blockers.length === 1 ? ' is' : 's are'} not ready`],
    ['Weighted score', `${r.achieved} of ${r.possible} (${r.percent}%): the weightings of ready mandatory baselines over all applicable ones`],
    ['Catalogue', `${d.catalogue.title}, version ${d.catalogue.version} (${d.catalogue.source})`],
    ['Case engine policy', POLICY_LABELS[d.policy] ?? d.policy],
    ['Export', `${d.format}, schema version ${d.schemaVersion}`],
  ])
}

function areasAndBlockers(doc: Doc, d: ReadinessExport): void {
  heading(doc, 'Readiness by area')
  table(
    doc,
    [
      { header: 'Area', width: 40 },
      { header: 'Ready', width: 10 },
      { header: 'Not ready', width: 12 },
      { header: 'Not applicable', width: 14 },
      { header: 'Weighted score', width: 24 },
    ],
    d.readiness.areas.map((a) => [`${a.id}. ${a.title}`, String(a.ready), String(a.notReady), String(a.notApplicable), `${a.achieved} of ${a.possible} (${a.percent}%)`]),
  )
  heading(doc, 'Blockers (weighting 3 first)')
  if (d.readiness.blockers.length === 0) paragraph(doc, 'No blockers: every applicable mandatory baseline is ready.')
  else
    table(
      doc,
      [
        { header: 'Baseline', width: 32 },
        { header: 'Weighting', width: 10 },
        { header: 'Why it is not ready', width: 58 },
      ],
      // Issue 16: by number and title, readable without the EDM to hand.
      d.readiness.blockers.map((b) => [baselineName(b.baselineId, d.baselines.find((x) => x.id === b.baselineId)?.text), b.weighting === null ? '—' : String(b.weighting), b.reasons.join('\n')]),
    )
  const warnings = [...d.readiness.sequencingWarnings, ...d.readiness.warnings]
  if (warnings.length > 0) {
    heading(doc, 'Sequencing warnings', 3)
    bullets(doc, warnings, 9)
  }
}

function baselineTable(doc: Doc, d: ReadinessExport): void {
  heading(doc, 'Baselines')
  paragraph(doc, 'In the order to work in (weighting 3 precursors first, then by area). Evidence: risk assessment (RA), safe system of work (SSOW), trade unions and staff associations consulted (TU).', { size: 8.5, muted: true })
  const ordered = [...d.baselines].sort((a, b) => (a.sequence ?? 999) - (b.sequence ?? 999))
  table(
    doc,
    // Issue 16: wide enough that "Order", "Readiness" and a dd/mm/yyyy date never break across
    // lines at 8 pt (they did at 5, 9 and 10); the width comes from Delivery and Evidence, whose
    // text wraps between words.
    [
      { header: 'Order', width: 6.5 },
      { header: 'Baseline', width: 22 },
      { header: 'Status', width: 10 },
      { header: 'Readiness', width: 11.5 },
      { header: 'Delivery', width: 17 },
      { header: 'Owner', width: 10 },
      { header: 'Target date', width: 11.5 },
      { header: 'Evidence', width: 11.5 },
    ],
    ordered.map((b) => [
      b.sequence === null ? '—' : String(b.sequence),
      `${baselineName(b.id, b.text)} (weighting ${b.weighting ?? '—'})`,
      statusLabel(b.status),
      readinessLabel(b.readiness),
      b.status === 'not_applicable' ? `Not applicable: ${b.notApplicableReason ?? ''}` : b.delivery.text,
      b.owner,
      ukDate(b.targetDate),
      `RA ${yesNo(b.evidence.riskAssessmentDone)}, SSOW ${yesNo(b.evidence.safeSystemOfWorkDone)}, TU ${yesNo(b.evidence.unionsConsulted)}${b.faceToFace ? ' (face to face)' : ''}`,
    ]),
    8,
  )
}

function baselineDetails(doc: Doc, d: ReadinessExport): void {
  heading(doc, 'Baseline details')
  let area = ''
  for (const b of d.baselines) {
    if (b.areaTitle !== area) {
      area = b.areaTitle
      heading(doc, `${b.areaId}. ${b.areaTitle}`, 3)
    }
    // Keep a baseline's heading, text and first lines together on one page.
    ensureSpace(doc, 120)
    paragraph(doc, `${baselineName(b.id, b.text)}. ${readinessLabel(b.readiness).toUpperCase()} (${statusLabel(b.status).toLowerCase()})`, { bold: true, size: 10 })
    paragraph(doc, b.text, { size: 8.5, muted: true })
    const pairs: [string, string][] = [
      ['Weighting', b.weighting === null ? 'None' : `${b.weighting}: ${weightingMeaning(b.weighting)}`],
      ['Autonomy', autonomyLabel(b.autonomy ?? undefined)],
      ['Delivery', b.delivery.text],
      ['Owner', b.owner],
      ['Target date', ukDate(b.targetDate)],
      ['Evidence', evidenceText(b)],
    ]
    if (b.notApplicableReason) pairs.push(['Not applicable because', b.notApplicableReason])
    if (b.resourcingNote) pairs.push(['Resourcing', b.resourcingNote])
    if (b.comments) pairs.push(['Comments', b.comments])
    if (b.reasons.length > 0) pairs.push(['Why not ready', b.reasons.join('\n')])
    keyValues(doc, pairs, 110, 8.5)
    doc.moveDown(0.4)
  }
}

function actionItems(doc: Doc, d: ReadinessExport): void {
  heading(doc, 'Action items')
  const rows = d.baselines.flatMap((b) =>
    b.actionItems.map((i) => [baselineName(b.id, b.text), i.action, i.owner, ukDate(i.targetDate), actionStatusLabel(i.status), i.progressUpdates.map((u) => `${ukDate(u.date)}: ${u.note}`).join('\n')]),
  )
  if (rows.length === 0) {
    paragraph(doc, 'No action items recorded.')
    return
  }
  table(
    doc,
    [
      { header: 'Baseline', width: 17 },
      { header: 'Action', width: 28 },
      { header: 'Owner', width: 12 },
      { header: 'Target date', width: 11 },
      { header: 'Status', width: 12 },
      { header: 'Progress updates', width: 20 },
    ],
    rows,
  )
}

function minimumText(m: ReadinessExport['caseload']['startOfCustody']): string {
  if (m.percentMeeting === null) return 'Applies to no POM-responsible case.'
  // issue 16: overdue is still worth acting on; missed is past the due date by more than the establishment's overdue period.
  return `${m.percentMeeting}% of the ${m.applicable} POM-responsible case${m.applicable === 1 ? '' : 's'} it applies to ${m.applicable === 1 ? 'is' : 'are'} meeting it (met, or still within the window): ${m.met} met, ${m.due} due, ${m.overdue} overdue, ${m.missed} missed (more than a few weeks past the due date)`
}

function caseload(doc: Doc, d: ReadinessExport): void {
  const c = d.caseload
  heading(doc, 'OMU caseload summary')
  paragraph(doc, `From the case engine on ${ukDate(c.asOf)} under ${POLICY_LABELS[c.policy] ?? c.policy}. Counts only: no session notes are included.`, { size: 8.5, muted: true })
  keyValues(
    doc,
    [
      ['Cases in custody', `${c.cases}${c.notEvaluated > 0 ? ` (${c.notEvaluated} could not be evaluated: dates missing or inconsistent)` : ''}`],
      ['By responsibility', `POM responsible ${c.byResponsibility.pom}; POM responsible with COM supporting ${c.byResponsibility.pomWithCom}; COM responsible ${c.byResponsibility.com}`],
      // Issue 17: a HOMD's overrides, beside the rules' own counts above.
      ['Overridden by a HOMD', c.overrides ? overridesText(c.overrides) : 'Not in this file'],
      ['Start-of-custody minimum', minimumText(c.startOfCustody)],
      ['Pre-handover minimum', minimumText(c.preHandover)],
      ['Transfer arrival minimum', minimumText(c.transferArrival)],
      ['Handovers due', `${c.handoversDue.cases} case${c.handoversDue.cases === 1 ? '' : 's'} whose handover to the COM starts in the next ${c.handoversDue.days / 7} weeks`],
      ['Overdue', `Start of custody ${c.overdue.startOfCustody}; pre-handover ${c.overdue.preHandover}; transfer arrival ${c.overdue.transferArrival}; cases with any overdue minimum ${c.overdue.cases}`],
      ['Late records', `${c.lateRecords} session${c.lateRecords === 1 ? '' : 's'} recorded more than one working day after they took place`],
    ],
    150,
  )
}

function signOff(doc: Doc, d: ReadinessExport): void {
  heading(doc, 'Sign-off record')
  paragraph(doc, d.signOff.statusText)
  if (d.signOff.steps.length > 0)
    table(
      doc,
      [
        { header: 'Step', width: 18 },
        { header: 'Name', width: 16 },
        { header: 'Role', width: 20 },
        { header: 'Date', width: 12 },
        { header: 'Decision', width: 12 },
        { header: 'Comments', width: 22 },
      ],
      d.signOff.steps.map((s) => [signOffStageLabel(s.stage), s.by, s.role, ukDate(s.date), decisionLabel(s.decision), s.comments ?? '']),
    )
  heading(doc, 'Signatures', 3)
  for (const r of SIGN_OFF_ROUTE) {
    const done = [...d.signOff.steps].reverse().find((s) => s.stage === r.stage)
    signatureBlock(doc, signOffStageLabel(r.stage), r.description, [
      ['Name', done?.by ?? ''],
      ['Role', done?.role ?? r.role],
      ['Date', done ? ukDate(done.date) : ''],
      ['Decision', done ? decisionLabel(done.decision) : ''],
    ])
  }
}

export async function renderPdf(d: ReadinessExport): Promise<Buffer> {
  const doc = newA4({
    title: `RRMP readiness assessment: ${d.establishment.name} (${d.establishment.code}), version ${d.plan.version}`,
    subject: `Offender Management Unit readiness for ${stageLabel(d.plan.targetStage)}`,
    createdAt: new Date(d.exportedAt),
  })
  summary(doc, d)
  areasAndBlockers(doc, d)
  caseload(doc, d)
  resourcingSection(doc, d.resourcing)
  baselineTable(doc, d)
  actionItems(doc, d)
  signOff(doc, d)
  doc.addPage()
  baselineDetails(doc, d)
  footers(doc, `${d.establishment.name} (${d.establishment.code}) · RRMP version ${d.plan.version} · readiness assessment ${ukDate(d.asOf)}`)
  return toBuffer(doc)
}
