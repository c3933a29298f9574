// Issue 17: the co-working second POMs of a case are part of what is held about the person, so a
// subject access disclosure (issue 7) names who co-worked the case and when, in the JSON and the
// PDF. On a real SQLite file and, under `npm run test:pg`, on the shared PostgreSQL database.
import fs from 'node:fs'
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, servicesPerTest, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const start = servicesPerTest()

/** Alex, allocated to Pat; Kit co-worked from 01/10/2026 to 20/11/2026, then Lee from 21/11/2026. */
async function coWorkedCase(svc: ServicesHandle): Promise<number> {
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  const staff = async (name: string) => (await must(svc.call('omu:staff.save', { name, role: 'prison_pom' }))).id
  const [pat, kit, lee] = [await staff('Pat Pom'), await staff('Kit Pom'), await staff('Lee Pom')]
  const p = await must(svc.call('omu:prisoners.create', { prisonNumber: 'A1234BC', firstName: 'Alex', lastName: 'Testwell', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2026-09-01', conditionalReleaseDate: '2029-03-01' }))
  await must(svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pat, startDate: '2026-09-10' }))
  await must(svc.call('omu:coworking.assign', { prisonerId: p.id, staffId: kit, startDate: '2026-10-01', reason: 'Complex case' }))
  await must(svc.call('omu:coworking.end', { prisonerId: p.id, endDate: '2026-11-20' }))
  await must(svc.call('omu:coworking.assign', { prisonerId: p.id, staffId: lee, startDate: '2026-11-21', reason: 'Cover for Kit' }))
  return p.id
}

describe('subject access disclosure: co-working (issue 17)', () => {
  it('the JSON names each POM who co-worked the case, from when and to when, oldest first', async () => {
    const svc = await start()
    const prisonerId = await coWorkedCase(svc)
    const r = await must(svc.call('omu:subjectAccess.export', { prisonerId, format: 'json' }))
    const disclosure = JSON.parse(fs.readFileSync(r.saved ? r.path : '', 'utf8')) as { coWorking: unknown }
    expect(disclosure.coWorking).toEqual([
      { staffName: 'Kit Pom', startDate: '2026-10-01', endDate: '2026-11-20', reason: 'Complex case' },
      { staffName: 'Lee Pom', startDate: '2026-11-21', endDate: null, reason: 'Cover for Kit' },
    ])
  })

  it('the PDF has the co-working table with the dates as dd/mm/yyyy', async () => {
    const svc = await start()
    const prisonerId = await coWorkedCase(svc)
    const r = await must(svc.call('omu:subjectAccess.export', { prisonerId, format: 'pdf' }))
    const body = execFileSync('pdftotext', ['-layout', r.saved ? r.path : '', '-']).toString()
    expect(body).toContain('Co-working Prison Offender Managers')
    expect(body).toMatch(/Kit Pom\s+01\/10\/2026\s+20\/11\/2026\s+Complex case/)
    expect(body).toMatch(/Lee Pom\s+21\/11\/2026\s+current\s+Cover for Kit/)
  })
})
