// validatePlanEntry (issue 4): every problem with one RRMP plan entry, as plain sentences a HOMS
// can act on. Autonomy rules follow seed 002's "Guide to autonomy levels": limited = deliver as
// stipulated (no choice); partial = choose one of the pre-determined options; total = the
// establishment designs the product. A catalogue without autonomy levels (seed 000) is read as
// limited: its actions are stipulated.
import type { EdmAutonomy, EdmBaseline, EdmCatalog } from './schema'
import { rrmpPlanEntrySchema, type RrmpPlanEntry, type RrmpStatus } from './plan'
import { formatPath, reasonFor } from './problems'

const STATUS_LABELS: Record<RrmpStatus, string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  ready: 'ready',
  delivering: 'delivering',
  not_applicable: 'not applicable',
}

export function rrmpStatusLabel(status: RrmpStatus): string {
  return STATUS_LABELS[status]
}

export function effectiveAutonomy(baseline: EdmBaseline): EdmAutonomy {
  return baseline.autonomy ?? 'limited'
}

function blank(s: unknown): boolean {
  return typeof s !== 'string' || s.trim() === ''
}

/** Status ready or delivering: the plan says the baseline is met. */
export function claimsReady(status: RrmpStatus): boolean {
  return status === 'ready' || status === 'delivering'
}

function optionList(b: EdmBaseline): string {
  return b.deliveryOptions.map((o) => `"${o.text}"`).join('; ')
}

function deliveryProblems(b: EdmBaseline, entry: RrmpPlanEntry): string[] {
  const name = `Baseline ${b.id}`
  const d = entry.delivery
  const ready = claimsReady(entry.status)
  const autonomy = effectiveAutonomy(b)
  switch (autonomy) {
    case 'limited':
      if (d === null || d.kind === 'as_stipulated') return []
      return [`${name} has limited autonomy: it must be delivered as stipulated, so no delivery option or local design can be chosen.`]
    case 'partial': {
      if (d === null) return ready ? [`${name} has partial autonomy: choose one of its delivery options (${optionList(b)}) before marking it ${STATUS_LABELS[entry.status]}.`] : []
      if (d.kind !== 'option') return [`${name} has partial autonomy: choose one of its pre-determined delivery options (${optionList(b)}) rather than ${d.kind === 'as_stipulated' ? 'delivering as stipulated' : 'a local design'}.`]
      if (!b.deliveryOptions.some((o) => o.id === d.optionId)) return [`${name}: "${d.optionId}" is not one of its delivery options (${optionList(b)}).`]
      return []
    }
    case 'total': {
      if (d === null) return ready ? [`${name} has total autonomy: describe the establishment's own design before marking it ${STATUS_LABELS[entry.status]}.`] : []
      if (d.kind !== 'local_design') return [`${name} has total autonomy: the establishment designs its own product, so describe the local design rather than ${d.kind === 'option' ? 'choosing an option' : 'delivering as stipulated'}.`]
      if (blank(d.design)) return [`${name} has total autonomy: the local design cannot be blank.`]
      return []
    }
    default: {
      const never: never = autonomy
      return [`${name} has an unknown autonomy level ${String(never)}.`]
    }
  }
}

function actionItemProblems(b: EdmBaseline, entry: RrmpPlanEntry): string[] {
  const out: string[] = []
  const ids = new Set<string>()
  entry.actionItems.forEach((item, i) => {
    const n = i + 1
    if (ids.has(item.id)) out.push(`Baseline ${b.id}: action item ${n} repeats the id "${item.id}" of an earlier action item.`)
    ids.add(item.id)
    if (blank(item.action)) out.push(`Baseline ${b.id}: action item ${n} has no action: say what will be done.`)
    if (blank(item.owner)) out.push(`Baseline ${b.id}: action item ${n} has no owner: name who will do it.`)
    item.progressUpdates.forEach((u, j) => {
      if (blank(u.note)) out.push(`Baseline ${b.id}: progress update ${j + 1} of action item ${n} (${u.date}) is blank.`)
    })
  })
  return out
}

function shapeProblems(entry: unknown): string[] {
  const parsed = rrmpPlanEntrySchema.safeParse(entry, { reportInput: true })
  if (parsed.success) return []
  const id = (entry as { baselineId?: unknown } | null)?.baselineId
  const who = typeof id === 'string' && id !== '' ? `Baseline ${id}` : 'Plan entry'
  return parsed.error.issues.map((issue) => `${who}: ${formatPath(issue.path).replace('(catalogue)', 'the entry')} ${reasonFor(issue)}.`)
}

/**
 * Every problem with one plan entry against its catalogue, as plain sentences; [] when none.
 * Never throws: a malformed entry comes back as sentences naming the field.
 */
export function validatePlanEntry(catalog: EdmCatalog, entry: RrmpPlanEntry): string[] {
  const shape = shapeProblems(entry)
  if (shape.length > 0) return shape
  const b = catalog.baselines.find((x) => x.id === entry.baselineId)
  if (b === undefined) return [`Baseline ${entry.baselineId} is not in the catalogue "${catalog.title}" (version ${catalog.version}).`]
  if (entry.status === 'not_applicable') {
    if (b.mandatory && blank(entry.notApplicableReason)) {
      return [`Baseline ${b.id} is mandatory: give the reason it does not apply here (for example the establishment's category or function).`]
    }
    return []
  }
  const out = deliveryProblems(b, entry)
  if (entry.status !== 'not_started' && blank(entry.owner)) {
    out.push(`Baseline ${b.id} is ${STATUS_LABELS[entry.status]} but has no owner: name who is responsible.`)
  }
  return [...out, ...actionItemProblems(b, entry)]
}
