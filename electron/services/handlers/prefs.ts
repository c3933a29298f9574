import { and, eq } from 'drizzle-orm'
import { userPreference } from '../../../db/schema'
import { caseloadViewSchema, DEFAULT_CASELOAD_VIEW } from '../../../shared/ipc/channels/prefs'
import type { Handlers } from './types'

/** Until user accounts exist (issue 7), preferences belong to the one local user. */
const LOCAL_USER = 'local'
const CASELOAD_VIEW = 'caseloadView'

export const prefsHandlers: Handlers['prefs'] = {
  getCaseloadView: (_i, { store }) => {
    const row = store.db.select().from(userPreference).where(and(eq(userPreference.userKey, LOCAL_USER), eq(userPreference.name, CASELOAD_VIEW))).get()
    if (!row) return DEFAULT_CASELOAD_VIEW
    // A view saved by an older version that no longer fits falls back to the default, not an error.
    const parsed = caseloadViewSchema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : DEFAULT_CASELOAD_VIEW
  },
  setCaseloadView: (view, { store }) => {
    store.db
      .insert(userPreference)
      .values({ userKey: LOCAL_USER, name: CASELOAD_VIEW, value: JSON.stringify(view) })
      .onConflictDoUpdate({ target: [userPreference.userKey, userPreference.name], set: { value: JSON.stringify(view) } })
      .run()
    return view
  },
}
