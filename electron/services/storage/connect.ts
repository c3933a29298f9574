import { readMigrationFiles } from 'drizzle-orm/migrator'
import { sharedSchemaState } from '../../../db/shared/migrate'
import { PlainTextRefusedError, PostgresStore, rootCause, type Credentials, type SharedLocation } from '../../../db/store/postgres'
import { UserFacingError } from '../../../shared/ipc/result'

// Opening the shared OMU database as a user (issue 13), and what to tell them when it fails: the
// connection test in Settings and sign-in say in plain words what is wrong and what to check.

const TLS_UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
])

/** A wrong username and a wrong password get the same answer, so usernames cannot be probed. */
export const BAD_SIGN_IN = 'The username or password is not right. Check them and try again.'

/** The server refused the login (a wrong username or password): what the sign-in back-off counts. */
export class BadSignInError extends UserFacingError {
  constructor() {
    super('invalid_input', BAD_SIGN_IN)
  }
}

/** A sentence saying what is wrong with reaching the shared database, and what to check. */
export function describeConnectionError(err: unknown, loc: SharedLocation): UserFacingError {
  // Refused by the app itself, before any connection was attempted (issue 14).
  if (err instanceof PlainTextRefusedError) return new UserFacingError('forbidden', err.message, 'tls')
  const e = rootCause(err) as { code?: string; message?: string; path?: string }
  const code = e?.code ?? ''
  const where = `${loc.host}:${loc.port}`
  if (code === '28P01') return new BadSignInError()
  if (code === '28000') return new UserFacingError('forbidden', `The server at ${where} does not accept this user from this computer. Ask IT to check the server’s access rules (pg_hba.conf).`)
  if (code === '3D000') return new UserFacingError('invalid_input', `There is no database called “${loc.database}” on ${where}. Check the database name.`, 'database')
  if (code === '53300') return new UserFacingError('unavailable', `The server at ${where} has no free connections. Try again in a minute; if it keeps happening, ask IT to raise max_connections.`)
  if (code === 'ECONNREFUSED') return new UserFacingError('unavailable', `Nothing is answering at ${where}. Check the server name and port, and that the database server is running.`, 'host')
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new UserFacingError('unavailable', `The server name “${loc.host}” could not be found. Check the spelling, or use its IP address.`, 'host')
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || /timeout/i.test(e?.message ?? '')) {
    return new UserFacingError('unavailable', `The server at ${where} did not answer in time. Check the network connection and the server name.`, 'host')
  }
  if (code === 'ENOENT' || code === 'EACCES') return new UserFacingError('invalid_input', `The CA certificate file ${loc.caFile ?? ''} cannot be read. Choose the estate’s CA file (PEM).`, 'caFile')
  if (TLS_UNTRUSTED.has(code)) {
    return new UserFacingError('unavailable', `The server’s TLS certificate is not trusted (${code.toLowerCase().replace(/_/g, ' ')}). Choose the estate’s CA file, and check the server name matches its certificate.`, 'caFile')
  }
  if (/does not support SSL/i.test(e?.message ?? '')) return new UserFacingError('unavailable', `The server at ${where} does not accept encrypted (TLS) connections. Ask IT to turn TLS on; do not send sign-ins unencrypted.`, 'tls')
  return new UserFacingError('unavailable', `The shared database at ${where} could not be opened (${code || 'unknown error'}). Check the details, or tell IT the time and this code.`)
}

/**
 * Signs in to the shared database: the connection is made with the user's own login, then the
 * schema is checked against this app's migrations before anything is read or written.
 */
export async function openShared(loc: SharedLocation, creds: Credentials, migrationsFolder: string, log: (err: unknown) => void): Promise<PostgresStore> {
  let store: PostgresStore
  try {
    store = await PostgresStore.open(loc, creds, log)
  } catch (err) {
    throw describeConnectionError(err, loc)
  }
  try {
    const state = await sharedSchemaState(store.sql, migrationsFolder)
    switch (state) {
      case 'current':
        return store
      case 'empty':
        throw new UserFacingError('unavailable', `The database “${loc.database}” has not been set up for OMU Desk. IT sets it up with npm run db:provision (README: Running a shared OMU database).`)
      case 'older':
        throw new UserFacingError('unavailable', `The shared database needs upgrading for this version of OMU Desk (${readMigrationFiles({ migrationsFolder }).length} schema steps). Ask IT to run npm run db:migrate, then sign in again.`)
      case 'newer':
        throw new UserFacingError('unavailable', 'The shared database was upgraded for a newer version of OMU Desk. Install the newer version to use it; nothing has been changed.')
      default: {
        const never: never = state
        throw new Error(`unknown schema state ${String(never)}`)
      }
    }
  } catch (err) {
    await store.close()
    throw err
  }
}
