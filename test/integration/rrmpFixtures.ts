// Shared set-up for the RRMP integration tests: a ready-to-submit plan built through the real
// services, baseline by baseline, the way the editor saves it.
import { expect } from 'vitest'
import { OMU_EDM, type RrmpPlanEntry } from '../../shared/engine/index'
import type { PlanView } from '../../shared/ipc/channels/rrmp'
import type { UserRole } from '../../shared/ipc/channels/auth'
import { HMP_TESTSHIRE, TEST_PASSWORD, type ServicesHandle } from './helpers'

export async function setUpEstablishment(svc: ServicesHandle, est: { name: string; code: string; category: string } = HMP_TESTSHIRE): Promise<void> {
  const r = await svc.call('omu:establishment.setup', est)
  expect(r.ok).toBe(true)
}

export async function plan(svc: ServicesHandle, versionId?: number): Promise<PlanView> {
  const r = await svc.call('omu:rrmp.plan', versionId === undefined ? {} : { versionId })
  if (!r.ok) throw new Error(r.error.message)
  if (r.data === null) throw new Error('no plan')
  return r.data
}

/** A complete, ready entry for a baseline: an owner, a date, the first delivery option where the autonomy is partial, all evidence. */
export function readyEntry(baselineId: string, over: Partial<RrmpPlanEntry> = {}): RrmpPlanEntry {
  const b = OMU_EDM.baselines.find((x) => x.id === baselineId)
  if (!b) throw new Error(`no baseline ${baselineId}`)
  const option = b.deliveryOptions[0]
  return {
    baselineId,
    status: 'ready',
    notApplicableReason: null,
    delivery: b.autonomy === 'partial' && option ? { kind: 'option', optionId: option.id } : b.autonomy === 'total' ? { kind: 'local_design', design: 'Local design', faceToFace: false } : null,
    owner: 'Alex Morgan (HOMS)',
    targetDate: '2026-12-14',
    resourcingNote: '',
    evidence: { riskAssessmentDone: true, safeSystemOfWorkDone: true, unionsConsulted: true },
    comments: '',
    actionItems: [],
    ...over,
  }
}

export async function save(svc: ServicesHandle, view: PlanView, entry: RrmpPlanEntry) {
  const row = view.entries.find((e) => e.baselineId === entry.baselineId)
  if (!row) throw new Error(`no entry ${entry.baselineId}`)
  return svc.call('omu:rrmp.updateEntry', { versionId: view.version.id, rev: row.rev, entry })
}

/** Starts a plan if there is none (stage 4 -> 3) and makes every baseline ready; returns the fresh view. */
export async function readyPlan(svc: ServicesHandle, over: Record<string, Partial<RrmpPlanEntry>> = {}): Promise<PlanView> {
  const existing = await svc.call('omu:rrmp.plan', {})
  if (existing.ok && existing.data === null) {
    const started = await svc.call('omu:rrmp.start', {})
    if (!started.ok) throw new Error(started.error.message)
  }
  let view = await plan(svc)
  for (const row of view.entries) {
    const r = await save(svc, view, readyEntry(row.baselineId, over[row.baselineId]))
    if (!r.ok) throw new Error(r.error.message)
  }
  view = await plan(svc)
  return view
}

/**
 * Signs in as a user of `role` (issue 7): the first HOMS, or a user made for the role, named
 * "Test <role>". Only a HOMS edits the RRMP and submits it; only a Governor records decisions.
 */
export async function signInAs(svc: ServicesHandle, role: UserRole): Promise<void> {
  await svc.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD })
  if (role === 'homs') return
  const username = `test.${role.replace('_', '')}`
  // Made once: saving a user asks for the HOMS's password again (issue 15), a slow check to repeat.
  const users = await svc.call('omu:users.list')
  if (!users.ok || !users.data.some((u) => u.username === username)) {
    const made = await svc.call('omu:users.save', { username, displayName: `Test ${role}`, role, password: TEST_PASSWORD, yourPassword: TEST_PASSWORD })
    if (!made.ok && made.error.code !== 'conflict') throw new Error(made.error.message)
  }
  const r = await svc.call('omu:auth.signIn', { username, password: TEST_PASSWORD })
  if (!r.ok) throw new Error(r.error.message)
}

/** Submits as the HOMS (password asked again). */
export async function submit(svc: ServicesHandle, view: PlanView, by?: string) {
  await signInAs(svc, 'homs')
  return svc.call('omu:rrmp.submit', { versionId: view.version.id, rev: view.version.rev, password: TEST_PASSWORD, ...(by === undefined ? {} : { by }) })
}

/** Records a decision as the Governor (password asked again); leaves the Governor signed in. */
export async function decide(svc: ServicesHandle, input: { versionId: number; stage: string; decision: 'approved' | 'returned'; by?: string; comments?: string; password?: string }) {
  await signInAs(svc, 'governor')
  return svc.call('omu:readiness.decide', { password: TEST_PASSWORD, ...input })
}
