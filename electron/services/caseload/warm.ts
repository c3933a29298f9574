import type { Store } from '../../../db/store/types'
import { readEstablishment } from '../establishment/store'
import { casesOf } from './cache'
import { evalSettings } from './context'

const warmUps = new WeakMap<Store, Promise<void>>()

/**
 * Reads the establishment's cases into memory and works out their verdicts in the background, so
 * the first caseload or due list opens at once (issue 8): at start for this computer's file, and
 * at sign-in for the shared database (issue 13), whose connections exist only from then. Off the
 * request path, a slice at a time; a store closed meanwhile (recovery, sign-out, quit) just ends it.
 */
export function warmInBackground(store: Store, today: string, log: (err: unknown) => void): void {
  const done = new Promise<void>((resolve) => setTimeout(resolve, 0).unref())
    .then(async () => {
      // Not before the establishment is set up: its policy decides which sessions are read.
      const settings = await store.read(async (c) => ((await readEstablishment(c.db)) ? evalSettings(c.db, today) : null))
      if (settings) await casesOf(store).cache.warm(store, settings)
    })
    .catch((err: unknown) => {
      if (store.isOpen) log(err)
    })
  warmUps.set(store, done)
}

/** Settles when the store's background warm-up has ended (at once when there was none). */
export function warmedUp(store: Store): Promise<void> {
  return warmUps.get(store) ?? Promise.resolve()
}
