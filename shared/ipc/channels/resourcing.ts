import { z } from 'zod'
import { channel, type Domain } from '../define'
import { empty, isoDate } from '../schemas'
import { id } from './caseloadValues'

// Resourcing plan (issue 19, "Resourcing plan"): can the OMU staff the target stage over the next
// 12 weeks? The POMs' capacity facts (band, working pattern, availability: issue 17 asks for the
// same), the planned changes to capacity (seed 002 stages 3 to 1: probation staff returning, Band 4
// staff returned to POM roles, leavers, new starters), the HOMS's inputs (receptions a week, the
// hours assumptions), and the projection of shared/engine/resourcing with what-if inputs applied
// without saving anything. Messages are plain sentences: they reach the user.

export const POM_TYPES = ['prison', 'probation'] as const
export const PLANNED_CHANGE_KINDS = ['returning', 'leaving', 'starting', 'hours_changed'] as const
export const AVAILABILITY_STATUSES = ['active', 'unavailable', 'inactive'] as const
const MINIMUM_RULES = ['start_of_custody', 'pre_handover', 'transfer_arrival'] as const
const AT_RISK_REASONS = ['no_pom', 'pom_unavailable', 'shortfall'] as const

const pomType = z.enum(POM_TYPES, 'Choose a prison or a probation POM.')
/** Pay band (seed 002 stage 3: "Prison Band 4 staff"); the engine accepts 1 to 11. */
const band = z.number('Enter the pay band.').int('Enter the pay band as a whole number, for example 4.').min(1, 'Enter a pay band from 1 to 11.').max(11, 'Enter a pay band from 1 to 11.')
/** As staff.save: 1 to 60 hours (the engine's MAX_HOURS_PER_WEEK). */
const hoursPerWeek = z.number('Enter the contracted hours a week.').min(1, 'Enter contracted hours of at least 1 a week.').max(60, 'Enter contracted hours of 60 a week or fewer.')
/** Days worked of the five-day week (the engine's WorkingPattern.daysPerWeek: over 0, at most 5). */
const daysPerWeek = z.number('Enter the days worked a week.').gt(0, 'Enter the days worked a week: more than 0.').max(5, 'Enter the days worked a week: 5 or fewer.')
const note = z.string().trim().max(200, 'Keep the note to 200 characters or fewer.').default('')
const receptionsPerWeek = z.number('Enter the receptions a week.').min(0, 'Enter the receptions a week: 0 or more.').max(10_000, 'Enter the receptions a week: 10,000 or fewer.')

/** A POM's availability: in post and working; away between two dates (with the reason); or inactive (no longer a POM here). */
export const availabilitySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('active') }).strict(),
  z
    .object({
      status: z.literal('unavailable'),
      from: isoDate,
      to: isoDate.nullable().default(null),
      reason: z.string().trim().min(1, 'Enter why the POM is unavailable, for example long-term sickness.').max(200, 'Keep the reason to 200 characters or fewer.'),
    })
    .strict()
    .refine((a) => a.to === null || a.to >= a.from, { message: 'The last day away must not be before the first.', path: ['to'] }),
  z.object({ status: z.literal('inactive') }).strict(),
])
export type Availability = z.infer<typeof availabilitySchema>

/**
 * Issue 17 ("POMs: availability"): a POM's availability today, as availabilityOn works it out
 * (shared/engine/resourcing/pomCaseload.ts): available, away today (last day away and first day
 * back when known), away from a later day, or inactive. The reason stays in Settings › POM capacity.
 */
const awaySpan = { from: z.string(), until: z.string().nullable(), returnsOn: z.string().nullable() }
export const availabilityTodaySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('available') }),
  z.object({ status: z.literal('unavailable'), ...awaySpan }),
  z.object({ status: z.literal('away_from'), ...awaySpan }),
  z.object({ status: z.literal('inactive') }),
])
export type AvailabilityToday = z.infer<typeof availabilityTodaySchema>

/** One POM's capacity facts (a staff record in a POM role). */
export const pomCapacitySchema = z.object({
  staffId: z.number(),
  name: z.string(),
  type: pomType,
  band: z.number(),
  hoursPerWeek: z.number(),
  daysPerWeek: z.number(),
  availability: availabilitySchema,
})
export type PomCapacityFacts = z.infer<typeof pomCapacitySchema>

