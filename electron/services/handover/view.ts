import {
  CHECKLIST_TASK_LABELS,
  checklistEditable,
  checklistReset,
  earliestReleaseDate,
  handoverChecklist,
  handoverLists,
  handoverType,
  type CaseEvaluation,
  type HandoverListsResult,
  type HandoverType,
} from '../../../shared/engine'
import { addDaysIso, daysBetweenIso } from '../../../shared/dates'
import type { HandoverCase } from '../../../shared/ipc/channels/handover'
import type { PrisonerRow } from '../caseload/load'
import { detailsOf, TASK_COLUMNS, type ComHandoverRecord } from './store'

// One case's handover as the screens show it. No rule is decided here: lists from handoverLists
// (../shared/specs/mpc-rules.md A), the checklist from handoverType / handoverChecklist /
// checklistEditable / checklistReset (D); this module only gathers their inputs.

/** Seed 003 Annex B (pre-release): the community is notified 45 days before the handover date. */
export const NOTIFY_DAYS_BEFORE_HANDOVER = 45

/** Spec A.3 from the dates the record holds (CRD, ARD, HDCED, HDC actual date, PED, TED). */
export function releaseDateOf(p: PrisonerRow, today: string): string | null {
  return earliestReleaseDate(today, {
    first: [p.conditionalReleaseDate, p.automaticReleaseDate, p.homeDetentionCurfewEligibilityDate, p.homeDetentionCurfewActualDate, p.paroleEligibilityDate, p.tariffDate],
  })
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

export function caseHandover(p: PrisonerRow, evaluation: CaseEvaluation, row: ComHandoverRecord | undefined, today: string): CaseHandover {
  const h = evaluation.handover
  const responsibility = evaluation.responsibility
  // D.5: against the state last recorded (a row that never recorded one has no ticks to lose).
  const reset =
    row !== undefined &&
    checklistReset({
      today,
      before: { responsibility: (row.lastResponsibility as CaseEvaluation['responsibility'] | null) ?? null, comResponsibleDate: row.lastComResponsibleDate },
      after: { responsibility, comResponsibleDate: h.comResponsibleDate },
    }).reset &&
    row.lastResponsibility !== null
  const type = handoverType({ hasCaseInformation: hasCaseInformation(row), hasCalculatedHandover: h.comResponsibleDate !== null, reason: h.reason, enhancedResourcing: null }).handoverType
  const checklist = handoverChecklist({ handoverType: type, comResponsibleDate: h.comResponsibleDate, checklist: ticks(row, reset) })
  const lists = handoverLists({
    today,
    responsibility,
    comResponsibleDate: h.comResponsibleDate,
    comAllocatedDate: h.comAllocatedDate,
    earliestReleaseDate: releaseDateOf(p, today),
    comName: row?.comName ?? null,
    comEmail: row?.comEmail ?? null,
    checklistComplete: row ? checklist.complete : null,
  })
  const notifyFrom = h.comResponsibleDate === null ? null : addDaysIso(h.comResponsibleDate, -NOTIFY_DAYS_BEFORE_HANDOVER)
  // "To notify": from 45 days before the handover date until it is sent, while the case is on a handover list.
  const notifyDue = notifyFrom !== null && today >= notifyFrom && !row?.communityNotifiedAt && (lists.upcoming || lists.inProgress)
  return { lists, type, checklist, reset, notifyFrom, notifyDue }
}

export function handoverCaseView(
  p: PrisonerRow,
  evaluation: CaseEvaluation,
  row: ComHandoverRecord | undefined,
  today: string,
  who: { isAllocatedPom: boolean; canEdit: boolean },
): HandoverCase {
  const c = caseHandover(p, evaluation, row, today)
  const h = evaluation.handover
  const editable = checklistEditable({
    today,
    isAllocatedPom: who.isAllocatedPom,
    earliestReleaseDate: releaseDateOf(p, today),
    responsibility: evaluation.responsibility,
    comResponsibleDate: h.comResponsibleDate,
    comAllocatedDate: h.comAllocatedDate,
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
  return Math.max(0, kind === 'left' ? daysBetweenIso(today, date) : daysBetweenIso(date, today))
}
