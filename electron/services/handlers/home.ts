import { UserFacingError } from '../../../shared/ipc/result'
import { homeFor } from '../home/service'
import type { Handlers } from './types'

// Issue 16: the signed-in user's home screen, by role (electron/services/home/service.ts).
export const homeHandlers: Handlers['home'] = {
  get: async (_input, { store, today, actor }) => {
    // 'home.get' is a signed-in channel (permissions.ts), so the dispatcher always passes the actor.
    if (!actor) throw new UserFacingError('signed_out', 'Sign in to see your home page.')
    return homeFor(store, actor, today)
  },
}
