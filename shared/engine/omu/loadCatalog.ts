// loadCatalog (issue 4): validates a catalogue file and either returns it whole or lists EVERY
// problem (shape errors from the zod schema plus cross-field errors), never a half-loaded catalogue.
// Cross-field checks run on the raw input too, so a file with a wrong type in one baseline still
// gets its duplicate ids and broken references reported in the same pass.
import { edmCatalogSchema, type EdmCatalog } from './schema'
import { naturalCompare, zodProblems, type CatalogProblem } from './problems'

export type { CatalogProblem }
export type LoadCatalogResult = { ok: true; catalog: EdmCatalog } | { ok: false; problems: CatalogProblem[] }

type Rec = Record<string, unknown>

function rec(v: unknown): Rec | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : null
}
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}
function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null
}

/** Reports repeated `id`s in a list and returns the set of ids seen. */
function uniqueIds(items: unknown[], listPath: string, noun: string, out: CatalogProblem[]): Set<string> {
  const firstAt = new Map<string, number>()
  items.forEach((item, i) => {
    const id = str(rec(item)?.id)
    if (id === null) return
    const first = firstAt.get(id)
    if (first === undefined) firstAt.set(id, i)
    else out.push({ path: `${listPath}[${i}].id`, reason: `repeats the ${noun} id "${id}" already used by ${listPath}[${first}]; ids must be unique` })
  })
  return new Set(firstAt.keys())
}

function stageChecks(root: Rec, out: CatalogProblem[]): Set<string> {
  const stages = list(root.stages)
  const ids = uniqueIds(stages, 'stages', 'stage', out)
  const levelAt = new Map<number, number>()
  const itemAt = new Map<string, string>()
  stages.forEach((s, i) => {
    const level = rec(s)?.level
    if (typeof level === 'number') {
      const first = levelAt.get(level)
      if (first === undefined) levelAt.set(level, i)
      else out.push({ path: `stages[${i}].level`, reason: `repeats level ${level} already used by stages[${first}]; each stage needs its own restriction level` })
    }
    list(rec(s)?.items).forEach((item, j) => {
      const id = str(rec(item)?.id)
      if (id === null) return
      const here = `stages[${i}].items[${j}]`
      const first = itemAt.get(id)
      if (first === undefined) itemAt.set(id, here)
      else out.push({ path: `${here}.id`, reason: `repeats the stage item id "${id}" already used by ${first}; ids must be unique across all stages` })
    })
  })
  return ids
}

function baselineChecks(b: Rec, i: number, areaIds: Set<string>, stageIds: Set<string>, out: CatalogProblem[]): void {
  const at = `baselines[${i}]`
  const name = str(b.id) === null ? at : `Baseline ${str(b.id)}`
  const area = str(b.area)
  if (area !== null && !areaIds.has(area)) out.push({ path: `${at}.area`, reason: `${name} refers to area "${area}", which is not one of the catalogue's areas` })
  const seenStages = new Set<string>()
  list(b.stages).forEach((s, j) => {
    const id = typeof s === 'number' ? String(s) : str(s)
    if (id === null) return
    if (!stageIds.has(id)) out.push({ path: `${at}.stages[${j}]`, reason: `${name} refers to stage "${id}", which is not one of the catalogue's stages` })
    if (seenStages.has(id)) out.push({ path: `${at}.stages[${j}]`, reason: `${name} lists stage "${id}" twice` })
    seenStages.add(id)
  })
  const options = list(b.deliveryOptions)
  if (b.autonomy === 'partial' && Array.isArray(b.deliveryOptions) && options.length === 0) {
    out.push({ path: `${at}.deliveryOptions`, reason: `${name} has partial autonomy, so it must list at least one pre-determined delivery option to choose from` })
  }
  if (b.autonomy !== 'partial' && options.length > 0) {
    out.push({ path: `${at}.deliveryOptions`, reason: `${name} does not have partial autonomy, so it cannot list delivery options (limited: delivered as stipulated; total: the establishment designs its own)` })
  }
  uniqueIds(options, `${at}.deliveryOptions`, 'delivery option', out)
  // Seed 002: "Guide to weightings/prioritisation (mandatory tasks only)" and "Guide to autonomy
  // levels (mandatory tasks only)"; the reasons name the guidance, not its seed file (issue 16).
  if (b.mandatory === false && b.weighting !== undefined) {
    out.push({ path: `${at}.weighting`, reason: `${name} is desirable, not mandatory: weightings apply to mandatory baselines only (Exceptional Delivery Model, guide to weightings)` })
  }
  if (b.mandatory === false && b.autonomy !== undefined) {
    out.push({ path: `${at}.autonomy`, reason: `${name} is desirable, not mandatory: autonomy levels apply to mandatory baselines only (Exceptional Delivery Model, guide to autonomy levels)` })
  }
}

