import { eq } from 'drizzle-orm'
import { appUser } from '../../../db/schema'
import { UserFacingError } from '../../../shared/ipc/result'
import { plainTextRefusal, sendsPlainTextOverNetwork } from '../../../shared/transport'
import type { Handlers, SystemContext } from '../handlers/types'

// Where the data is kept (issue 13). The runtime does the work (electron/services/runtime.ts);
// here only who may ask for what.

/**
 * Who decides where this computer's data is kept, and so whether it may be sent unencrypted to a
 * server that is not this computer (issue 14): a HOMS, or, before anyone exists on this computer
 * (first run), the person setting it up. The first-run reading follows storage.choose's own rule:
 * that person may already point the computer at any server, and could equally create the first
 * (local) HOMS and allow it in Settings a minute later, so refusing them would protect nothing.
 */
async function decidesStorage(ctx: SystemContext): Promise<boolean> {
  if (ctx.actor) return ctx.actor.role === 'homs'
  return ctx.storage.hasNoUsers()
}

const ONLY_HOMS_PLAIN_TEXT = 'Only a HOMS can allow unencrypted connections to the shared database. Sign in as a HOMS and use Settings, or choose encryption (TLS).'

export const storageHandlers: Handlers['storage'] = {
  get: (_input, ctx) => ctx.storage.current(),

  test: async ({ location, username, password }, ctx) => {
    // A test sends this user's password to that server: unencrypted only as a HOMS would allow.
    if (location.allowPlainText && sendsPlainTextOverNetwork(location) && !(await decidesStorage(ctx))) throw new UserFacingError('forbidden', ONLY_HOMS_PLAIN_TEXT, 'location › allowPlainText')
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
    const decides = await decidesStorage(ctx)
    const allowed = decides || (input.kind === 'local' && ctx.actor === null)
    if (!allowed) throw new UserFacingError('forbidden', 'Only a HOMS can change where the data is kept. Sign in as a HOMS and use Settings.')
    if (input.kind === 'shared') {
      // Issue 14: only the person who decides may allow plain text (already implied by `allowed`
      // for a shared location, checked again so the rule stands on its own); and a location every
      // sign-in would be refused at is not saved: the refusal says now what to change.
      if (input.location.allowPlainText && !decides) throw new UserFacingError('forbidden', ONLY_HOMS_PLAIN_TEXT, 'location › allowPlainText')
      const refusal = plainTextRefusal(input.location)
      if (refusal) throw new UserFacingError('invalid_input', refusal, 'location › tls')
    }
    ctx.session.signOut()
    await ctx.storage.choose(input)
    return ctx.storage.current()
  },
}
