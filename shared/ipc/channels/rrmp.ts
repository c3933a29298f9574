// RRMP plan editor and sign-off route (issue 6). Readiness, sequencing and tasks at a stage are
// worked out by the OMU task engine in the main process (shared/engine/omu) and sent with the plan.
import { z } from 'zod'
import { channel, type Domain } from '../define'
import { stageSchema } from '../schemas'
import { edmCatalogSchema, rrmpPlanEntrySchema, SIGN_OFF_STAGES, RRMP_STATUSES } from '../../engine/index'

const id = z.number().int().positive()
const rev = z.number().int().positive()

export const signOffRouteStepSchema = z.object({
  stage: z.enum(SIGN_OFF_STAGES),
  role: z.string(),
  description: z.string(),
  decisions: z.array(z.enum(['submitted', 'approved', 'returned'])),
})

export const signOffStepSchema = z.object({
  stage: z.enum(SIGN_OFF_STAGES),
  by: z.string(),
  role: z.string(),
  date: z.string(),
  decision: z.enum(['submitted', 'approved', 'returned']),
  comments: z.string().nullable(),
  /** Issue 16: the signed-in user who recorded the step; null before migration 0016 (db/schema/rrmp.ts). */
  recordedBy: z.string().nullable().optional(),
})
export type SignOffStepView = z.infer<typeof signOffStepSchema>

export const signOffStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('awaiting'), next: signOffRouteStepSchema }),
  z.object({ kind: z.literal('complete'), completedOn: z.string() }),
  z.object({ kind: z.literal('returned'), returned: signOffStepSchema }),
  z.object({ kind: z.literal('invalid'), problem: z.string() }),
])

