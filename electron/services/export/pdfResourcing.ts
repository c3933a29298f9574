// The resourcing section of the readiness PDF (issue 19: "The resourcing summary (table and
// chart) goes into the readiness PDF"): a bar chart of POM hours needed against hours available
// in each of the 12 weeks, by POM type, a table of the same figures and the assumptions. A week in
// shortfall is marked in words ("Short") above its bars and in the table, never by colour alone
// (WCAG 2.2 1.4.1), so it reads the same printed in black and white.
import { stageLabel, ukDate } from '../../../shared/export/labels'
import type { ResourcingSummary, ResourcingSummaryWeek } from '../../../shared/export/resourcingSummary'
import { contentWidth, ensureSpace, heading, keyValues, paragraph, table, type Doc } from './pdfLayout'
import { drawText } from './pdfText'

const INK = '#111111'
const MUTED = '#444444'
const GRID = '#cccccc'
/** Needed: the work on prison POMs' cases, probation POMs' cases, and shared work (dark to light). */
const NEEDED = { prison: '#1f3a5f', probation: '#4f7cac', shared: '#a9c1dc' }
/** Available: hours of prison and probation POMs (two greens, hatched apart by an outline). */
const AVAILABLE = { prison: '#2e5e2e', probation: '#8cbf8c' }

const hoursText = (h: number): string => (Number.isInteger(h) ? String(h) : h.toFixed(1))
const dayMonth = (iso: string): string => ukDate(iso).slice(0, 5)

/** A round axis top: the next of 10, 20, 50 × 10^n at or above `max`. */
export function axisTop(max: number): number {
  if (max <= 0) return 10
  const p = 10 ** Math.floor(Math.log10(max))
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p
  return 10 * p
}

function swatch(doc: Doc, x: number, y: number, colour: string, label: string): number {
  doc.rect(x, y, 9, 9).fillColor(colour).fill()
  doc.rect(x, y, 9, 9).lineWidth(0.4).strokeColor(INK).stroke()
  doc.fillColor(INK)
  drawText(doc, label, x + 12, y, { size: 7.5, width: 150, lineBreak: false })
  return x + 12 + doc.widthOfString(label) + 14
}

function stack(doc: Doc, x: number, base: number, width: number, scale: number, parts: readonly [number, string][]): number {
  let y = base
  for (const [h, colour] of parts) {
    const px = h * scale
    if (px <= 0) continue
    doc.rect(x, y - px, width, px).fillColor(colour).fill()
    y -= px
  }
  if (y < base) doc.rect(x, y, width, base - y).lineWidth(0.4).strokeColor(INK).stroke()
  return y
}

/** The bar chart: per week, needed hours (left bar, stacked by whose work) beside available hours (right bar, stacked by POM type). */
export function resourcingChart(doc: Doc, r: ResourcingSummary): void {
  const height = 210
  ensureSpace(doc, height + 30)
  const x0 = doc.page.margins.left
  const top = doc.y
  const axisW = 34
  const plotTop = top + 28
  const plotBottom = top + height - 30
  const plotW = contentWidth(doc) - axisW
  const max = axisTop(Math.max(...r.weeks.map((w) => Math.max(w.needed.total, w.available.total)), 0))
  const scale = (plotBottom - plotTop) / max

  // Legend.
  let lx = x0 + axisW
  lx = swatch(doc, lx, top, NEEDED.prison, 'Needed: prison POMs’ cases')
  lx = swatch(doc, lx, top, NEEDED.probation, 'Needed: probation POMs’ cases')
  swatch(doc, lx, top, NEEDED.shared, 'Needed: shared work')
  lx = x0 + axisW
  lx = swatch(doc, lx, top + 13, AVAILABLE.prison, 'Available: prison POMs')
  swatch(doc, lx, top + 13, AVAILABLE.probation, 'Available: probation POMs')

  // Axis and grid: hours a week.
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i
    const y = plotBottom - v * scale
    doc.moveTo(x0 + axisW, y).lineTo(x0 + axisW + plotW, y).lineWidth(0.3).strokeColor(GRID).stroke()
    doc.fillColor(MUTED)
    drawText(doc, hoursText(v), x0, y - 4, { size: 7, width: axisW - 4, align: 'right', lineBreak: false })
  }
  doc.moveTo(x0 + axisW, plotBottom).lineTo(x0 + axisW + plotW, plotBottom).lineWidth(0.6).strokeColor(INK).stroke()

  const groupW = plotW / Math.max(r.weeks.length, 1)
  const barW = Math.min(14, (groupW - 8) / 2)
  r.weeks.forEach((w: ResourcingSummaryWeek, i) => {
    const gx = x0 + axisW + i * groupW + (groupW - 2 * barW - 2) / 2
    const neededTop = stack(doc, gx, plotBottom, barW, scale, [
      [w.needed.prison, NEEDED.prison],
      [w.needed.probation, NEEDED.probation],
      [w.needed.shared, NEEDED.shared],
    ])
    const availableTop = stack(doc, gx + barW + 2, plotBottom, barW, scale, [
      [w.available.prison, AVAILABLE.prison],
      [w.available.probation, AVAILABLE.probation],
    ])
    if (w.inShortfall) {
      doc.fillColor(INK)
      drawText(doc, 'Short', x0 + axisW + i * groupW, Math.min(neededTop, availableTop) - 10, { size: 7, bold: true, width: groupW, align: 'center', lineBreak: false })
    }
    doc.fillColor(MUTED)
    drawText(doc, dayMonth(w.start), x0 + axisW + i * groupW, plotBottom + 3, { size: 7, width: groupW, align: 'center', lineBreak: false })
  })
  doc.fillColor(MUTED)
  drawText(doc, 'Week starting (hours a week on the left; in each week, hours needed on the left bar and available on the right)', x0 + axisW, plotBottom + 14, { size: 7, width: plotW, lineBreak: false })
  doc.x = x0
  doc.y = top + height
}

