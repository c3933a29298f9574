import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrationsFolderFrom } from '../../db/paths'
import { repoRoot } from '../../db/testing'
import { folderHost } from '../../electron/services/host'
import { startServices, type OmuServices } from '../../electron/services'
import type { SenderInfo } from '../../electron/services/dispatcher'
import type { WireOutput } from '../../shared/ipc/contract'
import type { IpcResult } from '../../shared/ipc/result'
import type { UserRole } from '../../shared/ipc/channels/auth'

export const TEST_ORIGIN = 'app://omu'
export const APP_SENDER: SenderInfo = { url: `${TEST_ORIGIN}/index.html`, isMainFrame: true }

export interface ServicesHandle extends OmuServices {
  userData: string
  call<C extends string>(channel: C, input?: unknown): Promise<IpcResult<WireOutput<C>>>
  logged: unknown[]
  cleanup(): void
}

/** The real services on a fresh real SQLite file in a temp dir. */
export const TEST_PASSWORD = 'correct horse battery staple'

/**
 * The real services on a fresh real SQLite file in a temp dir, signed in: by default as the first
 * user (a HOMS, as first run creates); `as` signs in a user of another role instead; `as: null`
 * leaves nobody signed in.
 */
export async function startTestServices(opts: { userData?: string; now?: Date; as?: UserRole | null } = {}): Promise<ServicesHandle> {
  const userData = opts.userData ?? fs.mkdtempSync(path.join(os.tmpdir(), 'omu-svc-'))
  const logged: unknown[] = []
  const services = await startServices({
    dbPath: path.join(userData, 'omu.db'),
    backupDir: path.join(userData, 'backups'),
    migrationsFolder: migrationsFolderFrom(repoRoot()),
    clock: () => opts.now ?? new Date('2026-11-23T10:00:00Z'),
    appVersion: '0.0.0-test',
    host: folderHost(path.join(userData, 'exports')),
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
      const made = await call('omu:users.save', { username, displayName: `Test ${role}`, role, password: TEST_PASSWORD })
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
    cleanup() {
      services.close()
      fs.rmSync(userData, { recursive: true, force: true })
    },
  }
}

export const HMP_TESTSHIRE = { name: 'HMP Testshire', code: 'TST', category: 'training' } as const
