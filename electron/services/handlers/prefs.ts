import { and, eq } from 'drizzle-orm'
import { userPreference } from '../../../db/schema'
import { caseloadViewSchema, DEFAULT_CASELOAD_VIEW } from '../../../shared/ipc/channels/prefs'
import type { Handlers } from './types'
import type { User } from '../../../shared/ipc/channels/auth'

const CASELOAD_VIEW = 'caseloadView'

/** Preferences are saved per user (issue 5). */
function userKey(actor: User | null): string {
  return actor ? `user:${actor.id}` : 'local'
}

export const prefsHandlers: Handlers['prefs'] = {
  getCaseloadView: (_i, { store, actor }) => {
    const row = store.db.select().from(userPreference).where(and(eq(userPreference.userKey, userKey(actor)), eq(userPreference.name, CASELOAD_VIEW))).get()
    // A POM starts on their own caseload; everyone else on every case in custody.
    if (!row) return { ...DEFAULT_CASELOAD_VIEW, pomId: actor?.role === 'pom' ? actor.staffId : null }
    // A view saved by an older version that no longer fits falls back to the default, not an error.
    const parsed = caseloadViewSchema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : DEFAULT_CASELOAD_VIEW
  },
  setCaseloadView: (view, { store, actor }) => {
    store.db
      .insert(userPreference)
      .values({ userKey: userKey(actor), name: CASELOAD_VIEW, value: JSON.stringify(view) })
      .onConflictDoUpdate({ target: [userPreference.userKey, userPreference.name], set: { value: JSON.stringify(view) } })
      .run()
    return view
  },
}
