import type { ChannelKey } from '../../../shared/ipc/contract'
import type { UserRole } from '../../../shared/ipc/values'
import { mayCall, whoMay } from '../../../shared/permissions/rules'
import { useAuthStatus } from '../data/authHooks'

// Issue 16, "Only what you may do": a control is shown only to a role the main process will let
// call its channel. The answer comes from the one rules table the dispatcher enforces
// (shared/permissions/rules.ts), never from a second list of roles kept here. The main process
// still refuses whatever the renderer shows by mistake.

/** The signed-in user's role, or null while signed out or still loading. */
export function useRole(): UserRole | null {
  return useAuthStatus(true).data?.user?.role ?? null
}

/** Whether the signed-in user may use a control that calls `channel` (false until known). */
export function useCan(channel: ChannelKey): boolean {
  const role = useRole()
  return role !== null && mayCall(role, channel)
}

/** "Only a HOMD or HOMS can allocate cases.": what a read-only place says instead of the control. */
export function whoCan(channel: ChannelKey): string {
  return whoMay(channel) ?? ''
}

/**
 * Tags a control with the channel it calls. test/e2e/roleControls.e2e.test.ts signs in as every
 * role and checks each enabled tagged control against the rules table, so a control shown to a
 * role that would be refused fails the build.
 */
export function channelTag(channel: ChannelKey): { 'data-channel': ChannelKey } {
  return { 'data-channel': channel }
}
