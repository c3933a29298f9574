import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import type pg from 'pg'
import type { RawSql } from '../store/types'

/** The schema owner: NOLOGIN, owns every table, so no user's login owns one (issue 13; issue 14 builds on it). */
export const OWNER_ROLE = 'omu_owner'

/** One group role per app role; every login is a member of exactly one (migration 0002_logins). */
export const GROUP_ROLES = { pom: 'omu_pom', homd: 'omu_homd', homs: 'omu_homs', governor: 'omu_governor', read_only: 'omu_reader' } as const

/**
 * Applies the shared database's pending migrations (db/migrations-pg) as the schema owner, in one
 * transaction (drizzle's migrator). Run by `npm run db:provision` and `npm run db:migrate` with an
 * administrator's connection, never by the app: users' logins cannot change the schema.
 */
export async function migrateShared(admin: pg.Client, migrationsFolder: string): Promise<void> {
  await admin.query(`SET ROLE ${OWNER_ROLE}`)
  try {
    await migrate(drizzle(admin), { migrationsFolder })
  } finally {
    await admin.query('RESET ROLE')
  }
}

export type SchemaState = 'current' | 'older' | 'newer' | 'empty'

/**
 * How the shared database's schema compares with this app's migrations: 'older' needs
 * `npm run db:migrate` by IT; 'newer' means this app is older than the schema and must not write
 * to it (the README: "upgrading the schema").
 */
export async function sharedSchemaState(sql: RawSql, migrationsFolder: string): Promise<SchemaState> {
  const known = readMigrationFiles({ migrationsFolder })
  const exists = await sql.value<string | null>("select to_regclass('drizzle.__drizzle_migrations')::text")
  if (!exists) return 'empty'
  const last = Number((await sql.value<number | null>('select max(created_at) from drizzle.__drizzle_migrations')) ?? 0)
  const newest = known.reduce((m, k) => Math.max(m, k.folderMillis), 0)
  if (last > newest) return 'newer'
  return known.some((k) => k.folderMillis > last) ? 'older' : 'current'
}
