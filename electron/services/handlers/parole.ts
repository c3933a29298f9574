import { lastDecidedReview, paroleInputs } from '../../../shared/engine/case/paroleReviews'
import type { ParoleCase, ParoleCases } from '../../../shared/ipc/channels/parole'
import { UserFacingError } from '../../../shared/ipc/result'
import { casesOf } from '../caseload/cache'
import { evalSettings } from '../caseload/context'
import { targetHearingDateOf } from '../caseload/load'
import { requirePrisoner } from '../caseload/store'
import { displayName, overrideNote } from '../caseload/verdict'
import { checkParoleReview } from '../parole/rules'
import { insertReview, requireReview, reviewsOfCase, toParoleReview, updateReview } from '../parole/store'
import { reconcileHandovers } from '../handover/reconcile'
import type { Handlers } from './types'

// Parole reviews (issue 17, "Parole") and the handover facts they supply (issue 20,
// ../shared/specs/handover-2023.md section 6). A review is filed in the audit trail under its
// prisoner, as sessions and allocations are: the case's history shows it, the case cache reads
// that case again (dispatcher.ts touchedPrisoners), and a purge forgets it with the rest.

export const paroleHandlers: Handlers['parole'] = {
  list: async ({ prisonerId }, { store }) => {
    const p = await requirePrisoner(store.db, prisonerId)
    const rows = (await reviewsOfCase(store.db, prisonerId)).map(toParoleReview)
    // paroleInputs breaks a tie on one hearing day by the order recorded (id).
    const recorded = [...rows].sort((a, b) => a.id - b.id)
    return { prisonerId, reviews: rows, used: paroleInputs(recorded, p.sentenceStartDate) }
  },

  add: async ({ prisonerId, ...facts }, { store, today, now, actor, audit }) => {
    const p = await requirePrisoner(store.db, prisonerId)
    checkParoleReview(facts, p, today)
    const at = now.toISOString()
    const review = toParoleReview(await insertReview(store.db, { prisonerId, ...facts, createdAt: at, updatedAt: at }))
    audit({ entity: 'prisoner', entityId: prisonerId, before: null, after: { paroleReview: review } })
    // ../shared/specs/mpc-rules.md D.5: a review moves the handover's inputs (handover spec section 6).
    await reconcileHandovers({ store, today, now, actor, audit }, { prisonerIds: [prisonerId] })
    return review
  },

  correct: async ({ reviewId, version, ...facts }, { store, today, now, actor, audit }) => {
    const current = await requireReview(store.db, reviewId)
    if (current.version !== version) {
      throw new UserFacingError('conflict', 'Someone else changed this parole review since you opened it. Reload to see their change, then make yours again.')
    }
    const p = await requirePrisoner(store.db, current.prisonerId)
    checkParoleReview(facts, p, today)
    const row = await updateReview(store.db, reviewId, { ...facts, version: current.version + 1, updatedAt: now.toISOString() })
    if (!row) throw new UserFacingError('not_found', 'That parole review is not on record. Reload the case.', 'reviewId')
    const review = toParoleReview(row)
    audit({ entity: 'prisoner', entityId: current.prisonerId, before: { paroleReview: toParoleReview(current) }, after: { paroleReview: review } })
    await reconcileHandovers({ store, today, now, actor, audit }, { prisonerIds: [current.prisonerId] })
    return review
  },

  cases: async (_i, { store, today }) => {
    const s = await evalSettings(store.db, today)
    const out: ParoleCase[] = []
    const problems: ParoleCases['problems'] = []
    const cases = casesOf(store)
    for (const rec of await cases.all(s)) {
      const p = rec.prisoner
      const nextHearingDate = targetHearingDateOf(rec)
      // Issue 17: "a list of parole cases with their next hearing": any case with a parole review,
      // and an indeterminate sentence with a target hearing date (the parole cohort's cases).
      if (rec.paroleReviews.length === 0 && !(p.sentenceType === 'indeterminate' && nextHearingDate)) continue
      const v = cases.verdict(rec, s)
      if (!v.ok) {
        problems.push({ prisonerId: p.id, prisonNumber: p.prisonNumber, message: v.message })
        continue
      }
      out.push({
        prisonerId: p.id,
        prisonNumber: p.prisonNumber,
        name: displayName(p),
        pomName: rec.current?.staffName ?? null,
        sentenceType: p.sentenceType,
        nextHearingDate,
        lastOutcome: lastDecidedReview(rec.paroleReviews, p.sentenceStartDate)?.outcome ?? null,
        reviews: rec.paroleReviews.length,
        responsibility: v.evaluation.responsibility,
        handoverReason: v.evaluation.handover.reason,
        override: overrideNote(rec, v.evaluation, today),
      })
    }
    // Soonest hearing first; cases with no hearing date last, by name.
    out.sort((a, b) => (a.nextHearingDate ?? '9999').localeCompare(b.nextHearingDate ?? '9999') || a.name.localeCompare(b.name))
    return { today, cases: out, problems }
  },
}
