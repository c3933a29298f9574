import { z } from 'zod'
import { channel, type Domain } from '../define'
import { empty } from '../schemas'
import { USER_ROLES } from '../values'
import { PLAN_STATUSES } from './rrmp'
import { handoverListItemSchema } from './handover'
import { overrideNoteSchema } from './caseWork'

// The home screen (issue 16, "Home screen per role"): what the signed-in person must do today,
// worked out in the main process from the same case engine and RRMP engine as every other screen.
// Each section is present for the roles that use it and null otherwise.

const rule = z.enum(['start_of_custody', 'pre_handover', 'transfer_arrival'])

/** One open minimum of one case, with how many days are left (negative: days late). */
export const homeCaseSchema = z.object({
  prisonerId: z.number(),
  prisonNumber: z.string(),
  name: z.string(),
  pomName: z.string().nullable(),
  rule,
  required: z.number(),
  achieved: z.number(),
  dueBy: z.string(),
  daysLeft: z.number(),
  /** Only actionable statuses: a missed minimum (issue 16) is history and never listed. */
  status: z.enum(['due', 'overdue']),
  /** Issue 17: a HOMD's responsibility override in force today, a note beside the row (membership stays the engine's: ../shared/specs/mpc-rules.md A.1). */
  override: overrideNoteSchema.nullable().optional(),
})
export type HomeCase = z.infer<typeof homeCaseSchema>

/**
 * Issue 17: how many cases are on each handover list of ../shared/specs/mpc-rules.md A.1 (and the
 * cases to notify the community about, seed 003 Annex B): the same membership as handover.lists
 * (the establishment's allocated cases for a HOMD; the POM's primary and co-working cases for a
 * POM), so each count is the length of the Due screen's list it links to.
 */
export const handoverCountsSchema = z.object({
  upcoming: z.number(),
  inProgress: z.number(),
  comAllocationOverdue: z.number(),
  overdueTasks: z.number(),
  toNotify: z.number(),
})
export type HandoverCounts = z.infer<typeof handoverCountsSchema>

/** POM "My work": counts that link to filtered lists, and the POM's cases by days left. */
export const myWorkSchema = z.object({
  /** The staff record the user is linked to; null when the user has none (then counts are 0). */
  pomId: z.number().nullable(),
  counts: z.object({
    /** Minima overdue and still actionable (past due by at most the overdue period). */
    overdue: z.number(),
    due7: z.number(),
    due28: z.number(),
    /** Transfers whose first in-person session is still to be held (transfer minimum due or overdue). */
    transfersAwaiting: z.number(),
    /** Sessions recorded this month more than one working day after they took place (seed 003 Annex B 1.1). */
    lateThisMonth: z.number(),
    /** Issue 17: handover checklists the POM can tick now and has not completed, overdue ones included (../shared/specs/mpc-rules.md D.4): the length of `checklists` before it is cut to 50. */
    checklistsDue: z.number(),
  }),
  /** Issue 17: the POM's handover lists (spec A.1), "Handovers starting in the next 8 weeks" being `upcoming` (A2). */
  handovers: handoverCountsSchema,
  /** Issue 17: the POM's cases whose handover checklist is open and not complete, overdue ones first. */
  checklists: z.array(
    z.object({
      prisonerId: z.number(),
      prisonNumber: z.string(),
      name: z.string(),
      comResponsibleDate: z.string().nullable(),
      completeCount: z.number(),
      total: z.number(),
      /** Spec A4: the COM is responsible and the checklist is not complete. */
      tasksOverdue: z.boolean(),
      /** Issue 17: a HOMD's responsibility override in force today, a note beside the row (membership stays the engine's: ../shared/specs/mpc-rules.md A.1). */
      override: overrideNoteSchema.nullable().optional(),
    }),
  ),
  /** The POM's open minima, fewest days left first (late ones first); at most 50. */
  cases: z.array(homeCaseSchema),
  /** How many open minima there are in all (issue 16: "Showing 50 of N"). */
  casesTotal: z.number(),
  /** Cases the POM holds in custody. */
  caseCount: z.number(),
})
export type MyWork = z.infer<typeof myWorkSchema>

