import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrationsFolderFrom, pgMigrationsFolderFrom } from '../../db/paths'
import type { SharedLocation } from '../../db/store/postgres'
import { repoRoot } from '../../db/testing'
import { startServices, type OmuServices } from '../../electron/services'
import { folderHost } from '../../electron/services/host'
import { writeStorageChoice } from '../../electron/services/storage/choice'
import type { IpcResult } from '../../shared/ipc/result'
import { TEST_ACCOUNT } from '../testKeys'

// One more desk on a shared database, for the concurrency test and the shared-database benchmark:
// the real services in a temp folder of their own, pointed at `location`, as a computer in the
// OMU would be. Only the Electron window and transport are missing.

export interface Desk {
  services: OmuServices
  call(channel: string, input?: unknown): Promise<IpcResult<unknown>>
  close(): Promise<void>
}

const SENDER = { url: 'app://omu/index.html', isMainFrame: true }

export async function startDesk(location: SharedLocation, opts: { clock?: () => Date; log?: (err: unknown) => void } = {}): Promise<Desk> {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-desk-'))
  const storageFile = path.join(userData, 'storage.json')
  writeStorageChoice(storageFile, { kind: 'shared', location })
  const services = await startServices({
    dbPath: path.join(userData, 'omu.db'),
    backupDir: path.join(userData, 'backups'),
    migrationsFolder: migrationsFolderFrom(repoRoot()),
    pgMigrationsFolder: pgMigrationsFolderFrom(repoRoot()),
    storageFile,
    clock: opts.clock ?? (() => new Date()),
    appVersion: '0.0.0-test',
    host: folderHost(path.join(userData, 'exports')),
    keys: TEST_ACCOUNT,
    trustedOrigin: 'app://omu',
    log: opts.log ?? ((err) => console.error(err)),
  })
  return {
    services,
    call: (channel, input = {}) => services.dispatcher.invoke(channel, input, SENDER),
    close: async () => {
      await services.close()
      fs.rmSync(userData, { recursive: true, force: true })
    },
  }
}
