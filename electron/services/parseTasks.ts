import type { ImportKind } from '../../shared/ipc/channels/caseImport'
import type { ReadinessExport, ReadinessExportV1 } from '../../shared/export/readinessExport'
import type { IpcErrorCode } from '../../shared/ipc/result'
import { columnsFor } from './caseImport/columns'
import { parseCsv, type ParseResult } from './caseImport/parse'
import { parseComparison } from './rrmp/comparisonFile'

// The files that can be large enough to hold the main process's event loop (and so the window)
// still while they are read: a CSV import (up to 10 MB) and another establishment's readiness
// export. Each is a pure function of the text, so it can run in the parse worker.

export type ParseTask = { task: 'csv'; kind: ImportKind; text: string } | { task: 'comparison'; text: string }

export type ParseValue<T extends ParseTask> = T extends { task: 'csv' } ? ParseResult : ReadinessExport | ReadinessExportV1

/** What the worker posts back; a thrown UserFacingError travels as its code, message and field. */
export type ParseOutcome = { ok: true; value: unknown } | { ok: false; code: IpcErrorCode | null; message: string; field?: string | undefined }

export function parseTask(t: ParseTask): ParseResult | ReadinessExport | ReadinessExportV1 {
  switch (t.task) {
    case 'csv':
      return parseCsv(t.text, columnsFor(t.kind))
    case 'comparison':
      return parseComparison(t.text)
    default: {
      const never: never = t
      throw new Error(`unknown parse task ${JSON.stringify(never)}`)
    }
  }
}
