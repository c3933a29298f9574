// Group view handlers (issue 19): both only read, and share the view kept while nothing changes
// (kept.ts). The export reads the rows first (one consistent view), ends the read, then asks where
// to save, like the readiness export.
import { sortGroupRows } from '../../../shared/export/groupView'
import type { Handlers } from '../handlers/types'
import { writeFileAtomic } from '../export/atomic'
import { renderGroupXlsx } from '../export/groupXlsx'
import { keptGroupView } from './kept'

export const groupHandlers: Handlers['group'] = {
  view: (_input, { store, today, now, actor }) => keptGroupView(store, today, now, actor),

  export: async (input, { store, host, today, now, actor, endRead }) => {
    const view = await keptGroupView(store, today, now, actor)
    await endRead()
    const target = await host.chooseSavePath({ title: 'Export the Group view (XLSX)', defaultName: `Group-view-${today}.xlsx`, filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] })
    if (target === null) return { saved: false }
    const started = performance.now()
    const bytes = writeFileAtomic(target, await renderGroupXlsx(sortGroupRows(view.rows, input.column, input.direction), today, now))
    return { saved: true, path: target, bytes, durationMs: Math.round(performance.now() - started) }
  },
}