export const PLAN_STATUSES = ['draft', 'in_sign_off', 'returned', 'signed_off'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export const planVersionSchema = z.object({
  id,
  version: z.number().int().positive(),
  currentStage: stageSchema,
  targetStage: stageSchema,
  catalogId: z.string(),
  catalogVersion: z.string(),
  basedOnVersion: z.number().int().nullable(),
  rev,
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(PLAN_STATUSES),
  /** The status in words, e.g. "Awaiting the Governor". */
  statusText: z.string(),
  /** Submitted: read-only; changes go into a new version. */
  frozen: z.boolean(),
  latest: z.boolean(),
})
export type PlanVersionView = z.infer<typeof planVersionSchema>

export const planEntryRowSchema = z.object({ baselineId: z.string(), rev, entry: rrmpPlanEntrySchema, updatedAt: z.string() })
export type PlanEntryRow = z.infer<typeof planEntryRowSchema>

const baselineReadinessSchema = z.object({
  baselineId: z.string(),
  area: z.string(),
  weighting: z.number().nullable(),
  mandatory: z.boolean(),
  faceToFace: z.boolean(),
  state: z.enum(['ready', 'not_ready', 'not_applicable']),
  reasons: z.array(z.string()),
})

export const readinessSchema = z.object({
  catalogId: z.string(),
  targetStage: z.string(),
  overall: z.enum(['ready', 'not_ready']),
  score: z.object({ achieved: z.number(), possible: z.number(), ratio: z.number(), percent: z.number() }),
  baselines: z.array(baselineReadinessSchema),
  blockers: z.array(baselineReadinessSchema),
  warnings: z.array(z.string()),
})

export const areaReadinessSchema = z.object({
  id: z.string(),
  title: z.string(),
  ready: z.number(),
  notReady: z.number(),
  notApplicable: z.number(),
  achieved: z.number(),
  possible: z.number(),
  percent: z.number(),
})
export type AreaReadiness = z.infer<typeof areaReadinessSchema>

export const sequenceSchema = z.object({
  steps: z.array(
    z.object({
      position: z.number(),
      baselineId: z.string(),
      area: z.string(),
      areaTitle: z.string(),
      weighting: z.number().nullable(),
      mandatory: z.boolean(),
      status: z.enum(RRMP_STATUSES),
      ready: z.boolean(),
    }),
  ),
  notApplicable: z.array(z.string()),
  warnings: z.array(z.object({ baselineId: z.string(), blockedBy: z.array(z.string()), message: z.string() })),
})

const stageTaskSchema = z.object({ id: z.string(), text: z.string(), group: z.string().nullable(), fromStage: z.string(), fromStageName: z.string() })
const stageTasksSchema = z.object({
  stage: z.object({ id: z.string(), name: z.string(), heading: z.string(), level: z.number() }),
  tasks: z.array(stageTaskSchema),
  baselineIds: z.array(z.string()),
})
const stageChangeSchema = z.object({
  from: z.string(),
  to: z.string(),
  reinstated: z.array(stageTaskSchema),
  withdrawn: z.array(stageTaskSchema),
  baselinesAdded: z.array(z.string()),
  baselinesDropped: z.array(z.string()),
})

export const planDiffSchema = z.object({
  baselineId: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  summary: z.array(z.string()),
})

export const planViewSchema = z.object({
  version: planVersionSchema,
  /** Every version, newest first. */
  versions: z.array(planVersionSchema),
  entries: z.array(planEntryRowSchema),
  readiness: readinessSchema,
  areas: z.array(areaReadinessSchema),
  sequence: sequenceSchema,
  stages: z.object({ current: stageTasksSchema, target: stageTasksSchema, change: stageChangeSchema }),
  signOff: z.object({ steps: z.array(signOffStepSchema), state: signOffStateSchema }),
  /** What changed since the submitted version this one was started from. */
  changes: z.object({ basedOnVersion: z.number().int(), diffs: z.array(planDiffSchema) }).nullable(),
  /** Active staff, offered as owners (free text is allowed too). */
  staff: z.array(z.object({ name: z.string(), role: z.string() })),
  /** The plan's catalogue: its title (issue 17: the plan names the catalogue it was built from). */
  catalogTitle: z.string(),
  /** Issue 16: each baseline of the plan's catalogue by number and title ("Baseline 2.5: Supervision should be …"), by id. */
  baselineNames: z.record(z.string(), z.string()),
})
export type PlanView = z.infer<typeof planViewSchema>

/** Sign-off steps ask for the signer's password again (issue 7); the dispatcher checks it. */
export const signingPassword = z.string().min(1, 'Enter your password to sign this step.').max(200, 'Enter your password to sign this step.')

const text = (max: number, what: string) => z.string().trim().max(max, `Keep ${what} to ${max} characters or fewer.`)

export const rrmp = {
  plan: channel({
    doc: 'One RRMP version (the latest when no id is given) with its entries, readiness, order to work in, stage tasks, sign-off record and changes since the submitted version; null before a plan is started.',
    kind: 'query',
    input: z.object({ versionId: id.optional() }).strict(),
    output: planViewSchema.nullable(),
  }),
  catalog: channel({
    doc: 'The EDM catalogue a plan version was built from (the shipped OMU EDM or an imported one).',
    kind: 'query',
    input: z.object({ id: z.string().min(1), version: z.string().min(1) }).strict(),
    output: edmCatalogSchema,
  }),
  start: channel({
    doc: 'Starts version 1 of the RRMP for the establishment’s current and target stage, from the chosen installed catalogue (the OMU EDM when none is chosen): one empty entry per baseline that applies at the target stage.',
    kind: 'mutation',
    // Issue 17: "A plan can be built from any installed catalogue ..., chosen when the plan is started".
    input: z
      .object({
        /** An installed catalogue (catalogs.list: shipped or imported), by id and version; the OMU EDM when left out. */
        catalog: z
          .object({
            id: z.string().trim().min(1, 'Choose the catalogue to build the plan from.').max(200, 'Choose the catalogue to build the plan from.'),
            version: z.string().trim().min(1, 'Choose the catalogue to build the plan from.').max(100, 'Choose the catalogue to build the plan from.'),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: planVersionSchema,
  }),
  setStages: channel({
    doc: 'Changes the current and target stage of a draft version (and of the establishment); adds entries for baselines that now apply.',
    kind: 'mutation',
    input: z.object({ versionId: id, rev, currentStage: stageSchema, targetStage: stageSchema }).strict(),
    output: planVersionSchema,
  }),
  updateEntry: channel({
    doc: 'Saves one baseline’s plan entry. `rev` is the revision the editor read: a stale one is a conflict and nothing is overwritten. Refused on a submitted (frozen) version.',
    kind: 'mutation',
    input: z.object({ versionId: id, rev, entry: rrmpPlanEntrySchema }).strict(),
    output: planEntryRowSchema,
  }),
  submit: channel({
    doc: 'The HOMS submits a draft version to the Governor (password asked again); it is frozen from then on. `by` defaults to the signed-in user, `role` to the route’s HOMS role; the date is today.',
    kind: 'mutation',
    input: z
      .object({
        versionId: id,
        rev,
        /** The signer's own password again (issue 7: sign-off steps ask for it); checked by the dispatcher, never stored. */
        password: signingPassword,
        /** Defaults to the signed-in user's name. */
        by: text(100, 'the name').optional(),
        role: text(100, 'the role').optional(),
      })
      .strict(),
    output: planVersionSchema,
  }),
  newVersion: channel({
    doc: 'Starts a new draft version from the latest, submitted version: entries copied, sign-off route empty, changes shown against the submitted one.',
    kind: 'mutation',
    input: z.object({ fromVersionId: id }).strict(),
    output: planVersionSchema,
  }),
} satisfies Domain
