// Small layout helpers over pdfkit for the readiness PDF: A4 pages, headings, key-value lists,
// tables with wrapped cells that break across pages (header row repeated), and a footer on every
// page. Text is drawn in embedded Noto Sans, with Noto Sans Arabic for Arabic runs (issue 15: any
// name renders and extracts as entered; see pdfText.ts and pdfFonts.ts), subset to the glyphs used.
import PDFDocument from 'pdfkit'
import { registerFonts } from './pdfFonts'
import { drawText, textHeight } from './pdfText'

export const A4_MARGIN = { top: 50, bottom: 56, left: 48, right: 48 }
const INK = '#111111'
const MUTED = '#444444'
const RULE = '#888888'
const SHADE = '#eeeeee'

export type Doc = PDFKit.PDFDocument

export function newA4(info: { title: string; subject: string; createdAt: Date }): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: A4_MARGIN,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: info.title, Subject: info.subject, Author: 'OMU Desk', Creator: 'OMU Desk', CreationDate: info.createdAt, ModDate: info.createdAt },
  })
  registerFonts(doc)
  return doc
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage()
}

export function heading(doc: Doc, text: string, level: 1 | 2 | 3 = 2): void {
  const size = level === 1 ? 18 : level === 2 ? 13.5 : 11
  // Keep a heading with at least a few lines of what follows it (no orphan heading at a page foot).
  ensureSpace(doc, size * 2 + 80)
  if (level !== 1) doc.moveDown(0.6)
  doc.fillColor(INK)
  drawText(doc, text, doc.page.margins.left, doc.y, { size, bold: true, width: contentWidth(doc) })
  if (level === 2) {
    const y = doc.y + 2
    doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.75).strokeColor(RULE).stroke()
    doc.y = y + 5
  } else {
    doc.moveDown(0.25)
  }
}

export function paragraph(doc: Doc, text: string, opts: { size?: number; bold?: boolean; muted?: boolean } = {}): void {
  const size = opts.size ?? 9.5
  const o = { size, bold: opts.bold ?? false, width: contentWidth(doc) }
  ensureSpace(doc, Math.min(textHeight(doc, text, o), size * 4))
  doc.fillColor(opts.muted ? MUTED : INK)
  drawText(doc, text, doc.page.margins.left, doc.y, o)
  doc.moveDown(0.3)
}

export function bullets(doc: Doc, items: readonly string[], size = 9.5): void {
  for (const item of items) paragraph(doc, `•  ${item}`, { size })
}

/** Label: value pairs in two columns (label bold), each pair kept on one page. */
export function keyValues(doc: Doc, pairs: readonly [string, string][], labelWidth = 150, size = 9.5): void {
  const x = doc.page.margins.left
  const valueWidth = contentWidth(doc) - labelWidth
  for (const [k, v] of pairs) {
    const label = { size, bold: true, width: labelWidth - 8 }
    const value = { size, width: valueWidth }
    const h = Math.max(textHeight(doc, v || '—', value), textHeight(doc, k, label))
    ensureSpace(doc, h + 2)
    const y = doc.y
    doc.fillColor(INK)
    drawText(doc, k, x, y, label)
    drawText(doc, v || '—', x + labelWidth, y, value)
    doc.y = y + h + 3
  }
}

export interface Column {
  header: string
  /** Share of the content width. */
  width: number
}

function rowHeight(doc: Doc, cells: readonly string[], widths: number[], size: number, bold: boolean): number {
  return Math.max(...cells.map((c, i) => textHeight(doc, c || '—', { size, bold, width: (widths[i] ?? 40) - 8 }))) + 6
}

function drawRow(doc: Doc, cells: readonly string[], widths: number[], size: number, header: boolean): void {
  const h = rowHeight(doc, cells, widths, size, header)
  const x0 = doc.page.margins.left
  const y = doc.y
  const total = widths.reduce((a, b) => a + b, 0)
  if (header) doc.rect(x0, y, total, h).fillColor(SHADE).fill()
  let x = x0
  cells.forEach((c, i) => {
    const w = widths[i] ?? 40
    doc.fillColor(INK)
    drawText(doc, c || '—', x + 4, y + 3, { size, bold: header, width: w - 8 })
    x += w
  })
  doc.moveTo(x0, y + h).lineTo(x0 + total, y + h).lineWidth(0.4).strokeColor(RULE).stroke()
  doc.x = x0
  doc.y = y + h
}

/** A table whose rows wrap their text; a row never splits, and the header repeats on each new page. */
export function table(doc: Doc, columns: readonly Column[], rows: readonly (readonly string[])[], size = 8.5): void {
  const total = columns.reduce((a, c) => a + c.width, 0)
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc))
  const headers = columns.map((c) => c.header)
  ensureSpace(doc, rowHeight(doc, headers, widths, size, true) + (rows[0] ? rowHeight(doc, rows[0], widths, size, false) : 0))
  drawRow(doc, headers, widths, size, true)
  for (const r of rows) {
    if (doc.y + rowHeight(doc, r, widths, size, false) > bottom(doc)) {
      doc.addPage()
      drawRow(doc, headers, widths, size, true)
    }
    drawRow(doc, r, widths, size, false)
  }
  doc.moveDown(0.5)
}

/** A boxed signature block: the step and what it does, then name, role, date and decision lines (filled in when recorded). */
export function signatureBlock(doc: Doc, title: string, description: string, fields: readonly [string, string][]): void {
  const x = doc.page.margins.left
  const w = contentWidth(doc)
  const lineH = 20
  const titleH = textHeight(doc, title, { size: 10, bold: true, width: w - 16 })
  const descH = textHeight(doc, description, { size: 8.5, width: w - 16 })
  const h = 8 + titleH + 2 + descH + 4 + (fields.length + 1) * lineH + 6
  ensureSpace(doc, h + 8)
  const y = doc.y
  doc.rect(x, y, w, h).lineWidth(0.75).strokeColor(RULE).stroke()
  doc.fillColor(INK)
  drawText(doc, title, x + 8, y + 8, { size: 10, bold: true, width: w - 16 })
  doc.fillColor(MUTED)
  drawText(doc, description, x + 8, y + 8 + titleH + 2, { size: 8.5, width: w - 16 })
  let ly = y + 8 + titleH + 2 + descH + 4
  for (const [label, value] of [...fields, ['Signature', ''] as [string, string]]) {
    doc.fillColor(MUTED)
    drawText(doc, label, x + 8, ly + 5, { size: 9, width: 90 })
    doc.fillColor(INK)
    drawText(doc, value, x + 100, ly + 4, { size: 9.5, width: w - 116, height: lineH - 4, ellipsis: true })
    doc.moveTo(x + 100, ly + lineH - 2).lineTo(x + w - 12, ly + lineH - 2).lineWidth(0.4).strokeColor(RULE).stroke()
    ly += lineH
  }
  doc.x = x
  doc.y = y + h + 8
}

/** Writes the footer on every buffered page: "<left> · Page n of N". */
export function footers(doc: Doc, left: string): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const savedBottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = doc.page.height - 36
    doc.fillColor(MUTED)
    drawText(doc, left, doc.page.margins.left, y, { size: 8, width: contentWidth(doc) - 80, lineBreak: false, ellipsis: true })
    drawText(doc, `Page ${i + 1} of ${range.count}`, doc.page.width - doc.page.margins.right - 80, y, { size: 8, width: 80, align: 'right', lineBreak: false })
    doc.page.margins.bottom = savedBottom
  }
}

/** Ends the document and collects its bytes. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}
