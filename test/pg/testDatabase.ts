import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { createDatabase } from '../../db/shared/provision'
import { writeStorageChoice } from '../../electron/services/storage/choice'
import { TEMPLATE_DATABASE, type ClusterInfo } from './workers'

// Under `npm run test:pg`, each test's services use a database of their own on this worker's
// server (test/pg/globalSetup.ts), copied from the migrated template. The database lives as long
// as the test's userData folder: a second instance on the same folder (a "restart", a second
// window) opens the same database, as a second computer pointed at the same server would.

/** This worker's server (one per worker: logins are server-wide, so parallel tests keep apart). */
export function workerCluster(): ClusterInfo {
  const clusters = inject('pgClusters')
  const id = Number(process.env.VITEST_POOL_ID ?? '1')
  const cluster = clusters[(id - 1) % clusters.length]
  if (!cluster) throw new Error('No PostgreSQL server for this test worker (run through npm run test:pg).')
  return cluster
}

const databaseOf = (userData: string) => `omu_t_${crypto.createHash('sha256').update(userData).digest('hex').slice(0, 16)}`

/** Points `userData`'s services at the test database for that folder, creating it on first use. */
export async function useTestDatabase(userData: string): Promise<{ database: string; storageFile: string }> {
  const cluster = workerCluster()
  const database = databaseOf(userData)
  const storageFile = path.join(userData, 'storage.json')
  if (!fs.existsSync(storageFile)) {
    await withAdmin(cluster, 'postgres', (c) => createDatabase(c, database, TEMPLATE_DATABASE))
    writeStorageChoice(storageFile, { kind: 'shared', location: { host: '127.0.0.1', port: cluster.port, database, tls: 'disable', caFile: null, allowPlainText: false } })
  }
  return { database, storageFile }
}

/** Drops the test database and every login the test made (all but the template's first HOMS). */
export async function dropTestDatabase(userData: string): Promise<void> {
  const cluster = workerCluster()
  await withAdmin(cluster, 'postgres', async (c) => {
    await c.query(`drop database if exists "${databaseOf(userData)}" with (force)`)
    const logins = await c.query<{ rolname: string }>(
      `select distinct u.rolname from pg_auth_members m join pg_roles g on g.oid = m.roleid join pg_roles u on u.oid = m.member
        where g.rolname like 'omu\\_%' and u.rolcanlogin and u.rolname <> 'first.homs'`,
    )
    for (const { rolname } of logins.rows) await c.query(`drop role if exists "${rolname.replace(/"/g, '""')}"`)
  })
}

/** Runs SQL on the test database as the server's administrator (what psql or IT could do directly). */
export async function adminQuery(userData: string, sql: string, params: unknown[] = []): Promise<unknown[][]> {
  return withAdmin(workerCluster(), databaseOf(userData), async (c) => (await c.query({ text: sql, values: params, rowMode: 'array' })).rows as unknown[][])
}

async function withAdmin<T>(cluster: ClusterInfo, database: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...cluster.admin, database })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
