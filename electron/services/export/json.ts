// JSON writer: the readiness document itself (schema version 2, shared/export/readinessExport.ts),
// indented for people who open it, with a trailing newline.
import type { ReadinessExport } from '../../../shared/export/readinessExport'

export function renderJson(doc: ReadinessExport): Buffer {
  return Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8')
}
