import { eq } from 'drizzle-orm'
import { appUser } from '../../../db/schema'
import { UserFacingError } from '../../../shared/ipc/result'
import type { Handlers } from '../handlers/types'

// Where the data is kept (issue 13). The runtime does the work (electron/services/runtime.ts);
// here only who may ask for what.

export const storageHandlers: Handlers['storage'] = {
  get: (_input, ctx) => ctx.storage.current(),

  test: async ({ location, username, password }, ctx) => {
    try {
      const store = await ctx.storage.open(location, username, password)
      try {
        const profile = await store.read((c) => c.db.select({ active: appUser.active }).from(appUser).where(eq(appUser.username, username)).get())
        if (!profile) return { ok: false, message: `The sign-in works, but ${username} has no OMU Desk profile in “${location.database}”. Ask your HOMS to add you.` }
        return { ok: true, message: `Connected to “${location.database}” at ${location.host}:${location.port} as ${username}. The database is set up for this version of OMU Desk.` }
      } finally {
        await store.close()
      }
    } catch (err) {
      if (err instanceof UserFacingError) return { ok: false, message: err.message }
      throw err
    }
  },

  copyToShared: ({ location, username, password }, ctx) => ctx.storage.copyToShared(location, username, password, ctx.now),

  choose: async (input, ctx) => {
    // A HOMS decides (Settings). Before anyone exists on this computer (first run) anyone may; and
    // going back to this computer's own file is always allowed when nobody is signed in, since it
    // sends nobody's password anywhere. Pointing a computer at another server is not: that server
    // would receive the next user's sign-in.
    const firstRun = ctx.actor === null && (await ctx.storage.hasNoUsers())
    const allowed = ctx.actor?.role === 'homs' || firstRun || (input.kind === 'local' && ctx.actor === null)
    if (!allowed) throw new UserFacingError('forbidden', 'Only a HOMS can change where the data is kept. Sign in as a HOMS and use Settings.')
    ctx.session.signOut()
    await ctx.storage.choose(input)
    return ctx.storage.current()
  },
}