/** Either every mandatory baseline has the field or none has (an EDM is weighted or it is not). */
function allOrNone(baselines: Rec[], field: 'weighting' | 'autonomy', out: CatalogProblem[]): void {
  const mandatory = baselines.map((b, i) => ({ b, i })).filter(({ b }) => b.mandatory === true)
  const withField = mandatory.filter(({ b }) => b[field] !== undefined)
  if (withField.length === 0 || withField.length === mandatory.length) return
  const what = field === 'weighting' ? 'a weighting of 1, 2 or 3' : 'an autonomy level (total, partial or limited)'
  for (const { b, i } of mandatory) {
    if (b[field] !== undefined) continue
    out.push({ path: `baselines[${i}].${field}`, reason: `is missing: other mandatory baselines have one, so every mandatory baseline needs ${what}` })
  }
}

/** Cross-field rules the schema cannot express. Tolerates any raw shape. */
export function catalogCrossFieldProblems(raw: unknown): CatalogProblem[] {
  const root = rec(raw)
  if (root === null) return []
  const out: CatalogProblem[] = []
  const stageIds = stageChecks(root, out)
  const areaIds = uniqueIds(list(root.areas), 'areas', 'area', out)
  const baselineList = list(root.baselines)
  uniqueIds(baselineList, 'baselines', 'baseline', out)
  uniqueIds(list(root.priorityCohorts), 'priorityCohorts', 'priority cohort', out)
  const baselines: Rec[] = []
  baselineList.forEach((item, i) => {
    const b = rec(item)
    if (b === null) return
    baselines.push(b)
    baselineChecks(b, i, areaIds, stageIds, out)
  })
  allOrNone(baselines, 'weighting', out)
  allOrNone(baselines, 'autonomy', out)
  return out
}

/**
 * Validates a catalogue (a parsed JSON value, JSON text, or TS data). Returns the catalogue only
 * when there is no problem at all; otherwise every problem found, each with a path and a reason.
 */
export function loadCatalog(json: unknown): LoadCatalogResult {
  let input = json
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json) as unknown
    } catch (e) {
      return { ok: false, problems: [{ path: '(catalogue)', reason: `is not valid JSON (${e instanceof Error ? e.message : String(e)})` }] }
    }
  }
  const parsed = edmCatalogSchema.safeParse(input, { reportInput: true })
  const problems = [...(parsed.success ? [] : zodProblems(parsed.error)), ...catalogCrossFieldProblems(input)]
  const seen = new Set<string>()
  const unique = problems.filter((p) => {
    const key = `${p.path}\u0000${p.reason}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  // Sorted by path (whole-file problems first, then baselines[2] before baselines[10]), stable within a path.
  const rank = (p: CatalogProblem): number => (p.path === '(catalogue)' ? 0 : 1)
  unique.sort((a, b) => rank(a) - rank(b) || naturalCompare(a.path, b.path))
  if (unique.length > 0 || !parsed.success) return { ok: false, problems: unique }
  return { ok: true, catalog: parsed.data }
}
