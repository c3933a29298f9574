import { afterEach } from 'vitest'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrationsFolderFrom, pgMigrationsFolderFrom } from '../../db/paths'
import { repoRoot } from '../../db/testing'
import { folderHost } from '../../electron/services/host'
import { startServices, type OmuServices } from '../../electron/services'
import type { SenderInfo } from '../../electron/services/dispatcher'
import type { SqliteStore } from '../../db/store/sqlite'
import type { StoreConn } from '../../db/store/types'
import type { WireOutput } from '../../shared/ipc/contract'
import type { IpcResult } from '../../shared/ipc/result'
import type { UserRole } from '../../shared/ipc/channels/auth'
import { adminQuery, dropTestDatabase, useTestDatabase } from '../pg/testDatabase'
import { usePostgres } from '../pg/workers'
import { TEST_ACCOUNT } from '../testKeys'
import type { SqliteAccess } from '../../db/sqliteFile'
import type { KeyProtector } from '../../electron/services/storage/dataKey'

export const TEST_ORIGIN = 'app://omu'
export const APP_SENDER: SenderInfo = { url: `${TEST_ORIGIN}/index.html`, isMainFrame: true }

export interface ServicesHandle extends OmuServices {
  userData: string
  call<C extends string>(channel: C, input?: unknown): Promise<IpcResult<WireOutput<C>>>
  logged: unknown[]
  /** Closes the services (waiting for requests in flight) and removes the temp dir. */
  cleanup(): Promise<void>
}

/** The real services on a fresh real SQLite file in a temp dir. */
export const TEST_PASSWORD = 'correct horse battery staple'

/**
 * The real services on a fresh real SQLite file in a temp dir (under `npm run test:pg`, on a fresh
 * database of the test's own on a real PostgreSQL server: the shared OMU database), signed in: by default as the first
 * user (a HOMS, as first run creates); `as` signs in a user of another role instead; `as: null`
 * leaves nobody signed in.
 */
export async function startTestServices(opts: { userData?: string; now?: Date; as?: UserRole | null; local?: boolean; keys?: KeyProtector } = {}): Promise<ServicesHandle> {
  const userData = opts.userData ?? fs.mkdtempSync(path.join(os.tmpdir(), 'omu-svc-'))
  const logged: unknown[] = []
  // `local`: this computer's own file even under test:pg (a file to copy into the shared database).
  const shared = usePostgres() && !opts.local ? await useTestDatabase(userData) : null
  const services = await startServices({
    dbPath: path.join(userData, 'omu.db'),
    backupDir: path.join(userData, 'backups'),
    migrationsFolder: migrationsFolderFrom(repoRoot()),
    pgMigrationsFolder: pgMigrationsFolderFrom(repoRoot()),
    ...(shared ? { storageFile: shared.storageFile } : {}),
    clock: () => opts.now ?? new Date('2026-11-23T10:00:00Z'),
    appVersion: '0.0.0-test',
    host: folderHost(path.join(userData, 'exports')),
    keys: opts.keys ?? TEST_ACCOUNT,
    trustedOrigin: TEST_ORIGIN,
    log: (e) => logged.push(e),
  })
  const call = <C extends string>(channel: C, input?: unknown) => services.dispatcher.invoke(channel, input, APP_SENDER) as Promise<IpcResult<WireOutput<C>>>
  const role = opts.as === undefined ? 'homs' : opts.as
  if (role !== null) {
    const status = await call('omu:auth.status')
    if (status.ok && status.data.needsFirstUser) await call('omu:auth.createFirstUser', { username: 'first.homs', displayName: 'First Homs', password: TEST_PASSWORD })
    else await call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD })
    if (role !== 'homs') {
      const username = `test.${role.replace('_', '')}`
      const made = await call('omu:users.save', { username, displayName: `Test ${role}`, role, password: TEST_PASSWORD, yourPassword: TEST_PASSWORD })
      if (!made.ok && made.error.code !== 'conflict') throw new Error(made.error.message)
      const signed = await call('omu:auth.signIn', { username, password: TEST_PASSWORD })
      if (!signed.ok) throw new Error(signed.error.message)
    }
  }
  return {
    ...services,
    userData,
    logged,
    call,
    async cleanup() {
      await services.close()
      if (shared) await dropTestDatabase(userData)
      fs.rmSync(userData, { recursive: true, force: true })
    },
  }
}

/**
 * `startTestServices` for the tests of one file: every instance a test starts is cleaned up after
 * it, later ones first (a second instance on a folder shares its shared test database, which the
 * first one's cleanup drops).
 */
export function servicesPerTest(defaults: Parameters<typeof startTestServices>[0] = {}): (opts?: Parameters<typeof startTestServices>[0]) => Promise<ServicesHandle> {
  const open: ServicesHandle[] = []
  afterEach(async () => {
    for (const s of open.splice(0).reverse()) await s.cleanup().catch(() => undefined)
  })
  return async (opts = {}) => {
    const s = await startTestServices({ ...defaults, ...opts })
    open.push(s)
    return s
  }
}

/** Reads through the open store (either backend) as a request would: after any write in flight. */
export function readStore<T>(svc: OmuServices, fn: (c: StoreConn) => Promise<T>): Promise<T> {
  const store = svc.runtime.store
  if (!store) throw new Error('The store is not open.')
  return store.read(fn)
}

/** The local SQLite file's store, for what only the file has (its backups, integrity check, pragmas). */
export function localStore(svc: OmuServices): SqliteStore {
  const store = svc.runtime.localStore
  if (!store) throw new Error('The local data file is not open.')
  return store
}

/**
 * SQL run directly on the shared test database as its administrator, outside the app (what a
 * script or psql session could do): a write other clients must notice, ANALYZE. PostgreSQL only.
 */
export async function adminSql(svc: ServicesHandle, sql: string, params: unknown[] = []): Promise<unknown[][]> {
  if (!usePostgres()) throw new Error('adminSql is for the shared database (npm run test:pg).')
  return adminQuery(svc.userData, sql, params)
}

/** A determinate prisoner sentenced on 01/09/2026 (start of custody open on 23/11/2026). */
export const TEST_PRISONER = { prisonNumber: 'A1234BC', firstName: 'Alex', lastName: 'Testwell', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2026-09-01', conditionalReleaseDate: '2029-03-01' } as const

/** The establishment, one POM and TEST_PRISONER allocated to them on 10/09/2026; the prisoner's id. */
export async function oneAllocatedCase(svc: ServicesHandle): Promise<number> {
  const must = async <T>(r: Promise<IpcResult<T>>): Promise<T> => {
    const out = await r
    if (!out.ok) throw new Error(out.error.message)
    return out.data
  }
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  const pom = await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
  const p = await must(svc.call('omu:prisoners.create', TEST_PRISONER))
  await must(svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, startDate: '2026-09-10' }))
  return p.id
}

export const HMP_TESTSHIRE = { name: 'HMP Testshire', code: 'TST', category: 'training' } as const

/** How a test opens the files the services wrote: with this data file's own key (issue 15). */
export function fileAccess(svc: OmuServices): SqliteAccess {
  return svc.runtime.access
}
