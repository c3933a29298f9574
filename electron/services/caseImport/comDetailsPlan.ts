import { z } from 'zod'
import type { StoreConn } from '../../../db/store/types'
import { ukDateOrNull } from '../../../shared/dates'
import type { ImportProblem } from '../../../shared/ipc/channels/caseImport'
import { comDetailsFields, type ComDetails } from '../../../shared/ipc/channels/handover'
import { prisonersByNumber } from '../caseload/store'
import { comHandoversByPrisoner, detailsOf, type ComHandoverRecord } from '../handover/store'
import type { Column } from './columns'
import type { ParsedRow } from './parse'

// CSV import of COM details (issue 17: "Per case: the COM's name, email, phone, team, PDU and LDU,
// and the date the COM was allocated; editable by HOMD and the case's POM, importable by CSV,
// audited"), keyed by prison number, with the Victim Liaison Officer contact (seed 002 baseline
// 2.3). The same contract as the prisoner page's form (handover.saveDetails), and the same rules:
// every row checked, every bad row listed; the commit writes nothing while any row has a problem.
// A blank cell keeps what is recorded: a file fills in or corrects details, it never erases them.

export interface ComDetailsChange {
  row: number
  prisonerId: number
  prisonNumber: string
  /** Only the fields the row gives (its non-blank cells). */
  values: Partial<ComDetails>
  existing: ComHandoverRecord | undefined
  changes: { field: string; from: string; to: string }[]
}

const detailsSchema = z.object(comDetailsFields)

const DATE_FIELDS: ReadonlySet<keyof ComDetails> = new Set(['comAllocatedOn', 'vloLastContactOn'])

function show(field: keyof ComDetails, v: string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '(blank)'
  return DATE_FIELDS.has(field) ? (ukDateOrNull(v) ?? v) : v
}

export async function planComDetails(conn: StoreConn, rows: readonly ParsedRow[], problems: ImportProblem[], columns: readonly Column[], today: string): Promise<ComDetailsChange[]> {
  const columnOf = (field: string) => columns.find((c) => c.field === field)?.header ?? field
  const numberOf = (values: Record<string, unknown>) => String(values.prisonNumber).trim().toUpperCase()
  const onRecord = await prisonersByNumber(conn, rows.map(({ values }) => numberOf(values)))
  const stored = await comHandoversByPrisoner(conn.db)
  const seen = new Map<string, number>()
  const items: ComDetailsChange[] = []
  for (const { row, values } of rows) {
    const prisonNumber = numberOf(values)
    const p = onRecord.get(prisonNumber)
    if (!p) {
      problems.push({ row, column: 'prison_number', reason: `No prisoner with prison number ${prisonNumber} is on record: import the prisoner first.` })
      continue
    }
    const first = seen.get(prisonNumber)
    if (first !== undefined) {
      problems.push({ row, column: 'prison_number', reason: `Prison number ${prisonNumber} is already in row ${first} of this file.` })
      continue
    }
    seen.set(prisonNumber, row)
    const { prisonNumber: _number, ...cells } = values
    const parsed = detailsSchema.safeParse(cells)
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? '')
        // The contract's messages start with the field's label ("COM email: enter ..."): the column says which.
        const reason = i.message.replace(/^[^:]+: /, '')
        problems.push({ row, column: field ? columnOf(field) : null, reason: `${reason.charAt(0).toUpperCase()}${reason.slice(1)}${reason.endsWith('.') ? '' : '.'}` })
      }
      continue
    }
    // As handover.saveDetails: neither date may be in the future.
    const future = [...DATE_FIELDS].filter((f) => f in cells && typeof parsed.data[f] === 'string' && (parsed.data[f] as string) > today)
    if (future.length > 0) {
      for (const f of future) problems.push({ row, column: columnOf(f), reason: 'Cannot be in the future.' })
      continue
    }
    const given = Object.fromEntries(Object.keys(cells).map((k) => [k, parsed.data[k as keyof ComDetails]])) as Partial<ComDetails>
    const existing = stored.get(p.id)
    const before = detailsOf(existing)
    const changes = (Object.keys(given) as (keyof ComDetails)[])
      .filter((f) => (before[f] ?? null) !== (given[f] ?? null))
      .map((f) => ({ field: columnOf(f), from: show(f, before[f]), to: show(f, given[f]) }))
    items.push({ row, prisonerId: p.id, prisonNumber, values: given, existing, changes })
  }
  return items
}
