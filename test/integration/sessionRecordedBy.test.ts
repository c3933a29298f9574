// Issue 16, "Screens", prisoner page: "each session shows who recorded it". A session's `staffId` is
// the POM who held it; `recorded_by` (migrations 0017_session_recorded_by / pg 0015) is who entered
// it: the signed-in user's display name for sessions.record, "<importer> (CSV import)" for the
// session CSV import. Through the real dispatcher on a real SQLite file and, under `npm run test:pg`,
// on the shared PostgreSQL database, where the POM inserts with their own login (row-level policy
// session_record_as_themselves, migration-pg 0005) and the read-only reviewer reads the column
// through its column grant.
import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import type { UserRole } from '../../shared/ipc/values'
import { HMP_TESTSHIRE, startTestServices, TEST_PASSWORD, TEST_PRISONER, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const TODAY = new Date('2026-11-23T10:00:00Z')
const SESSION = { date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 } as const

let svc: ServicesHandle
let pom: number
let prisonerId: number

/** Signs in as a new user of `role` named `displayName` (made by the first HOMS). */
async function signInAs(username: string, displayName: string, role: UserRole, staffId: number | null = null): Promise<void> {
  await must(svc.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD }))
  await must(svc.call('omu:users.save', { username, displayName, role, staffId, password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
  await must(svc.call('omu:auth.signIn', { username, password: TEST_PASSWORD }))
}

beforeEach(async () => {
  svc = await startTestServices({ now: TODAY })
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  pom = (await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))).id
  prisonerId = (await must(svc.call('omu:prisoners.create', TEST_PRISONER))).id
  await must(svc.call('omu:allocations.allocate', { prisonerId, staffId: pom, startDate: '2026-09-10' }))
})
afterEach(() => svc.cleanup())

describe('each session shows who recorded it (issue 16)', () => {
  it('a POM records a session with their own sign-in: it is recorded by their name, and the prisoner page shows it to every role', async () => {
    await signInAs('pat.pom', 'Pat Pomfrey', 'pom', pom)
    const made = await must(svc.call('omu:sessions.record', { ...SESSION, prisonerId }))
    expect(made).toMatchObject({ staffName: 'Pat Pom', recordedBy: 'Pat Pomfrey', recordedOn: '2026-11-23' })
    const mine = await must(svc.call('omu:prisoners.get', { prisonerId }))
    expect(mine.sessions.map((s) => [s.date, s.staffName, s.recordedBy])).toEqual([['2026-11-20', 'Pat Pom', 'Pat Pomfrey']])
    // The read-only reviewer reads sessions without `notes` (the sensitive-notes column grant); who recorded it is theirs to read.
    await signInAs('rex.reader', 'Rex Reader', 'read_only')
    const read = await must(svc.call('omu:prisoners.get', { prisonerId }))
    expect(read.sessions.map((s) => s.recordedBy)).toEqual(['Pat Pomfrey'])
  })

  it('a HOMD recording on a POM’s behalf: the session is the POM’s, recorded by the HOMD', async () => {
    await signInAs('hil.homd', 'Hil Homd', 'homd')
    const made = await must(svc.call('omu:sessions.record', { ...SESSION, prisonerId, staffId: pom }))
    expect([made.staffName, made.recordedBy]).toEqual(['Pat Pom', 'Hil Homd'])
  })

  it('a session from the CSV import is recorded by the importer, said to be an import', async () => {
    const text = ['prison_number,date,in_person,mode,duration_minutes', `${TEST_PRISONER.prisonNumber},2026-11-02,yes,wing_interview_room,45`].join('\n')
    expect(await must(svc.call('omu:caseImport.commit', { kind: 'sessions', text }))).toMatchObject({ created: 1 })
    const d = await must(svc.call('omu:prisoners.get', { prisonerId }))
    expect(d.sessions.map((s) => [s.date, s.recordedBy])).toEqual([['2026-11-02', 'First Homs (CSV import)']])
  })

  it('the subject access disclosure lists who recorded each session', async () => {
    await must(svc.call('omu:sessions.record', { ...SESSION, prisonerId }))
    const r = await must(svc.call('omu:subjectAccess.export', { prisonerId, format: 'json' }))
    const disclosure = JSON.parse(fs.readFileSync(r.saved ? r.path : '', 'utf8')) as { sessions: { date: string; recordedBy: string | null }[] }
    expect(disclosure.sessions.map((s) => [s.date, s.recordedBy])).toEqual([['2026-11-20', 'First Homs']])
  })
})
