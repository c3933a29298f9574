import type { Store, StoreConn } from '../../../db/store/types'
import { LOCK_AFTER_MINUTES, ROLE_NAMES, type UserRole } from '../../../shared/ipc/channels/auth'
import { UserFacingError } from '../../../shared/ipc/result'
import type { Handlers, SystemContext } from '../handlers/types'
import {
  auditHistory,
  checkAuditChain,
  clearFailedSignIns,
  countUsers,
  insertUser,
  listUsers,
  otherActiveHomsCount,
  passwordChangeRequired,
  setPasswordHash,
  toUser,
  updateUser,
  userIdByUsername,
  userRowById,
  userRowByUsername,
  writeAudit,
} from '../trust/store'
import { SHARED_LOGIN_MARKER } from '../../../db/shared/provision'
import { scramVerifier } from '../../../db/shared/scram'
import { BAD_SIGN_IN } from '../storage/connect'
import { hashPassword } from './passwords'
import { checkLocalPassword } from './localSignIn'
import { passwordProblem } from './passwordRules'
import { holdsSensitiveNote, mayReadSensitiveNotes } from '../sensitiveNotes'

// Sign-in and users are system channels: they run outside the dispatcher's transaction, so each
// reads through `store.read` and writes through one `store.write` of its own. Password hashing
// (slow on purpose) is done before or after, never while the store is held.

function requireStore(ctx: SystemContext): Store {
  if (!ctx.store) throw new UserFacingError('unavailable', 'The data file is not open. Use the recovery page to restore a backup or start a new file.')
  return ctx.store
}


// In the shared OMU database (issue 13) a user's password is their PostgreSQL login's: the server
// checks it (SCRAM-SHA-256) when the app connects as them, and the app sends only SCRAM verifiers
// to the checked functions of migration 0002 (omu_set_login, omu_set_own_password). No hash of it
// is kept in app_user there (SHARED_LOGIN_MARKER), and no password on the laptop.
const isShared = (ctx: SystemContext) => ctx.storage.current().kind === 'shared'

/** A new password must pass the one rule (passwordRules.ts); said under the field it was typed in. */
function requireGoodPassword(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, username)
  if (problem) throw new UserFacingError('invalid_input', problem, field)
}

export const authHandlers: Handlers['auth'] = {
  status: async (_i, ctx) => ({
    // A shared database's first HOMS is made by IT (npm run db:provision), never by a first run.
    needsFirstUser: ctx.store && !isShared(ctx) ? (await ctx.store.read((c) => countUsers(c.db))) === 0 : false,
    user: ctx.actor,
    lockAfterMinutes: LOCK_AFTER_MINUTES,
    // Issue 16: read afresh, so the page follows a change made since sign-in (auth/passwordChange.ts).
    passwordChangeRequired: ctx.actor && ctx.store ? await ctx.store.read((c) => passwordChangeRequired(c.db, ctx.actor!.id)) : false,
  }),

  createFirstUser: async ({ username, displayName, password }, ctx) => {
    if (isShared(ctx)) throw new UserFacingError('conflict', 'In a shared OMU database the first HOMS is set up by IT (npm run db:provision). Sign in instead.')
    const store = requireStore(ctx)
    requireGoodPassword(password, username, 'password')
    const passwordHash = await hashPassword(password)
    const user = await store.write(async (c) => {
      // Checked inside the write transaction: two windows racing on first run cannot both win.
      if ((await countUsers(c.db)) > 0) throw new UserFacingError('conflict', 'The first user already exists. Sign in instead.')
      const stamp = ctx.now.toISOString()
      const created = await insertUser(c.db, { username, displayName, role: 'homs', staffId: null, active: true, passwordHash, createdAt: stamp, updatedAt: stamp })
      await writeAudit(c, created, ctx.channel, ctx.now, { entity: 'user', entityId: created.id, before: null, after: created })
      return created
    })
    ctx.session.signIn(user, ctx.now)
    return user
  },

  signIn: async ({ username, password }, ctx) => {
    if (isShared(ctx)) return signInShared(username, password, ctx)
    const store = requireStore(ctx)
    // Waits, locks, the audit of every attempt and the same time for unknown usernames: localSignIn.ts.
    const row = await checkLocalPassword({ store, guard: ctx.signInGuard, at: ctx.now, channel: ctx.channel, username, password, wrong: () => new UserFacingError('invalid_input', BAD_SIGN_IN), auditAccepted: true })
    const user = toUser(row)
    ctx.session.signIn(user, ctx.now)
    return user
  },

  signOut: async (_i, ctx) => {
    ctx.session.signOut()
    // The shared database's connections were this user's own login: they end with the sign-out.
    await ctx.storage.signOut()
    return { signedOut: true }
  },

  changePassword: async ({ currentPassword, newPassword }, ctx) => {
    const store = requireStore(ctx)
    const actor = ctx.actor
    if (!actor) throw new UserFacingError('signed_out', 'Sign in to continue.')
    requireGoodPassword(newPassword, actor.username, 'newPassword')
    const notCurrent = () => new UserFacingError('invalid_input', 'Current password: that is not your current password.', 'currentPassword')
    if (isShared(ctx)) {
      // Checked by the server: a connection with the current password opens or it does not.
      const ok = await ctx.storage.passwordAccepted(actor.username, currentPassword)
      if (!ok) throw notCurrent()
      const verifier = scramVerifier(newPassword)
      await store.write(async (c) => {
        await c.sql.exec('select omu_set_own_password(?)', [verifier])
        await writeAudit(c, actor, ctx.channel, ctx.now, { entity: 'user', entityId: actor.id, before: null, after: { passwordChanged: true } })
      })
      return { changed: true }
    }
    // A guess at the current password counts as a wrong sign-in does (issue 15).
    await checkLocalPassword({ store, guard: ctx.signInGuard, at: ctx.now, channel: ctx.channel, username: actor.username, password: currentPassword, wrong: notCurrent, auditAccepted: false })
    const passwordHash = await hashPassword(newPassword)
    await store.write(async (c) => {
      await setPasswordHash(c.db, actor.id, passwordHash, ctx.now)
      await writeAudit(c, actor, ctx.channel, ctx.now, { entity: 'user', entityId: actor.id, before: null, after: { passwordChanged: true } })
    })
    return { changed: true }
  },
}

