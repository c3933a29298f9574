import type { IpcError, IpcResult } from '../../../shared/ipc/result'

/** An IPC failure as an Error, so the query layer can carry it to the screen. */
export class OmuError extends Error {
  readonly code: IpcError['code']
  readonly field: string | undefined
  constructor(error: IpcError) {
    super(error.message)
    this.name = 'OmuError'
    this.code = error.code
    this.field = error.field
  }
}

/** Unwraps an IPC answer: the data, or an OmuError carrying the main process's plain sentence. */
export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>
  try {
    result = await pending
  } catch {
    throw new OmuError({ code: 'internal', message: 'The app could not reach its data service. Restart the app.' })
  }
  if (result.ok) return result.data
  throw new OmuError(result.error)
}

export function omu(): Window['omu'] {
  return window.omu
}
