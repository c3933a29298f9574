import type Database from 'better-sqlite3'
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import type pg from 'pg'
import * as schema from '../schema'
import { SHARED_LOGIN_MARKER } from './provision'

// Moving to shared mode (issue 13): a one-way copy of a SQLite file into an empty shared database,
// in one transaction, every row keeping its id (so the audit trail still names the same records),
// with the count of every table compared before it reports success. Users come across as
// profiles: their passwords were this computer's (scrypt hashes), which cannot become server
// logins, so each needs a password set by the HOMS (Settings › Users) before they sign in.

/** Parents before children (foreign keys), the audit trail last. */
const ORDER = [
  schema.establishment,
  schema.appSetting,
  schema.staff,
  schema.pomPlannedChange,
  schema.prisoner,
  schema.allocation,
  schema.coWorking,
  schema.supervisionSession,
  schema.earlyAllocationAssessment,
  schema.responsibilityOverride,
  schema.comHandover,
  schema.paroleReview,
  schema.planVersion,
  schema.planEntry,
  schema.signOffStep,
  schema.importedCatalog,
  schema.comparisonImport,
  schema.userPreference,
  schema.appUser,
  schema.auditLog,
] as const satisfies readonly SQLiteTable[]

const BATCH = 500

export interface CopyReport {
  /** Rows per table: in the file, and in the shared database after the copy (always equal when it succeeds). */
  tables: { table: string; file: number; shared: number }[]
  /** Users copied as profiles whose password the HOMS must set before they can sign in. */
  usersNeedingPassword: string[]
}

export class CopyRefusedError extends Error {}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`

/**
 * Copies `file` into the shared database reached by `db` (an administrator's or a HOMS's
 * connection). Refuses a database that already holds an establishment or any case, plan or audit
 * record: the copy never merges. Users already there (the HOMS made by provisioning) are kept and
 * matched by username; the file's other users are added.
 */
export async function copyToShared(file: Database.Database, db: pg.ClientBase, now: Date): Promise<CopyReport> {
  await db.query('BEGIN ISOLATION LEVEL SERIALIZABLE')
  try {
    // Issue 19: a shared database may hold several establishments (migration-pg 0016). The file's
    // rows keep their ids, which only the database's first establishment can be sure are free, so
    // a copy goes there; a further establishment starts empty and is set up in the app.
    const into = Number((await db.query<{ e: number }>('select omu_new_row_establishment() as e')).rows[0]?.e ?? 1)
    if (into !== 1) throw new CopyRefusedError(`You belong to establishment ${into} of this shared database. A data file can be copied only into its first establishment, so nothing was copied: set this establishment up in the app instead.`)
    for (const table of ORDER) {
      const name = getTableConfig(table).name
      if (name === 'app_user') continue
      const n = Number((await db.query<{ n: string }>(`select count(*) as n from ${quote(name)}`)).rows[0]?.n ?? 0)
      if (n > 0) throw new CopyRefusedError(`The shared database already holds data (${name}). The copy only goes into an empty, newly provisioned database, so nothing was copied.`)
    }
    const existing = new Map((await db.query<{ id: number; username: string }>('select id, username from app_user')).rows.map((r) => [r.username, r.id]))
    const tables: CopyReport['tables'] = []
    const usersNeedingPassword: string[] = []
    /** A user's id in the file, and in the shared database (the same unless they were there already). */
    const userIds = new Map<number, number>()

    for (const table of ORDER) {
      const config = getTableConfig(table)
      // Generated columns (supervision_session.notes_open) are worked out by each database.
      const columns = config.columns.filter((c) => !c.generated).map((c) => c.name)
      const rows = file.prepare(`select ${columns.map(quote).join(', ')} from ${quote(config.name)} order by rowid`).raw(true).all() as unknown[][]
      let toInsert = rows
      if (config.name === 'app_user') {
        const id = columns.indexOf('id')
        const username = columns.indexOf('username')
        const hash = columns.indexOf('password_hash')
        const free = Math.max(0, ...existing.values(), ...rows.map((r) => Number(r[id]))) + 1
        let next = free
        toInsert = []
        for (const r of rows) {
          const there = existing.get(String(r[username]))
          if (there !== undefined) {
            userIds.set(Number(r[id]), there)
            continue
          }
          const newId = existing.size > 0 && [...existing.values()].includes(Number(r[id])) ? next++ : Number(r[id])
          userIds.set(Number(r[id]), newId)
          const copy = [...r]
          copy[id] = newId
          copy[hash] = SHARED_LOGIN_MARKER
          usersNeedingPassword.push(String(r[username]))
          toInsert.push(copy)
        }
      }
      if (config.name === 'audit_log') {
        const userId = columns.indexOf('user_id')
        toInsert = rows.map((r) => (r[userId] === null ? r : Object.assign([...r], { [userId]: userIds.get(Number(r[userId])) ?? r[userId] })))
      }
      if (config.name === 'user_preference') {
        // Preferences are saved per user as 'user:<id>' (electron/services/caseload/store.ts).
        const key = columns.indexOf('user_key')
        toInsert = rows.map((r) => {
          const m = /^user:(\d+)$/.exec(String(r[key]))
          return m ? Object.assign([...r], { [key]: `user:${userIds.get(Number(m[1])) ?? m[1]}` }) : r
        })
      }
      for (let i = 0; i < toInsert.length; i += BATCH) {
        const batch = toInsert.slice(i, i + BATCH)
        if (config.name === 'audit_log') {
          // The server stamps every audit row with the login and its own clock (migration 0005);
          // the file's trail comes across as it was through the one function allowed to keep it,
          // and only into a trail that was empty (columns in the schema's order, as it expects).
          await db.query('select omu_copy_audit($1::jsonb)', [JSON.stringify(batch)])
          continue
        }
        const values: unknown[] = []
        const tuples = batch.map((r) => `(${r.map((v) => `$${values.push(v)}`).join(', ')})`)
        await db.query(`insert into ${quote(config.name)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}`, values)
      }
      const inFile = rows.length
      const shared = Number((await db.query<{ n: string }>(`select count(*) as n from ${quote(config.name)}`)).rows[0]?.n ?? 0)
      // Users already in the shared database are matched, not copied: they count once.
      const expected = config.name === 'app_user' ? existing.size + toInsert.length : inFile
      if (shared !== expected) throw new Error(`The copy of ${config.name} does not add up (${inFile} in the file, ${shared} in the shared database), so nothing was copied.`)
      tables.push({ table: config.name, file: inFile, shared })
    }
    await db.query('select omu_align_sequences()')
    await db.query(
      `insert into audit_log (at, user_id, username, role, channel, entity, entity_id, before, after) values ($1, null, 'system', 'system', 'db:copy-to-shared', 'data_file', null, null, $2)`,
      [now.toISOString(), JSON.stringify({ tables })],
    )
    await db.query('COMMIT')
    return { tables, usersNeedingPassword }
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined)
    throw err
  }
}
