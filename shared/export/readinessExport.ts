// The readiness assessment export, JSON schema version 2 (issue 6, "Readiness assessment export";
// version 2: issue 19).
// One document carries everything the PDF and the XLSX show, so the three formats cannot drift:
// the main process builds it once (electron/services/export/document.ts) and each writer renders
// it. Another installation imports the JSON read-only for comparison (a PGD comparing several
// establishments). Documented in README.md ("Readiness export, JSON schema").
//
// Compatibility: readers ignore fields they do not know; anything that would change the meaning of
// an existing field bumps `schemaVersion`, and a reader refuses a version it does not know.
// Sessions' notes are never part of it: the caseload section holds counts only.
//
// Version 2 (issue 19) because version 1 changed meaning without a bump (issue 16 narrowed the
// caseload's `overdue` to "past the due date by at most missedAfterDays" and added an optional
// `missed`; a version 1 file made before that counts missed minima as overdue). Version 2 makes
// `missed` required, adds the transfer-arrival minimum, handovers due and the resourcing section.
// A version 1 file is still read: normaliseReadiness gives it version 2's shape, with `missed`,
// transfer arrival and handovers due unknown (null) and no resourcing section; screens say so.
import { z } from 'zod'
import { RRMP_ACTION_STATUSES, RRMP_STATUSES, SIGN_OFF_STAGES } from '../engine/index'
import { resourcingSummarySchema } from './resourcingSummary'

export const READINESS_EXPORT_FORMAT = 'omu-desk/readiness-assessment'
/** The version this app writes. */
export const READINESS_EXPORT_SCHEMA_VERSION = 2
/** The versions this app reads (imports of other establishments' files). */
export const READABLE_SCHEMA_VERSIONS = [1, 2] as const

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

const count = z.number().int().min(0)

const minimumBase = z.object({
  /** POM-responsible cases the minimum applies to (status other than not applicable). */
  applicable: z.number().int().min(0),
  met: z.number().int().min(0),
  due: z.number().int().min(0),
  /** Unmet, past the due date by at most the establishment's missedAfterDays (issue 16): still to act on. */
  overdue: z.number().int().min(0),
  /**
   * Cases meeting the minimum: met, or still within its window (due); an overdue or missed case is
   * not meeting it. (met + due) / applicable as a whole percentage rounded down; null when none applies.
   */
  percentMeeting: percent.nullable(),
})
/** Unmet, past the due date by more than missedAfterDays (issue 16): history, not met. Required from version 2. */
const minimumSummary = minimumBase.extend({ missed: count })
/** Version 1: `missed` was added within version 1, so files made before it lack it (their overdue held both). */
const minimumSummaryV1 = minimumBase.extend({ missed: count.optional() })
/** As read from either version: null when the file does not say (a version 1 file made before issue 16). */
const minimumSummaryRead = minimumBase.extend({ missed: count.nullable() })

/** Handovers starting soon: cases whose COM is allocated (the handover starts) after the date and within `days` of it. */
const handoversDueSchema = z.object({ days: count, cases: count })

const caseloadBase = z.object({
  asOf: isoDateText,
  policy: z.string(),
  /** Prisoners in custody with a case record. */
  cases: z.number().int().min(0),
  /** Cases the case engine could not evaluate (a date missing or inconsistent); left out of the figures below. */
  notEvaluated: z.number().int().min(0),
  byResponsibility: z.object({ pom: z.number().int().min(0), pomWithCom: z.number().int().min(0), com: z.number().int().min(0) }),
  /** POM responsible (with or without COM support in the handover period). */
  pomResponsible: z.number().int().min(0),
  /**
   * Issue 17 (added within version 2; absent from files made before): cases whose responsibility a
   * HOMD has overridden on `asOf`, by the override's answer. `byResponsibility` and every figure
   * above stay the engine's own answer (../shared/specs/mpc-rules.md A.1: overrides play no part).
   */
  overrides: z.object({ pom: z.number().int().min(0), com: z.number().int().min(0) }).optional(),
  overdue: z.object({
    startOfCustody: z.number().int().min(0),
    preHandover: z.number().int().min(0),
    transferArrival: z.number().int().min(0),
    /** Cases with at least one overdue minimum (missed ones, issue 16, are not counted here). */
    cases: z.number().int().min(0),
  }),
  lateRecords: z.number().int().min(0),
})

