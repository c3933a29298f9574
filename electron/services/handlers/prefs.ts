import { caseloadViewSchema, DEFAULT_CASELOAD_VIEW } from '../../../shared/ipc/channels/prefs'
import { readPreference, writePreference } from '../caseload/store'
import type { Handlers } from './types'
import type { User } from '../../../shared/ipc/channels/auth'

const CASELOAD_VIEW = 'caseloadView'

/** Preferences are saved per user (issue 5). */
function userKey(actor: User | null): string {
  return actor ? `user:${actor.id}` : 'local'
}

export const prefsHandlers: Handlers['prefs'] = {
  getCaseloadView: async (_i, { store, actor }) => {
    const saved = await readPreference(store.db, userKey(actor), CASELOAD_VIEW)
    // A POM starts on their own caseload; everyone else on every case in custody.
    if (saved === undefined) return { ...DEFAULT_CASELOAD_VIEW, pomId: actor?.role === 'pom' ? actor.staffId : null }
    // A view saved by an older version that no longer fits falls back to the default, not an error.
    const parsed = caseloadViewSchema.safeParse(JSON.parse(saved))
    return parsed.success ? parsed.data : DEFAULT_CASELOAD_VIEW
  },
  setCaseloadView: async (view, { store, actor }) => {
    await writePreference(store.db, userKey(actor), CASELOAD_VIEW, JSON.stringify(view))
    return view
  },
}
