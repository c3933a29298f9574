import {
  CHECKLIST_TASK_LABELS,
  checklistEditable,
  checklistReset,
  caseEarliestReleaseDate,
  handoverChecklist,
  handoverLists,
  handoverType,
  type CaseEvaluation,
  type HandoverListsResult,
  type HandoverType,
} from '../../../shared/engine'
import { formatDay, parseDay } from '../../../shared/engine/case/dates'
import { DEFAULT_UPCOMING_WINDOW_DAYS } from '../../../shared/engine/mpc/handoverLists'
import { DEFAULT_SIMPLIFIED_HANDOVER_CUTOFF_DATE } from '../../../shared/engine/mpc/handoverChecklist'
import type { HandoverCase } from '../../../shared/ipc/channels/handover'
import type { HandoverSettings } from '../../../shared/ipc/channels/settings'
import { targetHearingDateOf, type CaseRecord, type PrisonerRow } from '../caseload/load'
import type { EvalSettings } from '../caseload/verdict'
import { detailsOf, TASK_COLUMNS, type ComHandoverRecord } from './store'

// One case's handover as the screens show it. No rule is decided here: lists from handoverLists
// (../shared/specs/mpc-rules.md A), the checklist from handoverType / handoverChecklist /
// checklistEditable / checklistReset (D); this module only gathers their inputs.

/** Seed 003 Annex B (pre-release): the community is notified 45 days before the handover date. */
export const NOTIFY_DAYS_BEFORE_HANDOVER = 45

/**
 * Spec A.3 from the dates the record holds: CRD, ARD, HDCED, HDC actual date, PED and TED, else
 * (issue 17, spec F) SED, LED, the post-recall release date and the actual parole date. For an
 * indeterminate sentence the app's reading in caseEarliestReleaseDate applies (a passed tariff is
 * not a release), with `targetHearingDate` the next hearing the handover rules use
 * (caseload/load.ts targetHearingDateOf: the parole reviews', else the case's own).
 */
export function releaseDateOf(p: PrisonerRow, today: string, targetHearingDate: string | null): string | null {
  return caseEarliestReleaseDate(today, {
    sentenceType: p.sentenceType,
    conditionalReleaseDate: p.conditionalReleaseDate,
    automaticReleaseDate: p.automaticReleaseDate,
    homeDetentionCurfewEligibilityDate: p.homeDetentionCurfewEligibilityDate,
    homeDetentionCurfewActualDate: p.homeDetentionCurfewActualDate,
    paroleEligibilityDate: p.paroleEligibilityDate,
    tariffDate: p.tariffDate,
    targetHearingDate,
    sentenceExpiryDate: p.sentenceExpiryDate,
    licenceExpiryDate: p.licenceExpiryDate,
    postRecallReleaseDate: p.postRecallReleaseDate,
    actualParoleDate: p.actualParoleDate,
  })
}

/** Spec section F's settings, as the spec's defaults when none are given. */
const DEFAULT_HANDOVER_SETTINGS: HandoverSettings = {
  simplifiedEnhancedHandover: false,
  simplifiedHandoverCutoffDate: DEFAULT_SIMPLIFIED_HANDOVER_CUTOFF_DATE,
  upcomingWindowDays: DEFAULT_UPCOMING_WINDOW_DAYS,
}

/** What a case's handover reads beyond its prisoner row: the hearing the rules use and the establishment's handover settings. */
export interface HandoverContext {
  targetHearingDate: string | null
  settings: HandoverSettings
}

export function handoverContext(rec: CaseRecord, s: Pick<EvalSettings, 'handover'>): HandoverContext {
  return { targetHearingDate: targetHearingDateOf(rec), settings: s.handover ?? DEFAULT_HANDOVER_SETTINGS }
}

/** Spec D.2's enhancedResourcing from the stored 0/1 flag; null (not known) stays null. */
function enhancedResourcingOf(p: PrisonerRow): boolean | null {
  return p.enhancedResourcing === null || p.enhancedResourcing === undefined ? null : Boolean(p.enhancedResourcing)
}

/** Probation details recorded (spec D.2 hasCaseInformation): a COM or an LDU on record. */
function hasCaseInformation(row: ComHandoverRecord | undefined): boolean {
  return [row?.comName, row?.comEmail, row?.ldu, row?.lduEmail].some((v) => typeof v === 'string' && v.trim() !== '')
}

export interface CaseHandover {
  lists: HandoverListsResult
  type: HandoverType
  checklist: ReturnType<typeof handoverChecklist>
  /** Spec D.5: the stored checklist no longer counts (responsibility went back to the POM, or the date moved away). */
  reset: boolean
  notifyFrom: string | null
  notifyDue: boolean
}

/** The stored ticks, or none when D.5 says the checklist was reset since. */
function ticks(row: ComHandoverRecord | undefined, reset: boolean): Partial<Record<keyof typeof TASK_COLUMNS, boolean>> | null {
  if (!row || reset) return row ? {} : null
  return { reviewedOasys: row.reviewedOasys, contactedCom: row.contactedCom, attendedHandoverMeeting: row.attendedHandoverMeeting, sentHandoverReport: row.sentHandoverReport }
}

