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

export const TEST_ORIGIN = 'app://omu'
export const APP_SENDER: SenderInfo = { url: `${TEST_ORIGIN}/index.html`, isMainFrame: true }

export interface ServicesHandle extends OmuServices {
  userData: string
  call<C extends string>(channel: C, input?: unknown): Promise<IpcResult<WireOutput<C>>>
  logged: unknown[]
  cleanup(): void
}

/** The real services on a fresh real SQLite file in a temp dir. */
export async function startTestServices(opts: { userData?: string; now?: Date } = {}): Promise<ServicesHandle> {
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
  return {
    ...services,
    userData,
    logged,
    call: <C extends string>(channel: C, input?: unknown) => services.dispatcher.invoke(channel, input, APP_SENDER) as Promise<IpcResult<WireOutput<C>>>,
    cleanup() {
      services.close()
      fs.rmSync(userData, { recursive: true, force: true })
    },
  }
}

export const HMP_TESTSHIRE = { name: 'HMP Testshire', code: 'TST', category: 'training' } as const