export const userHandlers: Handlers['users'] = {
  list: (_i, { store }) => listUsers(store.db),
  unlock: (input, ctx) => unlockUser(input, ctx),

  save: async (input, ctx) => {
    const store = requireStore(ctx)
    const shared = store.kind === 'shared'
    // Names the database server keeps for itself cannot be anyone's login (migration 0002_logins).
    if (shared && (/^pg_/.test(input.username) || ['public', 'none', 'current_user', 'current_role', 'session_user'].includes(input.username))) {
      throw new UserFacingError('invalid_input', `Username: ${input.username} is kept by the database server for itself. Choose another.`, 'username')
    }
    if (input.password) requireGoodPassword(input.password, input.username, 'password')
    const passwordHash = input.password ? (shared ? SHARED_LOGIN_MARKER : await hashPassword(input.password)) : null
    const verifier = shared && input.password ? scramVerifier(input.password) : null
    /** The user's login follows their profile in the same transaction (role, active, password). */
    const setLogin = async (c: StoreConn) => {
      if (shared) await c.sql.exec('select omu_set_login(?, ?, ?, ?)', [input.username, input.role, verifier, input.active ? 'true' : 'false'])
    }
    return store.write(async (c) => {
      const stamp = ctx.now.toISOString()
      const clash = await userIdByUsername(c.db, input.username)
      if (clash !== undefined && clash !== input.id) throw new UserFacingError('conflict', `The username ${input.username} is taken. Choose another.`, 'username')
      const fields = {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        staffId: input.staffId,
        active: input.active,
        updatedAt: stamp,
        // Issue 16: a change at next sign-in, when the HOMS asks for one (or no longer does).
        ...(input.mustChangePassword === undefined ? {} : { passwordChangeRequired: input.mustChangePassword }),
      }
      /** On the audit trail too: who asked for a change at next sign-in, and when. */
      const asked = input.mustChangePassword === undefined ? {} : { mustChangePassword: input.mustChangePassword }
      if (input.id === undefined) {
        if (!passwordHash) throw new UserFacingError('invalid_input', 'Password: give the new user a first password (at least 12 characters).', 'password')
        const created = await insertUser(c.db, { ...fields, passwordHash, createdAt: stamp })
        await setLogin(c)
        await writeAudit(c, ctx.actor, ctx.channel, ctx.now, { entity: 'user', entityId: created.id, before: null, after: { ...created, ...asked } })
        return created
      }
      const before = await userRowById(c.db, input.id)
      if (!before) throw new UserFacingError('not_found', 'That user is not on record.', 'id')
      // The last active HOMS cannot be demoted or made inactive: someone must be able to administer the app.
      if (before.role === 'homs' && (input.role !== 'homs' || !input.active)) {
        if ((await otherActiveHomsCount(c.db, before.id)) === 0) throw new UserFacingError('invalid_input', 'Role: this is the only active HOMS. Make another user a HOMS first.', 'role')
      }
      // A shared database's login is the username: renaming it would orphan the login.
      if (shared && before.username !== input.username) throw new UserFacingError('invalid_input', 'Username: in the shared database a username cannot be changed. Add a new user instead.', 'username')
      const after = await updateUser(c.db, input.id, passwordHash ? { ...fields, passwordHash } : fields)
      if (!after) throw new UserFacingError('not_found', 'That user is not on record.', 'id')
      await setLogin(c)
      await writeAudit(c, ctx.actor, ctx.channel, ctx.now, { entity: 'user', entityId: after.id, before: toUser(before), after: { ...after, ...asked } })
      return after
    })
  },
}

