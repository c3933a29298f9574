import { addDaysIso } from '../../../shared/dates'
import type { AllocationOverview, DueItem, DueOverview, PomLoad } from '../../../shared/ipc/channels/allocation'
import { UserFacingError } from '../../../shared/ipc/result'
import { evalSettings } from '../caseload/context'
import { casesOf } from '../caseload/cache'
import type { PrisonerRow } from '../caseload/load'
import { displayName, overrideNote } from '../caseload/verdict'
import { writeAllocation } from '../caseload/allocationWrites'
import { activePoms, openAllocation, requirePom, requirePrisoner } from '../caseload/store'
import { openCoWorking } from '../coworking/store'
import type { Handlers } from './types'
import { pomsToday, requireAvailableOrConfirmed } from '../resourcing/pomToday'
import { pomTypeReasonNeeded, recommendationFor } from '../caseWork/recommend'
import { allocatedTo, lateRecordsOf, monthStartOf, worklistHorizon, worklistsOf } from '../home/worklists'

/** Newly sentenced: within the 12-week start-of-custody period (seed 003 Annex B). */
const NEWLY_SENTENCED_DAYS = 84

export const allocationHandlers: Handlers['allocations'] = {
  overview: async (_i, { store, today }) => {
    const s = await evalSettings(store.db, today)
    const newlySentencedFrom = addDaysIso(today, -NEWLY_SENTENCED_DAYS)
    const reasonOf = (p: PrisonerRow) =>
      p.arrivalDate ? ('new_arrival' as const) : p.sentenceStartDate >= newlySentencedFrom ? ('newly_sentenced' as const) : ('unallocated' as const)
    const rank = { new_arrival: 0, newly_sentenced: 1, unallocated: 2 }
    const poms = await activePoms(store.db)
    // Issue 17 ("POMs: availability"): each POM's capacity and availability today, shown when allocating.
    const facts = await pomsToday(store.db, today)
    const load = new Map(
      poms.map((r) => [
        r.id,
        { staffId: r.id, name: r.name, role: r.role as PomLoad['role'], hoursPerWeek: r.hoursPerWeek, caseCount: 0, byTier: {} as Record<string, number>, byResponsibility: { pom: 0, pom_with_com: 0, com: 0 }, capacity: facts.get(r.id)?.capacity ?? 0, availability: facts.get(r.id)?.availability ?? { status: 'available' as const } },
      ]),
    )
    const unallocated: AllocationOverview['unallocated'] = []
    const cases = casesOf(store)
    for (const rec of await cases.all(s)) {
      const p = rec.prisoner
      const v = cases.verdict(rec, s)
      const responsibility = v.ok ? v.row.responsibility : ('pom' as const)
      if (!rec.current) {
        unallocated.push({ prisonerId: p.id, prisonNumber: p.prisonNumber, name: displayName(p), reason: reasonOf(p), sentenceType: p.sentenceType, sentenceStartDate: p.sentenceStartDate, arrivalDate: p.arrivalDate, tier: p.tier, responsibility, override: v.ok ? overrideNote(rec, v.evaluation, today) : null })
        continue
      }
      const l = load.get(rec.current.staffId)
      if (!l) continue
      l.caseCount++
      const t = p.tier ?? 'Not set'
      l.byTier[t] = (l.byTier[t] ?? 0) + 1
      l.byResponsibility[responsibility]++
    }
    // New arrivals and the newly sentenced first, each longest waiting first.
    unallocated.sort((a, b) => rank[a.reason] - rank[b.reason] || (a.arrivalDate ?? a.sentenceStartDate).localeCompare(b.arrivalDate ?? b.sentenceStartDate))
    // Lightest load per contracted hour first: the POM most able to take the next case.
    const pomLoads = [...load.values()].sort((a, b) => a.caseCount / a.hoursPerWeek - b.caseCount / b.hoursPerWeek || a.name.localeCompare(b.name))
    return { today, unallocated, poms: pomLoads }
  },

  allocate: async ({ prisonerId, staffId, startDate, reason, pomTypeReason, confirmUnavailable }, { store, today, now, audit }) => {
    const p = await requirePrisoner(store.db, prisonerId)
    const pom = await requirePom(store.db, staffId)
    // Issue 17: a POM away today takes a case only when the HOMD confirms it (resourcing/pomToday.ts).
    await requireAvailableOrConfirmed(store.db, pom, today, confirmUnavailable)
    // Issue 17 ("a reason required when the HOMD chooses otherwise"; ../shared/specs/mpc-rules.md
    // B4): choosing a POM of the other type than the recommended one, or any POM when there is no
    // recommendation, is refused without a reason; the reason is kept with the allocation and in its
    // audit row with the recommendation. The POM's type is their role (prison_pom / probation_pom,
    // db/schema/caseload.ts `staff`), and requirePom accepts only those, so every POM has a type.
    const recommendation = await recommendationFor(store, prisonerId, today, pom.role)
    if (p.status !== 'in_custody') throw new UserFacingError('invalid_input', 'Only prisoners in custody can be allocated.', 'prisonerId')
    const missingReason = recommendation.overrideRequired === true && pomTypeReason.trim() === '' ? pomTypeReasonNeeded(recommendation.recommendedPomType, pom.role) : null
    if (missingReason) throw new UserFacingError('invalid_input', missingReason, 'pomTypeReason')
    const start = startDate ?? today
    if (start > today) throw new UserFacingError('invalid_input', 'Start date: an allocation cannot start in the future.', 'startDate')
    const open = await openAllocation(store.db, prisonerId)
    if (open?.staffId === staffId) throw new UserFacingError('conflict', 'The case is already allocated to that POM.', 'staffId')
    if (open && start < open.startDate) throw new UserFacingError('invalid_input', 'Start date: cannot be before the current allocation started.', 'startDate')
    // Issue 17: allocating the case to its co-working POM ends the co-working (allocationWrites.ts).
    const found = await openCoWorking(store.db, prisonerId)
    const coWorking = found?.staffId === staffId ? found : null
    const { row, endedCoWorking } = await writeAllocation(
      store.db,
      { prisonerId, staffId, startDate: start, reason, pomTypeReason: recommendation.overrideRequired === true ? pomTypeReason : null, createdAt: now.toISOString() },
      open,
      coWorking,
    )
    if (coWorking) audit({ entity: 'prisoner', entityId: prisonerId, before: { coWorking }, after: { coWorking: endedCoWorking ?? null } })
    audit({ entity: 'prisoner', entityId: prisonerId, before: open ? { allocation: open } : null, after: { allocation: row, pomTypeRecommendation: { recommendedPomType: recommendation.recommendedPomType, reasonKey: recommendation.reasonKey, overrideRequired: recommendation.overrideRequired } } })
    return { allocationId: row.id, endedAllocationId: open?.id ?? null }
  },
}

