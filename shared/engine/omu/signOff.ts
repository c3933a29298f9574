// The RRMP sign-off route (issue 4), from seed 002: "Establishments will submit their RRMP
// together with a readiness assessment to their respective Prison Group Director (PGD)", "dialogue
// between the Governor and Heads of Offender Management Service", "Local resourcing plans should be
// submitted and agreed by the Divisional Implementation Boards. The establishments RRMP plan should
// be submitted and signed-off by the PGD and Prison Gold. The section appertaining to the OMU should
// also be submitted to probation Gold for sign-off via the DIB."
//
// Our reading, one linear route per plan version: HOMS submits -> Governor -> PGD -> Prison Gold ->
// DIB (agrees the resourcing, forwards the OMU section) -> Probation Gold. The OMU section "also"
// goes to Probation Gold, so it follows the prison sign-off. Any reviewer may approve or return
// with comments; a return closes the version (it stays frozen as the record) and the HOMS starts a
// new version (diffPlans shows what changed) and submits that. A version is frozen once submitted.
import type { IsoDate } from '../types'
import { dayOf, isIsoDateString } from './dates'

export const SIGN_OFF_STAGES = ['submit', 'governor', 'pgd', 'prison_gold', 'dib', 'probation_gold'] as const
export type SignOffStage = (typeof SIGN_OFF_STAGES)[number]
export type SignOffDecision = 'submitted' | 'approved' | 'returned'

export interface SignOffRouteStep {
  stage: SignOffStage
  /** Who signs at this step (the role a UI offers by default). */
  role: string
  description: string
  decisions: readonly SignOffDecision[]
}

export const SIGN_OFF_ROUTE: readonly SignOffRouteStep[] = [
  { stage: 'submit', role: 'Head of Offender Management Services (HOMS)', description: 'The HOMS prepares the RRMP with its readiness assessment and submits it to the Governor.', decisions: ['submitted'] },
  { stage: 'governor', role: 'Governor', description: 'The Governor approves the RRMP or returns it with comments.', decisions: ['approved', 'returned'] },
  { stage: 'pgd', role: 'Prison Group Director (PGD)', description: 'The PGD signs off the RRMP and readiness assessment or returns them with comments.', decisions: ['approved', 'returned'] },
  { stage: 'prison_gold', role: 'Prison Gold', description: 'Prison Gold signs off the RRMP or returns it with comments.', decisions: ['approved', 'returned'] },
  {
    stage: 'dib',
    role: 'Divisional Implementation Board (DIB)',
    description: 'The DIB agrees the local resourcing plan and submits the OMU section to Probation Gold, or returns it with comments.',
    decisions: ['approved', 'returned'],
  },
  { stage: 'probation_gold', role: 'Probation Gold', description: 'Probation Gold signs off the OMU section or returns it with comments.', decisions: ['approved', 'returned'] },
]

/** One recorded step: who, their role, the date and the decision (comments required on a return). */
export interface SignOffStep {
  stage: SignOffStage
  by: string
  role: string
  date: IsoDate
  decision: SignOffDecision
  comments: string | null
  /**
   * Issue 16: the signed-in user who recorded the step, when the app knows it (null on steps from
   * before migration 0016). Differs from `by` when a Governor records a PGD, Prison Gold, DIB or
   * Probation Gold decision on that person's behalf; the route then shows "recorded by".
   */
  recordedBy?: string | null
}

export type SignOffState =
  | { kind: 'awaiting'; next: SignOffRouteStep }
  | { kind: 'complete'; completedOn: IsoDate }
  | { kind: 'returned'; returned: SignOffStep }
  | { kind: 'invalid'; problem: string }

export type SignOffResult = { ok: true; history: SignOffStep[] } | { ok: false; problem: string }

function routeStep(stage: SignOffStage): SignOffRouteStep {
  return SIGN_OFF_ROUTE.find((r) => r.stage === stage) ?? (SIGN_OFF_ROUTE[0] as SignOffRouteStep)
}

