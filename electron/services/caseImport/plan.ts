import { z } from 'zod'
import type { StoreConn } from '../../../db/store/types'
import type { ImportKind, ImportPreview, ImportProblem } from '../../../shared/ipc/channels/caseImport'
import { prisonerInput, recordSessionInput, type PrisonerInput } from '../../../shared/ipc/channels/caseload'
import { UserFacingError } from '../../../shared/ipc/result'
import type { PrisonerRow } from '../caseload/load'
import { checkPrisonerDates, checkSession } from '../caseload/rules'
import { prisonersByNumber, sessionKey, sessionKeysOf } from '../caseload/store'
import { columnsFor } from './columns'
import { parseOffThread } from '../parseOffThread'
import { planComDetails, type ComDetailsChange } from './comDetailsPlan'
import { planAllocations, type AllocationChange } from './allocationsPlan'

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

/**
 * Issue 17's imports (COM details, allocations) are all or nothing ("validate all, list every bad
 * row, nothing partial"): while any row of the file has a problem, nothing is written.
 */
export function refuseWhileAnyProblem(problems: readonly ImportProblem[]): void {
  const bad = new Set(problems.map((p) => p.row)).size
  if (bad > 0) {
    throw new UserFacingError('invalid_input', `Nothing was imported: ${bad === 1 ? '1 row has a problem' : `${bad} rows have problems`}. Fix ${bad === 1 ? 'it' : 'them'} in the file and import it again.`)
  }
}

export type ImportPlan = (
  | { kind: 'prisoners'; totalRows: number; problems: ImportProblem[]; items: PrisonerChange[] }
  | { kind: 'sessions'; totalRows: number; problems: ImportProblem[]; items: SessionNew[]; duplicates: number }
  | { kind: 'comDetails'; totalRows: number; problems: ImportProblem[]; items: ComDetailsChange[] }
  | { kind: 'allocations'; totalRows: number; problems: ImportProblem[]; items: AllocationChange[] }
) & {
  /** The optional columns the file leaves out (their headers): kept as recorded (issue 17). */
  notInFile: string[]
}

function zodProblems(row: number, err: z.ZodError, columnOf: (field: string) => string): ImportProblem[] {
  return err.issues.map((i) => ({ row, column: i.path.length ? columnOf(String(i.path[0])) : null, reason: i.message.endsWith('.') ? i.message : `${i.message}.` }))
}

/**
 * A prisoner already held, as the file's row would leave them: the fields the row gives (its
 * non-blank cells) come from the file; the others, a column left out or a blank cell, keep what
 * is recorded rather than take the contract's defaults (issue 17, "imports that never lose data";
 * the same rule as the COM details import). A yes/no is changed by writing no, never by a blank.
 */
export function keepWhatTheRowDoesNotGive(input: PrisonerInput, existing: PrisonerRow, given: ReadonlySet<string>): PrisonerInput {
  const kept: Record<string, unknown> = { ...input }
  for (const field of Object.keys(prisonerInput.shape) as (keyof PrisonerInput)[]) {
    if (given.has(field)) continue
    // A field the case engine's row does not carry is left out of the update altogether (so kept).
    if (!(field in existing)) {
      delete kept[field]
      continue
    }
    kept[field] = asInput(field, existing[field as keyof PrisonerRow], input[field])
  }
  return kept as PrisonerInput
}

/**
 * Issue 17 (../shared/specs/mpc-rules.md D.2): a yes/no the record may also hold as "not known"
 * (null), so a stored null stays null rather than becoming no.
 */
const NULLABLE_FLAGS: ReadonlySet<string> = new Set(['enhancedResourcing'])

/** A stored value as the contract has it: the record's flags are 0/1 (PrisonerRow), the contract's booleans. */
function asInput(field: string, stored: unknown, given: unknown): unknown {
  if (NULLABLE_FLAGS.has(field)) return stored === null || stored === undefined ? null : Boolean(stored)
  return typeof given === 'boolean' ? Boolean(stored) : (stored ?? null)
}

function show(v: unknown): string {
  return v === null || v === undefined || v === '' ? '(blank)' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)
}

