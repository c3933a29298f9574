// Readiness assessment (issue 6): the sign-off decisions after the HOMS submits (Governor, PGD,
// Prison Gold, DIB, Probation Gold: seed 002 "Regime Recovery Management Plans- RRMP"), the OMU
// caseload summary, the exports (PDF, XLSX, JSON) and other establishments' JSON exports imported
// read-only for comparison.
import { z } from 'zod'
import { channel, type Domain } from '../define'
import { empty } from '../schemas'
import { caseloadSummarySchema, readinessDocumentSchema, readinessExportSchema } from '../../export/readinessExport'
import { planVersionSchema, signingPassword } from './rrmp'

const id = z.number().int().positive()

export const EXPORT_FORMATS = ['pdf', 'xlsx', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const exportResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), path: z.string(), bytes: z.number().int(), durationMs: z.number() }),
  /** The user cancelled the save dialog: nothing was written. */
  z.object({ saved: z.literal(false) }),
])
export type ExportResult = z.infer<typeof exportResultSchema>

/** An imported export, in version 2's shape whatever its file's version (normaliseReadiness; `document.schemaVersion` is the file's). */
export const comparisonSchema = z.object({ id, importedAt: z.string(), document: readinessDocumentSchema })
export type Comparison = z.infer<typeof comparisonSchema>

export const readiness = {
  decide: channel({
    doc: 'Records the next sign-off step on the latest submitted version (Governor, password asked again): approved, or returned with comments. `by` defaults to the signed-in user, `role` to the route step’s role; the date is today.',
    kind: 'mutation',
    input: z
      .object({
        versionId: id,
        /** The step being recorded (SIGN_OFF_STAGES after 'submit'); must be the one the route awaits. */
        stage: z.enum(['governor', 'pgd', 'prison_gold', 'dib', 'probation_gold']),
        decision: z.enum(['approved', 'returned']),
        /** The signed-in Governor's password again (issue 7); checked by the dispatcher, never stored. */
        password: signingPassword,
        /** Who made the decision; defaults to the signed-in user (the Governor records the later steps' decisions). */
        by: z.string().trim().max(100, 'Keep the name to 100 characters or fewer.').optional(),
        role: z.string().trim().max(100, 'Keep the role to 100 characters or fewer.').optional(),
        comments: z.string().trim().max(4000, 'Keep the comments to 4,000 characters or fewer.').optional(),
      })
      .strict(),
    output: planVersionSchema,
  }),
  document: channel({
    doc: 'The readiness assessment of a plan version exactly as the exports carry it (JSON schema version 2), for the preview and the side-by-side comparison.',
    kind: 'query',
    input: z.object({ versionId: id }).strict(),
    output: readinessExportSchema,
  }),
  caseload: channel({
    doc: 'The OMU caseload summary from the case engine: cases by responsibility, % of POM-responsible cases meeting the start-of-custody and pre-handover minima, overdue counts.',
    kind: 'query',
    input: empty,
    output: caseloadSummarySchema,
  }),
  export: channel({
    doc: 'Exports the readiness assessment of a plan version as PDF (A4), XLSX or JSON (schema version 2) to a file the user chooses; written atomically; never includes session notes.',
    kind: 'query',
    input: z.object({ versionId: id, format: z.enum(EXPORT_FORMATS) }).strict(),
    output: exportResultSchema,
  }),
  importComparison: channel({
    doc: 'Imports another establishment’s JSON readiness export (schema version 1 or 2), read-only, to compare side by side. The file is validated first; every problem is listed.',
    kind: 'mutation',
    input: z
      .object({
        fileName: z.string().max(260),
        text: z.string().min(1, 'The file is empty.').max(10_000_000, 'The file is too large to be a readiness export (over 10 MB).'),
      })
      .strict(),
    output: comparisonSchema,
  }),
  comparisons: channel({
    doc: 'Imported readiness exports from other establishments (read-only), newest first.',
    kind: 'query',
    input: empty,
    output: z.array(comparisonSchema),
  }),
  removeComparison: channel({
    doc: 'Removes an imported comparison from this installation (the other establishment’s file is untouched).',
    kind: 'mutation',
    input: z.object({ id }).strict(),
    output: z.object({ removed: z.boolean() }),
  }),
} satisfies Domain
