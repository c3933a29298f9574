import { z } from 'zod'
import { channel, type Domain } from '../define'
import { confirmingPassword, empty, isoDate } from '../schemas'

export const settingsSchema = z.object({
  /** Local closure days added to the England and Wales bank holidays when counting working days (issue 3). */
  extraHolidays: z.array(z.string()),
  /** Years after release before a prisoner's records are due for review and purge (issue 7). */
  retentionYears: z.number(),
  /**
   * Days after a minimum's due date when an unmet one stops being "overdue" (still to act on) and
   * is "missed" (history): EvaluateOptions.missedAfterDays (issue 16, default 28).
   */
  missedAfterDays: z.number(),
  /**
   * Issue 17: how the recommended POM type is worked out (../shared/specs/mpc-rules.md B and E.4):
   * 'tier' (today's national practice, the default) or 'rosh' (by tier and risk of serious harm).
   */
  pomTypeStrategy: z.enum(['tier', 'rosh']),
  /**
   * Issue 17 (../shared/specs/mpc-rules.md D.3 and E.6, settings of section F): enhanced handovers
   * whose handover date is on or after `simplifiedHandoverCutoffDate` have the simplified checklist
   * (review OASys, contact from the COM). Default off, as in MPC.
   */
  simplifiedEnhancedHandover: z.boolean(),
  /** Spec D.3: the first handover date the simplified checklist applies to (default 1 September 2026). */
  simplifiedHandoverCutoffDate: z.string(),
  /** Spec A.1 W: days before the handover starts that a case is "upcoming" (default 56, 8 weeks). */
  upcomingWindowDays: z.number(),
})
export type Settings = z.infer<typeof settingsSchema>

/** The handover settings the handover lists and checklist read (spec section F). */
export type HandoverSettings = Pick<Settings, 'simplifiedEnhancedHandover' | 'simplifiedHandoverCutoffDate' | 'upcomingWindowDays'>

export const settingsUpdateInput = z
  .object({
    extraHolidays: z
      .array(isoDate)
      .max(366, 'Add at most 366 extra holidays.')
      .transform((days) => [...new Set(days)].sort())
      .optional(),
    retentionYears: z.number('Enter the retention period in years.').int('Enter whole years.').min(1, 'Keep records at least 1 year after release.').max(100, 'Enter 100 years or fewer.').optional(),
    missedAfterDays: z.number('Enter the number of days.').int('Enter whole days.').min(1, 'Enter at least 1 day.').max(365, 'Enter 365 days or fewer.').optional(),
    pomTypeStrategy: z.enum(['tier', 'rosh'], 'Choose how the recommended POM type is worked out.').optional(),
    simplifiedEnhancedHandover: z.boolean('Choose whether enhanced handovers use the simplified checklist.').optional(),
    simplifiedHandoverCutoffDate: isoDate.optional(),
    upcomingWindowDays: z.number('Enter the number of days.').int('Enter whole days.').min(1, 'Enter at least 1 day.').max(365, 'Enter 365 days or fewer.').optional(),
    /** The HOMS's own password again (issue 15); checked by the dispatcher, never stored. */
    password: confirmingPassword,
  })
  .strict()

export const settings = {
  get: channel({ doc: 'Installation-wide settings.', kind: 'query', input: empty, output: settingsSchema }),
  update: channel({ doc: 'Change installation-wide settings (the HOMS’s password is asked again).', kind: 'mutation', input: settingsUpdateInput, output: settingsSchema }),
} satisfies Domain
