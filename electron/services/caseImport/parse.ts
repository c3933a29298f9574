import Papa from 'papaparse'
import type { ImportProblem } from '../../../shared/ipc/channels/caseImport'
import type { Column } from './columns'

// CSV to typed field values, one problem per bad cell, every row checked (nothing stops early).
// Row numbers are as a spreadsheet shows them: the header is row 1, the first data row is row 2.

export interface ParsedRow {
  row: number
  values: Record<string, unknown>
}

export interface ParseResult {
  rows: ParsedRow[]
  problems: ImportProblem[]
  /** The file's data rows (after the header), whether or not they could be read. */
  dataRows: number
  /**
   * The fields whose column is in the file's header. A column left out says nothing about what is
   * recorded, so an update keeps it (issue 17, "imports that never lose data"); a blank cell in a
   * column that is there is an answer ("none").
   */
  present: string[]
}

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_')

function parseDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw)
  if (iso) return raw
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw)
  if (uk) return `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`
  return null
}

function convert(col: Column, raw: string): { value: unknown } | { problem: string } {
  switch (col.type) {
    case 'text':
      return { value: raw }
    case 'date': {
      const v = parseDate(raw)
      return v ? { value: v } : { problem: 'Enter the date as dd/mm/yyyy, for example 27/03/2026.' }
    }
    case 'boolean': {
      const v = raw.toLowerCase()
      if (['yes', 'y', 'true', '1'].includes(v)) return { value: true }
      if (['no', 'n', 'false', '0'].includes(v)) return { value: false }
      return { problem: 'Enter yes or no.' }
    }
    case 'integer':
      return /^-?\d+$/.test(raw) ? { value: Number(raw) } : { problem: 'Enter a whole number.' }
    default: {
      const never: never = col.type
      return { problem: `Unknown column type ${String(never)}.` }
    }
  }
}

/** One record of the file as read, before its cells are typed. */
interface RawRow {
  row: number
  cells: string[]
}

/**
 * The file's records, each with its spreadsheet row number. A quote that is opened and never
 * closed (or closed in the wrong place) makes a CSV reader run the rest of the file into one
 * value, so every row after it would vanish without a word; here that record is reported as
 * unreadable (its physical line, where the quote opens) and reading starts again on the next
 * line, so the other rows are still read and every row of the file is counted.
 */
function readRecords(text: string): { records: RawRow[]; unreadable: ImportProblem[] } {
  const records: RawRow[] = []
  const unreadable: ImportProblem[] = []
  let offset = 0
  let row = 1
  // The first pass detects the separator from the header; later passes (after a bad row) reuse it.
  let delimiter: string | undefined
  while (offset < text.length) {
    let recordEnd = 0
    // Where the bad quote is (just after it), when a record could not be read.
    const found: { brokenAt: number | null } = { brokenAt: null }
    Papa.parse<string[]>(text.slice(offset), {
      skipEmptyLines: 'greedy',
      ...(delimiter ? { delimiter } : {}),
      step: (r, parser) => {
        delimiter ??= r.meta.delimiter
        const quote = r.errors.find((e) => e.type === 'Quotes')
        if (quote) {
          found.brokenAt = offset + (typeof quote.index === 'number' ? quote.index : recordEnd)
          parser.abort()
          return
        }
        records.push({ row: row++, cells: r.data })
        recordEnd = r.meta.cursor
      },
    })
    if (found.brokenAt === null) break
    const lineEnd = text.indexOf('\n', Math.max(found.brokenAt - 1, offset + recordEnd))
    unreadable.push({
      row: row++,
      column: null,
      reason: 'This row could not be read: a quote (") in it is not closed, or is closed in the wrong place. A value holding a comma or a quote goes in quotes, with each quote inside doubled: "like ""this"", here".',
    })
    offset = lineEnd === -1 ? text.length : lineEnd + 1
  }
  return { records, unreadable }
}

export function parseCsv(text: string, columns: readonly Column[]): ParseResult {
  const problems: ImportProblem[] = []
  if (text.includes('\uFFFD')) {
    return { rows: [], problems: [{ row: 1, column: null, reason: 'The file is not UTF-8 text. In your spreadsheet choose "Save as CSV UTF-8" and import that file.' }], dataRows: 0, present: [] }
  }
  const { records, unreadable } = readRecords(text.replace(/^\uFEFF/, ''))
  const [first, ...data] = records
  const header = first?.row === 1 ? first.cells : undefined
  if (!header || header.length === 0) return { rows: [], problems: [{ row: 1, column: null, reason: 'The file has no header row.' }], dataRows: 0, present: [] }
  // Every data row, read or not: the preview's count is the file's.
  const dataRows = data.length + unreadable.length
  const index = new Map<string, number>()
  header.forEach((h, i) => {
    const at = index.get(norm(h))
    // Two columns with one name: which one holds the value is a guess, so the file is refused.
    if (at !== undefined) problems.push({ row: 1, column: h, reason: `The column "${norm(h)}" appears twice (columns ${at + 1} and ${i + 1}). Keep one of them and import the file again.` })
    else index.set(norm(h), i)
  })
  for (const h of header) {
    if (!columns.some((c) => c.header === norm(h))) problems.push({ row: 1, column: h, reason: `Unknown column "${h}": use the template's column names.` })
  }
  for (const c of columns) {
    if (c.required && !index.has(c.header)) problems.push({ row: 1, column: c.header, reason: `The required column "${c.header}" is missing.` })
  }
  const present = columns.filter((c) => index.has(c.header)).map((c) => c.field)
  if (problems.length > 0) return { rows: [], problems, dataRows, present }
  problems.push(...unreadable)
  const rows: ParsedRow[] = []
  for (const { row, cells } of data) {
    if (cells.length !== header.length) {
      problems.push({ row, column: null, reason: `This row has ${cells.length} values but the header has ${header.length}.` })
      continue
    }
    const values: Record<string, unknown> = {}
    let ok = true
    for (const c of columns) {
      const at = index.get(c.header)
      const raw = at === undefined ? '' : (cells[at] ?? '').trim()
      if (raw === '') {
        if (c.required) {
          problems.push({ row, column: c.header, reason: 'This is required.' })
          ok = false
        }
        continue
      }
      const r = convert(c, raw)
      if ('problem' in r) {
        problems.push({ row, column: c.header, reason: r.problem })
        ok = false
      } else values[c.field] = r.value
    }
    if (ok) rows.push({ row, values })
  }
  return { rows, problems: problems.sort((a, b) => a.row - b.row), dataRows, present }
}
