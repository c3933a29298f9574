import { count, eq } from 'drizzle-orm'
import { appUser } from '../../../db/schema'
import type { Store } from '../../../db/bootstrap'
import { LOCK_AFTER_MINUTES, type User } from '../../../shared/ipc/channels/auth'
import { UserFacingError } from '../../../shared/ipc/result'
import { auditHistory, writeAudit } from '../audit'
import type { Handlers, SystemContext } from '../handlers/types'
import { hashPassword, verifyPassword } from './passwords'

type Row = typeof appUser.$inferSelect

export function toUser(r: Row): User {
  return { id: r.id, username: r.username, displayName: r.displayName, role: r.role as User['role'], staffId: r.staffId, active: r.active }
}

function requireStore(ctx: SystemContext): Store {
  if (!ctx.store) throw new UserFacingError('unavailable', 'The data file is not open. Use the recovery page to restore a backup or start a new file.')
  return ctx.store
}

function userCount(store: Store): number {
  return store.db.select({ n: count() }).from(appUser).get()?.n ?? 0
}

/** A wrong username and a wrong password get the same answer, so usernames cannot be probed. */
const BAD_SIGN_IN = 'The username or password is not right. Check them and try again.'

export const authHandlers: Handlers['auth'] = {
  status: (_i, ctx) => ({
    needsFirstUser: ctx.store ? userCount(ctx.store) === 0 : false,
    user: ctx.actor,
    lockAfterMinutes: LOCK_AFTER_MINUTES,
  }),

  createFirstUser: async ({ username, displayName, password }, ctx) => {
    const store = requireStore(ctx)
    const passwordHash = await hashPassword(password)
    const user = store.sqlite
      .transaction(() => {
        // Checked inside the write transaction: two windows racing on first run cannot both win.
        if (userCount(store) > 0) throw new UserFacingError('conflict', 'The first user already exists. Sign in instead.')
        const stamp = ctx.now.toISOString()
        const row = store.db.insert(appUser).values({ username, displayName, role: 'homs', passwordHash, createdAt: stamp, updatedAt: stamp }).returning().get()
        const created = toUser(row)
        writeAudit(store.db, created, ctx.channel, ctx.now, { entity: 'user', entityId: created.id, before: null, after: created })
        return created
      })
      .immediate()
    ctx.session.signIn(user, ctx.now)
    return user
  },

  signIn: async ({ username, password }, ctx) => {
    const store = requireStore(ctx)
    const row = store.db.select().from(appUser).where(eq(appUser.username, username)).get()
    // Hash even for an unknown user so the answer takes as long either way.
    const ok = await verifyPassword(password, row?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')
    if (!row || !ok) {
      if (row) store.db.update(appUser).set({ failedAttempts: row.failedAttempts + 1 }).where(eq(appUser.id, row.id)).run()
      throw new UserFacingError('invalid_input', BAD_SIGN_IN)
    }
    if (!row.active) throw new UserFacingError('forbidden', 'This user profile has been made inactive. Ask your HOMS.')
    // Written only when there is something to reset: a sign-in is otherwise read-only.
    if (row.failedAttempts > 0) store.db.update(appUser).set({ failedAttempts: 0 }).where(eq(appUser.id, row.id)).run()
    const user = toUser(row)
    ctx.session.signIn(user, ctx.now)
    return user
  },

  signOut: (_i, ctx) => {
    ctx.session.signOut()
    return { signedOut: true }
  },

  changePassword: async ({ currentPassword, newPassword }, ctx) => {
    const store = requireStore(ctx)
    const actor = ctx.actor
    if (!actor) throw new UserFacingError('signed_out', 'Sign in to continue.')
    const row = store.db.select().from(appUser).where(eq(appUser.id, actor.id)).get()
    if (!row || !(await verifyPassword(currentPassword, row.passwordHash))) {
      throw new UserFacingError('invalid_input', 'Current password: that is not your current password.', 'currentPassword')
    }
    const passwordHash = await hashPassword(newPassword)
    store.sqlite
      .transaction(() => {
        store.db.update(appUser).set({ passwordHash, updatedAt: ctx.now.toISOString() }).where(eq(appUser.id, actor.id)).run()
        writeAudit(store.db, actor, ctx.channel, ctx.now, { entity: 'user', entityId: actor.id, before: null, after: { passwordChanged: true } })
      })
      .immediate()
    return { changed: true }
  },
}

export const userHandlers: Handlers['users'] = {
  list: (_i, { store }) => store.db.select().from(appUser).orderBy(appUser.displayName).all().map(toUser),

  save: async (input, ctx) => {
    const store = requireStore(ctx)
    const passwordHash = input.password ? await hashPassword(input.password) : null
    return store.sqlite
      .transaction(() => {
        const stamp = ctx.now.toISOString()
        const clash = store.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, input.username)).get()
        if (clash && clash.id !== input.id) throw new UserFacingError('conflict', `The username ${input.username} is taken. Choose another.`, 'username')
        const fields = { username: input.username, displayName: input.displayName, role: input.role, staffId: input.staffId, active: input.active, updatedAt: stamp }
        if (input.id === undefined) {
          if (!passwordHash) throw new UserFacingError('invalid_input', 'Password: give the new user a first password (at least 12 characters).', 'password')
          const created = toUser(store.db.insert(appUser).values({ ...fields, passwordHash, createdAt: stamp }).returning().get())
          writeAudit(store.db, ctx.actor, ctx.channel, ctx.now, { entity: 'user', entityId: created.id, before: null, after: created })
          return created
        }
        const before = store.db.select().from(appUser).where(eq(appUser.id, input.id)).get()
        if (!before) throw new UserFacingError('not_found', 'That user is not on record.', 'id')
        // The last active HOMS cannot be demoted or made inactive: someone must be able to administer the app.
        if (before.role === 'homs' && (input.role !== 'homs' || !input.active)) {
          const others = store.db.select().from(appUser).all().filter((u) => u.id !== before.id && u.role === 'homs' && u.active).length
          if (others === 0) throw new UserFacingError('invalid_input', 'Role: this is the only active HOMS. Make another user a HOMS first.', 'role')
        }
        const after = toUser(store.db.update(appUser).set(passwordHash ? { ...fields, passwordHash } : fields).where(eq(appUser.id, input.id)).returning().get() as Row)
        writeAudit(store.db, ctx.actor, ctx.channel, ctx.now, { entity: 'user', entityId: after.id, before: toUser(before), after })
        return after
      })
      .immediate()
  },
}

export const auditHandlers: Handlers['audit'] = {
  history: ({ entity, entityId }, { store }) => auditHistory(store.db, entity, entityId),
}
