// The fonts the PDF exports embed (issue 15): Noto Sans (Latin, Latin Extended, Vietnamese, Greek,
// Cyrillic) and Noto Sans Arabic, regular and bold, as TrueType files from the
// @expo-google-fonts packages (Google Fonts' static builds, SIL Open Font License). pdfkit embeds
// only the glyphs a document uses (a subset per font), so a PDF grows by tens of kilobytes, not by
// the fonts' size.
//
// The files are found the way Node finds a package, from this module: from the sources (vitest,
// tsx) and from the main-process bundle dist/main/main.cjs alike, and in the packaged app inside
// app.asar (the packages are dependencies, so electron-builder packages them; Electron's fs reads
// from the archive, and pdfkit, which reads the bytes we hand it, never needs a path).
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type PDFDocument from 'pdfkit'

type Doc = InstanceType<typeof PDFDocument>

/** This module's file: __filename in the CJS bundle and under vitest; import.meta under tsx (ESM), never reached in the bundle. */
const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url)

/** pdfkit font names (registered on each document) and the package file each is read from. */
export const FONT_FILES = {
  Sans: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'Sans-Bold': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  Arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  'Arabic-Bold': '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
} as const

export type FontName = keyof typeof FONT_FILES

/** The font for a run of text: Noto Sans, or Noto Sans Arabic for a right-to-left (Arabic) run. */
export function fontFor(rtl: boolean, bold: boolean): FontName {
  return rtl ? (bold ? 'Arabic-Bold' : 'Arabic') : bold ? 'Sans-Bold' : 'Sans'
}

const bytes = new Map<FontName, Buffer>()

/** A font's path on disk (or inside app.asar): resolved from node_modules like a module. */
export function fontPath(name: FontName): string {
  return createRequire(here).resolve(FONT_FILES[name])
}

/** The font file's bytes, read once per process (about 1.6 MB for the four). */
export function fontBytes(name: FontName): Buffer {
  let b = bytes.get(name)
  if (!b) {
    b = fs.readFileSync(fontPath(name))
    bytes.set(name, b)
  }
  return b
}

/** The parts of pdfkit's font object used here: vertical metrics (thousandths of the size) and layout. */
interface PdfkitFont {
  ascender: number
  descender: number
  lineGap: number
  layout(text: string, features?: unknown, onlyWidth?: boolean): unknown
}

/**
 * Registers the four fonts on a document and selects Noto Sans. Two adjustments to pdfkit's font
 * objects, made once per document:
 * - The Arabic faces get Noto Sans's vertical metrics. pdfkit places a line's baseline at its top
 *   plus the font's ascender and advances by its line height, and Noto Sans Arabic's are much taller
 *   (ascender 1.374 em, descender 0.738 em, against 1.069 and 0.293), so an Arabic name inside an
 *   English line would sit lower than the words around it and push the next line down.
 * - Layouts with OpenType features (pdfText always passes them) are memoised per font and text.
 *   pdfkit caches only featureless layouts, and shaping every word of every measurement again made a
 *   typical readiness PDF about eight times slower. pdfkit never changes a layout it is given (its
 *   own cache shares them the same way); each font is only ever used with one set of features.
 */
export function registerFonts(doc: Doc): void {
  for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, fontBytes(name))
  const current = (): PdfkitFont => (doc as unknown as { _font: PdfkitFont })._font
  doc.font('Sans')
  const { ascender, descender, lineGap } = current()
  for (const name of Object.keys(FONT_FILES) as FontName[]) {
    doc.font(name)
    const font = current()
    if (name.startsWith('Arabic')) Object.assign(font, { ascender, descender, lineGap })
    const layout = font.layout.bind(font)
    const memo = new Map<string, unknown>()
    font.layout = (text, features, onlyWidth) => {
      if (!features) return layout(text, features, onlyWidth)
      let run = memo.get(text)
      if (run === undefined) {
        run = layout(text, features, false)
        memo.set(text, run)
      }
      return run
    }
  }
  doc.font('Sans')
}
