// Readiness export (issue 6): build the document once, ask where to save it, render it in the
// chosen format and write it atomically. The document holds counts, never session notes.
import type { StoreConn } from '../../../db/store/types'
import type { ReadinessExport } from '../../../shared/export/readinessExport'
import type { ExportFormat, ExportResult } from '../../../shared/ipc/channels/readiness'
import type { Host } from '../host'
import { writeFileAtomic } from './atomic'
import { buildReadinessDocument } from './document'
import { renderJson } from './json'
import { renderPdf } from './pdf'
import { renderXlsx } from './xlsx'

const FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  json: { name: 'Readiness export (JSON)', extensions: ['json'] },
}

export function render(doc: ReadinessExport, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return renderPdf(doc)
    case 'xlsx':
      return renderXlsx(doc)
    case 'json':
      return Promise.resolve(renderJson(doc))
    default: {
      const never: never = format
      return Promise.reject(new Error(`Unknown export format ${String(never)}`))
    }
  }
}

export function exportFileName(doc: ReadinessExport, format: ExportFormat): string {
  const code = doc.establishment.code.replace(/[^A-Za-z0-9]/g, '') || 'OMU'
  return `RRMP-readiness-${code}-v${doc.plan.version}-${doc.asOf}.${format}`
}

export interface ExportRequest {
  /** The request's connection (a query's read); the document is read through it before the save dialog. */
  store: StoreConn
  host: Host
  versionId: number
  format: ExportFormat
  today: string
  now: Date
  /** Monotonic milliseconds, for the duration reported back. */
  clock?: () => number
  /** Ends the request's read once the document is built, before the save dialog waits on the user. */
  endRead?: () => Promise<void>
}

export async function exportReadiness(req: ExportRequest): Promise<ExportResult> {
  // Read everything first (one consistent view of the data), then ask where to save.
  const doc = await buildReadinessDocument(req.store, req.versionId, req.today, req.now)
  await req.endRead?.()
  const target = await req.host.chooseSavePath({ title: `Export the readiness assessment (${req.format.toUpperCase()})`, defaultName: exportFileName(doc, req.format), filters: [FILTERS[req.format]] })
  if (target === null) return { saved: false }
  const clock = req.clock ?? (() => performance.now())
  const started = clock()
  const bytes = writeFileAtomic(target, await render(doc, req.format))
  return { saved: true, path: target, bytes, durationMs: Math.round(clock() - started) }
}
