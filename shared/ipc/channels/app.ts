import { z } from 'zod'
import { channel, type Domain } from '../define'
import { empty } from '../schemas'

export const storeProblemSchema = z.object({
  kind: z.enum(['corrupt', 'unreadable', 'newer_version']),
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

export const app = {
  status: channel({
    doc: 'Where the store is and whether it opened; the renderer decides between the app, first-run set-up and the recovery page.',
    kind: 'system',
    input: empty,
    output: appStatusSchema,
  }),
} satisfies Domain

export const recovery = {
  restoreLatestBackup: channel({
    doc: 'Recovery page: the unreadable file is kept aside (renamed, never deleted) and the newest backup that passes an integrity check becomes the store.',
    kind: 'system',
    input: empty,
    output: appStatusSchema,
  }),
  startNewFile: channel({
    doc: 'Recovery page: the unreadable file is kept aside (renamed, never deleted) and a new empty store is created.',
    kind: 'system',
    input: empty,
    output: appStatusSchema,
  }),
} satisfies Domain