export const plannedChangeSchema = z.object({
  id: z.number(),
  kind: z.enum(PLANNED_CHANGE_KINDS),
  date: z.string(),
  /** The POM on the staff list, or null for a new starter. */
  staffId: z.number().nullable(),
  /** The POM's name, or the new starter's label. */
  name: z.string(),
  pomType: pomType.nullable(),
  band: z.number().nullable(),
  hoursPerWeek: z.number().nullable(),
  daysPerWeek: z.number().nullable(),
  note: z.string(),
})
export type PlannedChangeRow = z.infer<typeof plannedChangeSchema>

/** The hours assumptions (shared/engine/resourcing/assumptions.ts), each optional: an override of the default. */
export const assumptionOverridesSchema = z
  .object({
    hoursPerSupervisionSession: z.number().min(0, 'Enter hours of 0 or more.').max(24, 'Enter 24 hours or fewer a session.').optional(),
    hoursPerHandover: z.number().min(0, 'Enter hours of 0 or more.').max(100, 'Enter 100 hours or fewer a handover.').optional(),
    hoursPerAllocation: z.number().min(0, 'Enter hours of 0 or more.').max(100, 'Enter 100 hours or fewer an allocation.').optional(),
    receptionShareNeedingStartOfCustody: z.number().min(0, 'Enter a share from 0 to 1.').max(1, 'Enter a share from 0 to 1.').optional(),
    caseManagementHoursPerCasePerWeek: z.number().min(0, 'Enter hours of 0 or more.').max(40, 'Enter 40 hours or fewer a case a week.').optional(),
    taskHoursPerWeek: z.record(z.string().trim().min(1).max(20), z.number().min(0, 'Enter hours of 0 or more.').max(10_000, 'Enter 10,000 hours or fewer a week.')).optional(),
  })
  .strict()
export type AssumptionOverrides = z.infer<typeof assumptionOverridesSchema>

export const assumptionsSchema = z.object({
  hoursPerSupervisionSession: z.number(),
  hoursPerHandover: z.number(),
  hoursPerAllocation: z.number(),
  receptionShareNeedingStartOfCustody: z.number(),
  caseManagementHoursPerCasePerWeek: z.number(),
  taskHoursPerWeek: z.record(z.string(), z.number()),
})

/** The HOMS's resourcing inputs, kept as an establishment setting. */
export const resourcingInputsSchema = z.object({
  receptionsPerWeek: receptionsPerWeek,
  assumptions: assumptionOverridesSchema.default({}),
})
export type ResourcingInputs = z.infer<typeof resourcingInputsSchema>

/** What-if inputs: answered at once, never saved (issue 19: "what-if inputs (add a POM, change receptions) that recompute at once"). */
export const whatIfSchema = z
  .object({
    extraPoms: z.array(z.object({ type: pomType, hoursPerWeek, daysPerWeek: daysPerWeek.default(5) }).strict()).max(50, 'Add 50 POMs or fewer at a time.').default([]),
    receptionsPerWeek: receptionsPerWeek.optional(),
    assumptions: assumptionOverridesSchema.optional(),
  })
  .strict()
export type WhatIf = z.infer<typeof whatIfSchema>

const breakdownSchema = z.object({
  supervisionSessions: z.number(),
  supervisionHours: z.number(),
  handovers: z.number(),
  handoverHours: z.number(),
  allocations: z.number(),
  allocationHours: z.number(),
  caseManagementHours: z.number(),
  taskHours: z.number(),
  hours: z.number(),
})
const byType = z.object({ prison: z.number(), probation: z.number(), total: z.number() })

export const resourcingWeekSchema = z.object({
  index: z.number(),
  start: z.string(),
  end: z.string(),
  needed: z.object({ prison: breakdownSchema, probation: breakdownSchema, shared: breakdownSchema, total: z.number() }),
  available: byType,
  shortfall: byType,
  inShortfall: z.object({ prison: z.boolean(), probation: z.boolean() }),
  flagged: z.boolean(),
})

export const caseAtRiskSchema = z.object({
  prisonerId: z.number(),
  prisonNumber: z.string(),
  name: z.string(),
  pomName: z.string().nullable(),
  rule: z.enum(MINIMUM_RULES),
  required: z.number(),
  achieved: z.number(),
  outstanding: z.number(),
  dueBy: z.string(),
  weeks: z.array(z.number()),
  reasons: z.array(z.enum(AT_RISK_REASONS)),
})
export type CaseAtRiskRow = z.infer<typeof caseAtRiskSchema>

