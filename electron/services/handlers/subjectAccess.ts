import path from 'node:path'
import { addMonthsIso } from '../../../shared/dates'
import { UserFacingError } from '../../../shared/ipc/result'
import { writeFileAtomic } from '../export/atomic'
import { readSettings } from '../establishment/store'
import { subjectAccessDocument } from '../subjectAccess/document'
import { reviewerPdf, subjectAccessPdf } from '../subjectAccess/pdf'
import { forgetPrisoner, prisonersByIds, purgePrisoner, releasedBeforeCutoff } from '../trust/store'
import { displayName } from '../caseload/verdict'
import type { Handlers } from './types'

export const subjectAccessHandlers: Handlers['subjectAccess'] = {
  export: async ({ prisonerId, format }, { store, now, host, endRead }) => {
    const doc = await subjectAccessDocument(store.db, prisonerId, now)
    // Everything is read: the store is not held while the user chooses where to save.
    await endRead()
    const number = String(doc.prisoner.prisonNumber)
    const target = await host.chooseSavePath({
      title: 'Save the subject access disclosure',
      defaultName: `subject-access-${number}-${now.toISOString().slice(0, 10)}.${format}`,
      filters: [{ name: format.toUpperCase(), extensions: [format] }],
    })
    if (!target) return { saved: false as const }
    // Issue 15: the disclosure holds only what may be disclosed; the notes held back go in a
    // second file beside it, named so nobody sends it by mistake.
    const { heldBack, ...disclosure } = doc
    const bytes = writeFileAtomic(target, format === 'pdf' ? await subjectAccessPdf(doc) : JSON.stringify(disclosure, null, 2))
    let reviewerPath: string | null = null
    if (heldBack.length > 0) {
      reviewerPath = reviewerFileBeside(target)
      writeFileAtomic(reviewerPath, format === 'pdf' ? await reviewerPdf(doc) : JSON.stringify({ forTheReviewerOnly: true, prisonNumber: number, heldBack }, null, 2))
    }
    return { saved: true as const, path: target, bytes, sensitiveNotesHeldBack: heldBack.length, reviewerPath }
  },
}

/** `…/subject-access-A1234BC-2026-11-23.pdf` → `…/subject-access-A1234BC-2026-11-23-REVIEWER-ONLY-held-back-notes.pdf`. */
export function reviewerFileBeside(disclosure: string): string {
  const ext = path.extname(disclosure)
  return path.join(path.dirname(disclosure), `${path.basename(disclosure, ext)}-REVIEWER-ONLY-held-back-notes${ext}`)
}

/** Released before this day: past the retention period (whole years; 29 February becomes 28 February). */
export function releasedBefore(today: string, years: number): string {
  return addMonthsIso(today, -12 * years)
}

export const retentionHandlers: Handlers['retention'] = {
  review: async (_i, { store, today }) => {
    const { retentionYears } = await readSettings(store.db)
    const cutoff = releasedBefore(today, retentionYears)
    const rows = await releasedBeforeCutoff(store.db, cutoff)
    const due = rows.map((r) => ({ prisonerId: r.id, prisonNumber: r.prisonNumber, name: displayName(r), releasedOn: r.releasedOn ?? '' }))
    return { retentionYears, releasedBefore: cutoff, due }
  },

  purge: async ({ prisonerIds }, { store, today, now, audit, afterCommit, purges }) => {
    const { retentionYears } = await readSettings(store.db)
    const cutoff = releasedBefore(today, retentionYears)
    const rows = await prisonersByIds(store.db, prisonerIds)
    for (const id of prisonerIds) {
      const r = rows.find((x) => x.id === id)
      // Re-checked here, not trusted from the review list: only records past retention can go.
      if (!r || r.status !== 'released' || !r.releasedOn || r.releasedOn >= cutoff) {
        throw new UserFacingError('invalid_input', `Record ${r?.prisonNumber ?? id} is not past its retention period, so nothing was purged. Refresh the review list.`, 'prisonerIds')
      }
    }
    for (const r of rows) {
      const { sessions, allocations, sessionIds } = await purgePrisoner(store.db, r.id)
      // Issue 15: the trail's copies of the person's records go too (what happened stays).
      await forgetPrisoner(store, r.id, sessionIds)
      // The purge is audited: what was removed and under which record id, never who it was (no
      // prison number, no dates: they would be a copy of what the purge is there to forget).
      audit({ entity: 'prisoner', entityId: r.id, before: { sessions, allocations }, after: { purged: true, retentionYears } })
    }
    // Restoring a backup taken before today brings these records back: the ledger (record ids
    // only) lets the restore purge them again (electron/services/purgeLedger.ts).
    afterCommit(() => purges.record(now, rows.map((r) => r.id)))
    return { purged: rows.length }
  },
}
