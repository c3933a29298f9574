import type { StoreConn } from './types'

/**
 * A fingerprint of everything committed that a read on `conn` can see, by anyone: equal
 * fingerprints mean the same data, so an answer worked out from the data can be kept until the
 * fingerprint changes (issue 19: the Group view's live row, worked out again only after a change).
 * Complete on both backends, unlike Store.onForeignChange, which announces only what can change
 * cases (on PostgreSQL the triggers of migration 0001 notify cases, staff, the establishment and
 * settings, not the RRMP or the resourcing plan):
 * - SQLite: `PRAGMA data_version` changes when another connection commits to the file, and
 *   total_changes() counts every row this connection (every request of this app) has changed.
 * - PostgreSQL: the statement's snapshot (xmin, xmax and the transactions in progress). Two equal
 *   snapshots see the same committed transactions, so the same rows; any commit since, by any desk
 *   or tool, gives a different one. Taken before the data is read, so an answer kept under it is
 *   never older than it (READ COMMITTED: each later statement sees at least as much).
 * A change of fingerprint does not always mean a change of data (another database on the same
 * server, a rolled-back write): that costs a needless recomputation, never a stale answer.
 */
export async function dataRevision(conn: StoreConn): Promise<string> {
  switch (conn.dialect) {
    case 'sqlite': {
      const [row] = await conn.sql.rows<[number, number]>('select (select data_version from pragma_data_version), total_changes()')
      if (!row) throw new Error('SQLite gave no data version')
      return `sqlite:${row[0]}:${row[1]}`
    }
    case 'postgres':
      return `postgres:${String(await conn.sql.value<string>('select pg_current_snapshot()::text'))}`
    default: {
      const never: never = conn.dialect
      throw new Error(`Unknown dialect ${String(never)}`)
    }
  }
}
