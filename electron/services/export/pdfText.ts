// Text in any script for the PDF exports (issue 15). Noto Sans has no Arabic letters, so each string
// is split into runs by script and each run is drawn with the font that covers it: Noto Sans Arabic
// for Arabic, Noto Sans for everything else (Latin with its extensions, Vietnamese, Greek,
// Cyrillic). Scripts neither font covers (Hebrew, CJK, ...) still come out as empty boxes.
//
// Right-to-left ordering, and why:
// - The documents are English, so every paragraph is left-to-right: runs are placed left to right in
//   the order they are written (the Unicode bidi rule for a left-to-right paragraph). "Name: محمد
//   الأحمد (A1234BC)" keeps the label first and the prison number last.
// - An Arabic run reads right to left: fontkit shapes it as one right-to-left run (joining forms, the
//   lam-alef ligature) and draws its glyphs in visual order, so the first word of "محمد الأحمد" stands
//   at the right, as an Arabic reader expects. The whole run is laid out at once (see RTL_FEATURES):
//   pdfkit's default lays text out space by space, which would put the words left to right, that is
//   back to front.
// - Visual order is also what text extraction expects: pdftotext (poppler) reverses right-to-left
//   stretches of a left-to-right line back into typed order, so the name reads back as entered
//   (tested). A marked-content /ActualText span in typed order was tried and made it worse: poppler
//   then reverses the already typed order, or, inside a line continued from English text, misplaces it.
// - Spaces and punctuation between two Arabic letters belong to the Arabic run ("الأحمد، محمد" is
//   one run); at a run's edges they stay with the English text around it. Digits are not Arabic, so
//   a digit inside Arabic text splits it into runs placed left to right (a known simplification: no
//   name needs it).
// - A wholly Arabic paragraph is still left-aligned; its lines follow each other top to bottom, each
//   read right to left.
import PDFDocument from 'pdfkit'
import { fontFor, registerFonts } from './pdfFonts'

type Doc = PDFKit.PDFDocument

export interface Run {
  text: string
  rtl: boolean
}

// The Arabic blocks: Arabic, Supplement, Extended-A/B/C, Presentation Forms-A/B, Rumi numerals,
// Mathematical Alphabetic Symbols. Its digits (U+0660-0669, U+06F0-06F9) count too: only the Arabic
// font has them.
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u089F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u{10E60}-\u{10E7F}\u{1EC70}-\u{1ECBF}\u{1EE00}-\u{1EEFF}]/u
// Characters of no direction of their own: spaces, punctuation, symbols (not digits, not letters).
const NEUTRAL = /[\p{White_Space}\p{P}\p{S}]/u
// Combining marks belong to the character before them.
const MARK = /\p{M}/u

type Kind = 'R' | 'L' | 'N'

/**
 * Splits text (normalised to NFC, so "e" + combining diaeresis is "ë", one glyph Noto Sans has)
 * into runs: Arabic (rtl) and everything else. Concatenated, the runs are the normalised text.
 */
export function scriptRuns(text: string): Run[] {
  const chars = [...text.normalize('NFC')]
  const kinds: Kind[] = []
  for (const c of chars) {
    const k: Kind = ARABIC.test(c) ? 'R' : MARK.test(c) ? (kinds[kinds.length - 1] ?? 'L') : NEUTRAL.test(c) ? 'N' : 'L'
    kinds.push(k)
  }
  // A neutral stretch between two Arabic characters is Arabic; any other is left-to-right.
  for (let i = 0; i < kinds.length; ) {
    if (kinds[i] !== 'N') {
      i++
      continue
    }
    let j = i
    while (kinds[j] === 'N') j++
    const k: Kind = kinds[i - 1] === 'R' && kinds[j] === 'R' ? 'R' : 'L'
    for (let n = i; n < j; n++) kinds[n] = k
    i = j
  }
  const runs: Run[] = []
  chars.forEach((c, i) => {
    const rtl = kinds[i] === 'R'
    const last = runs[runs.length - 1]
    if (last && last.rtl === rtl) last.text += c
    else runs.push({ text: c, rtl })
  })
  return runs
}

// OpenType features for each run, handed to fontkit through pdfkit. Noto Sans's glyph composition
// (ccmp) draws "ị" as "i" plus a combining dot below, and pdfkit's text layer maps each glyph to one
// text, so "Thị" would extract as "Thi" (and every later "i" might extract as "ị"); without ccmp the
// font's precomposed "ị" is drawn. fontkit takes an object to turn a feature off, which pdfkit passes
// through unchanged (its types list only the array form). For an Arabic run any value makes pdfkit
// lay the whole run out at once (see the ordering notes); the empty list keeps fontkit's defaults.
const LTR_FEATURES = { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[]
const RTL_FEATURES: PDFKit.Mixins.OpenTypeFeatures[] = []

export interface TextOptions {
  size: number
  bold?: boolean
  width: number
  /** Clip to this height, ending with an ellipsis (with `ellipsis`). */
  height?: number
  ellipsis?: boolean
  lineBreak?: boolean
  align?: 'left' | 'center' | 'right'
}

function pdfkitOptions(o: TextOptions, rtl: boolean, continued: boolean): PDFKit.Mixins.TextOptions {
  return {
    width: o.width,
    ...(o.height === undefined ? {} : { height: o.height }),
    ...(o.ellipsis === undefined ? {} : { ellipsis: o.ellipsis }),
    ...(o.lineBreak === undefined ? {} : { lineBreak: o.lineBreak }),
    ...(o.align === undefined ? {} : { align: o.align }),
    features: rtl ? RTL_FEATURES : LTR_FEATURES,
    continued,
  }
}

/**
 * Draws text at (x, y) wrapped to `width`, each script run in its font, in the current fill colour.
 * Leaves doc.x at x and doc.y below the text, as pdfkit's text() does.
 */
export function drawText(doc: Doc, text: string, x: number, y: number, o: TextOptions): void {
  const runs = scriptRuns(text)
  if (runs.length === 0) runs.push({ text: '', rtl: false })
  runs.forEach((r, i) => {
    doc.font(fontFor(r.rtl, o.bold ?? false)).fontSize(o.size)
    const options = pdfkitOptions(o, r.rtl, i < runs.length - 1)
    if (i === 0) doc.text(r.text, x, y, options)
    else doc.text(r.text, options)
  })
}

/** Scratch documents for measuring mixed-script text, one per document measured. */
const scratch = new WeakMap<Doc, Doc>()

/**
 * The height `drawText` would take. Text in one script is measured by pdfkit directly; text mixing
 * scripts is drawn on a scratch page (never output) with the same fonts, and measured there, since
 * pdfkit measures with one font at a time.
 */
export function textHeight(doc: Doc, text: string, o: TextOptions): number {
  const runs = scriptRuns(text)
  if (runs.length <= 1) {
    const rtl = runs[0]?.rtl ?? false
    doc.font(fontFor(rtl, o.bold ?? false)).fontSize(o.size)
    return doc.heightOfString(runs[0]?.text ?? '', pdfkitOptions(o, rtl, false))
  }
  let s = scratch.get(doc)
  if (!s) {
    s = makeScratch(doc)
    scratch.set(doc, s)
  }
  drawText(s, text, 0, 0, { ...o, height: undefined })
  return o.height === undefined ? s.y : Math.min(s.y, o.height)
}

function makeScratch(doc: Doc): Doc {
  const s = new PDFDocument({ size: [doc.page.width, 1_000_000], margins: { top: 0, bottom: 0, left: 0, right: 0 } })
  registerFonts(s)
  return s
}
