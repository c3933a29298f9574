import type { ChannelKey } from '../../../shared/ipc/contract'

// Issue 16 ("the HOMS can force a change at next sign-in for new users"): a user whose password a
// HOMS set or reset, and asked to be changed (users.save `mustChangePassword`, app_user
// password_change_required, migrations 0015 / pg 0013), may do nothing but choose their own until
// they have. The dispatcher reads the flag with the user's standing on every request and refuses
// every signed-in channel but these; the channels before sign-in (auth.status, app.status...) stay
// open, and auth.status tells the renderer to show the change-password page only.

/** What a user who must change their password may still do, once signed in. */
export const WHILE_PASSWORD_CHANGE_REQUIRED: ReadonlySet<ChannelKey> = new Set<ChannelKey>(['auth.changePassword', 'auth.signOut'])

/** The one sentence every other channel answers with meanwhile. */
export const PASSWORD_CHANGE_REQUIRED =
  'Choose a new password before you continue: your HOMS set the password you signed in with. Enter it as your current password, then your own new one.'

export function allowedWhilePasswordChangeRequired(key: ChannelKey): boolean {
  return WHILE_PASSWORD_CHANGE_REQUIRED.has(key)
}
