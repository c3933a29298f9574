// Issue 15: the PDF exports draw any name. Text is split into script runs, each drawn with the font
// that covers it (Noto Sans, Noto Sans Arabic); the fonts come from npm packages found at run time.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { FONT_FILES, fontBytes, fontPath, type FontName } from '../../electron/services/export/pdfFonts'
import { footers, keyValues, newA4, paragraph, table, toBuffer } from '../../electron/services/export/pdfLayout'
import { scriptRuns } from '../../electron/services/export/pdfText'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-pdftext-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const NAMES = ['Łukasz Wiśniewski', 'Thị Nguyễn', 'Zoë Brontë', 'محمد الأحمد']

describe('scriptRuns', () => {
  it('keeps Latin-script names whole and an Arabic name as one right-to-left run', () => {
    expect(scriptRuns('Łukasz Wiśniewski')).toEqual([{ text: 'Łukasz Wiśniewski', rtl: false }])
    expect(scriptRuns('Thị Nguyễn')).toEqual([{ text: 'Thị Nguyễn', rtl: false }])
    expect(scriptRuns('محمد الأحمد')).toEqual([{ text: 'محمد الأحمد', rtl: true }])
    // Vowel marks (harakat) stay in their run.
    expect(scriptRuns('مُحَمَّد')).toEqual([{ text: 'مُحَمَّد', rtl: true }])
  })

  it('an Arabic name inside English text: spaces at its edges stay with the English, runs in typed order', () => {
    expect(scriptRuns('Name: محمد الأحمد (A1234BC)')).toEqual([
      { text: 'Name: ', rtl: false },
      { text: 'محمد الأحمد', rtl: true },
      { text: ' (A1234BC)', rtl: false },
    ])
    // Punctuation between two Arabic words is part of the run (Latin or Arabic comma).
    expect(scriptRuns('الأحمد, محمد')).toEqual([{ text: 'الأحمد, محمد', rtl: true }])
    expect(scriptRuns('الأحمد، محمد (A1)')).toEqual([
      { text: 'الأحمد، محمد', rtl: true },
      { text: ' (A1)', rtl: false },
    ])
  })

  it('normalises to NFC: a decomposed "ë" is the precomposed letter the font has', () => {
    expect(scriptRuns('Zoe\u0308 Bronte\u0308')).toEqual([{ text: 'Zoë Brontë', rtl: false }])
    expect(scriptRuns('')).toEqual([])
  })

  it('property: the runs put together are the NFC text, and neighbouring runs differ in direction', () => {
    const alphabet = fc.constantFrom(...'aŁęịễë ,.()-:1محمدالأحَّ،'.split(''), 'e\u0308')
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const text = parts.join('')
        const runs = scriptRuns(text)
        expect(runs.map((r) => r.text).join('')).toBe(text.normalize('NFC'))
        runs.forEach((r, i) => {
          expect(r.text.length).toBeGreaterThan(0)
          if (i > 0) expect(r.rtl).not.toBe(runs[i - 1]?.rtl)
        })
      }),
    )
  })
})

describe('fonts', () => {
  it('resolves each font file from its npm package and reads a TrueType font', () => {
    for (const name of Object.keys(FONT_FILES) as FontName[]) {
      expect(fs.existsSync(fontPath(name)), name).toBe(true)
      expect(fontPath(name)).toContain(path.join('node_modules', '@expo-google-fonts'))
      // TrueType's version tag 0x00010000.
      expect(fontBytes(name).subarray(0, 4).toString('hex'), name).toBe('00010000')
    }
  })
})

describe('a PDF with names in four scripts', () => {
  it('reads back with pdftotext exactly as entered, on its own, as a field, in a table and mixed with English; fonts embedded as subsets', async () => {
    const doc = newA4({ title: 'Names', subject: 'Names', createdAt: new Date('2026-11-23T10:00:00Z') })
    for (const n of NAMES) paragraph(doc, n, { bold: true })
    keyValues(doc, NAMES.map((n, i) => [`Name ${i + 1}`, n]))
    table(doc, [{ header: 'Owner', width: 1 }, { header: 'Role', width: 1 }], NAMES.map((n) => [n, 'Head of OMU']))
    paragraph(doc, 'Allocated to محمد الأحمد (A1234BC) on 10/09/2026.')
    footers(doc, 'Names')
    const file = path.join(dir, 'names.pdf')
    fs.writeFileSync(file, await toBuffer(doc))
    if (process.env.KEEP_PDF) fs.copyFileSync(file, process.env.KEEP_PDF)
    for (const mode of [['-layout'], []]) {
      const text = execFileSync('pdftotext', [...mode, file, '-'], { encoding: 'utf8' })
      // Each name three times (paragraph, field, table cell), the Arabic name a fourth in the sentence.
      for (const n of NAMES) expect(text.split(n).length - 1, `${n} ${mode.join(' ')}`).toBe(n === 'محمد الأحمد' ? 4 : 3)
      expect(text).toContain('Allocated to')
      // The name reads back exactly; poppler moves the "(" next to it into the right-to-left stretch.
      expect(text).toContain('A1234BC) on 10/09/2026.')
    }
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    for (const f of ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansArabic-Regular', 'NotoSansArabic-Bold']) expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${f}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`))
    expect(fonts).not.toContain('Helvetica')
    // Subsets: four fonts of 0.2 to 0.6 MB each embed as a few kilobytes of glyphs.
    expect(fs.statSync(file).size).toBeLessThan(60_000)
  })
})
