// Whether one baseline is ready, given the plan's entries (issue 4, assessReadiness): status ready
// or delivering, a delivery choice valid for its autonomy (validatePlanEntry finds nothing), and,
// when there is a face-to-face element, all three evidence flags set: seed 002 "Risk assessments
// and SSOW must be carried out in consultation with the TUs and Staff Associations".
import type { EdmBaseline, EdmCatalog } from './schema'
import type { RrmpPlanEntry } from './plan'
import { claimsReady, rrmpStatusLabel, validatePlanEntry } from './validatePlan'

export type BaselineState = 'ready' | 'not_ready' | 'not_applicable'

export interface BaselineStateResult {
  state: BaselineState
  /** Why it is not ready (empty when ready or not applicable). */
  reasons: string[]
  /** The baseline or the chosen delivery has people meeting in person. */
  faceToFace: boolean
  entry: RrmpPlanEntry | null
}

/** Face-to-face element: flagged on the baseline, or on the chosen option / local design. */
export function hasFaceToFaceElement(b: EdmBaseline, entry: RrmpPlanEntry | null): boolean {
  if (b.faceToFace) return true
  const d = entry?.delivery ?? null
  if (d === null) return false
  switch (d.kind) {
    case 'as_stipulated':
      return false
    case 'option':
      return b.deliveryOptions.some((o) => o.id === d.optionId && o.faceToFace)
    case 'local_design':
      return d.faceToFace
    default: {
      const never: never = d
      return Boolean(never)
    }
  }
}

function missingEvidence(entry: RrmpPlanEntry): string[] {
  const missing: string[] = []
  if (!entry.evidence.riskAssessmentDone) missing.push('the risk assessment')
  if (!entry.evidence.safeSystemOfWorkDone) missing.push('the safe system of work (SSOW)')
  if (!entry.evidence.unionsConsulted) missing.push('the consultation with the trade unions and staff associations')
  return missing
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`
}

export function entriesFor(entries: readonly RrmpPlanEntry[], baselineId: string): RrmpPlanEntry[] {
  return entries.filter((e) => e.baselineId === baselineId)
}

export function baselineState(catalog: EdmCatalog, b: EdmBaseline, entries: readonly RrmpPlanEntry[]): BaselineStateResult {
  const mine = entriesFor(entries, b.id)
  const entry = mine[0] ?? null
  const faceToFace = hasFaceToFaceElement(b, entry)
  if (entry === null) return { state: 'not_ready', reasons: [`Baseline ${b.id} has no plan entry yet.`], faceToFace, entry }
  if (mine.length > 1) {
    return { state: 'not_ready', reasons: [`Baseline ${b.id} has ${mine.length} plan entries: keep one.`], faceToFace, entry }
  }
  const problems = validatePlanEntry(catalog, entry)
  if (entry.status === 'not_applicable') {
    return problems.length === 0 ? { state: 'not_applicable', reasons: [], faceToFace, entry } : { state: 'not_ready', reasons: problems, faceToFace, entry }
  }
  const reasons: string[] = []
  if (!claimsReady(entry.status)) reasons.push(`Baseline ${b.id} is ${rrmpStatusLabel(entry.status)}: it must be ready or delivering.`)
  reasons.push(...problems)
  if (faceToFace) {
    const missing = missingEvidence(entry)
    if (missing.length > 0) {
      // Seed 002 ("Delivery of supervision sessions"): "Risk assessments and SSOW must be carried out
      // in consultation with the TUs and Staff Associations". Said in the guidance's name (issue 16).
      reasons.push(`Baseline ${b.id} has a face-to-face element: record ${joinAnd(missing)} (Exceptional Delivery Model: risk assessments and safe systems of work are carried out in consultation with the trade unions and staff associations).`)
    }
  }
  return { state: reasons.length === 0 ? 'ready' : 'not_ready', reasons, faceToFace, entry }
}
