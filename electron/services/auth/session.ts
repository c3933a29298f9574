import type { User } from '../../../shared/ipc/channels/auth'

/**
 * Who is signed in to this app instance. Lives in the main process only: the renderer cannot
 * claim an identity, it can only sign in. Locks after `lockAfterMinutes` without a request.
 */
export class AuthSession {
  private user: User | null = null
  private lastActivity = 0

  constructor(private readonly lockAfterMs: number) {}

  signIn(user: User, now: Date): void {
    this.user = user
    this.lastActivity = now.getTime()
  }

  /** The same user with what the store now says of them (a changed role), keeping the idle clock. */
  refresh(user: User): void {
    if (this.user?.id === user.id) this.user = user
  }

  signOut(): void {
    this.user = null
  }

  /** The signed-in user, or null; an idle session is signed out here (the app locks). */
  current(now: Date): { user: User | null; lockedForInactivity: boolean } {
    if (this.user && now.getTime() - this.lastActivity > this.lockAfterMs) {
      this.user = null
      return { user: null, lockedForInactivity: true }
    }
    return { user: this.user, lockedForInactivity: false }
  }

  touch(now: Date): void {
    if (this.user) this.lastActivity = now.getTime()
  }
}
