import { z } from 'zod'
import { UserFacingError, type IpcError } from '../../shared/ipc/result'
import { fieldWords, issueMessage } from '../../shared/ipc/plainIssue'
import { ServerUnavailableError } from '../../db/store/postgres'
import { StoreReplacedError } from '../../db/store/sqlite'

/** The first problem of a zod failure as a sentence, naming the field to fix. */
export function fromZodError(err: z.ZodError): IpcError {
  const issue = err.issues[0]
  if (!issue) return { code: 'invalid_input', message: 'The request was not valid.' }
  // The field is named in words in the message (issue 16: no internal field names reach a user);
  // `field` keeps the path, joined with ' › ', for the form to put the message under its input.
  const field = issue.path.length > 0 ? issue.path.map((p) => (typeof p === 'number' ? `item ${p + 1}` : String(p))).join(' › ') : undefined
  const fieldText = issue.path.length > 0 ? `${fieldWords(issue.path)}: ` : ''
  const out: IpcError = { code: 'invalid_input', message: `${fieldText}${issueMessage(issue)}` }
  if (field) out.field = field
  return out
}

/** The database's own error code, looking through the query builder's wrapping (DrizzleQueryError's cause). */
function databaseCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | null, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code
  }
  return undefined
}

/**
 * Turns anything thrown by a handler into an IpcError. Only UserFacingError and zod errors carry
 * their message through; anything else (SQL errors, bugs) is logged here and answered generically,
 * so no stack trace or SQL text ever reaches the renderer.
 */
export function toIpcError(err: unknown, log: (e: unknown) => void): IpcError {
  if (err instanceof UserFacingError) {
    const out: IpcError = { code: err.code, message: err.message }
    if (err.field) out.field = err.field
    return out
  }
  if (err instanceof z.ZodError) return fromZodError(err)
  if (err instanceof StoreReplacedError) {
    return err.during
      ? { code: 'unavailable', message: 'A backup is being restored in another OMU Desk window, so nothing was read or saved here. Try again in a moment.' }
      : { code: 'unavailable', message: 'The data file was replaced by a restore in another OMU Desk window, so nothing was read or saved here. Close this window and open OMU Desk again.' }
  }
  if (err instanceof ServerUnavailableError) {
    return { code: 'unavailable', message: 'The shared OMU database cannot be reached, so nothing was saved. The app keeps trying; try again when the banner has gone.' }
  }
  const code = databaseCode(err)
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'conflict', message: 'The data file is busy with another change. Try again in a moment.' }
  }
  // The shared database refused the same change from two machines more times than it is retried.
  if (code === '40001' || code === '40P01' || code === '55P03') {
    return { code: 'conflict', message: 'Someone else was changing the same records at that moment, so nothing was saved. Try again.' }
  }
  log(err)
  return { code: 'internal', message: 'Something went wrong and nothing was saved. Try again; if it keeps happening, note the time and tell your system administrator.' }
}
