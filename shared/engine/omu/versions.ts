// RRMP plan versions (issue 4): "A submitted version is frozen; further edits start a new version
// that shows what changed since the submitted one." The DB layer stores these; the rules are here.
import type { RrmpPlanEntry } from './plan'
import { isFrozen, type SignOffStep } from './signOff'
import { diffPlans, type PlanBaselineDiff } from './diff'

export interface RrmpPlanVersion {
  version: number
  /** The stage the plan is for (seed 002 stage id, e.g. '3'). */
  targetStage: string
  entries: RrmpPlanEntry[]
  signOff: SignOffStep[]
  /** The submitted version this one was started from. */
  basedOnVersion: number | null
}

export type NewVersionResult = { ok: true; version: RrmpPlanVersion } | { ok: false; problem: string }

/** Starts the next version from a submitted one: same entries (copied), empty sign-off route. */
export function startNewPlanVersion(previous: RrmpPlanVersion): NewVersionResult {
  if (!isFrozen(previous.signOff)) {
    return { ok: false, problem: `Version ${previous.version} has not been submitted yet: keep editing it rather than starting a new version.` }
  }
  return {
    ok: true,
    version: {
      version: previous.version + 1,
      targetStage: previous.targetStage,
      entries: copyEntries(previous.entries),
      signOff: [],
      basedOnVersion: previous.version,
    },
  }
}

/** What changed in `current` since the submitted version it was based on. */
export function changesSinceSubmitted(submitted: RrmpPlanVersion, current: RrmpPlanVersion, titles?: ReadonlyMap<string, string>): PlanBaselineDiff[] {
  return diffPlans(submitted.entries, current.entries, titles)
}

function copyEntries(entries: readonly RrmpPlanEntry[]): RrmpPlanEntry[] {
  return entries.map((e) => ({
    ...e,
    delivery: e.delivery === null ? null : { ...e.delivery },
    evidence: { ...e.evidence },
    actionItems: e.actionItems.map((i) => ({ ...i, progressUpdates: i.progressUpdates.map((u) => ({ ...u })) })),
  }))
}
