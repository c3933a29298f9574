// The Group view kept between requests while nothing changes (issue 19, "Benchmark": the group
// view over 10 establishments of 2,000 prisoners first paint < 1 s). Working it out builds this
// establishment's readiness document and resourcing projection and parses every imported export;
// a PGD or reviewer opens the screen far more often than the data changes, so the answer is kept
// per store under the data's fingerprint (db/store/revision.ts: any commit by anyone changes it,
// on SQLite and PostgreSQL alike), the day the figures are worked out for and the user asking.
// Nothing is kept across a change: the next view after any commit is worked out afresh.
import { dataRevision } from '../../../db/store/revision'
import type { Store, StoreConn } from '../../../db/store/types'
import type { GroupView } from '../../../shared/ipc/channels/group'
import type { User } from '../../../shared/ipc/channels/auth'
import { groupView } from './service'

interface Kept {
  key: string
  /** Shared by requests that arrive while it is worked out (the start-up read and the screen's own). */
  view: Promise<GroupView>
}

const kept = new WeakMap<Store, Kept>()

/**
 * The Group view on `today`, as `groupView` works it out, from the last answer when no commit has
 * happened since it was worked out. `viewer` is part of the key: the shared database's row rules
 * (migration-pg 0005) may let different roles see different rows of the same data.
 */
export async function keptGroupView(conn: StoreConn, today: string, now: Date, viewer: Pick<User, 'id' | 'role'> | null): Promise<GroupView> {
  const key = `${await dataRevision(conn)}|${today}|${viewer ? `${viewer.id}:${viewer.role}` : ''}`
  const held = kept.get(conn.store)
  if (held && held.key === key) return held.view
  const entry: Kept = { key, view: groupView(conn, today, now) }
  kept.set(conn.store, entry)
  // A failed answer is not kept: the next request tries again.
  entry.view.catch(() => {
    if (kept.get(conn.store) === entry) kept.delete(conn.store)
  })
  return entry.view
}
