// One process of the shared-database benchmark (bench/shared.ts): several app instances, each
// signed in as its own user on the shared database, that wait for a common start time, then each
// opens its POM's caseload, records a session and opens the due list, round after round, timing
// every call through the real dispatcher. Prints the times as JSON.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { seededRandom } from '../db/demo/random'
import { migrationsFolderFrom, pgMigrationsFolderFrom } from '../db/paths'
import type { SharedLocation } from '../db/store/postgres'
import { repoRoot } from '../db/testing'
import { startServices } from '../electron/services'
import { folderHost } from '../electron/services/host'
import { writeStorageChoice } from '../electron/services/storage/choice'

export interface ClientPlan {
  location: SharedLocation
  clients: { username: string; password: string; pomId: number; prisonerIds: number[] }[]
  startAt: number
  rounds: number
  today: string
  /** Mean pause between one desk's calls (a person reading the screen); 0: flat out, back to back. */
  pauseMs: number
}

export interface ClientTimes {
  caseload: number[]
  record: number[]
  due: number[]
  warmUpMs: number
}

const plan = JSON.parse(process.argv[2] ?? '{}') as ClientPlan
const SENDER = { url: 'app://omu/index.html', isMainFrame: true }
const NOW = new Date(`${plan.today}T10:00:00Z`)

async function client(c: ClientPlan['clients'][number], seed: number): Promise<ClientTimes> {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-bench-client-'))
  const storageFile = path.join(userData, 'storage.json')
  writeStorageChoice(storageFile, { kind: 'shared', location: plan.location })
  const services = await startServices({
    dbPath: path.join(userData, 'omu.db'),
    backupDir: path.join(userData, 'backups'),
    migrationsFolder: migrationsFolderFrom(repoRoot()),
    pgMigrationsFolder: pgMigrationsFolderFrom(repoRoot()),
    storageFile,
    clock: () => NOW,
    appVersion: 'bench',
    host: folderHost(path.join(userData, 'exports')),
    trustedOrigin: 'app://omu',
    log: (e) => console.error(e),
  })
  const call = async (channel: string, input: unknown) => {
    const r = await services.dispatcher.invoke(channel, input, SENDER)
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
    return r.data
  }
  await call('omu:auth.signIn', { username: c.username, password: c.password })
  // The cache warm-up a client does after sign-in: every case read and its verdict worked out.
  const w0 = performance.now()
  await call('omu:due.overview', {})
  const warmUpMs = performance.now() - w0
  const random = seededRandom(seed)
  const times: ClientTimes = { caseload: [], record: [], due: [], warmUpMs }
  await new Promise((r) => setTimeout(r, Math.max(0, plan.startAt - Date.now())))
  const timed = async (list: number[], fn: () => Promise<unknown>) => {
    if (plan.pauseMs > 0) await new Promise((r) => setTimeout(r, plan.pauseMs * 2 * random()))
    const t = performance.now()
    await fn()
    list.push(performance.now() - t)
  }
  for (let i = 0; i < plan.rounds; i++) {
    await timed(times.caseload, () => call('omu:caseload.list', { pomId: c.pomId }))
    const prisonerId = c.prisonerIds[Math.floor(random() * c.prisonerIds.length)]
    await timed(times.record, () => call('omu:sessions.record', { prisonerId, date: plan.today, inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 }))
    await timed(times.due, () => call('omu:due.overview', {}))
  }
  await services.close()
  fs.rmSync(userData, { recursive: true, force: true })
  return times
}

const results = await Promise.all(plan.clients.map((c, i) => client(c, 7 + i)))
process.stdout.write(`${JSON.stringify(results)}\n`)