function label(stage: SignOffStage): string {
  switch (stage) {
    case 'submit':
      return 'the HOMS submission'
    case 'governor':
      return "the Governor's approval"
    case 'pgd':
      return "the PGD's sign-off"
    case 'prison_gold':
      return "Prison Gold's sign-off"
    case 'dib':
      return "the DIB's agreement"
    case 'probation_gold':
      return "Probation Gold's sign-off"
    default: {
      const never: never = stage
      return String(never)
    }
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function shapeProblem(step: SignOffStep): string | null {
  if (!(SIGN_OFF_STAGES as readonly string[]).includes(step.stage)) return `"${String(step.stage)}" is not a step of the sign-off route.`
  const r = routeStep(step.stage)
  if (step.by.trim() === '') return `Record who made ${label(step.stage)}.`
  if (step.role.trim() === '') return `Record the role of ${step.by} (for example "${r.role}").`
  if (!isIsoDateString(step.date)) return `The date of ${label(step.stage)} must be a real date written YYYY-MM-DD (got "${step.date}").`
  if (!r.decisions.includes(step.decision)) return `At ${label(step.stage)} the decision must be ${r.decisions.map((d) => `"${d}"`).join(' or ')}, not "${step.decision}".`
  if (step.decision === 'returned' && (step.comments ?? '').trim() === '') return `A return needs comments: say what ${step.by} wants changed.`
  return null
}

function stateOf(history: readonly SignOffStep[]): SignOffState {
  let state: SignOffState = { kind: 'awaiting', next: routeStep('submit') }
  for (let i = 0; i < history.length; i++) {
    const step = history[i] as SignOffStep
    const r = advance(state, history.slice(0, i), step)
    if (!r.ok) return { kind: 'invalid', problem: r.problem }
    state = r.state
  }
  return state
}

function advance(state: SignOffState, before: readonly SignOffStep[], step: SignOffStep): { ok: true; state: SignOffState } | { ok: false; problem: string } {
  const shape = shapeProblem(step)
  if (shape !== null) return { ok: false, problem: shape }
  switch (state.kind) {
    case 'invalid':
      return { ok: false, problem: `The sign-off history is not valid: ${state.problem}` }
    case 'complete':
      return { ok: false, problem: `The sign-off route is complete (Probation Gold signed off on ${state.completedOn}): nothing more can be signed on this version.` }
    case 'returned': {
      const r = state.returned
      return { ok: false, problem: `This version was returned at ${label(r.stage)} on ${r.date} with comments: start a new version and submit it again.` }
    }
    case 'awaiting':
      break
    default: {
      const never: never = state
      return { ok: false, problem: `Unknown state ${String(never)}.` }
    }
  }
  const expected = state.next.stage
  if (step.stage !== expected) {
    const done = before.find((s) => s.stage === step.stage)
    if (done !== undefined) return { ok: false, problem: `${cap(label(step.stage))} was already recorded on ${done.date}; the next step is ${label(expected)} (${state.next.role}).` }
    return { ok: false, problem: `${cap(label(step.stage))} cannot be recorded yet: the next step is ${label(expected)} (${state.next.role}).` }
  }
  const last = before[before.length - 1]
  if (last !== undefined && dayOf(step.date, 'date') < dayOf(last.date, 'date')) {
    return { ok: false, problem: `The date ${step.date} is before the previous step (${label(last.stage)} on ${last.date}).` }
  }
  if (step.decision === 'returned') return { ok: true, state: { kind: 'returned', returned: step } }
  const i = SIGN_OFF_STAGES.indexOf(expected)
  const nextStage = SIGN_OFF_STAGES[i + 1]
  if (nextStage === undefined) return { ok: true, state: { kind: 'complete', completedOn: step.date } }
  return { ok: true, state: { kind: 'awaiting', next: routeStep(nextStage) } }
}

/** Where the route stands: the step awaited, complete, returned (start a new version), or an invalid history. */
export function nextSignOffStep(history: readonly SignOffStep[]): SignOffState {
  return stateOf(history)
}

/** Records one step; refuses it, with a plain sentence, when it is out of order or incomplete. */
export function applySignOffDecision(history: readonly SignOffStep[], step: SignOffStep): SignOffResult {
  const state = stateOf(history)
  const r = advance(state, history, step)
  if (!r.ok) return r
  return { ok: true, history: [...history, { ...step }] }
}

/** A version is frozen once submitted: later edits go into a new version. */
export function isFrozen(history: readonly SignOffStep[]): boolean {
  return history.some((s) => s.stage === 'submit')
}
