import { z } from 'zod'
import { channel, type Domain } from '../define'

// CSV import of prisoners and sessions (issue 5). The whole file is validated first and every bad
// row reported; nothing is written until the user confirms the good rows, then in one transaction.

import { MAX_CSV_CHARS } from '../values'

export { MAX_CSV_CHARS }

// Issue 17: 'comDetails', the COM's details per case (keyed by prison number), and 'allocations',
// each case's POM (a reallocation when the case has another); both all or nothing.
export const importKind = z.enum(['prisoners', 'sessions', 'comDetails', 'allocations'], 'Choose what the file holds: prisoners, sessions, COM details or allocations.')
export type ImportKind = z.infer<typeof importKind>

const csvText = z
  .string()
  .min(1, 'The file is empty.')
  .max(MAX_CSV_CHARS, 'The file is larger than 10 MB. Split it into smaller files and import each.')

export const importProblemSchema = z.object({ row: z.number(), column: z.string().nullable(), reason: z.string() })
export type ImportProblem = z.infer<typeof importProblemSchema>

export const importPreviewSchema = z.object({
  kind: importKind,
  totalRows: z.number(),
  /** Rows that will be written when confirmed: new records. */
  newRows: z.number(),
  /** Rows for prison numbers already held: each with what would change. */
  updates: z.array(z.object({ row: z.number(), prisonNumber: z.string(), changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })) })),
  /** Rows that match the existing record exactly (nothing to do). */
  unchanged: z.number(),
  problems: z.array(importProblemSchema),
  /**
   * Issue 17 ("imports that never lose data"): the optional columns the file leaves out. For a
   * record already held each keeps what is recorded; only a column in the file changes it.
   */
  columnsNotInFile: z.array(z.string()),
})
export type ImportPreview = z.infer<typeof importPreviewSchema>

export const caseImport = {
  preview: channel({
    doc: 'Validate a CSV file completely and say what importing it would do. Writes nothing.',
    kind: 'query',
    input: z.object({ kind: importKind, text: csvText }).strict(),
    output: importPreviewSchema,
  }),
  commit: channel({
    doc: 'Import the good rows of a CSV file (re-validated) in one transaction; bad rows are skipped and reported again.',
    kind: 'mutation',
    input: z.object({ kind: importKind, text: csvText, applyUpdates: z.boolean().default(false) }).strict(),
    output: z.object({ created: z.number(), updated: z.number(), skipped: z.number() }),
  }),
  saveTemplate: channel({
    doc: 'Save a CSV template with the documented columns and one example row; null when the user cancels.',
    kind: 'query',
    input: z.object({ kind: importKind }).strict(),
    output: z.object({ path: z.string() }).nullable(),
  }),
} satisfies Domain

export const demo = {
  create: channel({
    doc: 'First run: set up a fictional demo establishment (HMP Demoshire) with a generated caseload, deterministic from the seed.',
    kind: 'mutation',
    input: z
      .object({
        prisoners: z.number().int().min(10, 'Generate at least 10 prisoners.').max(20_000, 'Generate at most 20,000 prisoners.').default(1200),
        seed: z.number().int().min(0).max(2 ** 31).default(1),
      })
      .strict(),
    output: z.object({ prisoners: z.number(), staff: z.number(), sessions: z.number() }),
  }),
} satisfies Domain
