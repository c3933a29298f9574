import { z } from 'zod'
import { isoDate } from '../schemas'

// Value lists and field schemas of the caseload domain (issue 5). Messages reach the user.

export { POM_ROLES, PRISONER_STATUSES, ROSH_LEVELS, SECURITY_CATEGORIES, SENTENCE_TYPES, SESSION_MODES, STAFF_ROLES, type SessionMode, type StaffRole } from '../values'

export const prisonNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{4}[A-Z]{2}$/, 'Enter the prison number in NOMIS format: a letter, four digits and two letters, for example A1234BC.')

export const personName = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(60, `Keep the ${label} to 60 characters or fewer.`)
    // Names end up in spreadsheets: a leading formula character could run as a formula there.
    .refine((v) => !/^[=+\-@]/.test(v), `The ${label} must not start with =, +, - or @.`)

export const optionalDate = isoDate.nullable().optional()

export const tier = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-D][0-3]$/, 'Enter the tier as a letter A to D and a number 0 to 3, for example B2.')
  .nullable()
  .optional()

/**
 * Issue 16: where the prisoner is held, wing and cell as NOMIS shows them (e.g. "B-2-014"). Blank
 * is stored as no location (prisonerValues); it is exported to spreadsheets, so no leading formula character.
 */
export const prisonLocation = z
  .string()
  .trim()
  .max(40, 'Keep the location to 40 characters or fewer.')
  .refine((v) => !/^[=+\-@]/.test(v), 'The location must not start with =, +, - or @.')
  .nullable()
  .optional()

export const mappaLevel = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], 'Choose MAPPA level 0, 1, 2 or 3.').nullable().optional()

export const id = z.number().int('Choose a record.').positive('Choose a record.')