export function caseHandover(p: PrisonerRow, evaluation: CaseEvaluation, row: ComHandoverRecord | undefined, today: string, ctx: HandoverContext): CaseHandover {
  const h = evaluation.handover
  const responsibility = evaluation.responsibility
  // D.5: against the state last recorded (a row that never recorded one has no ticks to lose).
  const reset =
    row !== undefined &&
    checklistReset({
      today,
      before: { responsibility: (row.lastResponsibility as CaseEvaluation['responsibility'] | null) ?? null, comResponsibleDate: row.lastComResponsibleDate },
      after: { responsibility, comResponsibleDate: h.comResponsibleDate },
      upcomingWindowDays: ctx.settings.upcomingWindowDays,
    }).reset &&
    row.lastResponsibility !== null
  const type = handoverType({ hasCaseInformation: hasCaseInformation(row), hasCalculatedHandover: h.comResponsibleDate !== null, reason: h.reason, enhancedResourcing: enhancedResourcingOf(p) }).handoverType
  const checklist = handoverChecklist({
    handoverType: type,
    comResponsibleDate: h.comResponsibleDate,
    simplifiedEnhancedHandover: ctx.settings.simplifiedEnhancedHandover,
    simplifiedHandoverCutoffDate: ctx.settings.simplifiedHandoverCutoffDate,
    checklist: ticks(row, reset),
  })
  const lists = handoverLists({
    today,
    responsibility,
    comResponsibleDate: h.comResponsibleDate,
    comAllocatedDate: h.comAllocatedDate,
    earliestReleaseDate: releaseDateOf(p, today, ctx.targetHearingDate),
    comName: row?.comName ?? null,
    comEmail: row?.comEmail ?? null,
    checklistComplete: row ? checklist.complete : null,
    upcomingWindowDays: ctx.settings.upcomingWindowDays,
  })
  // Day numbers (the case engine's calendar, shared/engine/case/dates.ts), not date-fns: this runs for
  // every case of every handover list, and date-fns's parse and format were most of a list's time.
  const notifyFromDay = h.comResponsibleDate === null ? null : parseDay(h.comResponsibleDate) - NOTIFY_DAYS_BEFORE_HANDOVER
  const notifyFrom = notifyFromDay === null ? null : formatDay(notifyFromDay)
  // "To notify": from 45 days before the handover date until it is sent, while the case is on a handover list.
  const notifyDue = notifyFromDay !== null && parseDay(today) >= notifyFromDay && !row?.communityNotifiedAt && (lists.upcoming || lists.inProgress)
  return { lists, type, checklist, reset, notifyFrom, notifyDue }
}

export function handoverCaseView(
  p: PrisonerRow,
  evaluation: CaseEvaluation,
  row: ComHandoverRecord | undefined,
  today: string,
  who: { isAllocatedPom: boolean; canEdit: boolean },
  ctx: HandoverContext,
): HandoverCase {
  const c = caseHandover(p, evaluation, row, today, ctx)
  const h = evaluation.handover
  const editable = checklistEditable({
    today,
    isAllocatedPom: who.isAllocatedPom,
    earliestReleaseDate: releaseDateOf(p, today, ctx.targetHearingDate),
    responsibility: evaluation.responsibility,
    comResponsibleDate: h.comResponsibleDate,
    comAllocatedDate: h.comAllocatedDate,
    upcomingWindowDays: ctx.settings.upcomingWindowDays,
  }).editable
  return {
    prisonerId: p.id,
    today,
    version: row?.version ?? null,
    details: detailsOf(row),
    responsibility: evaluation.responsibility,
    comAllocatedDate: h.comAllocatedDate,
    comResponsibleDate: h.comResponsibleDate,
    lists: c.lists,
    checklist: {
      handoverType: c.type,
      tasks: c.checklist.taskFields.map((task) => {
        const done = c.checklist.taskCompletionData[task] === true
        const cols = TASK_COLUMNS[task]
        return { task, label: CHECKLIST_TASK_LABELS[task], done, doneBy: done ? ((row?.[cols.by] as string | null) ?? null) : null, doneAt: done ? ((row?.[cols.at] as string | null) ?? null) : null }
      }),
      completeCount: c.checklist.completeCount,
      total: c.checklist.total,
      complete: c.checklist.complete,
      editable,
    },
    notify: { notifyFrom: c.notifyFrom, due: c.notifyDue, notifiedAt: row?.communityNotifiedAt ?? null, notifiedBy: row?.communityNotifiedBy ?? null },
    canEdit: who.canEdit,
  }
}

/** Days shown beside a listed case: left to the handover start, or overdue since the handover date. */
export function daysFor(kind: 'left' | 'overdue', today: string, date: string | null): number {
  if (date === null) return 0
  // Day numbers as in caseHandover (a subtraction per listed case, not a date-fns parse).
  return Math.max(0, kind === 'left' ? parseDay(date) - parseDay(today) : parseDay(today) - parseDay(date))
}
