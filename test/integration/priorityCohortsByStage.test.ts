// Issue 17, "Policy readings to put right": seed 002's priority cohorts apply "as we progress through
// stages 4 to 1". Reading (shared/engine/omu/cohorts.ts priorityCohortsFirst): the caseload lists
// them first at stages 4, 3 and 2, and keeps its normal order at stage 1 (Prepare: "sufficient for
// normal regime delivery including full offender management processes"). Through the real
// services, the establishment's stage moved the way the HOMS moves it (the RRMP's stages).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServices, type ServicesHandle } from './helpers'
import { plan, setUpEstablishment } from './rrmpFixtures'

let svc: ServicesHandle
beforeEach(async () => {
  svc = await startTestServices()
  await setUpEstablishment(svc)
})
afterEach(() => svc.cleanup())

async function caseload(): Promise<{ stage: number; priorityFirst: boolean }> {
  const r = await svc.call('omu:caseload.list', { pomId: null })
  if (!r.ok) throw new Error(r.error.message)
  return { stage: r.data.stage, priorityFirst: r.data.priorityFirst }
}

describe('priority cohorts first in the caseload, by stage (seed 002, "as we progress through stages 4 to 1")', () => {
  it('first at stages 4, 3 and 2; the normal order at stage 1 (Prepare)', async () => {
    expect(await caseload()).toEqual({ stage: 4, priorityFirst: true })
    expect((await svc.call('omu:rrmp.start', {})).ok).toBe(true)
    for (const [current, target, first] of [
      [3, 3, true],
      [2, 2, true],
      [1, 1, false],
    ] as const) {
      const v = await plan(svc)
      const r = await svc.call('omu:rrmp.setStages', { versionId: v.version.id, rev: v.version.rev, currentStage: current, targetStage: target })
      expect(r.ok).toBe(true)
      expect(await caseload()).toEqual({ stage: current, priorityFirst: first })
    }
  })
})
