import type Database from 'better-sqlite3'
import { z } from 'zod'
import type { ImportKind, ImportPreview, ImportProblem } from '../../../shared/ipc/channels/caseImport'
import { prisonerInput, recordSessionInput, type PrisonerInput } from '../../../shared/ipc/channels/caseload'
import { UserFacingError } from '../../../shared/ipc/result'
import { checkPrisonerDates, checkSession } from '../handlers/caseload'
import { PRISONER_COLUMNS as PRISONER_SQL, type PrisonerRow } from '../caseload/load'
import { columnsFor } from './columns'
import { parseCsv } from './parse'

// What importing a file would do, computed the same way for the preview and for the commit, so
// the commit writes exactly what the user was shown (re-validated against the store as it is then).

export interface PrisonerChange {
  row: number
  input: PrisonerInput
  existing: PrisonerRow | null
  changes: { field: string; from: string; to: string }[]
}

export interface SessionNew {
  row: number
  prisonerId: number
  input: z.output<typeof recordSessionInput>
  recordedOn: string
}

export type ImportPlan =
  | { kind: 'prisoners'; totalRows: number; problems: ImportProblem[]; items: PrisonerChange[] }
  | { kind: 'sessions'; totalRows: number; problems: ImportProblem[]; items: SessionNew[]; duplicates: number }

function zodProblems(row: number, err: z.ZodError, columnOf: (field: string) => string): ImportProblem[] {
  return err.issues.map((i) => ({ row, column: i.path.length ? columnOf(String(i.path[0])) : null, reason: i.message.endsWith('.') ? i.message : `${i.message}.` }))
}

function show(v: unknown): string {
  return v === null || v === undefined || v === '' ? '(blank)' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)
}

export function planImport(sqlite: Database.Database, kind: ImportKind, text: string, today: string): ImportPlan {
  const columns = columnsFor(kind)
  const columnOf = (field: string) => columns.find((c) => c.field === field)?.header ?? field
  const { rows, problems } = parseCsv(text, columns)
  const totalRows = rows.length + new Set(problems.filter((p) => p.row > 1).map((p) => p.row)).size
  const guard = (row: number, f: () => void): boolean => {
    try {
      f()
      return true
    } catch (err) {
      if (!(err instanceof UserFacingError)) throw err
      problems.push({ row, column: err.field ? columnOf(err.field) : null, reason: err.message.replace(/^[^:]+: /, '') })
      return false
    }
  }
  const byNumber = sqlite.prepare(`select ${PRISONER_SQL} from prisoner p where p.prison_number = ?`)
  if (kind === 'prisoners') {
    const items: PrisonerChange[] = []
    const seen = new Map<string, number>()
    for (const { row, values } of rows) {
      const parsed = prisonerInput.safeParse(values)
      if (!parsed.success) {
        problems.push(...zodProblems(row, parsed.error, columnOf))
        continue
      }
      const input = parsed.data
      const first = seen.get(input.prisonNumber)
      if (first !== undefined) {
        problems.push({ row, column: 'prison_number', reason: `Prison number ${input.prisonNumber} is already in row ${first} of this file.` })
        continue
      }
      seen.set(input.prisonNumber, row)
      if (!guard(row, () => checkPrisonerDates(input, today))) continue
      const existing = (byNumber.get(input.prisonNumber) as PrisonerRow | undefined) ?? null
      const changes = existing
        ? (Object.keys(input) as (keyof PrisonerInput)[])
            .map((field) => {
              const before = existing[field as keyof PrisonerRow]
              const after = input[field]
              const same = typeof after === 'boolean' ? Boolean(before) === after : (before ?? null) === (after ?? null)
              return same ? null : { field: columnOf(field), from: show(typeof after === 'boolean' ? Boolean(before) : before), to: show(after) }
            })
            .filter((c): c is { field: string; from: string; to: string } => c !== null)
        : []
      items.push({ row, input, existing, changes })
    }
    return { kind, totalRows, problems: problems.sort((a, b) => a.row - b.row), items }
  }
  const items: SessionNew[] = []
  let duplicates = 0
  const dupe = sqlite.prepare('select 1 from supervision_session where prisoner_id = ? and date = ? and mode = ? and duration_minutes = ?')
  for (const { row, values } of rows) {
    const { prisonNumber, recordedOn, ...rest } = values as { prisonNumber: string; recordedOn?: string }
    const p = byNumber.get(String(prisonNumber).trim().toUpperCase()) as PrisonerRow | undefined
    if (!p) {
      problems.push({ row, column: 'prison_number', reason: `No prisoner with prison number ${String(prisonNumber)} is on record: import the prisoner first.` })
      continue
    }
    const parsed = recordSessionInput.safeParse({ ...rest, prisonerId: p.id })
    if (!parsed.success) {
      problems.push(...zodProblems(row, parsed.error, columnOf))
      continue
    }
    const input = parsed.data
    if (!guard(row, () => checkSession(input, p, today))) continue
    const on = recordedOn ?? input.date
    if (on < input.date || on > today) {
      problems.push({ row, column: 'recorded_on', reason: 'Must be on or after the session date and not in the future.' })
      continue
    }
    if (dupe.get(p.id, input.date, input.mode, input.durationMinutes)) {
      duplicates++
      continue
    }
    items.push({ row, prisonerId: p.id, input, recordedOn: on })
  }
  return { kind, totalRows, problems: problems.sort((a, b) => a.row - b.row), items, duplicates }
}

export function previewOf(plan: ImportPlan): ImportPreview {
  if (plan.kind === 'prisoners') {
    const updates = plan.items.filter((i) => i.existing && i.changes.length > 0).map((i) => ({ row: i.row, prisonNumber: i.input.prisonNumber, changes: i.changes }))
    return {
      kind: plan.kind,
      totalRows: plan.totalRows,
      newRows: plan.items.filter((i) => !i.existing).length,
      updates,
      unchanged: plan.items.filter((i) => i.existing && i.changes.length === 0).length,
      problems: plan.problems,
    }
  }
  return { kind: plan.kind, totalRows: plan.totalRows, newRows: plan.items.length, updates: [], unchanged: plan.duplicates, problems: plan.problems }
}
