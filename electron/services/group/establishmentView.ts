// Reading another establishment of the shared database for the Group view (issue 19, "Its
// sources"). The server decides what a read sees (migration-pg 0016): a group reader who sets
// omu.view_establishment for the transaction reads that establishment's rows, if it is in their
// group, and their own otherwise; nobody can write outside their own. The request's own read
// transaction is pointed at one establishment at a time, and pointed back before anything else
// reads through it.
//
// Per-store state (the case cache above all) is keyed by the Store object, so each establishment
// read this way gets a Store of its own: its cases are never mixed with this desk's own
// establishment's, and another desk's commit still reaches them (prisoner ids are unique across
// the database, and the change notices come from the same server).
import type { Store, StoreConn } from '../../../db/store/types'

const views = new WeakMap<Store, Map<number, Store>>()

/** A Store standing for `establishmentId` of `store`'s database: only for reading through a pointed connection. */
function viewStore(store: Store, establishmentId: number): Store {
  let byId = views.get(store)
  if (!byId) {
    byId = new Map()
    views.set(store, byId)
  }
  const held = byId.get(establishmentId)
  if (held) return held
  const refuse = (): never => {
    throw new Error('Another establishment is read only through the Group view’s own read, never on a connection of its own.')
  }
  const view: Store = {
    kind: store.kind,
    location: store.location,
    dialect: store.dialect,
    get isOpen() {
      return store.isOpen
    },
    get db() {
      return refuse()
    },
    get sql() {
      return refuse()
    },
    get store() {
      return view
    },
    read: refuse,
    beginRead: refuse,
    write: refuse,
    onForeignChange: (listener) => store.onForeignChange(listener),
    checkForeignChanges: () => store.checkForeignChanges(),
    close: () => Promise.resolve(),
  }
  byId.set(establishmentId, view)
  return view
}

/**
 * Runs `fn` with `conn`'s read transaction pointed at `establishmentId`, through a connection whose
 * per-store state is that establishment's own; points it back to the reader's own establishment
 * afterwards, whatever happens. PostgreSQL only (the SQLite file holds one establishment).
 */
export async function readingEstablishment<T>(conn: StoreConn, establishmentId: number, fn: (c: StoreConn) => Promise<T>): Promise<T> {
  if (conn.dialect !== 'postgres') throw new Error('Only a shared database holds other establishments.')
  await conn.sql.exec("select set_config('omu.view_establishment', $1, true)", [String(establishmentId)])
  try {
    return await fn({ dialect: conn.dialect, db: conn.db, sql: conn.sql, store: viewStore(conn.store, establishmentId) })
  } finally {
    await conn.sql.exec("select set_config('omu.view_establishment', '', true)")
  }
}

/** The ids of the establishments a group reader may see besides their own, by name (none for anyone else, or on SQLite). */
export async function groupEstablishments(conn: StoreConn): Promise<number[]> {
  if (conn.dialect !== 'postgres') return []
  return (await conn.sql.rows<[number]>('select id from omu_group_establishments() where not own order by name, id')).map(([id]) => id)
}