export const dueHandlers: Handlers['due'] = {
  overview: async ({ mine }, { store, today, actor }) => {
    const s = await evalSettings(store.db, today)
    const perPom = new Map<number | null, { pomId: number | null; pomName: string; overdue: number; due7: number; due28: number }>()
    const items: DueItem[] = []
    // Issue 16: the records entered late this month, listed where the POM's home count links.
    const monthStart = monthStartOf(today)
    const horizon = worklistHorizon(today)
    const lateRecords: DueOverview['lateRecords'] = []
    const cases = casesOf(store)
    // Issue 16: `mine`, the signed-in POM's own cases (the home's counts link here; worklists.ts).
    const all = await cases.all(s)
    for (const rec of mine ? all.filter((r) => allocatedTo(r, actor?.staffId ?? null)) : all) {
      const v = cases.verdict(rec, s)
      if (!v.ok) continue
      const pomId = rec.current?.staffId ?? null
      for (const late of lateRecordsOf(rec, monthStart, today, s.extraHolidays)) lateRecords.push({ prisonerId: v.row.prisonerId, prisonNumber: v.row.prisonNumber, name: v.row.name, pomName: v.row.pomName, ...late })
      // Issue 17: a HOMD's override is shown beside each row; the rows stay the engine's (spec A.1).
      const override = overrideNote(rec, v.evaluation, today)
      const bucket = perPom.get(pomId) ?? { pomId, pomName: rec.current?.staffName ?? 'Unallocated', overdue: 0, due7: 0, due28: 0 }
      perPom.set(pomId, bucket)
      for (const m of v.evaluation.minima) {
        // Issue 16: one reading of the worklists for this list and the home's counts (home/worklists.ts).
        const lists = worklistsOf(m, horizon)
        if (lists.length === 0 || !m.dueBy || (m.status !== 'due' && m.status !== 'overdue')) continue
        if (lists.includes('overdue')) bucket.overdue++
        if (lists.includes('due7')) bucket.due7++
        if (lists.includes('due28')) bucket.due28++
        items.push({ prisonerId: v.row.prisonerId, prisonNumber: v.row.prisonNumber, name: v.row.name, pomId, pomName: v.row.pomName, rule: m.rule, required: m.required, achieved: m.achieved, dueBy: m.dueBy, status: m.status, override, lists })
      }
    }
    items.sort((a, b) => (a.status === b.status ? a.dueBy.localeCompare(b.dueBy) : a.status === 'overdue' ? -1 : 1))
    const rows = [...perPom.values()].sort((a, b) => b.overdue - a.overdue || a.pomName.localeCompare(b.pomName))
    const totals = rows.reduce((t, r) => ({ overdue: t.overdue + r.overdue, due7: t.due7 + r.due7, due28: t.due28 + r.due28 }), { overdue: 0, due7: 0, due28: 0 })
    lateRecords.sort((a, b) => b.recordedOn.localeCompare(a.recordedOn) || a.name.localeCompare(b.name) || a.date.localeCompare(b.date))
    // The handover lists are the handover domain's (omu:handover.lists, ../shared/specs/mpc-rules.md A).
    return { today, policy: s.policy, perPom: rows, totals, items, monthStart, lateRecords }
  },
}
