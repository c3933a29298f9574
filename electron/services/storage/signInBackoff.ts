import { UserFacingError } from '../../../shared/ipc/result'

// Sign-in back-off for the shared OMU database (issue 14). There a failed sign-in is the
// PostgreSQL server refusing the login, so guessing a password from this app means asking the
// server again and again. After FREE_FAILURES refusals in a row for a username, each further
// attempt is refused here, without contacting the server, until a delay has passed: 30 seconds
// after the fifth refusal, doubling with each further refusal to at most 15 minutes. A success
// clears it. The server has its own limits too (auth_delay, docs/SECURITY.md).
//
// In memory only, one per running app (StoreRuntime.signIns): it is this computer's brake, not the
// server's; a restart forgets it. Counted per username whether or not the login exists (the
// server refuses both alike), so it says nothing about which usernames are real.

/** Refusals in a row that cost nothing but the server's own answer. */
export const FREE_FAILURES = 5
/** The wait after the FREE_FAILURES-th refusal in a row; doubled after each further one. */
export const FIRST_DELAY_MS = 30_000
export const MAX_DELAY_MS = 15 * 60_000
/** A username's refusals are forgotten this long after the last one, if no success cleared them. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000
/** Usernames tracked at most (the longest-quiet are forgotten first), so guessing names cannot fill memory. */
const MAX_TRACKED = 10_000

/** How long the next attempt waits after `failures` refusals in a row (0: none). */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES))
}

/** "30 seconds", "1 minute", "15 minutes": rounded up, so waiting that long is always enough. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

/** An attempt refused here, without asking the server: the sentence says how long to wait. */
export class SignInPausedError extends UserFacingError {
  constructor(message: string) {
    super('unavailable', message)
  }
}

interface Tally {
  failures: number
  lastFailureAt: number
  /** Attempts sent to the server and not yet answered. */
  inFlight: number
}

export class SignInBackoff {
  private readonly tallies = new Map<string, Tally>()

  /** `now`: milliseconds on the app's clock (injected, so tests move time instead of sleeping). */
  constructor(private readonly now: () => number) {}

  /** How long `username` must wait before an attempt may reach the server again (0: it may now). */
  waitMs(username: string): number {
    const t = this.tally(username)
    if (!t) return 0
    const delay = delayAfter(t.failures)
    // Never longer than the delay itself, should the clock be put back.
    return Math.min(delay, Math.max(0, t.lastFailureAt + delay - this.now()))
  }

  /**
   * Runs one sign-in attempt for `username` (`send`, which asks the server), unless it must wait:
   * then it is refused in a sentence saying how long, and `send` is never called. A refusal by the
   * server (`refusedByServer`) counts; a success clears the count; any other failure (the server
   * unreachable, the schema out of date) is neither.
   *
   * Attempts sent at the same moment are counted before they are answered: once the free ones are
   * used up, one attempt at a time reaches the server, so a burst cannot get round the wait.
   */
  async attempt<T>(username: string, send: () => Promise<T>, refusedByServer: (err: unknown) => boolean): Promise<T> {
    const t = this.tally(username) ?? { failures: 0, lastFailureAt: 0, inFlight: 0 }
    const wait = this.waitMs(username)
    if (wait > 0) {
      throw new SignInPausedError(`Sign-in as ${username} has been refused ${t.failures} times in a row, so it is paused. Wait ${describeWait(wait)}, then try again. If the password is forgotten, a HOMS can set a new one.`)
    }
    if (t.inFlight > 0 && t.failures + t.inFlight >= FREE_FAILURES) {
      throw new SignInPausedError(`A sign-in as ${username} is still being checked. Wait for its answer, then try again.`)
    }
    t.inFlight++
    this.keep(username, t)
    try {
      const out = await send()
      t.failures = 0
      return out
    } catch (err) {
      if (refusedByServer(err)) {
        t.failures++
        t.lastFailureAt = this.now()
        this.keep(username, t)
      }
      throw err
    } finally {
      t.inFlight--
      if (t.inFlight === 0 && t.failures === 0 && this.tallies.get(username) === t) this.tallies.delete(username)
    }
  }

  /** How many usernames are tracked now (for tests). */
  get size(): number {
    return this.tallies.size
  }

  private tally(username: string): Tally | undefined {
    const t = this.tallies.get(username)
    if (t && t.inFlight === 0 && this.now() - t.lastFailureAt >= FORGET_AFTER_MS) {
      this.tallies.delete(username)
      return undefined
    }
    return t
  }

  /** Stores `t` as the most recent; over the limit, the quietest usernames are forgotten. */
  private keep(username: string, t: Tally): void {
    this.tallies.delete(username)
    this.tallies.set(username, t)
    for (const [name, old] of this.tallies) {
      if (this.tallies.size <= MAX_TRACKED) break
      if (old.inFlight === 0) this.tallies.delete(name)
    }
  }
}
