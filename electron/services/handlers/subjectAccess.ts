import { and, eq, inArray, lt } from 'drizzle-orm'
import { allocation, prisoner, supervisionSession } from '../../../db/schema'
import { UserFacingError } from '../../../shared/ipc/result'
import { writeFileAtomic } from '../export/atomic'
import { subjectAccessDocument } from '../subjectAccess/document'
import { subjectAccessPdf } from '../subjectAccess/pdf'
import { readSettings } from './settings'
import { displayName } from '../caseload/verdict'
import type { Handlers } from './types'

export const subjectAccessHandlers: Handlers['subjectAccess'] = {
  export: async ({ prisonerId, format }, { store, now, host }) => {
    const doc = subjectAccessDocument(store.db, prisonerId, now)
    const number = String(doc.prisoner.prisonNumber)
    const target = await host.chooseSavePath({
      title: 'Save the subject access disclosure',
      defaultName: `subject-access-${number}-${now.toISOString().slice(0, 10)}.${format}`,
      filters: [{ name: format.toUpperCase(), extensions: [format] }],
    })
    if (!target) return { saved: false as const }
    const data = format === 'pdf' ? await subjectAccessPdf(doc) : JSON.stringify(doc, null, 2)
    const bytes = writeFileAtomic(target, data)
    return { saved: true as const, path: target, bytes, sensitiveNotesHeldBack: doc.heldBack.length }
  },
}

/** Released before this day: past the retention period (whole years; 29 February becomes 28 February). */
export function releasedBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const daysInMonth = new Date(Date.UTC(y - years, m, 0)).getUTCDate()
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth)).padStart(2, '0')}`
}

export const retentionHandlers: Handlers['retention'] = {
  review: (_i, { store, today }) => {
    const { retentionYears } = readSettings(store.db)
    const cutoff = releasedBefore(today, retentionYears)
    const due = store.db
      .select({ prisonerId: prisoner.id, prisonNumber: prisoner.prisonNumber, firstName: prisoner.firstName, lastName: prisoner.lastName, releasedOn: prisoner.releasedOn })
      .from(prisoner)
      .where(and(eq(prisoner.status, 'released'), lt(prisoner.releasedOn, cutoff)))
      .orderBy(prisoner.releasedOn)
      .all()
      .map((r) => ({ prisonerId: r.prisonerId, prisonNumber: r.prisonNumber, name: displayName(r), releasedOn: r.releasedOn ?? '' }))
    return { retentionYears, releasedBefore: cutoff, due }
  },

  purge: ({ prisonerIds }, { store, today, audit }) => {
    const { retentionYears } = readSettings(store.db)
    const cutoff = releasedBefore(today, retentionYears)
    const rows = store.db.select().from(prisoner).where(inArray(prisoner.id, prisonerIds)).all()
    for (const id of prisonerIds) {
      const r = rows.find((x) => x.id === id)
      // Re-checked here, not trusted from the review list: only records past retention can go.
      if (!r || r.status !== 'released' || !r.releasedOn || r.releasedOn >= cutoff) {
        throw new UserFacingError('invalid_input', `Record ${r?.prisonNumber ?? id} is not past its retention period, so nothing was purged. Refresh the review list.`, 'prisonerIds')
      }
    }
    for (const r of rows) {
      const sessions = store.db.delete(supervisionSession).where(eq(supervisionSession.prisonerId, r.id)).run().changes
      const allocations = store.db.delete(allocation).where(eq(allocation.prisonerId, r.id)).run().changes
      store.db.delete(prisoner).where(eq(prisoner.id, r.id)).run()
      // The purge is audited: what was removed, never the removed content itself.
      audit({ entity: 'prisoner', entityId: r.id, before: { prisonNumber: r.prisonNumber, releasedOn: r.releasedOn, sessions, allocations }, after: { purged: true, retentionYears } })
    }
    return { purged: rows.length }
  },
}
