// diffPlans (issue 4): what changed per baseline between a submitted (frozen) plan version and the
// new version started from it, so reviewers see the changes since the version they returned.
import type { RrmpActionItem, RrmpDeliveryChoice, RrmpPlanEntry } from './plan'
import { rrmpStatusLabel } from './validatePlan'
import { naturalCompare } from './problems'
import { ukDateOrNull } from '../../dates'

/**
 * Each compared field in the words of the plan editor (issue 16: no code names such as
 * "resourcingNote" reach a user). Exhaustive over entryFields and itemFields below.
 */
const FIELD_WORDS: Record<string, string> = {
  status: 'status',
  notApplicableReason: 'reason it does not apply',
  delivery: 'delivery',
  owner: 'owner',
  targetDate: 'target date',
  resourcingNote: 'resourcing note',
  'evidence.riskAssessmentDone': 'risk assessment done',
  'evidence.safeSystemOfWorkDone': 'safe system of work done',
  'evidence.unionsConsulted': 'trade unions and staff associations consulted',
  comments: 'comments',
  action: 'action',
  progressUpdates: 'progress updates',
}

/** One change as a sentence: 'Baseline 2.4 (OASys assessments …): resourcing note changed from "(none)" to "…".' */
function sentence(id: string, title: string | undefined, items: ReadonlyMap<string, number>, f: PlanFieldChange): string {
  const m = /^actionItems\[([^\]]+)\](?:\.(.+))?$/.exec(f.field)
  const key = m ? (m[2] ?? null) : f.field
  const where = m ? `action ${items.get(m[1] ?? '') ?? m[1]}` : null
  const what = key === null ? null : (FIELD_WORDS[key] ?? key)
  const value = (v: string) => (key === 'targetDate' ? (ukDateOrNull(v) ?? v) : v)
  const name = `Baseline ${id}${title ? ` (${title})` : ''}`
  if (what === null) return f.after === '(removed)' ? `${name}: ${where} removed ("${f.before}").` : `${name}: ${where} added ("${f.after.replace(/^added: /, '')}").`
  const subject = where ? `${where} ${what}` : what.charAt(0).toUpperCase() + what.slice(1)
  return `${name}: ${subject} changed from "${value(f.before)}" to "${value(f.after)}".`
}

export interface PlanFieldChange {
  /** e.g. 'status', 'evidence.riskAssessmentDone', 'actionItems[a1].status'. */
  field: string
  before: string
  after: string
}

export interface PlanBaselineDiff {
  baselineId: string
  change: 'added' | 'removed' | 'changed'
  /** Field by field (for 'changed'; empty for 'added' and 'removed'). */
  fields: PlanFieldChange[]
  /** One plain sentence per change. */
  summary: string[]
}

function deliveryText(d: RrmpDeliveryChoice | null): string {
  if (d === null) return 'not chosen'
  switch (d.kind) {
    case 'as_stipulated':
      return 'as stipulated'
    case 'option':
      return `option ${d.optionId}`
    case 'local_design':
      return `local design: ${d.design}${d.faceToFace ? ' (face to face)' : ''}`
    default: {
      const never: never = d
      return String(never)
    }
  }
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no')
const orNone = (s: string | null): string => (s === null || s.trim() === '' ? '(none)' : s)

function updatesText(item: RrmpActionItem): string {
  return item.progressUpdates.map((u) => `${u.date}: ${u.note}`).join(' | ') || '(none)'
}

function entryFields(e: RrmpPlanEntry): [string, string][] {
  return [
    ['status', rrmpStatusLabel(e.status)],
    ['notApplicableReason', orNone(e.notApplicableReason)],
    ['delivery', deliveryText(e.delivery)],
    ['owner', orNone(e.owner)],
    ['targetDate', orNone(e.targetDate)],
    ['resourcingNote', orNone(e.resourcingNote)],
    ['evidence.riskAssessmentDone', yesNo(e.evidence.riskAssessmentDone)],
    ['evidence.safeSystemOfWorkDone', yesNo(e.evidence.safeSystemOfWorkDone)],
    ['evidence.unionsConsulted', yesNo(e.evidence.unionsConsulted)],
    ['comments', orNone(e.comments)],
  ]
}

function itemFields(i: RrmpActionItem): [string, string][] {
  return [
    ['action', orNone(i.action)],
    ['owner', orNone(i.owner)],
    ['targetDate', orNone(i.targetDate)],
    ['status', i.status.replace('_', ' ')],
    ['progressUpdates', updatesText(i)],
  ]
}

function compareFields(prefix: string, a: [string, string][], b: [string, string][]): PlanFieldChange[] {
  const out: PlanFieldChange[] = []
  a.forEach(([field, before], i) => {
    const after = b[i]?.[1] ?? ''
    if (before !== after) out.push({ field: `${prefix}${field}`, before, after })
  })
  return out
}

function actionItemChanges(a: RrmpPlanEntry, b: RrmpPlanEntry): PlanFieldChange[] {
  const out: PlanFieldChange[] = []
  const beforeById = new Map(a.actionItems.map((i) => [i.id, i]))
  const afterIds = new Set(b.actionItems.map((i) => i.id))
  for (const item of b.actionItems) {
    const old = beforeById.get(item.id)
    if (old === undefined) out.push({ field: `actionItems[${item.id}]`, before: '(none)', after: `added: ${item.action}` })
    else out.push(...compareFields(`actionItems[${item.id}].`, itemFields(old), itemFields(item)))
  }
  for (const item of a.actionItems) {
    if (!afterIds.has(item.id)) out.push({ field: `actionItems[${item.id}]`, before: item.action, after: '(removed)' })
  }
  return out
}

/** Natural order of baseline ids: '2.9' before '2.10', '10.1' before 'green-1.1'. */
export function compareBaselineIds(a: string, b: string): number {
  return naturalCompare(a, b)
}

/** Per baseline, what changed from `before` to `after`; unchanged baselines are left out. */
export function diffPlans(before: readonly RrmpPlanEntry[], after: readonly RrmpPlanEntry[], titles: ReadonlyMap<string, string> = new Map()): PlanBaselineDiff[] {
  const oldById = new Map(before.map((e) => [e.baselineId, e]))
  const newById = new Map(after.map((e) => [e.baselineId, e]))
  const ids = [...new Set([...oldById.keys(), ...newById.keys()])].sort(compareBaselineIds)
  const out: PlanBaselineDiff[] = []
  for (const id of ids) {
    const a = oldById.get(id)
    const b = newById.get(id)
    if (a === undefined && b !== undefined) {
      out.push({ baselineId: id, change: 'added', fields: [], summary: [`Baseline ${id}${titles.has(id) ? ` (${titles.get(id)})` : ''} was added to the plan (${rrmpStatusLabel(b.status)}).`] })
    } else if (a !== undefined && b === undefined) {
      out.push({ baselineId: id, change: 'removed', fields: [], summary: [`Baseline ${id}${titles.has(id) ? ` (${titles.get(id)})` : ''} was removed from the plan.`] })
    } else if (a !== undefined && b !== undefined) {
      const fields = [...compareFields('', entryFields(a), entryFields(b)), ...actionItemChanges(a, b)]
      if (fields.length === 0) continue
      // Action items are named by their place in the new version (action 1, 2 …), removed ones by the old.
      const items = new Map([...a.actionItems.map((x, i) => [x.id, i + 1] as const), ...b.actionItems.map((x, i) => [x.id, i + 1] as const)])
      out.push({ baselineId: id, change: 'changed', fields, summary: fields.map((f) => sentence(id, titles.get(id), items, f)) })
    }
  }
  return out
}
