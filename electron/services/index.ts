import { warmInBackground } from './caseload/warm'
import { Dispatcher } from './dispatcher'
import { handlers } from './handlers'
import { StoreRuntime, type RuntimeConfig } from './runtime'

export interface OmuServices {
  runtime: StoreRuntime
  dispatcher: Dispatcher
  close(): Promise<void>
}

/**
 * The main process's services, independent of Electron: the Electron main wires them to
 * ipcMain, the e2e harness to a local HTTP stand-in. Same code either way.
 */
export async function startServices(config: RuntimeConfig & { trustedOrigin: string }): Promise<OmuServices> {
  const runtime = await StoreRuntime.start(config)
  const dispatcher = new Dispatcher({ runtime, handlers, trustedOrigin: config.trustedOrigin, log: config.log })
  const store = runtime.store
  if (store) warmInBackground(store, runtime.today(), config.log)
  return { runtime, dispatcher, close: () => runtime.close() }
}
