import { UserFacingError } from '../../../shared/ipc/result'
import type { CaseEvaluation } from '../../../shared/engine'
import type { HandoverListItem, HandoverListsOverview } from '../../../shared/ipc/channels/handover'
import type { User } from '../../../shared/ipc/channels/auth'
import { evalSettings } from '../caseload/context'
import { casesOf } from '../caseload/cache'
import { loadCases, type CaseRecord } from '../caseload/load'
import { overrideView, verdictFor } from '../caseload/verdict'
import { readEstablishment } from '../establishment/store'
import type { Handlers } from '../handlers/types'
import { handoverListItem } from './listItem'
import { notifyMailto } from './mailto'
import { reconcileHandovers } from './reconcile'
import { comHandoversByPrisoner, readComHandover, refuseUnlessVersion, TASK_COLUMNS, writeComHandover } from './store'
import { caseHandover, handoverCaseView, handoverContext, releaseDateOf } from './view'

// Handover to the COM (issue 17). Who may do what: RULES (shared/permissions/rules.ts) lets a POM,
// HOMD or HOMS call the mutations; here a POM is held to the cases allocated to them ("editable by
// HOMD and the case's POM"), and the checklist to ../shared/specs/mpc-rules.md D.4.

/** ../shared/specs/mpc-rules.md D.4 `isAllocatedPom`: the case's primary or co-working POM. */
function isCasePom(actor: User | null, rec: CaseRecord): boolean {
  return actor?.role === 'pom' && actor.staffId !== null && (rec.current?.staffId === actor.staffId || rec.coWorker?.staffId === actor.staffId)
}

function mayEdit(actor: User | null, rec: CaseRecord): boolean {
  return actor?.role === 'homd' || actor?.role === 'homs' || isCasePom(actor, rec)
}

async function caseOf(store: Parameters<Handlers['handover']['get']>[1]['store'], prisonerId: number, today: string) {
  const s = await evalSettings(store.db, today)
  const [rec] = await loadCases(store, { prisonerId })
  if (!rec) throw new UserFacingError('not_found', 'That prisoner is not on record. Reload the list.', 'prisonerId')
  const v = verdictFor(rec, s)
  // The verdict's message is already a whole plain sentence (caseload/engineMessage.ts).
  if (!v.ok) throw new UserFacingError('invalid_input', v.message)
  return { rec, evaluation: v.evaluation, ctx: handoverContext(rec, s) }
}

/** Spec D.5: the state to record with every write, and the ticks cleared when it resets. */
function stateAfter(evaluation: CaseEvaluation, reset: boolean) {
  const cleared = reset
    ? Object.fromEntries(Object.values(TASK_COLUMNS).flatMap((c) => [[c.done, false], [c.by, null], [c.at, null]]))
    : {}
  return { ...cleared, lastResponsibility: evaluation.responsibility, lastComResponsibleDate: evaluation.handover.comResponsibleDate }
}

function refuseUnlessEditable(actor: User | null, rec: CaseRecord): void {
  if (!mayEdit(actor, rec)) throw new UserFacingError('forbidden', 'As a POM you can change handover details only for cases allocated to you. Ask the case’s POM or a HOMD.')
}

