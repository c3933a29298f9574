import { z } from 'zod'
import { channel, type Domain } from '../define'
import { confirmingPassword, empty, policySchema, stageSchema } from '../schemas'

import { establishmentCategories } from '../values'

export { establishmentCategories }

export const establishmentSchema = z.object({
  name: z.string(),
  code: z.string(),
  category: z.enum(establishmentCategories),
  currentStage: stageSchema,
  targetStage: stageSchema,
  /** Which OMiC handover policy the case engine applies here (issue 3: chosen in Settings). */
  policy: policySchema,
  updatedAt: z.string(),
})
export type Establishment = z.infer<typeof establishmentSchema>

const name = z
  .string()
  .trim()
  .min(2, 'Enter the establishment name (at least 2 characters).')
  .max(100, 'Keep the establishment name to 100 characters or fewer.')
const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Enter the three-letter establishment code, for example LEI.')

export const establishmentSetupInput = z
  .object({
    name,
    code,
    category: z.enum(establishmentCategories, 'Choose the establishment’s category or function.'),
    policy: policySchema.default('omic2021'),
  })
  .strict()

export const establishmentUpdateInput = z
  .object({
    name: name.optional(),
    code: code.optional(),
    category: z.enum(establishmentCategories, 'Choose the establishment’s category or function.').optional(),
    currentStage: stageSchema.optional(),
    targetStage: stageSchema.optional(),
    policy: policySchema.optional(),
    /** The HOMS's own password again (issue 15); checked by the dispatcher, never stored. */
    password: confirmingPassword,
  })
  .strict()

export const establishment = {
  get: channel({
    doc: 'The establishment this installation serves, or null before first-run set-up.',
    kind: 'query',
    input: empty,
    output: establishmentSchema.nullable(),
  }),
  setup: channel({
    doc: 'First run: record the establishment name, code and category. Refused once set up (use update).',
    kind: 'mutation',
    input: establishmentSetupInput,
    output: establishmentSchema,
  }),
  update: channel({
    doc: 'Change establishment details, EDM stages or the handover policy (the HOMS’s password is asked again).',
    kind: 'mutation',
    input: establishmentUpdateInput,
    output: establishmentSchema,
  }),
} satisfies Domain
