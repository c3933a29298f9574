import { z } from 'zod'
import { channel, type Domain } from '../define'
import { isoDate } from '../schemas'
import { id } from './caseloadValues'

// Case work (issue 17; ../shared/specs/mpc-rules.md sections B and C): early allocation
// assessments, HOMD responsibility overrides and the recommended POM type. The rules are the
// engine's (shared/engine/mpc); these are the requests and answers around them.

const answer = z.boolean().nullable().default(null)

/** Spec C.1: the eleven questions; null (or left out) where not answered. Keep in step with EARLY_ALLOCATION_QUESTIONS. */
export const earlyAllocationAnswersSchema = z
  .object({
    convictedUnderTerrorismAct2000: answer,
    highProfile: answer,
    seriousCrimePreventionOrder: answer,
    mappaLevel3: answer,
    cppcCase: answer,
    extremismSeparation: answer,
    dueForReleaseInLessThan24Months: answer,
    highRiskOfSeriousHarm: answer,
    mappaLevel2: answer,
    pathfinderProcess: answer,
    otherReason: answer,
  })
  .strict()

const outcome = z.enum(['eligible', 'discretionary', 'ineligible'])

export const earlyAllocationAssessmentSchema = z.object({
  id: z.number(),
  answers: earlyAllocationAnswersSchema,
  oasysDate: z.string(),
  createdOn: z.string(),
  outcome,
  createdWithinReferralWindow: z.boolean(),
  communityDecision: z.boolean().nullable(),
  communityDecisionOn: z.string().nullable(),
  communityDecisionBy: z.string().nullable(),
  reason: z.string(),
  approved: z.boolean(),
  assessor: z.string(),
  /** Spec C4 and C5, worked out with the community decision as it stands. */
  shortOutcome: z.string(),
  longOutcome: z.string(),
  /** Spec C.5 C6: made during the current sentence, so it counts. */
  countsForThisSentence: z.boolean(),
})
export type EarlyAllocationAssessmentView = z.infer<typeof earlyAllocationAssessmentSchema>

export const earlyAllocationStateSchema = z.object({
  earlyAllocation: z.boolean(),
  state: z.enum(['eligible', 'decision_pending', 'call_to_action', 'assessment_saved']).nullable(),
  statusText: z.string(),
  badge: z.string().nullable(),
  actionLink: z.string(),
  needsNotify: z.boolean(),
})

export const earlyAllocationViewSchema = z.object({
  today: z.string(),
  /** Spec C.4 for today. */
  withinReferralWindow: z.boolean(),
  /**
   * The LDU's email from the case's handover details (com_handover), or null when none is
   * recorded: spec C.1, "Starting needs the case's LDU email", so no assessment is saved without it.
   */
  lduEmail: z.string().nullable(),
  state: earlyAllocationStateSchema,
  /** Newest first. */
  assessments: z.array(earlyAllocationAssessmentSchema),
})
export type EarlyAllocationView = z.infer<typeof earlyAllocationViewSchema>

export const assessEarlyAllocationInput = z
  .object({
    prisonerId: id,
    oasysDate: isoDate.nullable(),
    answers: earlyAllocationAnswersSchema,
    /** Discretionary only: why the case should be referred (spec C.1). */
    reason: z.string().trim().max(2000, 'Keep the reason to 2,000 characters or fewer.').default(''),
    /** Discretionary only: the HOMD has approved the referral (spec C.1). */
    approved: z.boolean().default(false),
  })
  .strict()

export const overrideSchema = z.object({
  id: z.number(),
  responsibility: z.enum(['pom', 'com']),
  reason: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endedOn: z.string().nullable(),
  setBy: z.string(),
  createdAt: z.string(),
  /** In force today: started, not past its end date, not ended early. */
  inForce: z.boolean(),
})
export type ResponsibilityOverrideView = z.infer<typeof overrideSchema>

/**
 * Issue 17 ("shown ... in every list and export"): a HOMD's override in force today, carried on a
 * list's row beside the engine's own answer (`engine`); the row stays where the engine puts it
 * (../shared/specs/mpc-rules.md A.1). Shown with responsibilityText (shared/export/responsibility.ts).
 */
