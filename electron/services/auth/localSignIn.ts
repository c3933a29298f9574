import type { Store } from '../../../db/store/types'
import { LOCK_AT, type User } from '../../../shared/ipc/channels/auth'
import { UserFacingError } from '../../../shared/ipc/result'
import { delayAfter, describeWait, FREE_FAILURES } from '../storage/signInBackoff'
import {
  clearFailedSignIns,
  lastRefusalAt,
  nthLatestRefusalAt,
  recordFailedSignIn,
  SIGN_IN_ENTITY,
  upgradePasswordHash,
  userRowByUsername,
  writeAudit,
  type UserRow,
} from '../trust/store'
import { dummyHash, hashPassword, hashStanding, verifyPassword } from './passwords'

// Checking a password against this computer's own data file (issue 15): sign-in, and every time a
// signed-in user's password is asked again (sign-off, purge, user and settings changes, restore,
// changing one's own password). One path, so a guess counts the same wherever it is typed.
//
// Per account, in the data file (app_user.failed_attempts, and the time of the latest refusal from
// the audit trail), so closing the app does not reset it: the first FREE_FAILURES wrong passwords
// in a row cost nothing but the answer; then each further try waits (30 seconds, doubling: the
// schedule the shared database's back-off uses, storage/signInBackoff.ts); at LOCK_AT wrong
// passwords in a row the account is locked for LOCK_MS, and again after each further wrong one. A
// right password after the wait clears the count, and so does a HOMS's unlock (users.unlock).
//
// Per installation: at most INSTALLATION_LIMIT wrong passwords in INSTALLATION_WINDOW_MS, for all
// accounts and unknown usernames together (guessing one common password across many usernames);
// past that every sign-in on this computer waits until the oldest of them leaves the window. That
// pause also stops the HOMS, which is why it is short and time-limited, not a lock.
//
// An attempt refused because it must wait is not checked, counted or written to the audit trail
// (a script could otherwise fill the trail as fast as it can ask); the refusals and locks that led
// to it are. Every checked attempt is: 'sign_in' rows say accepted, refused or not allowed
// (trust/store.ts), a lock is a row on the user. An unknown username is recorded as such, without
// the name typed: people type their password into the username box.
//
// Unknown usernames wait and lock exactly as accounts do and in the same words (tallied in memory,
// in LocalSignInGuard), so the answers do not tell which usernames exist. A restart forgets those
// tallies but not the accounts', which is the one difference left.

export { LOCK_AT }
export const LOCK_MS = 30 * 60_000
export const INSTALLATION_LIMIT = 20
export const INSTALLATION_WINDOW_MS = 15 * 60_000
/** Password checks at once on this computer: each holds 128 MiB (passwords.ts) while it runs. */
const MAX_CHECKS_IN_FLIGHT = 2
const MAX_UNKNOWN_TRACKED = 10_000

/** How long an account (or unknown username) with `failures` wrong passwords in a row waits after the latest. */
export function waitAfter(failures: number): number {
  return failures >= LOCK_AT ? LOCK_MS : delayAfter(failures)
}

function remaining(delay: number, lastAt: number, now: number): number {
  // Never longer than the delay itself, should the clock be put back.
  return Math.min(delay, Math.max(0, lastAt + delay - now))
}

function accountPaused(username: string, failures: number, waitMs: number): UserFacingError {
  if (failures >= LOCK_AT) {
    return new UserFacingError('unavailable', `Sign-in as ${username} is locked after ${failures} wrong passwords in a row. Wait ${describeWait(waitMs)}, or ask a HOMS to unlock it in Settings › Users.`)
  }
  return new UserFacingError('unavailable', `Sign-in as ${username} has been refused ${failures} times in a row, so it is paused. Wait ${describeWait(waitMs)}, then try again. If the password is forgotten, a HOMS can set a new one.`)
}

/** What is held in memory for this computer's password checks (one per running app). */
export class LocalSignInGuard {
  private readonly inFlight = new Set<string>()
  private readonly unknown = new Map<string, { failures: number; lastAt: number }>()

  constructor(readonly now: () => number) {}

  /** Claims the check of `username`'s password; refused while another check of it, or too many checks, run. */
  begin(username: string): () => void {
    if (this.inFlight.has(username)) throw new UserFacingError('unavailable', `A sign-in as ${username} is still being checked. Wait for its answer, then try again.`)
    if (this.inFlight.size >= MAX_CHECKS_IN_FLIGHT) throw new UserFacingError('unavailable', 'Other sign-ins are being checked on this computer. Wait a moment, then try again.')
    this.inFlight.add(username)
    return () => this.inFlight.delete(username)
  }

  unknownTally(username: string): { failures: number; lastAt: number } {
    return this.unknown.get(username) ?? { failures: 0, lastAt: 0 }
  }

  unknownRefused(username: string): number {
    const t = this.unknownTally(username)
    const next = { failures: t.failures + 1, lastAt: this.now() }
    this.unknown.delete(username)
    this.unknown.set(username, next)
    // The longest-quiet names are forgotten first, so guessing names cannot fill memory.
    for (const name of this.unknown.keys()) {
      if (this.unknown.size <= MAX_UNKNOWN_TRACKED) break
      this.unknown.delete(name)
    }
    return next.failures
  }
}

