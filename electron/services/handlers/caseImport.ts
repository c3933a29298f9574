import fs from 'node:fs'
import path from 'node:path'
import { templateCsv } from '../caseImport/columns'
import { planImport, previewOf } from '../caseImport/plan'
import { insertPrisoners, insertSessions, updatePrisoner, type PrisonerValues, type SessionValues } from '../caseload/store'
import { writeFileAtomic } from '../export/atomic'
import type { Handlers } from './types'

export const caseImportHandlers: Handlers['caseImport'] = {
  preview: async ({ kind, text }, { store, today }) => previewOf(await planImport(store, kind, text, today)),

  commit: async ({ kind, text, applyUpdates }, { store, today, now }) => {
    // Re-validated here against the store as it is now; the dispatcher runs this in one transaction.
    const plan = await planImport(store, kind, text, today)
    const stamp = now.toISOString()
    let created = 0
    let updated = 0
    if (plan.kind === 'prisoners') {
      // New prisoners are written in batches (a few statements, not one per row), in file order.
      const fresh: PrisonerValues[] = []
      for (const item of plan.items) {
        const values = { ...item.input, updatedAt: stamp }
        if (!item.existing) {
          fresh.push(values)
          created++
        } else if (applyUpdates && item.changes.length > 0) {
          await updatePrisoner(store.db, item.existing.id, { ...values, version: item.existing.version + 1 })
          updated++
        }
      }
      await insertPrisoners(store.db, fresh)
    } else {
      const fresh: SessionValues[] = plan.items.map((s) => {
        const { prisonerId, date, inPerson, mode, durationMinutes, notes, notesSensitive } = s.input
        return { prisonerId, date, inPerson, mode, durationMinutes, notes, notesSensitive, recordedOn: s.recordedOn, createdAt: stamp }
      })
      await insertSessions(store.db, fresh)
      created += fresh.length
    }
    return { created, updated, skipped: plan.totalRows - created - updated }
  },

  saveTemplate: async ({ kind }, { host }) => {
    const target = await host.chooseSavePath({ title: 'Save the CSV template', defaultName: `omu-${kind}-template.csv`, filters: [{ name: 'CSV', extensions: ['csv'] }] })
    if (!target) return null
    fs.mkdirSync(path.dirname(target), { recursive: true })
    writeFileAtomic(target, templateCsv(kind))
    return { path: target }
  },
}
