import { evaluateCase, priorityCohortsFor, type CaseEvaluation, type MinimumResult, type Policy } from '../../../shared/engine'
import type { CaseRow } from '../../../shared/ipc/channels/caseload'
import type { HandoverSettings } from '../../../shared/ipc/channels/settings'
import type { OverrideNote } from '../../../shared/ipc/channels/caseWork'
import type { CaseRecord } from './load'
import { earlyAllocationOf, targetHearingDateOf, toCaseInput } from './load'
import { plainEngineMessage } from './engineMessage'
import { overrideOn } from '../../../shared/engine/mpc/responsibilityOverride'
import { releaseDateOf } from '../handover/view'

// The engine's verdict on one case, shaped for the screens. No rule is decided here: handover,
// responsibility and minima come from evaluateCase (shared/engine/case), cohorts from
// priorityCohortsFor (shared/engine/omu); this module only picks what to show first.

export interface EvalSettings {
  today: string
  policy: Policy
  extraHolidays: readonly string[]
  /** EDM stage 4..1 (seed 002). */
  stage: 1 | 2 | 3 | 4
  /** Settings: days after dueBy when an unmet minimum is missed, not overdue (issue 16; default 28). */
  missedAfterDays?: number
  /** Issue 17: the handover lists' and checklist's settings (../shared/specs/mpc-rules.md F); left out, the spec's defaults. */
  handover?: HandoverSettings
}

/** Ranks of the statuses that can head a case (overdue > due > met > not applicable). */
const STATUS_RANK = { overdue: 4, due: 3, met: 2, missed: 1, not_applicable: 0 } as const satisfies Record<MinimumResult['status'], number>

/**
 * The headline status: what a caseload row is coloured and labelled by (overdue > due > met >
 * not applicable). Reading of issue 16, "Actionable versus history": "`missed` leaves every
 * worklist and the case's headline status; it still counts in compliance figures (as not met) and
 * shows in the case's history." So a missed minimum never heads the case: the headline is the
 * worst of the other minima (overdue, due, met), and a case whose only unmet minima are missed
 * heads as not applicable, written "No minimum due" on the caseload (lib/labels.ts
 * HEADLINE_LABELS). The missed minimum stays on the case's page and in the compliance figures.
 */
export function worstStatus(minima: readonly MinimumResult[]): Exclude<MinimumResult['status'], 'missed'> {
  let worst: Exclude<MinimumResult['status'], 'missed'> = 'not_applicable'
  for (const m of minima) if (m.status !== 'missed' && STATUS_RANK[m.status] > STATUS_RANK[worst]) worst = m.status
  return worst
}

/** The open minimum to act on next: overdue before due, then the earliest due date. */
export function nextMinimum(minima: readonly MinimumResult[]): MinimumResult | null {
  let best: MinimumResult | null = null
  for (const m of minima) {
    if (m.status !== 'due' && m.status !== 'overdue') continue
    if (!best || STATUS_RANK[m.status] > STATUS_RANK[best.status] || (m.status === best.status && (m.dueBy ?? '') < (best.dueBy ?? ''))) best = m
  }
  return best
}

export function cohortsOf(rec: CaseRecord, evaluation: CaseEvaluation | null, today: string, upcomingWindowDays?: number) {
  const p = rec.prisoner
  return priorityCohortsFor({
    today,
    sentenceType: p.sentenceType,
    sentenceStartDate: p.sentenceStartDate,
    comAllocatedDate: evaluation?.handover.comAllocatedDate ?? null,
    comResponsibleDate: evaluation?.handover.comResponsibleDate ?? null,
    // Issue 17: the handover period is the upcoming and in-progress lists (../shared/specs/mpc-rules.md A.1).
    ...(evaluation ? { responsibility: evaluation.responsibility } : {}),
    earliestReleaseDate: releaseDateOf(p, today, targetHearingDateOf(rec)),
    // The establishment's upcoming window (../shared/specs/mpc-rules.md F), as the handover lists use it.
    ...(upcomingWindowDays === undefined ? {} : { upcomingWindowDays }),
    paroleEligibilityDate: p.paroleEligibilityDate,
    tariffDate: p.tariffDate,
    // The parole cohort's hearing is the one the parole reviews set (handover spec section 6).
    targetHearingDate: targetHearingDateOf(rec),
    // Issue 17: the "early allocation" cohort (seed 002) follows the assessments too.
    earlyAllocation: earlyAllocationOf(rec, today),
    tact: p.tact === 1,
    careExperienced: p.careExperienced === 1,
    dateOfBirth: p.dateOfBirth,
    keyWorkerPriority: p.keyWorkerPriority === 1,
  })
}

