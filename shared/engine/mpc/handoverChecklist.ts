// Handover checklist (../shared/specs/mpc-rules.md section D): the handover type, the tasks that
// apply, when the POM may tick them and when a recalculation resets them. Pure; `today` is an input.
import type { Responsibility } from '../case/types'
import type { IsoDate } from '../types'
import { optionalDay, requireDay } from '../case/dates'
import { CaseInputError, describe } from '../case/errors'
import { handoverTerms, requireResponsibility, windowDays } from './handoverLists'

/** Spec D.1: the four tasks, in this order (MPC handover_progress_checklists). */
export type ChecklistTask = 'reviewedOasys' | 'contactedCom' | 'attendedHandoverMeeting' | 'sentHandoverReport'
export const CHECKLIST_TASKS: readonly ChecklistTask[] = ['reviewedOasys', 'contactedCom', 'attendedHandoverMeeting', 'sentHandoverReport']

/** Spec D.1 labels (MPC config/locales/en.yml handovers.progress*). */
export const CHECKLIST_TASK_LABELS: Readonly<Record<ChecklistTask, string>> = {
  reviewedOasys: 'Review the last OASys assessment',
  contactedCom: 'Have contact from COM',
  attendedHandoverMeeting: 'Attend handover meeting',
  sentHandoverReport: 'Send handover report',
}

export type HandoverType = 'missing' | 'none' | 'enhanced' | 'standard'

export interface HandoverTypeInput {
  hasCaseInformation: boolean // probation details recorded (MPC: nDelius record)
  hasCalculatedHandover: boolean // the engine produced a handover
  reason: string | null // Handover.reason
  enhancedResourcing: boolean | null // probation resourcing decision; null = unknown
}

export interface HandoverChecklistInput {
  handoverType: HandoverType
  comResponsibleDate: IsoDate | null // the handover date, not comAllocatedDate
  simplifiedEnhancedHandover?: boolean // app setting, default false
  simplifiedHandoverCutoffDate?: IsoDate // app setting, default '2026-09-01'
  checklist: Partial<Record<ChecklistTask, boolean>> | null // null: no record; a missing key is false
}

export interface HandoverChecklistResult {
  taskFields: ChecklistTask[]
  taskCompletionData: Partial<Record<ChecklistTask, boolean>>
  completeCount: number
  total: number
  complete: boolean
}

export interface ChecklistEditableInput {
  today: IsoDate
  isAllocatedPom: boolean // primary or co-working POM of the case
  earliestReleaseDate?: IsoDate | null
  responsibility: Responsibility // live
  comResponsibleDate: IsoDate | null
  comAllocatedDate?: IsoDate | null
  upcomingWindowDays?: number // default 56
}

export interface HandoverState {
  responsibility: Responsibility | null
  comResponsibleDate: IsoDate | null
}

export interface ChecklistResetInput {
  today: IsoDate
  before: HandoverState // as last recorded for the case; responsibility null if never recorded
  after: HandoverState // live, now
  upcomingWindowDays?: number // default 56
}

/** Spec D.3 / F: the simplified enhanced handover settings' defaults (E.6). */
export const DEFAULT_SIMPLIFIED_HANDOVER_CUTOFF_DATE: IsoDate = '2026-09-01'

/** The handover reason for which there is no handover (MPC `determinate_short`), spec D.2. */
const NO_HANDOVER_REASON = 'less_than_10_months_to_serve'

const HANDOVER_TYPES: ReadonlySet<string> = new Set<HandoverType>(['missing', 'none', 'enhanced', 'standard'])

function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new CaseInputError(field, `expected true or false, got ${describe(value)}`, value)
  return value
}

/** Spec D.2: the first that applies: missing, none, enhanced (true or unknown resourcing), standard. */
export function handoverType(input: HandoverTypeInput): { handoverType: HandoverType } {
  const hasCaseInformation = requireBoolean(input.hasCaseInformation, 'hasCaseInformation')
  const hasCalculatedHandover = requireBoolean(input.hasCalculatedHandover, 'hasCalculatedHandover')
  const reason = input.reason
  if (reason !== null && typeof reason !== 'string') throw new CaseInputError('reason', `expected a reason code or null, got ${describe(reason)}`, reason)
  const enhanced = input.enhancedResourcing
  if (enhanced !== null && typeof enhanced !== 'boolean') throw new CaseInputError('enhancedResourcing', `expected true, false or null, got ${describe(enhanced)}`, enhanced)
  if (!hasCaseInformation || !hasCalculatedHandover) return { handoverType: 'missing' }
  if (reason === NO_HANDOVER_REASON) return { handoverType: 'none' }
  if (enhanced === true || enhanced === null) return { handoverType: 'enhanced' }
  return { handoverType: 'standard' }
}