/** HOMD (and HOMS): allocation and overdue work across the establishment. */
export const allocationWorkSchema = z.object({
  /** Cases without a POM, longest waiting first. */
  unallocated: z.array(
    z.object({
      prisonerId: z.number(),
      prisonNumber: z.string(),
      name: z.string(),
      waitingSince: z.string(),
      daysWaiting: z.number(),
      /** Issue 17 ("shown ... in every list"): a HOMD's responsibility override in force today, a note beside the row. */
      override: overrideNoteSchema.nullable().optional(),
    }),
  ),
  /** How many cases wait for a POM in all (the list holds the first 50). */
  unallocatedTotal: z.number(),
  /** Issue 17: the establishment's handover lists (spec A.1), each linking to the Due screen's list. */
  handovers: handoverCountsSchema,
  /**
   * Issue 17: handovers whose COM is not allocated, from the handover lists of
   * ../shared/specs/mpc-rules.md A.1: upcoming (A2) and COM allocation overdue (A5), overdue first.
   */
  comNotAllocated: z.array(handoverListItemSchema.extend({ list: z.enum(['upcoming', 'comAllocationOverdue']) })),
  /** How many there are in all (the list holds the first 50). */
  comNotAllocatedTotal: z.number(),
  /** Active POMs by load per contracted hour, heaviest first; capacity: cases they can hold for their hours (issue 16). */
  poms: z.array(z.object({ staffId: z.number(), name: z.string(), caseCount: z.number(), hoursPerWeek: z.number(), capacity: z.number(), overdue: z.number() })),
  /**
   * Issue 16 ("POMs over their capacity"): active POMs holding more cases than their capacity
   * (shared/engine/resourcing/pomCaseload.ts: the full-time caseload in proportion to contracted
   * hours), furthest over first.
   */
  overCapacity: z.array(z.object({ staffId: z.number(), name: z.string(), caseCount: z.number(), capacity: z.number() })),
  /** Issue 17 ("POMs: availability"): POMs away today, with their last day away and first day back when known; soonest back first. */
  unavailableToday: z.array(z.object({ staffId: z.number(), name: z.string(), caseCount: z.number(), from: z.string(), until: z.string().nullable(), returnsOn: z.string().nullable() })),
  /** Actionable overdue minima across the establishment. */
  overdueTotal: z.number(),
})
export type AllocationWork = z.infer<typeof allocationWorkSchema>

const complianceFigures = z.object({
  /** Minima whose due date fell in the period, up to today. */
  decided: z.number(),
  met: z.number(),
  /** met / decided as a whole percentage rounded down; null when none fell due. */
  percentMet: z.number().nullable(),
})

/** Establishment compliance by minimum: minima that fell due this month and in the last 3 months. */
export const complianceSchema = z.object({
  monthStart: z.string(),
  threeMonthsStart: z.string(),
  byRule: z.array(z.object({ rule, thisMonth: complianceFigures, lastThreeMonths: complianceFigures })),
})
export type Compliance = z.infer<typeof complianceSchema>

/** The RRMP at a glance: its status, what blocks the target stage, and whether it waits for a Governor. */
export const planGlanceSchema = z.object({
  versionId: z.number(),
  version: z.number(),
  currentStage: z.number(),
  targetStage: z.number(),
  status: z.enum(PLAN_STATUSES),
  statusText: z.string(),
  overall: z.enum(['ready', 'not_ready']),
  percent: z.number(),
  blockers: z.array(z.object({ baselineId: z.string(), text: z.string(), weighting: z.number() })),
  /**
   * Issue 16 ("Governor: any plan waiting for their decision"): submitted, and the route's next step
   * is one a Governor records: their own approval, or the PGD's, Prison Gold's, the DIB's or
   * Probation Gold's decision recorded on their behalf (permissions: readiness.decide).
   */
  awaitingGovernor: z.boolean(),
  /** The step the route waits for after submission, with whose decision it is (SIGN_OFF_ROUTE's role); null when none does. */
  nextStep: z.object({ stage: z.enum(['governor', 'pgd', 'prison_gold', 'dib', 'probation_gold']), role: z.string() }).nullable(),
  /** Returned with comments, or still a draft: the HOMS's move. */
  awaitingHoms: z.boolean(),
})
export type PlanGlance = z.infer<typeof planGlanceSchema>

export const homeSchema = z.object({
  today: z.string(),
  role: z.enum(USER_ROLES),
  myWork: myWorkSchema.nullable(),
  allocation: allocationWorkSchema.nullable(),
  compliance: complianceSchema.nullable(),
  /** Null before an RRMP is started, and for a POM. */
  plan: planGlanceSchema.nullable(),
  /** Cases the engine could not evaluate (a date missing or inconsistent): left out of every figure. */
  notEvaluated: z.number(),
})
export type Home = z.infer<typeof homeSchema>

export const home = {
  get: channel({
    doc: 'The signed-in user’s home screen: a POM’s work today, the HOMD’s allocation work, the HOMS’s plan and compliance, the Governor’s decisions waiting; read-only reviewers get the summaries.',
    kind: 'query',
    input: empty,
    output: homeSchema,
  }),
} satisfies Domain