export interface PasswordCheck {
  store: Store
  guard: LocalSignInGuard
  at: Date
  /** The channel the password was typed for (the audit row's channel). */
  channel: string
  username: string
  password: string
  /** The refusal for a wrong password, in the words of the form it was typed in. */
  wrong: () => UserFacingError
  /** Sign-in records an accepted row; a password asked again is recorded by the change it confirms. */
  auditAccepted: boolean
}

/**
 * Checks `password` for `username` on this computer's file, with the waits and locks above; the
 * user's row when it is right and the user may sign in. Hashing runs outside any transaction: the
 * reads come first, the bookkeeping after, each its own short transaction.
 */
export async function checkLocalPassword(check: PasswordCheck): Promise<UserRow> {
  const { store, guard, at, channel, username, password } = check
  const release = guard.begin(username)
  try {
    const now = at.getTime()
    const seen = await store.read(async (c) => {
      const row = await userRowByUsername(c.db, username)
      const last = row && row.failedAttempts >= FREE_FAILURES ? await lastRefusalAt(c.db, row.id) : undefined
      const nth = await nthLatestRefusalAt(c.db, INSTALLATION_LIMIT)
      return { row, last, nth }
    })
    const { row } = seen
    const tally = row ? { failures: row.failedAttempts, lastAt: seen.last ? Date.parse(seen.last) : 0 } : guard.unknownTally(username)
    const accountWait = remaining(waitAfter(tally.failures), tally.lastAt, now)
    if (accountWait > 0) throw accountPaused(username, tally.failures, accountWait)
    const installationWait = seen.nth ? remaining(INSTALLATION_WINDOW_MS, Date.parse(seen.nth), now) : 0
    if (installationWait > 0) {
      throw new UserFacingError('unavailable', `There have been ${INSTALLATION_LIMIT} wrong passwords on this computer in the last ${describeWait(INSTALLATION_WINDOW_MS)}, so every sign-in here is paused. Wait ${describeWait(installationWait)}, then try again.`)
    }

    // Unknown usernames and refused hashes are checked against a hash of the current parameters,
    // so every refusal costs the same time (issue 15).
    const standing = row ? hashStanding(row.passwordHash) : 'refused'
    const ok = await verifyPassword(password, standing === 'refused' ? await dummyHash() : (row?.passwordHash ?? ''))
    // A refusal is recorded under the account it was for (an unknown username under none).
    const actor = row ? { id: row.id, username: row.username, role: row.role as User['role'] } : null

    if (row && standing === 'refused') {
      await store.write((c) => writeAudit(c, actor, channel, at, { entity: SIGN_IN_ENTITY, entityId: 'not_allowed', before: null, after: { reason: 'stored password hash weaker than this app accepts' } }))
      throw new UserFacingError('forbidden', `The password of ${username} is stored in a form this app no longer accepts. Ask a HOMS to set a new password in Settings › Users.`)
    }
    if (!row || !ok) {
      const failures = row ? undefined : guard.unknownRefused(username)
      await store.write(async (c) => {
        const n = row ? await recordFailedSignIn(c.db, row.id) : (failures ?? 0)
        const wait = waitAfter(n)
        await writeAudit(c, actor, channel, at, {
          entity: SIGN_IN_ENTITY,
          entityId: 'refused',
          before: null,
          after: row ? { reason: 'wrong password', failedAttempts: n, waitSeconds: wait / 1000 } : { reason: 'unknown username' },
        })
        if (row && n >= LOCK_AT) {
          await writeAudit(c, null, channel, at, { entity: 'user', entityId: row.id, before: { failedAttempts: n - 1 }, after: { failedAttempts: n, lockedUntil: new Date(now + LOCK_MS).toISOString() } })
        }
        // The refusal that reaches the installation's limit starts its pause: recorded once, here.
        const nth = await nthLatestRefusalAt(c.db, INSTALLATION_LIMIT)
        if (nth && remaining(INSTALLATION_WINDOW_MS, Date.parse(nth), now) > 0) {
          await writeAudit(c, null, channel, at, { entity: SIGN_IN_ENTITY, entityId: 'paused', before: null, after: { pausedUntil: new Date(Date.parse(nth) + INSTALLATION_WINDOW_MS).toISOString() } })
        }
      })
      throw check.wrong()
    }
    if (!row.active) {
      await store.write((c) => writeAudit(c, actor, channel, at, { entity: SIGN_IN_ENTITY, entityId: 'not_allowed', before: null, after: { reason: 'user profile inactive' } }))
      throw new UserFacingError('forbidden', 'This user profile has been made inactive. Ask your HOMS.')
    }
    // A hash made by an earlier version is replaced now, while the password is at hand.
    const stronger = standing === 'upgrade' ? await hashPassword(password) : null
    if (row.failedAttempts > 0 || stronger || check.auditAccepted) {
      await store.write(async (c) => {
        if (row.failedAttempts > 0) await clearFailedSignIns(c.db, row.id)
        if (stronger) await upgradePasswordHash(c.db, row.id, row.passwordHash, stronger)
        if (check.auditAccepted) await writeAudit(c, actor, channel, at, { entity: SIGN_IN_ENTITY, entityId: 'accepted', before: null, after: stronger ? { passwordHashUpgraded: true } : null })
      })
    }
    return row
  } finally {
    release()
  }
}
