// RRMP plan entries (issue 4, "RRMP model"): one entry per applicable baseline of a plan version.
// Action items take the shape of seed 004's action plans (action, owner, target date, status,
// progress updates with dates). Types are written out (with IsoDate) and the zod schemas are
// checked against them, so the DB layer can store and re-validate exactly this shape.
import { z } from 'zod'
import type { IsoDate } from '../types'
import { isIsoDateString } from './dates'

/** not_applicable needs a reason on a mandatory baseline (validatePlanEntry). */
export const RRMP_STATUSES = ['not_started', 'in_progress', 'ready', 'delivering', 'not_applicable'] as const
export type RrmpStatus = (typeof RRMP_STATUSES)[number]

/** Seed 004 tracks actions to "Completed" and "Completed and ongoing"; 'ongoing' is the latter. */
export const RRMP_ACTION_STATUSES = ['not_started', 'in_progress', 'completed', 'ongoing'] as const
export type RrmpActionStatus = (typeof RRMP_ACTION_STATUSES)[number]

/**
 * How the baseline will be delivered, constrained by its autonomy (seed 002 guide to autonomy):
 * limited: 'as_stipulated' (no choice); partial: 'option' naming one of the catalogue's
 * delivery options; total: 'local_design' with the establishment's own design text (and whether
 * that design has people meeting in person, for the face-to-face evidence rule).
 */
export type RrmpDeliveryChoice =
  | { kind: 'as_stipulated' }
  | { kind: 'option'; optionId: string }
  | { kind: 'local_design'; design: string; faceToFace: boolean }

/** Risk assessment, safe system of work (SSOW), and consultation with the TUs and staff associations (seed 002). */
export interface RrmpEvidence {
  riskAssessmentDone: boolean
  safeSystemOfWorkDone: boolean
  unionsConsulted: boolean
}

export interface RrmpProgressUpdate {
  date: IsoDate
  note: string
}

export interface RrmpActionItem {
  id: string
  action: string
  owner: string
  targetDate: IsoDate | null
  status: RrmpActionStatus
  progressUpdates: RrmpProgressUpdate[]
}

export interface RrmpPlanEntry {
  baselineId: string
  status: RrmpStatus
  /** Required (non-blank) when a mandatory baseline is not_applicable: the category or function. */
  notApplicableReason: string | null
  /** null until chosen; limited-autonomy baselines may stay null (delivered as stipulated). */
  delivery: RrmpDeliveryChoice | null
  owner: string
  targetDate: IsoDate | null
  resourcingNote: string
  evidence: RrmpEvidence
  comments: string
  actionItems: RrmpActionItem[]
}

export const isoDateSchema = z.string().refine(isIsoDateString, { message: 'must be a real date written YYYY-MM-DD' })

export const rrmpDeliveryChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('as_stipulated') }),
  z.strictObject({ kind: z.literal('option'), optionId: z.string() }),
  z.strictObject({ kind: z.literal('local_design'), design: z.string(), faceToFace: z.boolean() }),
])

export const rrmpEvidenceSchema = z.strictObject({
  riskAssessmentDone: z.boolean(),
  safeSystemOfWorkDone: z.boolean(),
  unionsConsulted: z.boolean(),
})

export const rrmpActionItemSchema = z.strictObject({
  id: z.string().min(1),
  action: z.string(),
  owner: z.string(),
  targetDate: isoDateSchema.nullable(),
  status: z.enum(RRMP_ACTION_STATUSES),
  progressUpdates: z.array(z.strictObject({ date: isoDateSchema, note: z.string() })),
})

export const rrmpPlanEntrySchema = z.strictObject({
  baselineId: z.string().min(1),
  status: z.enum(RRMP_STATUSES),
  notApplicableReason: z.string().nullable(),
  delivery: rrmpDeliveryChoiceSchema.nullable(),
  owner: z.string(),
  targetDate: isoDateSchema.nullable(),
  resourcingNote: z.string(),
  evidence: rrmpEvidenceSchema,
  comments: z.string(),
  actionItems: z.array(rrmpActionItemSchema),
})

// Compile-time proof that the schema and the written-out types describe the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _entryShapeMatches: Same<z.infer<typeof rrmpPlanEntrySchema>, RrmpPlanEntry> = true
void _entryShapeMatches

/** A fresh entry for a baseline: not started, nothing chosen, no evidence yet. */
export function emptyPlanEntry(baselineId: string): RrmpPlanEntry {
  return {
    baselineId,
    status: 'not_started',
    notApplicableReason: null,
    delivery: null,
    owner: '',
    targetDate: null,
    resourcingNote: '',
    evidence: { riskAssessmentDone: false, safeSystemOfWorkDone: false, unionsConsulted: false },
    comments: '',
    actionItems: [],
  }
}
