import type { SharedLocationInput, Storage } from '../../../../shared/ipc/channels/storage'
import { OmuError } from '../../data/client'
import { sendsPlainTextOverNetwork } from '../../../../shared/transport'

// The shared database's address as the form holds it, and the words shown for it (issue 13).
// Only types come from the contract: its zod schemas stay out of the renderer bundle, and the main
// process checks every field and says what to fix.

export type TlsMode = SharedLocationInput['tls']

/** Plain words for PostgreSQL's sslmode values, strongest first (the README recommends verify-full). */
export const TLS_LABELS: Record<TlsMode, string> = {
  'verify-full': 'Verify the certificate and the server name (recommended)',
  'verify-ca': 'Verify the certificate',
  require: 'Encrypt without checking the certificate',
  disable: 'No encryption (test servers only)',
}

/** What each weaker mode means for the people using it. */
export const TLS_WARNINGS: Partial<Record<TlsMode, string>> = {
  'verify-ca': 'The certificate is checked, but not that it belongs to this server name. Use the recommended setting if the certificate names the server.',
  require: 'The connection is encrypted, but the app does not check who answers: another machine on the network could pretend to be the server.',
  disable: 'Passwords and prisoners’ records would cross the network unencrypted. Use this only for a test server on this computer.',
}

export const needsCaFile = (tls: TlsMode) => tls === 'verify-full' || tls === 'verify-ca'

export interface LocationDraft {
  host: string
  /** '' while the field is empty. */
  port: number | string
  database: string
  tls: TlsMode
  caFile: string
  /** A HOMS's explicit permission for "No encryption" to a server that is not this computer (issue 14). */
  allowPlainText: boolean
}

export function draftFrom(storage: Storage | undefined): LocationDraft {
  if (storage?.kind === 'shared') {
    const l = storage.location
    return { host: l.host, port: l.port, database: l.database, tls: l.tls, caFile: l.caFile ?? '', allowPlainText: l.allowPlainText === true }
  }
  return { host: '', port: 5432, database: 'omu', tls: 'verify-full', caFile: '', allowPlainText: false }
}

/**
 * Whether the form asks the HOMS to allow unencrypted connections: only for "No encryption" to a
 * server that is not this computer (the main process refuses that unless allowed).
 */
export function asksPlainTextPermission(d: Pick<LocationDraft, 'host' | 'tls'>): boolean {
  return d.host.trim() !== '' && sendsPlainTextOverNetwork({ host: d.host, tls: d.tls })
}

export function toLocation(d: LocationDraft): SharedLocationInput {
  const caFile = d.caFile.trim()
  return {
    host: d.host.trim(),
    port: typeof d.port === 'number' ? d.port : Number(d.port.trim() || Number.NaN),
    database: d.database.trim(),
    tls: d.tls,
    caFile: needsCaFile(d.tls) && caFile ? caFile : null,
    // Kept only where it means something: a tick left behind by another setting never travels.
    allowPlainText: asksPlainTextPermission(d) && d.allowPlainText,
  }
}

/** “omu” at db.example:5432 */
export function describeLocation(l: Pick<SharedLocationInput, 'host' | 'port' | 'database'>): string {
  return `“${l.database}” at ${l.host}:${l.port}`
}

export type FieldName = keyof LocationDraft | 'username' | 'password'

/**
 * A refusal from the main process as a message under the field it names. The contract nests the
 * address under `location`, and its messages start with the field's path ("location › host: ").
 */
export function fieldError(err: unknown): { field: FieldName; message: string } | null {
  if (!(err instanceof OmuError) || !err.field) return null
  const field = err.field.replace(/^location › /, '') as FieldName
  const message = err.message.startsWith(`${err.field}: `) ? err.message.slice(err.field.length + 2) : err.message
  return { field, message }
}

/** The main process's sentence without the field path it starts with. */
export function plainMessage(err: unknown): string {
  return fieldError(err)?.message ?? (err instanceof Error ? err.message : 'Something went wrong.')
}
