import { z } from 'zod'
import { channel, type Domain } from '../define'

// Per-user preferences. Until user accounts exist every preference belongs to the local user.

export const caseloadViewSchema = z
  .object({
    /** Whose caseload: a POM's staff id, or null for every case. */
    pomId: z.number().int().positive().nullable(),
    status: z.array(z.enum(['overdue', 'due', 'met', 'missed', 'not_applicable'])).max(5),
    responsibility: z.array(z.enum(['pom', 'pom_with_com', 'com'])).max(3),
    cohorts: z.array(z.string().max(60)).max(10),
    /** Only cases whose next minimum is due within this many days (null: any). */
    dueWithinDays: z.number().int().min(0).max(3650).nullable(),
    search: z.string().max(100),
    sort: z.object({ column: z.enum(['priority', 'name', 'dueBy', 'status', 'responsibility', 'handover']), direction: z.enum(['asc', 'desc']) }),
  })
  .strict()
export type CaseloadView = z.infer<typeof caseloadViewSchema>

export { DEFAULT_CASELOAD_VIEW } from '../values'

export const prefs = {
  getCaseloadView: channel({ doc: 'The saved caseload view (filters, search, sort).', kind: 'query', input: z.object({}).strict(), output: caseloadViewSchema }),
  setCaseloadView: channel({ doc: 'Save the caseload view.', kind: 'mutation', input: caseloadViewSchema, output: caseloadViewSchema }),
} satisfies Domain
