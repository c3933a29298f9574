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
      return v ? { value: v } : { problem: 'Enter a date as YYYY-MM-DD or DD/MM/YYYY.' }
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

export function parseCsv(text: string, columns: readonly Column[]): ParseResult {
  const problems: ImportProblem[] = []
  if (text.includes('\uFFFD')) {
    return { rows: [], problems: [{ row: 1, column: null, reason: 'The file is not UTF-8 text. In your spreadsheet choose "Save as CSV UTF-8" and import that file.' }] }
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  const [header, ...data] = parsed.data
  if (!header || header.length === 0) return { rows: [], problems: [{ row: 1, column: null, reason: 'The file has no header row.' }] }
  const index = new Map<string, number>()
  header.forEach((h, i) => index.set(norm(h), i))
  for (const h of header) {
    if (!columns.some((c) => c.header === norm(h))) problems.push({ row: 1, column: h, reason: `Unknown column "${h}": use the template's column names.` })
  }
  for (const c of columns) {
    if (c.required && !index.has(c.header)) problems.push({ row: 1, column: c.header, reason: `The required column "${c.header}" is missing.` })
  }
  if (problems.length > 0) return { rows: [], problems }
  for (const e of parsed.errors) {
    // Papa reports quoting faults (e.g. a truncated file ending inside a quoted value).
    problems.push({ row: (e.row ?? 0) + 2, column: null, reason: `This row could not be read (${e.message}). Check its quotes and commas.` })
  }
  const badRows = new Set(problems.map((p) => p.row))
  const rows: ParsedRow[] = []
  data.forEach((cells, i) => {
    const row = i + 2
    if (badRows.has(row)) return
    if (cells.length !== header.length) {
      problems.push({ row, column: null, reason: `This row has ${cells.length} values but the header has ${header.length}.` })
      return
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
  })
  return { rows, problems }
}