export const overrideNoteSchema = z.object({
  responsibility: z.enum(['pom', 'com']),
  reason: z.string(),
  endDate: z.string().nullable(),
  engine: z.enum(['pom', 'pom_with_com', 'com']),
})
export type OverrideNote = z.infer<typeof overrideNoteSchema>

export const setOverrideInput = z
  .object({
    prisonerId: id,
    responsibility: z.enum(['pom', 'com'], 'Choose who is responsible: POM or COM.'),
    reason: z.string().trim().min(3, 'Give the reason for overriding who is responsible.').max(500, 'Keep the reason to 500 characters or fewer.'),
    endDate: isoDate,
  })
  .strict()

export const recommendationSchema = z.object({
  strategy: z.enum(['tier', 'rosh']),
  recommendedPomType: z.enum(['prison', 'probation']).nullable(),
  reasonKey: z.enum(['immigration_case', 'supporting_role', 'tier_based', 'rosh_based', 'missing_rosh']),
  recommendationAvailable: z.boolean(),
  /** Spec B4: the chosen POM's type differs (or there is no recommendation): a reason is required. Null with no POM chosen. */
  overrideRequired: z.boolean().nullable(),
  /** Spec B5's sentence. */
  text: z.string(),
})
export type PomTypeRecommendation = z.infer<typeof recommendationSchema>

export const caseWork = {
  earlyAllocation: channel({
    doc: 'A case’s early allocation assessments (newest first), the referral window today and the case’s early allocation state (spec C.5).',
    kind: 'query',
    input: z.object({ prisonerId: id }).strict(),
    output: earlyAllocationViewSchema,
  }),
  assessEarlyAllocation: channel({
    doc: 'Save an early allocation assessment: OASys date checked (C.2), every required question answered (C.1); a discretionary outcome needs a reason and the HOMD’s approval. The case’s POM or a HOMD.',
    kind: 'mutation',
    input: assessEarlyAllocationInput,
    output: earlyAllocationViewSchema,
  }),
  recordCommunityDecision: channel({
    doc: 'Record the community probation team’s decision on the latest assessment when it is discretionary and awaiting one.',
    kind: 'mutation',
    input: z.object({ prisonerId: id, assessmentId: id, decision: z.boolean('Choose whether the community probation team accepted the case.') }).strict(),
    output: earlyAllocationViewSchema,
  }),
  draftReferral: channel({
    doc: 'Spec C.1: open a drafted email for the latest assessment saved inside the referral window: eligible, a referral to the LDU; discretionary, a request for the community’s decision. Nothing is recorded. The case’s POM or a HOMD.',
    kind: 'query',
    input: z.object({ prisonerId: id, assessmentId: id }).strict(),
    output: z.object({ mailto: z.string(), kind: z.enum(['referral', 'decision_request']) }),
  }),
  overrides: channel({
    doc: 'A case’s responsibility overrides, newest first, each saying whether it is in force today.',
    kind: 'query',
    input: z.object({ prisonerId: id }).strict(),
    output: z.array(overrideSchema),
  }),
  setOverride: channel({
    doc: 'Override who is responsible for a case (POM or COM) from today until the end date, with the reason; ends any override in force. HOMD or HOMS.',
    kind: 'mutation',
    input: setOverrideInput,
    output: overrideSchema,
  }),
  endOverride: channel({
    doc: 'End the case’s responsibility override in force today; the engine’s own answer applies again.',
    kind: 'mutation',
    input: z.object({ prisonerId: id }).strict(),
    output: overrideSchema,
  }),
  recommendPomType: channel({
    doc: 'The recommended POM type for a case (spec B) under the establishment’s strategy, with its reason; with a POM chosen, whether a reason must be recorded.',
    kind: 'query',
    input: z.object({ prisonerId: id, staffId: id.nullable().default(null) }).strict(),
    output: recommendationSchema,
  }),
} satisfies Domain