/**
 * A HOMS lifts a lock (issue 15): the user's wrong passwords in a row are forgotten, so the next
 * sign-in is checked at once. A mutation: the dispatcher writes the audit row it records.
 */
export const unlockUser: Handlers['users']['unlock'] = async ({ id }, ctx) => {
  const row = await userRowById(ctx.store.db, id)
  if (!row) throw new UserFacingError('not_found', 'That user is not on record.', 'id')
  if (row.failedAttempts > 0) await clearFailedSignIns(ctx.store.db, id)
  ctx.audit({ entity: 'user', entityId: id, before: { failedAttempts: row.failedAttempts }, after: { failedAttempts: 0, unlocked: true } })
  return { ...toUser(row), failedSignIns: 0, passwordChangeRequired: Boolean(row.passwordChangeRequired) }
}

/**
 * Issue 15: a record's history is shown to those who may read the record itself. Cases, staff,
 * the establishment, its settings and plans are read by every signed-in role; user profiles and
 * sign-ins are the HOMS's (users.list), as are the data file's restores and anything this list
 * does not name (a new kind of record is kept close until someone decides otherwise).
 */
const HISTORY_FOR_EVERYONE = new Set(['prisoner', 'session', 'staff', 'establishment', 'settings', 'plan_version', 'plan_entry', 'catalog', 'comparison_import'])

export const auditHandlers: Handlers['audit'] = {
  // A read-only reviewer is not shown rows that hold a sensitive note's text (the shared
  // database's row-level policy audit_read_no_sensitive_notes gives them the same).
  history: async ({ entity, entityId }, { store, actor }) => {
    if (actor && actor.role !== 'homs' && !HISTORY_FOR_EVERYONE.has(entity)) {
      throw new UserFacingError('forbidden', `As a ${ROLE_NAMES[actor.role]} you cannot read the history of that record. Ask a HOMS.`)
    }
    const rows = await auditHistory(store, entity, entityId)
    return actor && mayReadSensitiveNotes(actor.role) ? rows : rows.filter((r) => !holdsSensitiveNote(r.before) && !holdsSensitiveNote(r.after))
  },
  // Issue 15: the hash chain checked (db/auditChain.ts), shown in Settings and after sign-in.
  checkChain: async (_input, { store }) => checkAuditChain(store),
}

/**
 * Signing in to the shared database (issue 13): the connection itself, made with the user's own
 * login, is the password check; then their OMU Desk profile must exist and be active.
 */
async function signInShared(username: string, password: string, ctx: SystemContext) {
  const store = await ctx.storage.signIn(username, password)
  if (!store) throw new UserFacingError('unavailable', 'The shared database is not set up on this computer.')
  const row = await store.read((c) => userRowByUsername(c.db, username))
  if (!row || !row.active) {
    await ctx.storage.signOut()
    if (!row) throw new UserFacingError('forbidden', `The sign-in works, but ${username} has no OMU Desk profile in this database. Ask your HOMS to add you.`)
    throw new UserFacingError('forbidden', 'This user profile has been made inactive. Ask your HOMS.')
  }
  // What the database lets this login do follows its group role (migration 0005); the app must
  // offer the same, so a profile whose role differs from the login's is not signed in.
  const loginRole = await store.read((c) => c.sql.value<string | null>('select omu_app_role(session_user)'))
  if (loginRole !== row.role) {
    await ctx.storage.signOut()
    throw new UserFacingError('forbidden', `Your database login is not set up for your role in OMU Desk (${ROLE_NAMES[row.role as UserRole] ?? row.role}). Ask your HOMS to save your user profile again in Settings › Users.`)
  }
  const user = toUser(row)
  // Issue 15: in the shared database, sign-ins are the server's to record: every connection,
  // accepted or refused, with the login and the client's address (log_connections,
  // docs/SECURITY.md). A refused one opens no connection, so the app could not write it, and
  // writing only the accepted ones to the trail would also put rows into a newly provisioned
  // database that a copy of a data file must find empty.
  ctx.session.signIn(user, ctx.now)
  return user
}