/** The resourcing section: what it says, the chart, the weekly table and the assumptions. */
export function resourcingSection(doc: Doc, r: ResourcingSummary | null): void {
  heading(doc, 'Resourcing: can the OMU staff the target stage?')
  if (r === null) {
    paragraph(doc, 'No resourcing plan is recorded for this establishment, so this assessment does not say whether the OMU has the POM hours for the target stage. The HOMS records POM capacity on the Resourcing screen.')
    return
  }
  const s = r.summary
  paragraph(
    doc,
    `The 12 weeks from ${ukDate(r.asOf)} at ${stageLabel(r.targetStage)}, worked out from the caseload by the case engine on ${ukDate(r.asOf)}. ${
      s.shortfallWeeks === 0
        ? 'Demand does not exceed capacity in any week.'
        : `Demand exceeds capacity in ${s.shortfallWeeks} of the ${r.weeks.length} weeks, from the week starting ${ukDate(s.firstShortfallWeek)}: ${hoursText(s.shortfallHours.total)} hours short in all.`
    } ${s.casesAtRisk} case${s.casesAtRisk === 1 ? ' is' : 's are'} at risk of missing a supervision minimum if nothing changes.`,
  )
  keyValues(doc, [
    ['POMs', `${r.poms.prison} prison POM${r.poms.prison === 1 ? '' : 's'}, ${r.poms.probation} probation POM${r.poms.probation === 1 ? '' : 's'}`],
    ['Receptions a week', hoursText(r.receptionsPerWeek)],
    ['Shortfall hours', `Prison POMs ${hoursText(s.shortfallHours.prison)}; probation POMs ${hoursText(s.shortfallHours.probation)}; all work ${hoursText(s.shortfallHours.total)}`],
  ])
  doc.moveDown(0.4)
  resourcingChart(doc, r)
  table(
    doc,
    [
      { header: 'Week starting', width: 12 },
      { header: 'Needed: prison POMs', width: 10 },
      { header: 'Needed: probation POMs', width: 11 },
      { header: 'Needed: shared', width: 9 },
      { header: 'Needed in all', width: 9 },
      { header: 'Available: prison', width: 10 },
      { header: 'Available: probation', width: 11 },
      { header: 'Available in all', width: 10 },
      { header: 'Short by', width: 8 },
      { header: 'Shortfall', width: 10 },
    ],
    r.weeks.map((w) => [
      ukDate(w.start),
      hoursText(w.needed.prison),
      hoursText(w.needed.probation),
      hoursText(w.needed.shared),
      hoursText(w.needed.total),
      hoursText(w.available.prison),
      hoursText(w.available.probation),
      hoursText(w.available.total),
      hoursText(w.shortfall.total),
      w.inShortfall ? 'Short' : 'Covered',
    ]),
    7.5,
  )
  heading(doc, 'Assumptions', 3)
  const a = r.assumptions
  keyValues(
    doc,
    [
      ['Supervision session', `${hoursText(a.hoursPerSupervisionSession)} hours each, with preparation and recording`],
      ['Handover to the COM', `${hoursText(a.hoursPerHandover)} hours each`],
      ['Allocation of a reception', `${hoursText(a.hoursPerAllocation)} hours each; ${Math.round(a.receptionShareNeedingStartOfCustody * 100)}% of receptions need the start-of-custody sessions`],
      ['Case management', `${hoursText(a.caseManagementHoursPerCasePerWeek)} hours a week per POM-responsible case`],
      ...a.tasks.map((t): [string, string] => [`Task ${t.id}`, `${hoursText(t.hoursPerWeek)} hours a week: ${t.text}`]),
    ],
    150,
    8.5,
  )
}