export const handoverHandlers: Handlers['handover'] = {
  get: async ({ prisonerId }, { store, today, actor }) => {
    const { rec, evaluation, ctx } = await caseOf(store, prisonerId, today)
    const row = await readComHandover(store.db, prisonerId)
    return handoverCaseView(rec.prisoner, evaluation, row, today, { isAllocatedPom: isCasePom(actor, rec), canEdit: mayEdit(actor, rec) }, ctx)
  },

  lists: async ({ mine }, { store, today, actor }) => {
    const s = await evalSettings(store.db, today)
    const rows = await comHandoversByPrisoner(store.db)
    const cases = casesOf(store)
    // Spec A: the establishment's allocated cases (HOMD), or the POM's primary and co-working cases (cache.ts forPom).
    // Issue 16, "Nothing of other POMs unless asked": a POM's own unless `mine: false` asks for the establishment.
    const pomOnly = mine ?? actor?.role === 'pom'
    const recs = pomOnly ? (actor?.staffId ? await cases.forPom(actor.staffId, s) : []) : await cases.all(s)
    const out: HandoverListsOverview = { today, upcoming: [], inProgress: [], comAllocationOverdue: [], overdueTasks: [], toNotify: [] }
    for (const rec of recs) {
      if (!rec.current || rec.prisoner.status !== 'in_custody') continue
      const v = cases.verdict(rec, s)
      if (!v.ok) continue
      const row = rows.get(rec.prisoner.id)
      const c = caseHandover(rec.prisoner, v.evaluation, row, today, handoverContext(rec, s))
      const h = v.evaluation.handover
      const start = h.comAllocatedDate ?? h.comResponsibleDate
      const item = (kind: 'left' | 'overdue', date: string | null): HandoverListItem => handoverListItem(rec, v.evaluation, row, c, today, kind, date)
      if (c.lists.upcoming) out.upcoming.push(item('left', start))
      if (c.lists.inProgress) out.inProgress.push(today < (h.comResponsibleDate ?? today) ? item('left', h.comResponsibleDate) : item('overdue', h.comResponsibleDate))
      if (c.lists.comAllocationOverdue) out.comAllocationOverdue.push({ ...item('overdue', h.comResponsibleDate), days: c.lists.comAllocationDaysOverdue ?? 0 })
      if (c.lists.overdueTasks) out.overdueTasks.push(item('overdue', h.comResponsibleDate))
      if (c.notifyDue) out.toNotify.push(today < (h.comResponsibleDate ?? today) ? item('left', h.comResponsibleDate) : item('overdue', h.comResponsibleDate))
    }
    const soonest = (a: HandoverListItem, b: HandoverListItem) => (a.daysKind === b.daysKind ? (a.daysKind === 'left' ? a.days - b.days : b.days - a.days) : a.daysKind === 'overdue' ? -1 : 1)
    for (const list of [out.upcoming, out.inProgress, out.comAllocationOverdue, out.overdueTasks, out.toNotify]) list.sort(soonest)
    return out
  },

  saveDetails: async ({ prisonerId, expectedVersion, ...details }, { store, today, now, actor, audit }) => {
    const { rec, evaluation, ctx } = await caseOf(store, prisonerId, today)
    refuseUnlessEditable(actor, rec)
    // The version the user read is checked first; then spec D.5 (a reset audited as the system's,
    // which moves the version on), so this change starts from the current checklist.
    refuseUnlessVersion(await readComHandover(store.db, prisonerId), expectedVersion)
    await reconcileHandovers({ store, today, now, actor, audit }, { prisonerIds: [prisonerId] })
    if (details.comAllocatedOn !== null && details.comAllocatedOn > today) throw new UserFacingError('invalid_input', 'Date the COM was allocated: cannot be in the future.', 'comAllocatedOn')
    if (details.vloLastContactOn !== null && details.vloLastContactOn > today) throw new UserFacingError('invalid_input', 'Date of last contact with the Victim Liaison Officer: cannot be in the future.', 'vloLastContactOn')
    const before = await readComHandover(store.db, prisonerId)
    const reset = before !== undefined && caseHandover(rec.prisoner, evaluation, before, today, ctx).reset
    const row = await writeComHandover(store.db, prisonerId, { ...details, ...stateAfter(evaluation, reset) }, now.toISOString())
    audit({ entity: 'prisoner', entityId: prisonerId, before: before ? { comHandover: before } : null, after: { comHandover: row } })
    casesOf(store).invalidate([prisonerId])
    return { version: row.version }
  },

  tickTask: async ({ prisonerId, task, done }, { store, today, now, actor, audit }) => {
    const { rec, evaluation, ctx } = await caseOf(store, prisonerId, today)
    if (isCasePom(actor, rec)) await reconcileHandovers({ store, today, now, actor, audit }, { prisonerIds: [prisonerId] })
    const row = await readComHandover(store.db, prisonerId)
    const view = handoverCaseView(rec.prisoner, evaluation, row, today, { isAllocatedPom: isCasePom(actor, rec), canEdit: mayEdit(actor, rec) }, ctx)
    if (!isCasePom(actor, rec)) throw new UserFacingError('forbidden', 'Only the case’s POM can tick the handover checklist.')
    if (!view.checklist.editable) throw new UserFacingError('invalid_input', 'The handover checklist opens 8 weeks before the handover starts and closes when the prisoner is released.', 'task')
    // Spec D4: only the tasks that apply are written.
    if (!view.checklist.tasks.some((t) => t.task === task)) throw new UserFacingError('invalid_input', 'That task is not part of this case’s handover.', 'task')
    const reset = row !== undefined && caseHandover(rec.prisoner, evaluation, row, today, ctx).reset
    const cols = TASK_COLUMNS[task]
    const written = await writeComHandover(
      store.db,
      prisonerId,
      { ...stateAfter(evaluation, reset), [cols.done]: done, [cols.by]: done ? (actor?.displayName ?? null) : null, [cols.at]: done ? now.toISOString() : null },
      now.toISOString(),
    )
    audit({ entity: 'prisoner', entityId: prisonerId, before: { handoverTask: task, done: !reset && row ? row[cols.done] : false }, after: { handoverTask: task, done } })
    casesOf(store).invalidate([prisonerId])
    return { version: written.version }
  },

  notifyCommunity: async ({ prisonerId }, { store, today, now, actor, audit, host }) => {
    const { rec, evaluation, ctx } = await caseOf(store, prisonerId, today)
    refuseUnlessEditable(actor, rec)
    await reconcileHandovers({ store, today, now, actor, audit }, { prisonerIds: [prisonerId] })
    const row = await readComHandover(store.db, prisonerId)
    const to = row?.comEmail ?? row?.lduEmail ?? null
    if (!to) throw new UserFacingError('invalid_input', 'Record the COM’s email or the LDU’s email first, so the email has someone to go to.', 'comEmail')
    if (!host.openExternal) throw new UserFacingError('unavailable', 'This computer cannot open an email program from the app.')
    const est = await readEstablishment(store.db)
    const mailto = notifyMailto({
      to,
      prisonerName: `${rec.prisoner.firstName} ${rec.prisoner.lastName}`,
      prisonNumber: rec.prisoner.prisonNumber,
      comAllocatedDate: evaluation.handover.comAllocatedDate,
      comResponsibleDate: evaluation.handover.comResponsibleDate,
      releaseDate: releaseDateOf(rec.prisoner, today, ctx.targetHearingDate),
      responsibility: evaluation.responsibility,
      override: overrideView(rec, today),
      pomName: rec.current?.staffName ?? null,
      establishment: est?.name ?? 'the prison',
    })
    try {
      await host.openExternal(mailto)
    } catch {
      throw new UserFacingError('unavailable', 'Your email program could not be opened, so nothing was recorded. Check that an email program is set up on this computer.')
    }
    const notifiedAt = now.toISOString()
    const reset = row !== undefined && caseHandover(rec.prisoner, evaluation, row, today, ctx).reset
    await writeComHandover(store.db, prisonerId, { ...stateAfter(evaluation, reset), communityNotifiedAt: notifiedAt, communityNotifiedBy: actor?.displayName ?? null }, notifiedAt)
    audit({ entity: 'prisoner', entityId: prisonerId, before: { communityNotifiedAt: row?.communityNotifiedAt ?? null }, after: { communityNotifiedAt: notifiedAt, to } })
    casesOf(store).invalidate([prisonerId])
    return { mailto, notifiedAt }
  },
}