export async function planImport(conn: StoreConn, kind: ImportKind, text: string, today: string): Promise<ImportPlan> {
  const columns = columnsFor(kind)
  const columnOf = (field: string) => columns.find((c) => c.field === field)?.header ?? field
  // Read in a worker when large (parseOffThread.ts): the window keeps answering meanwhile.
  const { rows, problems, dataRows: totalRows, present: presentFields } = await parseOffThread({ task: 'csv', kind, text })
  const present = new Set(presentFields)
  // Said for the kinds that update a record already held (prisoners, COM details); sessions are
  // only added, and an allocation's optional columns are about the allocation being made.
  const notInFile = columns.filter((c) => !c.required && !present.has(c.field)).map((c) => c.header)
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
  if (kind === 'prisoners') {
    const items: PrisonerChange[] = []
    const seen = new Map<string, number>()
    const parsedRows = rows.map(({ row, values }) => ({ row, given: new Set(Object.keys(values)), parsed: prisonerInput.safeParse(values) }))
    // The prisoners already on record, read for the whole file at once.
    const onRecord = await prisonersByNumber(conn, parsedRows.flatMap(({ parsed }) => (parsed.success ? [parsed.data.prisonNumber] : [])))
    for (const { row, given, parsed } of parsedRows) {
      if (!parsed.success) {
        problems.push(...zodProblems(row, parsed.error, columnOf))
        continue
      }
      const existing = onRecord.get(parsed.data.prisonNumber) ?? null
      // Issue 17 ("imports that never lose data"): for a prisoner already held, a column the file
      // leaves out, or a blank cell, keeps what is recorded; only a value changes it. README "CSV import".
      const input = existing ? keepWhatTheRowDoesNotGive(parsed.data, existing, given) : parsed.data
      const first = seen.get(input.prisonNumber)
      if (first !== undefined) {
        problems.push({ row, column: 'prison_number', reason: `Prison number ${input.prisonNumber} is already in row ${first} of this file.` })
        continue
      }
      seen.set(input.prisonNumber, row)
      if (!guard(row, () => checkPrisonerDates(input, today))) continue
      const changes = existing
        ? (Object.keys(input) as (keyof PrisonerInput)[])
            .map((field) => {
              const after = input[field]
              const before = asInput(field, existing[field as keyof PrisonerRow], after)
              const same = (before ?? null) === (after ?? null)
              return same ? null : { field: columnOf(field), from: show(before), to: show(after) }
            })
            .filter((c): c is { field: string; from: string; to: string } => c !== null)
        : []
      items.push({ row, input, existing, changes })
    }
    return { kind, totalRows, problems: problems.sort((a, b) => a.row - b.row), items, notInFile }
  }
  if (kind === 'comDetails') {
    const items = await planComDetails(conn, rows, problems, columns, today)
    return { kind, totalRows, problems: problems.sort((a, b) => a.row - b.row), items, notInFile }
  }
  if (kind === 'allocations') {
    const items = await planAllocations(conn, rows, problems, today)
    return { kind, totalRows, problems: problems.sort((a, b) => a.row - b.row), items, notInFile: [] }
  }
  const items: SessionNew[] = []
  let duplicates = 0
  const numberOf = (values: unknown) => String((values as { prisonNumber: string }).prisonNumber).trim().toUpperCase()
  // The prisoners named and the sessions already on record for them, read for the whole file at once.
  const onRecord = await prisonersByNumber(conn, rows.map(({ values }) => numberOf(values)))
  const recorded = await sessionKeysOf(conn.db, [...onRecord.values()].map((p) => p.id))
  for (const { row, values } of rows) {
    const { prisonNumber, recordedOn, ...rest } = values as { prisonNumber: string; recordedOn?: string }
    const p: PrisonerRow | undefined = onRecord.get(numberOf(values))
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
    if (recorded.has(sessionKey(p.id, input.date, input.mode, input.durationMinutes))) {
      duplicates++
      continue
    }
    items.push({ row, prisonerId: p.id, input, recordedOn: on })
  }
  return { kind, totalRows, problems: problems.sort((a, b) => a.row - b.row), items, duplicates, notInFile: [] }
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
      columnsNotInFile: plan.notInFile,
    }
  }
  if (plan.kind === 'comDetails') {
    // A case with no handover details yet is new; one whose details would change is an update.
    const updates = plan.items.filter((i) => i.existing && i.changes.length > 0).map((i) => ({ row: i.row, prisonNumber: i.prisonNumber, changes: i.changes }))
    return {
      kind: plan.kind,
      totalRows: plan.totalRows,
      newRows: plan.items.filter((i) => !i.existing && i.changes.length > 0).length,
      updates,
      unchanged: plan.items.filter((i) => i.changes.length === 0).length,
      problems: plan.problems,
      columnsNotInFile: plan.notInFile,
    }
  }
  if (plan.kind === 'allocations') {
    // A case with no POM is new; one allocated to another POM is a reallocation (an update).
    const updates = plan.items.filter((i) => i.open && i.changes.length > 0).map((i) => ({ row: i.row, prisonNumber: i.prisonNumber, changes: i.changes }))
    return {
      kind: plan.kind,
      totalRows: plan.totalRows,
      newRows: plan.items.filter((i) => !i.open).length,
      updates,
      unchanged: plan.items.filter((i) => i.changes.length === 0).length,
      problems: plan.problems,
      columnsNotInFile: plan.notInFile,
    }
  }
  return { kind: plan.kind, totalRows: plan.totalRows, newRows: plan.items.length, updates: [], unchanged: plan.duplicates, problems: plan.problems, columnsNotInFile: plan.notInFile }
}
