// The EDM catalogue schema (issue 4, "Catalogues are data, validated by a schema"). One shape
// carries both shipped catalogues: the OMU EDM (seed 002: stages 4 to 1, 22 weighted baselines)
// and the Probation Supervision EDM (seed 000: green/amber/red regimes, numbered rows with no
// weighting or autonomy). Cross-field rules (unique ids, references) live in loadCatalog.ts.
import { z } from 'zod'

const text = z.string().trim().min(1)

/** Seed 002, "Guide to autonomy levels (mandatory tasks only)". */
export const EDM_AUTONOMY_LEVELS = ['total', 'partial', 'limited'] as const
export type EdmAutonomy = (typeof EDM_AUTONOMY_LEVELS)[number]

/**
 * How a catalogue's stages relate. 'cumulative' (seed 002): stage 4 lists what is delivered in
 * lockdown and stages 3, 2 and 1 each list "changes to increase delivery", so a stage delivers its
 * own items plus those of every more restricted stage. 'standalone' (seed 000): each RAG regime
 * summary is complete in itself (red says "No home visits", amber "Home visits (criteria in place)").
 */
export const EDM_STAGE_MODELS = ['cumulative', 'standalone'] as const
export type EdmStageModel = (typeof EDM_STAGE_MODELS)[number]

export const edmStageItemSchema = z.strictObject({
  id: text,
  /** The seed's sub-heading, e.g. 'Public Protection', 'OASys', 'Progression' under stage 4. */
  group: text.optional(),
  text,
})

export const edmStageSchema = z.strictObject({
  /** '4', '3', '2', '1' in seed 002; 'red', 'amber', 'green' in seed 000. */
  id: text,
  /** Restriction level: the higher, the more restricted (stage 4 = 4; red = 3, green = 1). */
  level: z.number().int().min(1),
  /** Short name, e.g. 'Restrict'. */
  name: text,
  /** The seed's heading, e.g. 'Stage 3 (Restrict) - High Level Descriptor'. */
  heading: text,
  /** The seed's lead-in sentence above the list, if any. */
  summary: z.string(),
  items: z.array(edmStageItemSchema),
})

export const edmAreaSchema = z.strictObject({ id: text, title: text })

/** A pre-determined delivery option of a partial-autonomy baseline, in the seed's own wording. */
export const edmDeliveryOptionSchema = z.strictObject({
  id: text,
  text,
  /** True when choosing this option means in-person contact with prisoners (see faceToFace below). */
  faceToFace: z.boolean(),
})

/** One Actions and Mitigations / When / Who line of a seed 000 row. */
export const edmActionSchema = z.strictObject({ action: text, when: z.string(), who: z.string() })

export const edmBaselineSchema = z.strictObject({
  /** Unique in the catalogue: '1.1' to '5.2' in seed 002. */
  id: text,
  /** The seed's own reference number where it differs from id (seed 000 repeats 1.1 per regime). */
  refNo: z.string().optional(),
  /** Id of one of the catalogue's areas (seed 002 "Area/Process"; seed 000 "Risk Area"). */
  area: text,
  /** The baseline text in full (seed 002 "Baseline"; seed 000 "Priorities"). */
  text,
  /** 3 highest (precursor), 2 medium (part of wider work), 1 lowest (once others are complete). */
  weighting: z.literal([1, 2, 3]).optional(),
  autonomy: z.enum(EDM_AUTONOMY_LEVELS).optional(),
  mandatory: z.boolean(),
  /** Non-empty exactly when autonomy is 'partial'. */
  deliveryOptions: z.array(edmDeliveryOptionSchema),
  /** Seed 002 "Comments/Sources of information", one entry per line of the cell. */
  sources: z.array(text),
  /**
   * The baseline as stipulated includes in-person contact with prisoners (an interview, a board
   * the prisoner attends, access to the prisoner for an assessment). Where the mode is a local
   * choice between pre-determined options, the options carry the flag instead. A face-to-face
   * element needs a risk assessment and a safe system of work done in consultation with the
   * trade unions and staff associations (seed 002, paragraph after the priority cohorts).
   */
  faceToFace: z.boolean(),
  /** Ids of the stages at which the baseline must be met. */
  stages: z.array(text).min(1),
  /** Seed 000 rows: the Actions and Mitigations with their When and Who. */
  actions: z.array(edmActionSchema).optional(),
})

export const edmPriorityCohortSchema = z.strictObject({ id: text, text })

const guideRowSchema = z.strictObject({ value: text, description: text })

export const edmCatalogSchema = z.strictObject({
  id: text,
  title: text,
  version: text,
  source: z.strictObject({
    publisher: text,
    document: text,
    /** The seed file the catalogue was transcribed from, when shipped with the app. */
    seedFile: text.optional(),
    /** The estate or function the baselines are written for, as the seed states it. */
    scope: text.optional(),
  }),
  stageModel: z.enum(EDM_STAGE_MODELS),
  stages: z.array(edmStageSchema).min(1),
  areas: z.array(edmAreaSchema).min(1),
  baselines: z.array(edmBaselineSchema).min(1),
  priorityCohorts: z.array(edmPriorityCohortSchema),
  guides: z.strictObject({ weighting: z.array(guideRowSchema), autonomy: z.array(guideRowSchema) }).optional(),
  /** Other passages of the seed a HOMS needs next to the plan (headed as in the seed). */
  notes: z.array(z.strictObject({ heading: text, text })).optional(),
  glossary: z.array(z.strictObject({ term: text, definition: text })).optional(),
})

export type EdmStageItem = z.infer<typeof edmStageItemSchema>
export type EdmStage = z.infer<typeof edmStageSchema>
export type EdmArea = z.infer<typeof edmAreaSchema>
export type EdmDeliveryOption = z.infer<typeof edmDeliveryOptionSchema>
export type EdmAction = z.infer<typeof edmActionSchema>
export type EdmBaseline = z.infer<typeof edmBaselineSchema>
export type EdmPriorityCohort = z.infer<typeof edmPriorityCohortSchema>
export type EdmCatalog = z.infer<typeof edmCatalogSchema>

/** A stage given by id; numbers are accepted for seed 002 (3 and '3' are the same stage). */
export type EdmStageRef = string | number
