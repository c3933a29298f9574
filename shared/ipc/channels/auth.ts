import { z } from 'zod'
import { channel, type Domain } from '../define'
import { confirmingPassword, empty } from '../schemas'

// Users, roles and sign-in (issue 7). The main process enforces every permission; the renderer
// only hides what a role cannot do.

import { USER_ROLES } from '../values'

export { ROLE_NAMES, USER_ROLES, type UserRole } from '../values'

/** Wrong passwords in a row after which an account on this computer's file is locked (issue 15; electron/services/auth/localSignIn.ts). */
export const LOCK_AT = 10

/** Minutes without use after which the app locks and asks for the password again. */
export const LOCK_AFTER_MINUTES = 15

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(USER_ROLES),
  staffId: z.number().nullable(),
  active: z.boolean(),
})
export type User = z.infer<typeof userSchema>

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'Enter a username of 3 to 32 letters, digits, dots, dashes or underscores, starting with a letter.')

/** NCSC guidance: length over complexity rules. */
export const password = z
  .string()
  .min(12, 'Use a password of at least 12 characters (three random words work well).')
  .max(200, 'Use a password of 200 characters or fewer.')

const displayName = z.string().trim().min(2, 'Enter the person’s name.').max(80, 'Keep the name to 80 characters or fewer.')

export const authStatusSchema = z.object({
  /** No user exists yet: the first run creates the first HOMS (administrator). */
  needsFirstUser: z.boolean(),
  user: userSchema.nullable(),
  lockAfterMinutes: z.number(),
  /**
   * Issue 16: the signed-in user must choose a new password before anything else (a HOMS set or
   * reset theirs and asked for it); the renderer shows only the change-password page meanwhile.
   */
  passwordChangeRequired: z.boolean(),
})
export type AuthStatus = z.infer<typeof authStatusSchema>

export const auth = {
  status: channel({ doc: 'Who is signed in, and whether the first user still has to be created.', kind: 'system', input: empty, output: authStatusSchema }),
  createFirstUser: channel({
    doc: 'First run only: create the first user, a HOMS who administers the app, and sign them in.',
    kind: 'system',
    input: z.object({ username, displayName, password }).strict(),
    output: userSchema,
  }),
  signIn: channel({
    doc: 'Sign in with username and password.',
    kind: 'system',
    input: z.object({ username: z.string().trim().toLowerCase().min(1, 'Enter your username.').max(64), password: z.string().min(1, 'Enter your password.').max(200) }).strict(),
    output: userSchema,
  }),
  signOut: channel({ doc: 'Sign out (also used when the app locks after inactivity).', kind: 'system', input: empty, output: z.object({ signedOut: z.boolean() }) }),
  changePassword: channel({
    doc: 'Change your own password; the current one is asked for again.',
    kind: 'system',
    input: z.object({ currentPassword: z.string().min(1, 'Enter your current password.').max(200), newPassword: password }).strict(),
    output: z.object({ changed: z.boolean() }),
  }),
} satisfies Domain

/** A user profile as the HOMS sees it in Settings › Users. */
export const userEntrySchema = userSchema.extend({
  /** Wrong passwords in a row on this computer's file (issue 15); locked from LOCK_AT. Always 0 in the shared database, whose server checks passwords. */
  failedSignIns: z.number(),
  /** Issue 16: must choose their own password at their next sign-in (a HOMS asked for it). */
  passwordChangeRequired: z.boolean(),
})
export type UserEntry = z.infer<typeof userEntrySchema>

export const users = {
  list: channel({ doc: 'Every user profile (HOMS), with their wrong passwords in a row.', kind: 'query', input: empty, output: z.array(userEntrySchema) }),
  unlock: channel({
    doc: 'A HOMS lifts the lock on a user after repeated wrong passwords: the count starts again (issue 15).',
    kind: 'mutation',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: userEntrySchema,
  }),
  save: channel({
    doc: 'Create a user (with a first password) or change one’s name, role, staff link or active state (HOMS, whose own password is asked again).',
    kind: 'system',
    input: z
      .object({
        id: z.number().int().positive().optional(),
        username,
        displayName,
        role: z.enum(USER_ROLES, 'Choose the role.'),
        staffId: z.number().int().positive().nullable().default(null),
        active: z.boolean().default(true),
        /** The new user's first password, or a new one set by the HOMS. */
        password: password.optional(),
        /**
         * Issue 16: the user must choose their own password at their next sign-in (true) or no
         * longer must (false); as it was when not given. Settings › Users ticks it whenever the
         * HOMS sets a password.
         */
        mustChangePassword: z.boolean().optional(),
        /** The signed-in HOMS's own password again (issue 15); checked by the dispatcher, never stored. */
        yourPassword: confirmingPassword,
      })
      .strict(),
    output: userSchema,
  }),
} satisfies Domain

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string(),
  /** Issue 16: the writer's display name (null when their profile is gone, e.g. a copied file's writer). */
  displayName: z.string().nullable(),
  role: z.string(),
  channel: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

/** Issue 15: the audit trail's hash chain checked (db/auditChain.ts). */
export const auditChainCheckSchema = z.object({
  ok: z.boolean(),
  /** Entries checked in chain order before the first break (all of them when intact). */
  checkedRows: z.number().int().nonnegative(),
  /** The first entry that does not fit the chain: its id and time, and what is wrong, as the end of a sentence. */
  firstBrokenRow: z.object({ id: z.number().nullable(), at: z.string().nullable(), problem: z.string() }).optional(),
})
export type AuditChainCheck = z.infer<typeof auditChainCheckSchema>

export const audit = {
  history: channel({
    doc: 'The audit history of one record (who changed what, when), newest first.',
    kind: 'query',
    input: z.object({ entity: z.string().min(1).max(40), entityId: z.string().min(1).max(40) }).strict(),
    output: z.array(auditEntrySchema),
  }),
  checkChain: channel({
    doc: 'Checks that the audit trail is whole: every entry in its hash chain, in order, none changed or removed since it was written (issue 15).',
    kind: 'query',
    input: z.object({}).strict(),
    output: auditChainCheckSchema,
  }),
} satisfies Domain