export const caseloadSummarySchema = caseloadBase.extend({
  startOfCustody: minimumSummary,
  preHandover: minimumSummary,
  /** Version 2: the 14-working-day transfer arrival minimum, as the other two (POM-responsible cases). */
  transferArrival: minimumSummary,
  handoversDue: handoversDueSchema,
})
export type CaseloadSummary = z.infer<typeof caseloadSummarySchema>
export type MinimumSummary = z.infer<typeof minimumSummary>

const caseloadSummaryV1Schema = caseloadBase.extend({ startOfCustody: minimumSummaryV1, preHandover: minimumSummaryV1 })

/** The caseload section as read from either version (nulls: not in a version 1 file). */
export const caseloadReadSchema = caseloadBase.extend({
  startOfCustody: minimumSummaryRead,
  preHandover: minimumSummaryRead,
  transferArrival: minimumSummaryRead.nullable(),
  handoversDue: handoversDueSchema.nullable(),
})
export type CaseloadRead = z.infer<typeof caseloadReadSchema>
export type MinimumRead = z.infer<typeof minimumSummaryRead>

const documentBase = z.object({
  format: z.literal(READINESS_EXPORT_FORMAT),
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
})

/** Version 2, the file this app writes. `resourcing` is null when the establishment has no resourcing plan. */
export const readinessExportSchema = documentBase.extend({
  schemaVersion: z.literal(READINESS_EXPORT_SCHEMA_VERSION),
  caseload: caseloadSummarySchema,
  resourcing: resourcingSummarySchema.nullable(),
})
export type ReadinessExport = z.infer<typeof readinessExportSchema>

/** Version 1 (issue 6), as files made by earlier versions of the app hold it. */
export const readinessExportV1Schema = documentBase.extend({
  schemaVersion: z.literal(1),
  caseload: caseloadSummaryV1Schema,
})
export type ReadinessExportV1 = z.infer<typeof readinessExportV1Schema>

/**
 * A readiness document of either version in version 2's shape (normaliseReadiness): what the
 * comparison and the Group view read. `schemaVersion` stays the file's own, so a screen can say
 * "not in a version 1 export" where a figure is null. Every version 2 document is one as it is.
 */
export const readinessDocumentSchema = documentBase.extend({
  schemaVersion: z.union([z.literal(1), z.literal(2)]),
  caseload: caseloadReadSchema,
  resourcing: resourcingSummarySchema.nullable(),
})
export type ReadinessDocument = z.infer<typeof readinessDocumentSchema>

/** Version 1 in version 2's shape: missed (when absent), transfer arrival and handovers due unknown; no resourcing section. */
export function normaliseReadiness(doc: ReadinessExport | ReadinessExportV1): ReadinessDocument {
  if (doc.schemaVersion === READINESS_EXPORT_SCHEMA_VERSION) return doc
  const c = doc.caseload
  const minimum = (m: z.infer<typeof minimumSummaryV1>): MinimumRead => ({ ...m, missed: m.missed ?? null })
  return {
    ...doc,
    caseload: { ...c, startOfCustody: minimum(c.startOfCustody), preHandover: minimum(c.preHandover), transferArrival: null, handoversDue: null },
    resourcing: null,
  }
}

/** Why a file is not a readable readiness export, before its fields are checked. */
export type ReadinessFileProblem = { kind: 'not_an_export' } | { kind: 'unknown_version'; version: unknown }

/**
 * Parses a readiness export by its `schemaVersion` (each version against its own schema), or
 * says why it cannot: not an export, a version this app does not read, or the fields' problems.
 */
export function parseReadinessFile(raw: unknown): { ok: true; file: ReadinessExport | ReadinessExportV1 } | { ok: false; problem: ReadinessFileProblem } | { ok: false; error: z.ZodError } {
  const head = raw as { format?: unknown; schemaVersion?: unknown } | null
  if (head === null || typeof head !== 'object' || head.format !== READINESS_EXPORT_FORMAT) return { ok: false, problem: { kind: 'not_an_export' } }
  switch (head.schemaVersion) {
    case 1: {
      const r = readinessExportV1Schema.safeParse(raw, { reportInput: true })
      return r.success ? { ok: true, file: r.data } : { ok: false, error: r.error }
    }
    case 2: {
      const r = readinessExportSchema.safeParse(raw, { reportInput: true })
      return r.success ? { ok: true, file: r.data } : { ok: false, error: r.error }
    }
    default:
      return { ok: false, problem: { kind: 'unknown_version', version: head.schemaVersion } }
  }
}
export type ExportBaseline = z.infer<typeof exportBaselineSchema>
export type ExportArea = z.infer<typeof exportAreaSchema>
