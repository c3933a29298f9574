import { casesOf } from './caseload/cache'
import { Dispatcher } from './dispatcher'
import { handlers } from './handlers'
import { StoreRuntime, type RuntimeConfig } from './runtime'

export interface OmuServices {
  runtime: StoreRuntime
  dispatcher: Dispatcher
  close(): void
}

/**
 * The main process's services, independent of Electron: the Electron main wires them to
 * ipcMain, the e2e harness to a Playwright binding. Same code either way.
 */
export async function startServices(config: RuntimeConfig & { trustedOrigin: string }): Promise<OmuServices> {
  const runtime = await StoreRuntime.start(config)
  const dispatcher = new Dispatcher({ runtime, handlers, trustedOrigin: config.trustedOrigin, log: config.log })
  // Read the establishment's cases into memory while the user signs in, so the first caseload
  // or due list opens at once (issue 8). Off the start-up path: the window is not kept waiting.
  setTimeout(() => {
    const store = runtime.store
    if (store?.sqlite.open) {
      try {
        casesOf(store).all()
      } catch (err) {
        config.log(err)
      }
    }
  }, 0).unref()
  return { runtime, dispatcher, close: () => runtime.close() }
}
