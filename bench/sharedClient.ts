// One process of the shared-database benchmark (bench/shared.ts): several app instances, each
// signed in as its own user on the shared database, that wait for a common start time, then each
// opens its POM's caseload, records a session and opens the due list, round after round, timing
// every call through the real dispatcher. Prints the times as JSON.
import { seededRandom } from '../db/demo/random'
import type { SharedLocation } from '../db/store/postgres'
import { startDesk } from '../test/pg/desk'

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
const NOW = new Date(`${plan.today}T10:00:00Z`)

async function client(c: ClientPlan['clients'][number], seed: number): Promise<ClientTimes> {
  const desk = await startDesk(plan.location, { clock: () => NOW })
  const call = async (channel: string, input: unknown) => {
    const r = await desk.call(channel, input)
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
  await desk.close()
  return times
}

const results = await Promise.all(plan.clients.map((c, i) => client(c, 7 + i)))
process.stdout.write(`${JSON.stringify(results)}\n`)
