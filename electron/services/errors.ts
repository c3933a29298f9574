import { z } from 'zod'
import { UserFacingError, type IpcError } from '../../shared/ipc/result'

function humanField(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `item ${p + 1}` : String(p)))
    .join(' › ')
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
      message = issue.message.startsWith('Invalid') ? `${issue.message}.`.replace('..', '.') : issue.message
  }
  const fieldText = field ? `${field}: ` : ''
  const out: IpcError = { code: 'invalid_input', message: `${fieldText}${message}` }
  if (field) out.field = field
  return out
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
  const code = (err as { code?: string } | null)?.code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'conflict', message: 'The data file is busy with another change. Try again in a moment.' }
  }
  log(err)
  return { code: 'internal', message: 'Something went wrong and nothing was saved. Try again; if it keeps happening, note the time and tell your system administrator.' }
}
