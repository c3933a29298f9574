import { casesOf } from './caseload/cache'
import { evalSettings } from './caseload/context'
import { Dispatcher } from './dispatcher'
import { handlers } from './handlers'
import { readEstablishment } from './handlers/establishment'
import { StoreRuntime, type RuntimeConfig } from './runtime'

export interface OmuServices {
  runtime: StoreRuntime
  dispatcher: Dispatcher
  close(): void
}

/**
 * The main process's services, independent of Electron: the Electron main wires them to
 * ipcMain, the e2e harness to a local HTTP stand-in. Same code either way.
 */
export async function startServices(config: RuntimeConfig & { trustedOrigin: string }): Promise<OmuServices> {
  const runtime = await StoreRuntime.start(config)
  const dispatcher = new Dispatcher({ runtime, handlers, trustedOrigin: config.trustedOrigin, log: config.log })
  // Read the establishment's cases into memory while the user signs in, so the first caseload
  // or due list opens at once (issue 8). Off the start-up path: the window is not kept waiting.
  setTimeout(() => {
    const store = runtime.store
    // Not before the establishment is set up: its policy decides which sessions are read.
    if (store?.sqlite.open && readEstablishment(store.db)) {
      try {
        casesOf(store).all(evalSettings(store.db, runtime.today()))
      } catch (err) {
        config.log(err)
      }
    }
  }, 0).unref()
  return { runtime, dispatcher, close: () => runtime.close() }
}
