import { casesOf } from './caseload/cache'
import { evalSettings } from './caseload/context'
import { Dispatcher } from './dispatcher'
import { handlers } from './handlers'
import { readEstablishment } from './establishment/store'
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
  // Read the establishment's cases into memory and work out their verdicts while the user signs
  // in, so the first caseload or due list opens at once (issue 8). Off the start-up path: the
  // window is not kept waiting, and the verdicts are worked out a slice at a time.
  setTimeout(() => {
    const store = runtime.store
    if (!store) return
    const warm = async () => {
      // Not before the establishment is set up: its policy decides which sessions are read.
      const settings = await store.read(async (c) => ((await readEstablishment(c.db)) ? evalSettings(c.db, runtime.today()) : null))
      if (settings) await casesOf(store).cache.warm(store, settings)
    }
    warm().catch((err: unknown) => {
      // A store closed meanwhile (recovery, quit) ends the warm-up; nothing is lost.
      if (store.isOpen) config.log(err)
    })
  }, 0).unref()
  return { runtime, dispatcher, close: () => runtime.close() }
}
