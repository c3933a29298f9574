import type { User } from '../../../shared/ipc/channels/auth'

/**
 * Who is signed in to this app instance. Lives in the main process only: the renderer cannot
 * claim an identity, it can only sign in. Locks after `lockAfterMinutes` without a request.
 */
export class AuthSession {
  private user: User | null = null
  private lastActivity = 0
  private readonly listeners = new Set<(userId: number | null) => void>()

  constructor(private readonly lockAfterMs: number) {}

  /**
   * Told the signed-in user's id whenever it changes (sign-in, sign-out, the lock after
   * inactivity); null when nobody is signed in. The window remembers its place per user by it
   * (issue 18, electron/desktop/wire.ts). Returns the unsubscribe.
   */
  onUserChange(listener: (userId: number | null) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private setUser(user: User | null): void {
    const before = this.user?.id ?? null
    this.user = user
    const after = user?.id ?? null
    if (before === after) return
    for (const listener of this.listeners) {
      try {
        listener(after)
      } catch {
        // A listener's fault (the window already closed) must not stop a sign-in or sign-out.
      }
    }
  }

  signIn(user: User, now: Date): void {
    this.setUser(user)
    this.lastActivity = now.getTime()
  }

  /** The same user with what the store now says of them (a changed role), keeping the idle clock. */
  refresh(user: User): void {
    if (this.user?.id === user.id) this.user = user
  }

  signOut(): void {
    this.setUser(null)
  }

  /** The signed-in user, or null; an idle session is signed out here (the app locks). */
  current(now: Date): { user: User | null; lockedForInactivity: boolean } {
    if (this.user && now.getTime() - this.lastActivity > this.lockAfterMs) {
      this.setUser(null)
      return { user: null, lockedForInactivity: true }
    }
    return { user: this.user, lockedForInactivity: false }
  }

  touch(now: Date): void {
    if (this.user) this.lastActivity = now.getTime()
  }
}