/** The resourcing plan at `today`: the projection, with names, and what it was worked out from. */
export const resourcingPlanSchema = z.object({
  today: z.string(),
  currentStage: z.string(),
  targetStage: z.string(),
  /** The saved inputs; `saved` false: none saved yet (receptions 0, default assumptions). */
  inputs: resourcingInputsSchema.extend({ saved: z.boolean() }),
  /** True when what-if inputs changed this answer (nothing was saved). */
  whatIf: z.boolean(),
  receptionsPerWeek: z.number(),
  assumptions: assumptionsSchema,
  defaultAssumptions: assumptionsSchema,
  weeks: z.array(resourcingWeekSchema),
  poms: z.array(z.object({ key: z.string(), name: z.string(), type: pomType, hours: z.array(z.number()) })),
  tasks: z.array(z.object({ id: z.string(), text: z.string(), source: z.enum(['stage_item', 'baseline']), hoursPerWeek: z.number() })),
  atRisk: z.array(caseAtRiskSchema),
  summary: z.object({ weeksFlagged: z.number(), shortfallHours: byType, casesAtRisk: z.number() }),
  /** Cases in custody in the projection, and those left out because their dates could not be evaluated. */
  cases: z.number(),
  notEvaluated: z.number(),
})
export type ResourcingPlan = z.infer<typeof resourcingPlanSchema>

/** The POM a planned change is about: a record id as `id`, said as the form asks it (issue 16: "Choose a POM.", not "Choose a record."). */
const pomId = z.number('Choose a POM.').int('Choose a POM.').positive('Choose a POM.')

export const addChangeInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('returning'), staffId: pomId, date: isoDate, note }).strict(),
  z.object({ kind: z.literal('leaving'), staffId: pomId, date: isoDate, note }).strict(),
  z.object({ kind: z.literal('hours_changed'), staffId: pomId, date: isoDate, hoursPerWeek, daysPerWeek: daysPerWeek.nullable().default(null), note }).strict(),
  z
    .object({
      kind: z.literal('starting'),
      date: isoDate,
      name: z.string().trim().min(1, 'Enter a name or label for the new starter, for example New probation POM.').max(60, 'Keep the name to 60 characters or fewer.'),
      pomType,
      band: band.default(4),
      hoursPerWeek,
      daysPerWeek: daysPerWeek.default(5),
      note,
    })
    .strict(),
])
export type AddChangeInput = z.input<typeof addChangeInput>

export const resourcing = {
  get: channel({
    doc: 'The resourcing plan for the next 12 weeks at the target stage; what-if inputs (extra POMs, receptions, assumptions) are applied to this answer only, never saved.',
    kind: 'query',
    input: z.object({ whatIf: whatIfSchema.optional() }).strict(),
    output: resourcingPlanSchema,
  }),
  capacity: channel({
    doc: 'Every POM’s capacity facts (band, working pattern, availability) and the planned changes to capacity.',
    kind: 'query',
    input: empty,
    output: z.object({ poms: z.array(pomCapacitySchema), changes: z.array(plannedChangeSchema) }),
  }),
  savePom: channel({
    doc: 'Change a POM’s capacity facts: band, contracted hours, days worked a week, and availability (active, unavailable between dates with the reason, or inactive).',
    kind: 'mutation',
    input: z.object({ staffId: id, band, hoursPerWeek, daysPerWeek, availability: availabilitySchema }).strict(),
    output: pomCapacitySchema,
  }),
  addChange: channel({
    doc: 'Plan a change to capacity: a POM returning, leaving or changing hours, or a new starter.',
    kind: 'mutation',
    input: addChangeInput,
    output: plannedChangeSchema,
  }),
  removeChange: channel({ doc: 'Remove a planned change.', kind: 'mutation', input: z.object({ id }).strict(), output: z.object({ id: z.number() }) }),
  saveInputs: channel({
    doc: 'Save the resourcing inputs (HOMS): receptions a week and the hours assumptions that replace the defaults.',
    kind: 'mutation',
    input: resourcingInputsSchema.strict(),
    output: resourcingInputsSchema,
  }),
} satisfies Domain
