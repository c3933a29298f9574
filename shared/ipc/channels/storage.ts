import { z } from 'zod'
import { channel, type Domain } from '../define'
import { empty } from '../schemas'

// Where the data is kept (issue 13): this computer's SQLite file, or the OMU's shared PostgreSQL
// database. Only where it is: a password is never part of it, and never stored on the laptop.

export const TLS_MODES = ['verify-full', 'verify-ca', 'require', 'disable'] as const

export const sharedLocationSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1, 'Enter the server’s name or address.')
    .max(253, 'Keep the server name to 253 characters or fewer.')
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'Enter a server name or IP address (letters, digits, dots, hyphens).'),
  port: z.number({ message: 'Enter the port as a number (PostgreSQL’s usual port is 5432).' }).int().min(1, 'Enter a port from 1 to 65535.').max(65535, 'Enter a port from 1 to 65535.'),
  database: z
    .string()
    .trim()
    .min(1, 'Enter the database name (for example omu).')
    .max(63, 'Keep the database name to 63 characters or fewer.')
    .regex(/^[A-Za-z0-9_-]+$/, 'Enter the database name using letters, digits, underscores or hyphens.'),
  /** verify-full (the default and the README's advice) checks the certificate and the server's name. */
  tls: z.enum(TLS_MODES),
  /** The estate's CA certificate (PEM file), needed for verify-ca and verify-full unless the system trusts it. */
  caFile: z.string().max(4096).nullable(),
  /**
   * A HOMS's explicit permission to use `tls: 'disable'` with a server that is not this computer
   * (issue 14; shared/transport.ts). False unless given: a storage.json saved before it existed
   * reads as false, and the app then refuses to connect to such a server unencrypted.
   */
  allowPlainText: z.boolean({ message: 'Say whether unencrypted connections to this server are allowed (true or false).' }).default(false),
})
export type SharedLocationInput = z.infer<typeof sharedLocationSchema>

export const storageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local'), path: z.string() }),
  z.object({
    kind: z.literal('shared'),
    location: sharedLocationSchema,
    /** False while the server cannot be reached: the app shows a banner and keeps what it shows, read-only. */
    online: z.boolean(),
    /** True once someone has signed in on this computer (the shared database is open for them). */
    connected: z.boolean(),
  }),
])
export type Storage = z.infer<typeof storageSchema>

const credentials = {
  username: z.string().trim().min(1, 'Enter your username.').max(63),
  password: z.string().min(1, 'Enter your password.').max(1024),
}

export const storage = {
  get: channel({
    doc: 'Where the data is kept, and whether the shared database can be reached now.',
    kind: 'system',
    input: empty,
    output: storageSchema,
  }),
  test: channel({
    doc: 'Tries a shared database with a user’s sign-in and says in plain words what is wrong (server unreachable, wrong database, certificate not trusted, password refused, schema not set up or newer than this app, plain text refused, sign-in paused after repeated refusals). Only a HOMS (or anyone at first run) may test with unencrypted connections allowed.',
    kind: 'system',
    input: z.object({ location: sharedLocationSchema, ...credentials }).strict(),
    output: z.object({ ok: z.boolean(), message: z.string() }),
  }),
  choose: channel({
    doc: 'Keeps the data on this computer or in the shared database from now on (a HOMS in Settings, or anyone at first run, who alone may allow unencrypted connections to a server that is not this computer). Everyone is signed out.',
    kind: 'system',
    input: z.discriminatedUnion('kind', [z.object({ kind: z.literal('local') }).strict(), z.object({ kind: z.literal('shared'), location: sharedLocationSchema }).strict()]),
    output: storageSchema,
  }),
  copyToShared: channel({
    doc: 'A HOMS copies this computer’s data file, audit trail included, into an empty shared database (one way, one transaction, every table’s count compared), before switching to it.',
    kind: 'system',
    input: z.object({ location: sharedLocationSchema, ...credentials }).strict(),
    output: z.object({
      tables: z.array(z.object({ table: z.string(), file: z.number().int(), shared: z.number().int() })),
      /** Copied as profiles: their passwords were this computer's, so the HOMS sets each one's before they sign in. */
      usersNeedingPassword: z.array(z.string()),
    }),
  }),
} satisfies Domain
