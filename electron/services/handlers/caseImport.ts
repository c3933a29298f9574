import fs from 'node:fs'
import path from 'node:path'
import { templateCsv } from '../caseImport/columns'
import { planImport, previewOf } from '../caseImport/plan'
import { importedBy, insertPrisoners, insertSessions, releasedOnFor, requirePrisoner, toPrisoner, toSession, updatePrisoner, type PrisonerValues, type SessionValues } from '../caseload/store'
import { readSettings } from '../establishment/store'
import { writeFileAtomic } from '../export/atomic'
import { commitComDetails } from '../caseImport/comDetailsCommit'
import { commitAllocations } from '../caseImport/allocationsCommit'
import type { AuditRecord } from '../audit'
import { reconcileHandovers } from '../handover/reconcile'
import type { Handlers } from './types'

export const caseImportHandlers: Handlers['caseImport'] = {
  preview: async ({ kind, text }, { store, today }) => previewOf(await planImport(store, kind, text, today)),

  commit: async ({ kind, text, applyUpdates }, { store, today, now, actor, audit: auditRow }) => {
    // The prisoners the file changed (their audit rows name them), for the handover check below.
    const touched = new Set<number>()
    const audit = (rec: AuditRecord) => {
      if (rec.entity === 'prisoner' && rec.entityId !== null) touched.add(Number(rec.entityId))
      auditRow(rec)
    }
    // Re-validated here against the store as it is now; the dispatcher runs this in one transaction.
    // Each prisoner the file creates or changes gets an audit row of its own with before and after,
    // as the same change made in the prisoner's form would (issue 15): a prisoner's history must
    // not hide a change inside one row about "an import".
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
          fresh.push({ ...values, releasedOn: releasedOnFor(item.input.status, null, today) })
          created++
        } else if (applyUpdates && item.changes.length > 0) {
          const before = await requirePrisoner(store.db, item.existing.id)
          const after = await updatePrisoner(store.db, item.existing.id, { ...values, releasedOn: releasedOnFor(item.input.status, before.releasedOn, today), version: item.existing.version + 1 })
          if (after) audit({ entity: 'prisoner', entityId: after.id, before: toPrisoner(before), after: toPrisoner(after) })
          updated++
        }
      }
      for (const row of await insertPrisoners(store.db, fresh)) audit({ entity: 'prisoner', entityId: row.id, before: null, after: toPrisoner(row) })
    } else if (plan.kind === 'comDetails') {
      // Issue 17: all or nothing (comDetailsCommit.ts), audited case by case.
      const done = await commitComDetails(store, plan, applyUpdates, stamp, audit)
      created += done.created
      updated += done.updated
    } else if (plan.kind === 'allocations') {
      // Issue 17: all or nothing (allocationsCommit.ts), one audit row per case; a reallocation only with applyUpdates.
      const done = await commitAllocations(store, plan, applyUpdates, stamp, audit)
      created += done.created
      updated += done.updated
    } else {
      // Issue 16 ("each session shows who recorded it"): an imported session was entered by whoever
      // imported the file, so it reads "Recorded on dd/mm/yyyy by <name> (CSV import)".
      const recordedBy = actor ? importedBy(actor.displayName) : null
      const fresh: SessionValues[] = plan.items.map((s) => {
        const { prisonerId, date, inPerson, mode, durationMinutes, notes, notesSensitive } = s.input
        return { prisonerId, date, inPerson, mode, durationMinutes, notes, notesSensitive, recordedOn: s.recordedOn, recordedBy, createdAt: stamp }
      })
      // A session is filed under its prisoner, as sessions.record files it.
      const { extraHolidays } = await readSettings(store.db)
      for (const row of await insertSessions(store.db, fresh)) audit({ entity: 'prisoner', entityId: row.prisonerId, before: null, after: { session: toSession(row, null, extraHolidays) } })
      created += fresh.length
    }
    // ../shared/specs/mpc-rules.md D.5: every case the file changed has its handover recalculated
    // (facts, COM details and sessions alike: the audit rows name them).
    if (plan.kind !== 'sessions') {
      await reconcileHandovers({ store, today, now, actor, audit }, { prisonerIds: [...touched] })
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
