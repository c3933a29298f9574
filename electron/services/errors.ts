import { z } from 'zod'
import { UserFacingError, type IpcError } from '../../shared/ipc/result'
import { ServerUnavailableError } from '../../db/store/postgres'
import { StoreReplacedError } from '../../db/store/sqlite'

function humanField(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `item ${p + 1}` : String(p)))
    .join(' › ')
}

/** zod's own messages ("Too small: expected number to be >0") are for developers, not users. */
function isZodDefault(message: string): boolean {
  return /^(Too small|Too big|Invalid|Expected)\b/.test(message)
}

const count = (n: number | bigint) => (typeof n === 'bigint' ? n.toString() : n.toLocaleString('en-GB'))

/**
 * A plain sentence for a zod issue that has no message of our own (issue 7: every refusal is a
 * readable sentence). Schemas should still say what to fix in their own words; this is the floor.
 */
function plainSentence(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small': {
      const min = issue.minimum as number | bigint
      if (issue.origin === 'string') return `Enter at least ${count(min)} character${Number(min) === 1 ? '' : 's'}.`
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at least ${count(min)} item${Number(min) === 1 ? '' : 's'}.`
      return issue.inclusive ? `Enter a number of at least ${count(min)}.` : `Enter a number greater than ${count(min)}.`
    }
    case 'too_big': {
      const max = issue.maximum as number | bigint
      if (issue.origin === 'string') return `Keep this to ${count(max)} characters or fewer.`
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at most ${count(max)} items.`
      return issue.inclusive ? `Enter a number of at most ${count(max)}.` : `Enter a number less than ${count(max)}.`
    }
    case 'invalid_value':
      return 'Choose one of the options offered.'
    case 'invalid_format':
      return 'This is not in the expected format.'
    case 'not_multiple_of':
      return 'Enter a whole number in the steps allowed.'
    default:
      return 'This value is not valid.'
  }
}

/** The first problem of a zod failure as a sentence, naming the field to fix. */
export function fromZodError(err: z.ZodError): IpcError {
  const issue = err.issues[0]
  if (!issue) return { code: 'invalid_input', message: 'The request was not valid.' }
  const field = issue.path.length > 0 ? humanField(issue.path) : undefined
  let message: string
  switch (issue.code) {
    case 'unrecognized_keys':
      message = `Remove the unexpected field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`
      break
    case 'invalid_type':
      message = issue.input === undefined ? 'This is required.' : issue.message.startsWith('Invalid input') ? 'This has the wrong kind of value.' : issue.message
      break
    default:
      message = isZodDefault(issue.message) ? plainSentence(issue) : issue.message
  }
  const fieldText = field ? `${field}: ` : ''
  const out: IpcError = { code: 'invalid_input', message: `${fieldText}${message}` }
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
