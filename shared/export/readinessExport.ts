// The readiness assessment export, JSON schema version 1 (issue 6, "Readiness assessment export").
// One document carries everything the PDF and the XLSX show, so the three formats cannot drift:
// the main process builds it once (electron/services/export/document.ts) and each writer renders
// it. Another installation imports the JSON read-only for comparison (a PGD comparing several
// establishments). Documented in README.md ("Readiness export, JSON schema").
//
// Compatibility: readers ignore fields they do not know; anything that would change the meaning of
// an existing field bumps `schemaVersion`, and a reader refuses a version it does not know.
// Sessions' notes are never part of it: the caseload section holds counts only.
import { z } from 'zod'
import { RRMP_ACTION_STATUSES, RRMP_STATUSES, SIGN_OFF_STAGES } from '../engine/index'

export const READINESS_EXPORT_FORMAT = 'omu-desk/readiness-assessment'
export const READINESS_EXPORT_SCHEMA_VERSION = 1

const isoDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
const stage = z.number().int().min(1).max(4)
const percent = z.number().min(0).max(100)

export const exportActionItemSchema = z.object({
  id: z.string(),
  action: z.string(),
  owner: z.string(),
  targetDate: isoDateText.nullable(),
  status: z.enum(RRMP_ACTION_STATUSES),
  progressUpdates: z.array(z.object({ date: isoDateText, note: z.string() })),
})

export const exportBaselineSchema = z.object({
  id: z.string(),
  areaId: z.string(),
  areaTitle: z.string(),
  text: z.string(),
  weighting: z.number().int().nullable(),
  autonomy: z.enum(['total', 'partial', 'limited']).nullable(),
  mandatory: z.boolean(),
  faceToFace: z.boolean(),
  /** Position in the order to work in (sequencePlan); null when validly not applicable. */
  sequence: z.number().int().nullable(),
  status: z.enum(RRMP_STATUSES),
  /** The readiness test's answer (assessReadiness). */
  readiness: z.enum(['ready', 'not_ready', 'not_applicable']),
  reasons: z.array(z.string()),
  delivery: z.object({ kind: z.enum(['as_stipulated', 'option', 'local_design', 'not_chosen']), optionId: z.string().nullable(), text: z.string() }),
  notApplicableReason: z.string().nullable(),
  owner: z.string(),
  targetDate: isoDateText.nullable(),
  resourcingNote: z.string(),
  evidence: z.object({ riskAssessmentDone: z.boolean(), safeSystemOfWorkDone: z.boolean(), unionsConsulted: z.boolean() }),
  comments: z.string(),
  actionItems: z.array(exportActionItemSchema),
})

export const exportAreaSchema = z.object({
  id: z.string(),
  title: z.string(),
  ready: z.number().int().min(0),
  notReady: z.number().int().min(0),
  notApplicable: z.number().int().min(0),
  /** Weighted score of the area's applicable mandatory baselines (as the overall score). */
  achieved: z.number().min(0),
  possible: z.number().min(0),
  percent,
})

export const exportSignOffStepSchema = z.object({
  stage: z.enum(SIGN_OFF_STAGES),
  by: z.string(),
  role: z.string(),
  date: isoDateText,
  decision: z.enum(['submitted', 'approved', 'returned']),
  comments: z.string().nullable(),
})

const minimumSummary = z.object({
  /** POM-responsible cases the minimum applies to (status other than not applicable). */
  applicable: z.number().int().min(0),
  met: z.number().int().min(0),
  due: z.number().int().min(0),
  /** Unmet, past the due date by at most the establishment's missedAfterDays (issue 16): still to act on. */
  overdue: z.number().int().min(0),
  /**
   * Unmet, past the due date by more than missedAfterDays (issue 16): history, not met. Added within
   * version 1, so absent from files made before it (where overdue held both).
   */
  missed: z.number().int().min(0).optional(),
  /**
   * Cases meeting the minimum: met, or still within its window (due); an overdue or missed case is
   * not meeting it. (met + due) / applicable as a whole percentage rounded down; null when none applies.
   */
  percentMeeting: percent.nullable(),
})

export const caseloadSummarySchema = z.object({
  asOf: isoDateText,
  policy: z.string(),
  /** Prisoners in custody with a case record. */
  cases: z.number().int().min(0),
  /** Cases the case engine could not evaluate (a date missing or inconsistent); left out of the figures below. */
  notEvaluated: z.number().int().min(0),
  byResponsibility: z.object({ pom: z.number().int().min(0), pomWithCom: z.number().int().min(0), com: z.number().int().min(0) }),
  /** POM responsible (with or without COM support in the handover period). */
  pomResponsible: z.number().int().min(0),
  startOfCustody: minimumSummary,
  preHandover: minimumSummary,
  overdue: z.object({
    startOfCustody: z.number().int().min(0),
    preHandover: z.number().int().min(0),
    transferArrival: z.number().int().min(0),
    /** Cases with at least one overdue minimum (missed ones, issue 16, are not counted here). */
    cases: z.number().int().min(0),
  }),
  lateRecords: z.number().int().min(0),
})
export type CaseloadSummary = z.infer<typeof caseloadSummarySchema>

export const readinessExportSchema = z.object({
  format: z.literal(READINESS_EXPORT_FORMAT),
  schemaVersion: z.literal(READINESS_EXPORT_SCHEMA_VERSION),
  /** When the file was made (ISO instant) and the calendar date it speaks for (Europe/London). */
  exportedAt: z.string(),
  asOf: isoDateText,
  establishment: z.object({ name: z.string(), code: z.string(), category: z.string() }),
  /** Case engine policy (OMiC 2021 or 2023) the caseload figures were worked out under. */
  policy: z.string(),
  catalogue: z.object({ id: z.string(), title: z.string(), version: z.string(), source: z.string() }),
  plan: z.object({
    version: z.number().int().min(1),
    basedOnVersion: z.number().int().nullable(),
    currentStage: stage,
    targetStage: stage,
    status: z.enum(['draft', 'in_sign_off', 'returned', 'signed_off']),
    statusText: z.string(),
    lastChanged: z.string(),
  }),
  readiness: z.object({
    overall: z.enum(['ready', 'not_ready']),
    achieved: z.number().min(0),
    possible: z.number().min(0),
    percent,
    areas: z.array(exportAreaSchema),
    /** Not-ready applicable mandatory baselines, weighting 3 first. */
    blockers: z.array(z.object({ baselineId: z.string(), weighting: z.number().int().nullable(), reasons: z.array(z.string()) })),
    sequencingWarnings: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
  baselines: z.array(exportBaselineSchema),
  signOff: z.object({ statusText: z.string(), steps: z.array(exportSignOffStepSchema) }),
  caseload: caseloadSummarySchema,
})
export type ReadinessExport = z.infer<typeof readinessExportSchema>
export type ExportBaseline = z.infer<typeof exportBaselineSchema>
export type ExportArea = z.infer<typeof exportAreaSchema>