export function evaluateRecord(rec: CaseRecord, s: EvalSettings): CaseEvaluation {
  // The counts were made for the day, policy and holidays the record was read for (CaseCache reads
  // again when any of them changes).
  return evaluateCase(toCaseInput(rec, s.today), s.today, s.policy, { extraHolidays: s.extraHolidays, windowCounts: rec.windowCounts, missedAfterDays: s.missedAfterDays })
}

export function displayName(p: { firstName: string; lastName: string }): string {
  return `${p.lastName.toUpperCase()}, ${p.firstName}`
}

/**
 * Issue 17: a HOMD's responsibility override in force today, shown beside the engine's own answer
 * (`responsibility` stays the engine's: ../shared/specs/mpc-rules.md A.1, lists never use an override).
 */
export function overrideView(rec: CaseRecord, today: string): NonNullable<CaseRow['override']> | null {
  const o = overrideOn(rec.caseWork?.overrides ?? [], today)
  return o ? { responsibility: o.responsibility, reason: o.reason, endDate: o.endDate } : null
}

/**
 * Issue 17 ("shown ... in every list and export"): the override in force today with the engine's
 * own answer beside it, for the rows of the due list, the handover lists and the home screens.
 */
export function overrideNote(rec: CaseRecord, evaluation: CaseEvaluation, today: string): OverrideNote | null {
  const o = overrideView(rec, today)
  return o ? { ...o, engine: evaluation.responsibility } : null
}

/** A case the engine refused: `message` a plain sentence for the screens (engineMessage.ts), `detail` the engine's own words for the log. */
export type Verdict = { ok: true; row: CaseRow; evaluation: CaseEvaluation } | { ok: false; message: string; detail: string }

export function verdictFor(rec: CaseRecord, s: EvalSettings): Verdict {
  let evaluation: CaseEvaluation
  let cohorts: string[]
  try {
    evaluation = evaluateRecord(rec, s)
    cohorts = cohortsOf(rec, evaluation, s.today, s.handover?.upcomingWindowDays).cohorts.map((c) => c.id)
  } catch (err) {
    // Issue 16: engine input errors name the field (CaseInputError); the screens get a plain
    // sentence with the field's label and what to fix, the log the engine's own message.
    return { ok: false, message: plainEngineMessage(err), detail: err instanceof Error ? err.message : String(err) }
  }
  const p = rec.prisoner
  return {
    ok: true,
    evaluation,
    row: {
      prisonerId: p.id,
      prisonNumber: p.prisonNumber,
      name: displayName(p),
      pomId: rec.current?.staffId ?? null,
      pomName: rec.current?.staffName ?? null,
      tier: p.tier,
      sentenceType: p.sentenceType,
      responsibility: evaluation.responsibility,
      handover: evaluation.handover,
      next: nextMinimum(evaluation.minima),
      status: worstStatus(evaluation.minima),
      cohorts,
      priority: cohorts.length > 0,
      lateRecords: evaluation.lateRecords,
      override: overrideView(rec, s.today),
      // Issue 17: shown on the case; the minima above stay the allocated POM's.
      coWorker: rec.coWorker ? { staffId: rec.coWorker.staffId, name: rec.coWorker.staffName } : null,
    },
  }
}
