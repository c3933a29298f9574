import pg from 'pg'
import { GROUP_ROLES, migrateShared, OWNER_ROLE } from './migrate'
import { scramVerifier } from './scram'

// Setting up a shared OMU database (issue 13): `npm run db:provision` and `npm run db:user` call
// these with an administrator's connection; the integration tests call them against the server
// they start. The app itself never needs a superuser.

export type AppRole = keyof typeof GROUP_ROLES

export interface NewUser {
  username: string
  displayName: string
  role: AppRole
  password: string
  staffId?: number | null
  /**
   * The establishment of the shared database the user belongs to (issue 19, migration 0016): 1, the
   * database's first, unless given. A HOMS adding users in the app adds them to their own.
   */
  establishmentId?: number
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`

/** The owner and group roles (cluster-wide; made once per server, kept if they exist). */
export async function ensureRoles(admin: pg.Client): Promise<void> {
  for (const role of [OWNER_ROLE, ...Object.values(GROUP_ROLES)]) {
    const exists = await admin.query('select 1 from pg_roles where rolname = $1', [role])
    if (exists.rowCount === 0) await admin.query(`CREATE ROLE ${quoteIdent(role)} NOLOGIN`)
  }
  // The owner creates logins only through the checked functions of migration 0002 (SECURITY DEFINER).
  await admin.query(`ALTER ROLE ${OWNER_ROLE} NOLOGIN CREATEROLE`)
}

/**
 * A new empty database owned by the schema owner, with byte-order (C) collation so text sorts and
 * compares exactly as in the SQLite file (YYYY-MM-DD dates and names alike).
 */
export async function createDatabase(admin: pg.Client, database: string, template = 'template0'): Promise<void> {
  await admin.query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${OWNER_ROLE} TEMPLATE ${quoteIdent(template)} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`)
  await admin.query(`REVOKE ALL ON DATABASE ${quoteIdent(database)} FROM PUBLIC`)
  await admin.query(`GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${Object.values(GROUP_ROLES).map(quoteIdent).join(', ')}`)
}

/**
 * Adds (or changes) a user: their login with a SCRAM verifier, membership of their one group role,
 * and their app profile. `db` is a connection to the OMU database as an administrator or a HOMS.
 */
export async function addUser(db: pg.ClientBase, user: NewUser, now: Date): Promise<number> {
  await db.query('BEGIN')
  try {
    await db.query('select omu_set_login($1, $2, $3, true)', [user.username, user.role, scramVerifier(user.password)])
    const stamp = now.toISOString()
    const res = await db.query<{ id: number }>(
      `insert into app_user (username, display_name, role, password_hash, staff_id, active, created_at, updated_at, establishment_id)
       values ($1, $2, $3, $4, $5, 1, $6, $6, coalesce($7::integer, omu_new_row_establishment()))
       on conflict (username) do update set display_name = excluded.display_name, role = excluded.role, staff_id = excluded.staff_id, active = 1, updated_at = excluded.updated_at
       returning id`,
      [user.username, user.displayName, user.role, SHARED_LOGIN_MARKER, user.staffId ?? null, stamp, user.establishmentId ?? null],
    )
    await db.query('COMMIT')
    return res.rows[0]?.id as number
  } catch (err) {
    await db.query('ROLLBACK')
    throw err
  }
}

/**
 * Issue 19: lets `username` read the establishments of `group` in the Group view (never change
 * them: their role's rights and the row policies of migration 0016 still apply), and puts each of
 * `establishmentIds` in that group. An administrator's connection: no OMU role may change who reads
 * across a group. A user reads across one group at most; naming another moves them.
 */
export async function setGroupReader(db: pg.ClientBase, username: string, group: string, establishmentIds: readonly number[]): Promise<void> {
  if (!/^[\p{L}\p{N} .'&()-]{1,80}$/u.test(group)) throw new Error('A group name is 1 to 80 letters, numbers, spaces and . \' & ( ) -')
  await db.query('BEGIN')
  try {
    const user = await db.query('select 1 from app_user where username = $1', [username])
    if (user.rowCount === 0) throw new Error(`There is no OMU user ${username} in this database: add them first (npm run db:user -- add).`)
    for (const id of establishmentIds) await db.query('insert into establishment_group_member (group_name, establishment_id) values ($1, $2) on conflict do nothing', [group, id])
    await db.query('insert into group_reader (username, group_name) values ($1, $2) on conflict (username) do update set group_name = excluded.group_name', [username, group])
    await db.query('COMMIT')
  } catch (err) {
    await db.query('ROLLBACK')
    throw err
  }
}

/** app_user.password_hash in the shared database: the password is the server's (SCRAM), never here. */
export const SHARED_LOGIN_MARKER = 'postgres-login'

/** Everything `npm run db:provision` does, on a server reached as an administrator. */
export async function provision(adminConfig: pg.ClientConfig, opts: { database: string; migrationsFolder: string; homs: NewUser; now: Date }): Promise<void> {
  const admin = new pg.Client({ ...adminConfig })
  await admin.connect()
  try {
    await ensureRoles(admin)
    await createDatabase(admin, opts.database)
  } finally {
    await admin.end()
  }
  const db = new pg.Client({ ...adminConfig, database: opts.database })
  await db.connect()
  try {
    await migrateShared(db, opts.migrationsFolder)
    await addUser(db, opts.homs, opts.now)
  } finally {
    await db.end()
  }
}