/** Spec D1: the task set for a case. */
function taskSet(type: HandoverType, resp: number | null, simplified: boolean, cutoff: number): ChecklistTask[] {
  if (type !== 'enhanced') return ['contactedCom', 'sentHandoverReport']
  if (simplified && resp !== null && resp >= cutoff) return ['reviewedOasys', 'contactedCom']
  return ['reviewedOasys', 'contactedCom', 'attendedHandoverMeeting']
}

/** Spec D.3: the applicable tasks, their state and progress. */
export function handoverChecklist(input: HandoverChecklistInput): HandoverChecklistResult {
  const type = input.handoverType
  if (typeof type !== 'string' || !HANDOVER_TYPES.has(type)) {
    throw new CaseInputError('handoverType', `expected 'missing', 'none', 'enhanced' or 'standard', got ${describe(type)}`, type)
  }
  const resp = optionalDay(input.comResponsibleDate, 'comResponsibleDate')
  const simplified = input.simplifiedEnhancedHandover === undefined ? false : requireBoolean(input.simplifiedEnhancedHandover, 'simplifiedEnhancedHandover')
  const cutoff = requireDay(input.simplifiedHandoverCutoffDate ?? DEFAULT_SIMPLIFIED_HANDOVER_CUTOFF_DATE, 'simplifiedHandoverCutoffDate')
  const checklist = input.checklist
  if (checklist !== null && (typeof checklist !== 'object' || Array.isArray(checklist))) {
    throw new CaseInputError('checklist', `expected the ticked tasks or null, got ${describe(checklist)}`, checklist)
  }
  const taskFields = taskSet(type, resp, simplified, cutoff)
  const taskCompletionData: Partial<Record<ChecklistTask, boolean>> = {}
  let completeCount = 0
  for (const task of taskFields) {
    const value = checklist?.[task]
    if (value !== undefined) requireBoolean(value, `checklist.${task}`)
    // D2: a missing key (or no checklist at all) is false; tasks outside the set are ignored.
    const done = value === true
    taskCompletionData[task] = done
    if (done) completeCount += 1
  }
  return {
    taskFields,
    taskCompletionData,
    completeCount,
    total: taskFields.length,
    complete: checklist !== null && completeCount === taskFields.length, // D3
  }
}

/** Spec D.4: only an allocated POM, on a case not released, in the window or underway (E.2). */
export function checklistEditable(input: ChecklistEditableInput): { editable: boolean } {
  const today = requireDay(input.today, 'today')
  const isAllocatedPom = requireBoolean(input.isAllocatedPom, 'isAllocatedPom')
  const responsibility = requireResponsibility(input.responsibility, 'responsibility')
  const resp = optionalDay(input.comResponsibleDate, 'comResponsibleDate')
  const alloc = optionalDay(input.comAllocatedDate, 'comAllocatedDate')
  const release = optionalDay(input.earliestReleaseDate, 'earliestReleaseDate')
  const t = handoverTerms(today, responsibility, resp, alloc, release, windowDays(input.upcomingWindowDays))
  if (!isAllocatedPom || t.released) return { editable: false }
  return { editable: t.inWindow || t.underway }
}

function parseState(state: HandoverState, field: string): { responsibility: Responsibility | null; resp: number | null } {
  if (typeof state !== 'object' || state === null) throw new CaseInputError(field, `expected a handover state, got ${describe(state)}`, state)
  return {
    responsibility: state.responsibility === null ? null : requireResponsibility(state.responsibility, `${field}.responsibility`),
    resp: optionalDay(state.comResponsibleDate, `${field}.comResponsibleDate`),
  }
}

/**
 * Spec D.5: whether a recalculation resets the checklist. (a) responsibility changed back to 'pom'
 * (or first recorded as 'pom'); (b) the handover date changed, the case is 'pom' and on no list.
 * Only the after state's handover date is known here, so (b)'s window uses it as the start (S = H).
 */
export function checklistReset(input: ChecklistResetInput): { reset: boolean } {
  const today = requireDay(input.today, 'today')
  const before = parseState(input.before, 'before')
  const after = parseState(input.after, 'after')
  const window = windowDays(input.upcomingWindowDays)
  if (before.responsibility !== after.responsibility && after.responsibility === 'pom') return { reset: true } // (a)
  // after.responsibility null (never produced live) is not 'pom': neither rule applies.
  if (before.resp !== after.resp && after.responsibility === 'pom') {
    const t = handoverTerms(today, after.responsibility, after.resp, null, null, window)
    return { reset: !t.inWindow && !t.underway } // (b)
  }
  return { reset: false }
}
