import { z } from 'zod'
import { channel, type Domain } from '../define'
import { empty } from '../schemas'

export const storeProblemSchema = z.object({
  kind: z.enum(['corrupt', 'unreadable', 'newer_version', 'unexpected_schema', 'busy', 'key_unavailable', 'no_key_protection']),
  /** What happened, in a sentence the user can act on. */
  message: z.string(),
})

export const appStatusSchema = z.object({
  /** ready: normal use; setup: store open but no establishment yet; recovery: the store could not be opened. */
  state: z.enum(['ready', 'setup', 'recovery']),
  dbPath: z.string(),
  appVersion: z.string(),
  today: z.string(),
  problem: storeProblemSchema.nullable(),
  latestBackup: z.object({ path: z.string(), takenAt: z.string() }).nullable(),
  /**
   * 'shared': the OMU's PostgreSQL database (issue 13); `online` false while it cannot be reached;
   * `plainText` true while it is used without encryption across the network, as a HOMS allowed
   * (issue 14: the app says so on every page, in words).
   */
  storage: z.object({ kind: z.enum(['local', 'shared']), online: z.boolean(), plainText: z.boolean() }),
})
export type AppStatus = z.infer<typeof appStatusSchema>

/**
 * A renderer error for the main process's log (issue 18, "Logs and crashes"): the error's kind and
 * stack frames, never its message (which may quote what is on screen). The main process redacts it
 * again before writing (electron/services/log/redact.ts).
 */
export const rendererErrorReportSchema = z
  .object({
    /** screen: caught by a screen's error boundary; window: an uncaught error; promise: an unhandled rejection. */
    source: z.enum(['screen', 'window', 'promise']),
    kind: z.string().max(100),
    stack: z.string().max(20_000),
    screen: z.string().max(100).optional(),
  })
  .strict()
export type RendererErrorReportInput = z.infer<typeof rendererErrorReportSchema>

export const app = {
  status: channel({
    doc: 'Where the store is and whether it opened; the renderer decides between the app, first-run set-up and the recovery page.',
    kind: 'system',
    input: empty,
    output: appStatusSchema,
  }),
  reportError: channel({
    doc: 'Writes a renderer error (kind, stack frames, screen; never a message) to the main process log. Works before sign-in and on the recovery page.',
    kind: 'system',
    input: rendererErrorReportSchema,
    output: empty,
  }),
} satisfies Domain

/**
 * Issue 15: the recovery page acts only for a HOMS of the data file (the one that could not be
 * opened, or when it cannot be read at all, the newest usable backup); both actions are audited.
 */
export const recoveryCredential = z
  .object({
    username: z.string().trim().min(1, 'Enter the username of a HOMS of this data file.').max(200),
    password: z.string().min(1, 'Enter that HOMS’s password.').max(1024),
  })
  .strict()
export type RecoveryCredential = z.infer<typeof recoveryCredential>

export const recovery = {
  restoreLatestBackup: channel({
    doc: 'Recovery page, for a HOMS of the data file: the unreadable file is kept aside (renamed, never deleted) and the newest usable backup (by the order backups were taken, integrity and structure checked) becomes the store.',
    kind: 'system',
    input: recoveryCredential,
    output: appStatusSchema,
  }),
  enterRecoveryKey: channel({
    doc: 'Recovery page (issue 15): the data file is encrypted with a key this account does not hold, or the OS cannot hold one; the recovery key a HOMS exported opens it (and is sealed for this account where the OS can).',
    kind: 'system',
    input: z.object({ recoveryKey: z.string().trim().min(1, 'Enter the recovery key.').max(200, 'A recovery key is 64 characters with dashes between groups of four.') }).strict(),
    output: appStatusSchema,
  }),
  startNewFile: channel({
    doc: 'Recovery page, for a HOMS of the data file: the unreadable file is kept aside (renamed, never deleted) and a new empty store is created.',
    kind: 'system',
    input: recoveryCredential,
    output: appStatusSchema,
  }),
} satisfies Domain
