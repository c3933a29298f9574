import { z } from 'zod'
import { channel, type Domain } from '../define'
import { confirmingPassword, empty } from '../schemas'

// EDM catalogues (issue 4): the shipped OMU and Probation Supervision EDMs, and further catalogues
// (a new EDM version or another regime element) imported through Settings after validation.

export const catalogSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  publisher: z.string(),
  baselines: z.number(),
  stages: z.number(),
  shipped: z.boolean(),
  importedAt: z.string().nullable(),
})
export type CatalogSummary = z.infer<typeof catalogSummarySchema>

const fileText = z.string().min(1, 'The file is empty.').max(5_000_000, 'The file is larger than 5 MB: a catalogue is far smaller. Check it is the right file.')

export const catalogs = {
  list: channel({ doc: 'Every EDM catalogue available: shipped ones first, then imported ones.', kind: 'query', input: empty, output: z.array(catalogSummarySchema) }),
  check: channel({
    doc: 'Validates a catalogue file and lists every problem (path and reason). Writes nothing.',
    kind: 'query',
    input: z.object({ text: fileText }).strict(),
    output: z.object({ problems: z.array(z.object({ path: z.string(), reason: z.string() })), summary: catalogSummarySchema.nullable() }),
  }),
  import: channel({
    doc: 'Imports a catalogue file after validating it again (the HOMS’s password is asked again: every later RRMP plan may use it); a file with any problem is refused whole, never half-loaded.',
    kind: 'mutation',
    input: z.object({ text: fileText, password: confirmingPassword }).strict(),
    output: catalogSummarySchema,
  }),
} satisfies Domain
