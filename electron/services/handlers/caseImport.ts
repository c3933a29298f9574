import fs from 'node:fs'
import path from 'node:path'
import { prisoner, supervisionSession } from '../../../db/schema'
import { eq } from 'drizzle-orm'
import { templateCsv } from '../caseImport/columns'
import { planImport, previewOf } from '../caseImport/plan'
import { writeFileAtomic } from '../export/atomic'
import type { Handlers } from './types'

export const caseImportHandlers: Handlers['caseImport'] = {
  preview: ({ kind, text }, { store, today }) => previewOf(planImport(store.sqlite, kind, text, today)),

  commit: ({ kind, text, applyUpdates }, { store, today, now }) => {
    // Re-validated here against the store as it is now; the dispatcher runs this in one transaction.
    const plan = planImport(store.sqlite, kind, text, today)
    const stamp = now.toISOString()
    let created = 0
    let updated = 0
    if (plan.kind === 'prisoners') {
      for (const item of plan.items) {
        const values = { ...item.input, updatedAt: stamp }
        if (!item.existing) {
          store.db.insert(prisoner).values(values).run()
          created++
        } else if (applyUpdates && item.changes.length > 0) {
          store.db.update(prisoner).set({ ...values, version: item.existing.version + 1 }).where(eq(prisoner.id, item.existing.id)).run()
          updated++
        }
      }
    } else {
      for (const s of plan.items) {
        const { prisonerId, date, inPerson, mode, durationMinutes, notes, notesSensitive } = s.input
        store.db.insert(supervisionSession).values({ prisonerId, date, inPerson, mode, durationMinutes, notes, notesSensitive, recordedOn: s.recordedOn, createdAt: stamp }).run()
        created++
      }
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
