// Plain-English labels shared by the screens and the exports (PDF, XLSX), so the governor reads
// the same words on screen and on paper. Stages are seed 002's (4 Red / lockdown to 1 Prepare);
// sign-off steps follow SIGN_OFF_ROUTE (shared/engine/omu/signOff.ts, seed 002 "Regime Recovery
// Management Plans- RRMP").
import type { RrmpActionStatus, RrmpDeliveryChoice, RrmpStatus, SignOffDecision, SignOffStage, EdmBaseline } from '../engine/index'
import { ukDateOrNull } from '../dates'

export const STAGE_LABELS: Record<1 | 2 | 3 | 4, string> = {
  4: 'Stage 4 – Red / lockdown',
  3: 'Stage 3 – Restrict',
  2: 'Stage 2 – Reduce',
  1: 'Stage 1 – Prepare',
}

export function stageLabel(stage: number | string): string {
  const n = Number(stage)
  return n === 1 || n === 2 || n === 3 || n === 4 ? STAGE_LABELS[n] : `Stage ${String(stage)}`
}

export function statusLabel(status: RrmpStatus): string {
  switch (status) {
    case 'not_started':
      return 'Not started'
    case 'in_progress':
      return 'In progress'
    case 'ready':
      return 'Ready'
    case 'delivering':
      return 'Delivering'
    case 'not_applicable':
      return 'Not applicable'
    default: {
      const never: never = status
      return String(never)
    }
  }
}

export function actionStatusLabel(status: RrmpActionStatus): string {
  switch (status) {
    case 'not_started':
      return 'Not started'
    case 'in_progress':
      return 'In progress'
    case 'completed':
      return 'Completed'
    case 'ongoing':
      return 'Completed and ongoing'
    default: {
      const never: never = status
      return String(never)
    }
  }
}

export function decisionLabel(decision: SignOffDecision): string {
  switch (decision) {
    case 'submitted':
      return 'Submitted'
    case 'approved':
      return 'Approved'
    case 'returned':
      return 'Returned with comments'
    default: {
      const never: never = decision
      return String(never)
    }
  }
}

export function signOffStageLabel(stage: SignOffStage): string {
  switch (stage) {
    case 'submit':
      return 'HOMS submission'
    case 'governor':
      return 'Governor'
    case 'pgd':
      return 'Prison Group Director'
    case 'prison_gold':
      return 'Prison Gold'
    case 'dib':
      return 'Divisional Implementation Board'
    case 'probation_gold':
      return 'Probation Gold (OMU section)'
    default: {
      const never: never = stage
      return String(never)
    }
  }
}

/** Seed 002 "Guide to weightings/prioritisation (mandatory tasks only)". */
export function weightingMeaning(weighting: number | null): string {
  switch (weighting) {
    case 3:
      return 'Highest: action required as a precursor to other tasks'
    case 2:
      return 'Medium: action required as part of wider work'
    case 1:
      return 'Lowest: action required once others have been completed'
    default:
      return 'No weighting: desirable, not mandatory'
  }
}

/** Seed 002 "Guide to autonomy levels (mandatory tasks only)". */
export function autonomyMeaning(autonomy: EdmBaseline['autonomy']): string {
  switch (autonomy) {
    case 'total':
      return 'Total: the establishment designs the product that satisfies the baseline'
    case 'partial':
      return 'Partial: choose from pre-determined delivery options'
    case 'limited':
    case undefined:
      return 'Limited: deliver the product as stipulated'
    default: {
      const never: never = autonomy
      return String(never)
    }
  }
}

export function autonomyLabel(autonomy: EdmBaseline['autonomy']): string {
  switch (autonomy) {
    case 'total':
      return 'Total'
    case 'partial':
      return 'Partial'
    case 'limited':
    case undefined:
      return 'Limited'
    default: {
      const never: never = autonomy
      return String(never)
    }
  }
}

/** The delivery choice in words: the option's own seed wording, or the local design. */
export function deliveryText(baseline: EdmBaseline, d: RrmpDeliveryChoice | null): string {
  if (d === null) return (baseline.autonomy ?? 'limited') === 'limited' ? 'As stipulated' : 'Not chosen yet'
  switch (d.kind) {
    case 'as_stipulated':
      return 'As stipulated'
    case 'option':
      return baseline.deliveryOptions.find((o) => o.id === d.optionId)?.text ?? `Unknown option "${d.optionId}"`
    case 'local_design':
      return d.design.trim() === '' ? 'Local design not described yet' : `Local design: ${d.design}${d.faceToFace ? ' (includes face-to-face contact)' : ''}`
    default: {
      const never: never = d
      return String(never)
    }
  }
}

/**
 * '2026-03-29' -> '29/03/2026' (en-GB), with date-fns through shared/dates.ts (issue 18), which no
 * time zone can shift; text that is not a calendar date is shown as it is.
 */
export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  return ukDateOrNull(iso.slice(0, 10)) ?? iso
}

export function readinessLabel(state: 'ready' | 'not_ready' | 'not_applicable'): string {
  switch (state) {
    case 'ready':
      return 'Ready'
    case 'not_ready':
      return 'Not ready'
    case 'not_applicable':
      return 'Not applicable'
    default: {
      const never: never = state
      return String(never)
    }
  }
}

export const POLICY_LABELS: Record<string, string> = {
  omic2021: 'OMiC 2021 (handover at 7.5 months, COM responsible at 4.5 months)',
  // Issue 20: an ISP in open conditions has two dates under omic2023 (handover-2023.md R4), so the
  // name no longer claims a single handover date.
  omic2023: 'OMiC 2023 (current handover policy)',
}

/** Establishment categories (shared/ipc/channels/establishment.ts) in words. */
export const CATEGORY_LABELS: Record<string, string> = {
  reception: 'Reception / local',
  training: 'Training (category B or C)',
  high_security: 'High security',
  open: 'Open (category D)',
  womens: 'Women’s establishment',
  young_offender_institution: 'Young offender institution',
  other: 'Other',
}

/** Who the route awaits, in words: "the Governor", "Prison Gold". */
export function awaitingText(stage: SignOffStage, role: string): string {
  switch (stage) {
    case 'prison_gold':
    case 'probation_gold':
      return role
    case 'submit':
      return 'submission by the HOMS'
    case 'governor':
    case 'pgd':
    case 'dib':
      return `the ${role}`
    default: {
      const never: never = stage
      return String(never)
    }
  }
}

/**
 * A baseline's title: the start of its text, to the first full stop, colon or semicolon, cut at a
 * word near 70 characters (the EDM gives baselines a number and a text, no separate title). Issue
 * 16: baselines are named by number and title everywhere, so a Prison Group Director can read a
 * PDF or the comparison table without the EDM to hand.
 */
export function baselineTitle(text: string): string {
  const first = text.trim().split(/(?<=[a-z)])[.:;](\s|$)|\n/)[0]?.trim() ?? ''
  if (first.length <= 70) return first
  const cut = first.slice(0, 70)
  const space = cut.lastIndexOf(' ')
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[,\s]+$/, '')}…`
}

/** 'Baseline 2.5: Duty POM arrangements for new receptions' (see baselineTitle). */
export function baselineName(id: string, text: string | undefined): string {
  const title = text ? baselineTitle(text) : ''
  return title ? `Baseline ${id}: ${title}` : `Baseline ${id}`
}
