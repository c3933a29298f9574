import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { migrateShared } from '../../db/shared/migrate'
import { addUser, createDatabase, ensureRoles } from '../../db/shared/provision'
import { pgMigrationsFolderFrom } from '../../db/paths'
import { repoRoot } from '../../db/testing'
import { startCluster, type Cluster } from './cluster'
import { TEMPLATE_DATABASE, type ClusterInfo } from './workers'

// `npm run test:pg` (issue 13): one real PostgreSQL server per test worker, each with a template
// database migrated once and the first HOMS (as `npm run db:provision` makes it). Each test then
// gets its own database copied from the template (test/integration/helpers.ts). Logins are
// server-wide, so giving each worker its own server keeps parallel tests' users apart.

declare module 'vitest' {
  export interface ProvidedContext {
    pgClusters: ClusterInfo[]
  }
}

export const FIRST_HOMS = { username: 'first.homs', displayName: 'First Homs', role: 'homs' as const, password: 'correct horse battery staple' }

async function prepare(cluster: Cluster): Promise<void> {
  const admin = new pg.Client(cluster.admin)
  await admin.connect()
  try {
    await ensureRoles(admin)
    await createDatabase(admin, TEMPLATE_DATABASE)
  } finally {
    await admin.end()
  }
  const db = new pg.Client({ ...cluster.admin, database: TEMPLATE_DATABASE })
  await db.connect()
  try {
    await migrateShared(db, pgMigrationsFolderFrom(repoRoot()))
    await addUser(db, FIRST_HOMS, new Date('2026-11-23T10:00:00Z'))
    // A sequence used once holds 32 values it has told the WAL about (log_cnt). A database copied
    // from this template inherits that count but not the WAL record, so after a crash (the
    // sharedStore crash test) its sequence would start again from the template's value. setval
    // sets log_cnt to 0, so each copy's first nextval writes a WAL record of its own.
    await db.query(`do $$ declare s regclass; begin
                      for s in select oid from pg_class where relkind = 'S' and relnamespace = 'public'::regnamespace loop
                        execute format('select setval(%L, last_value, is_called) from %s', s, s);
                      end loop; end $$`)
  } finally {
    await db.end()
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const clusters: Cluster[] = []
  const stopAll = () => {
    for (const c of clusters) c.stop()
  }
  try {
    const workers = Math.max(1, Number(project.config.maxWorkers) || 1)
    for (let i = 0; i < workers; i++) {
      const c = await startCluster()
      clusters.push(c)
      await prepare(c)
    }
  } catch (err) {
    stopAll()
    throw err
  }
  project.provide('pgClusters', clusters.map((c) => ({ port: c.port, dir: c.dir, admin: c.admin })))
  return stopAll
}
