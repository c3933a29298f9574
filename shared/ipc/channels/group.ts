// The Group view (issue 19, "Group view (Prison Group Director and reviewers)"): establishments
// side by side, this one's live figures with other establishments' readiness exports imported
// read-only (readiness.importComparison), each labelled with its source. Both channels only read:
// nothing here changes any establishment's data. The export writes a file the user chooses.
import { z } from 'zod'
import { channel, type Domain } from '../define'
import { empty } from '../schemas'
import { GROUP_SORT_COLUMNS, groupRowSchema } from '../../export/groupView'
import { exportResultSchema } from './readiness'

export const groupViewSchema = z.object({
  /** The date the live figures are worked out for (Europe/London). */
  today: z.string(),
  /** This establishment first, then the imported exports, newest import first. */
  rows: z.array(groupRowSchema),
  /** Why there is no live row (no establishment set up), in a sentence; null when there is one. */
  liveProblem: z.string().nullable(),
})
export type GroupView = z.infer<typeof groupViewSchema>

export const group = {
  view: channel({
    doc: 'The Group view: this establishment’s live figures (the readiness export’s document of the latest plan version) and every imported readiness export, one row each, labelled with its source and the date each figure is as of.',
    kind: 'query',
    input: empty,
    output: groupViewSchema,
  }),
  export: channel({
    doc: 'Saves the Group view as an XLSX workbook to a file the user chooses, in the order shown; written atomically; changes no data.',
    kind: 'query',
    input: z.object({ column: z.enum(GROUP_SORT_COLUMNS), direction: z.enum(['ascending', 'descending']) }).strict(),
    output: exportResultSchema,
  }),
} satisfies Domain
