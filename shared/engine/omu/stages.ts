// tasksAtStage (issue 4): what the OMU delivers at a stage. Seed 002 is cumulative: "Under Red
// Regime (Stage 4) Lockdown ... the following tasks ... are currently being delivered", then "under
// Stage 3, 2 and 1 there will be the following changes to increase delivery", so stage 3 = the
// stage 4 list + the stage 3 descriptor, stage 2 adds the stage 2 descriptor, stage 1 the stage 1
// descriptor. A 'standalone' catalogue (seed 000's RAG regimes) lists each stage on its own.
import type { EdmBaseline, EdmCatalog, EdmStage, EdmStageRef } from './schema'
import { OmuInputError } from './errors'

export interface StageTask {
  id: string
  text: string
  group: string | null
  /** The stage whose list or descriptor the task comes from. */
  fromStage: string
  fromStageName: string
}

export interface StageTasks {
  stage: { id: string; name: string; heading: string; level: number }
  /** Most restricted stage's items first, each stage in the seed's order. */
  tasks: StageTask[]
  /** Baselines that must be met at this stage, in catalogue order. */
  baselineIds: string[]
}

export interface StageChange {
  from: string
  to: string
  /** Delivered at `to` but not at `from` (what is reinstated when relaxing). */
  reinstated: StageTask[]
  /** Delivered at `from` but not at `to` (what stops when tightening). */
  withdrawn: StageTask[]
  baselinesAdded: string[]
  baselinesDropped: string[]
}

/**
 * The stage with this id (3 and '3' are the same); throws OmuInputError for an unknown id.
 *
 * Issue 17 ("a plan can be built from any installed catalogue"): a plan's stages are the
 * establishment's, numbered 4 to 1 as in seed 002 ("Stage 4 (Red / lockdown)" to "Stage 1
 * (Prepare)"). A catalogue whose stages are not numbered (seed 000's green, amber and red regimes)
 * has no stage "3", so there a stage number 1 to 4 is read as a restriction level: the
 * stage at that level (red 3, amber 2, green 1), or the catalogue's most restricted stage when the
 * number is beyond its levels (stage 4, lockdown, on a three-regime catalogue is its red regime).
 */
export function findStage(catalog: EdmCatalog, ref: EdmStageRef): EdmStage {
  const id = String(ref)
  const stage = catalog.stages.find((s) => s.id === id) ?? stageAtLevel(catalog, id)
  if (stage === undefined) {
    throw new OmuInputError(`Stage "${id}" is not a stage of "${catalog.title}" (stages: ${catalog.stages.map((s) => s.id).join(', ')}).`)
  }
  return stage
}

/**
 * An establishment stage number (1 to 4, seed 002) read as a restriction level (see findStage), on a
 * catalogue whose stages are not numbered; undefined for anything else.
 */
function stageAtLevel(catalog: EdmCatalog, id: string): EdmStage | undefined {
  if (!/^[1-4]$/.test(id) || catalog.stages.length === 0 || catalog.stages.some((s) => /^\d+$/.test(s.id))) return undefined
  const level = Number(id)
  const exact = catalog.stages.find((s) => s.level === level)
  if (exact !== undefined) return exact
  const top = catalog.stages.reduce((a, b) => (b.level > a.level ? b : a))
  return level > top.level ? top : undefined
}

export function baselinesAtStage(catalog: EdmCatalog, ref: EdmStageRef): EdmBaseline[] {
  const id = findStage(catalog, ref).id
  return catalog.baselines.filter((b) => b.stages.includes(id))
}

function toTasks(stage: EdmStage): StageTask[] {
  return stage.items.map((i) => ({ id: i.id, text: i.text, group: i.group ?? null, fromStage: stage.id, fromStageName: stage.name }))
}

export function tasksAtStage(catalog: EdmCatalog, stage: EdmStageRef): StageTasks {
  const target = findStage(catalog, stage)
  let contributing: EdmStage[]
  switch (catalog.stageModel) {
    case 'cumulative':
      contributing = catalog.stages.filter((s) => s.level >= target.level).sort((a, b) => b.level - a.level)
      break
    case 'standalone':
      contributing = [target]
      break
    default: {
      const never: never = catalog.stageModel
      throw new OmuInputError(`Unknown stage model ${String(never)}.`)
    }
  }
  return {
    stage: { id: target.id, name: target.name, heading: target.heading, level: target.level },
    tasks: contributing.flatMap(toTasks),
    baselineIds: baselinesAtStage(catalog, target.id).map((b) => b.id),
  }
}

/** What changes when an establishment moves from its current stage to a target stage. */
export function stageChange(catalog: EdmCatalog, from: EdmStageRef, to: EdmStageRef): StageChange {
  const a = tasksAtStage(catalog, from)
  const b = tasksAtStage(catalog, to)
  const aTasks = new Set(a.tasks.map((t) => t.id))
  const bTasks = new Set(b.tasks.map((t) => t.id))
  const aBase = new Set(a.baselineIds)
  const bBase = new Set(b.baselineIds)
  return {
    from: a.stage.id,
    to: b.stage.id,
    reinstated: b.tasks.filter((t) => !aTasks.has(t.id)),
    withdrawn: a.tasks.filter((t) => !bTasks.has(t.id)),
    baselinesAdded: b.baselineIds.filter((id) => !aBase.has(id)),
    baselinesDropped: a.baselineIds.filter((id) => !bBase.has(id)),
  }
}
