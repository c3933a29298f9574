// The envelope every IPC answer travels in. The main process never lets a raw exception,
// stack trace or SQL text through: only these codes and a plain sentence saying what to fix.
export type IpcErrorCode =
  | 'invalid_input' // the request failed validation; `field` names the field to fix
  | 'not_found'
  | 'conflict' // someone else changed the record first, or a duplicate
  | 'forbidden' // the role may not do this, or the sender is not the app's own page
  | 'frozen' // a submitted plan version cannot change
  | 'unavailable' // the store is not open (recovery needed, or not set up yet)
  | 'signed_out' // nobody is signed in, or the app locked after inactivity
  | 'internal' // an unexpected fault: logged in the main process, never detailed here

export interface IpcError {
  code: IpcErrorCode
  message: string
  field?: string
}

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError }

/** A failure meant for the user: thrown by services, turned into `{ ok: false }` by the dispatcher. */
export class UserFacingError extends Error {
  readonly code: IpcErrorCode
  readonly field: string | undefined
  constructor(code: IpcErrorCode, message: string, field?: string) {
    super(message)
    this.name = 'UserFacingError'
    this.code = code
    this.field = field
  }
}
