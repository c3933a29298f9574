import { describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import { usePostgres } from '../pg/workers'
import { adminSql, HMP_TESTSHIRE, readStore, servicesPerTest, TEST_PASSWORD, TEST_PRISONER, type ServicesHandle } from './helpers'

// Issue 15, "a purge that really forgets": after a retention purge the person is nowhere the app
// holds data: not in the records, not in the audit trail's copies of them (which keep what
// happened, when, by whom and on which record id), not in the shared database's change log; and a
// restore of a backup taken before the purge purges them again.

const RELEASED_AT = new Date('2026-11-23T10:00:00Z')
const SEVEN_YEARS_ON = new Date('2033-11-24T10:00:00Z')
const start = servicesPerTest()

async function must<T>(p: Promise<IpcResult<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

/** A released prisoner with an allocation, a sensitive session and a correction, long past retention at SEVEN_YEARS_ON. */
async function releasedCase(svc: ServicesHandle): Promise<number> {
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  const pom = await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
  const p = await must(svc.call('omu:prisoners.create', { ...TEST_PRISONER, firstName: 'Forgettable', lastName: 'Person' }))
  await must(svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, startDate: '2026-09-10' }))
  const s = await must(svc.call('omu:sessions.record', { prisonerId: p.id, date: '2026-11-18', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30, notes: 'Talked about a daughter called Rosalind.', notesSensitive: false }))
  await must(svc.call('omu:sessions.correctRecordedOn', { sessionId: s.id, recordedOn: '2026-11-19', reason: 'Entered on paper first' }))
  const read = await must(svc.call('omu:prisoners.get', { prisonerId: p.id }))
  await must(svc.call('omu:prisoners.update', { prisonerId: p.id, version: read.prisoner.version, fields: { ...TEST_PRISONER, firstName: 'Forgettable', lastName: 'Person', status: 'released' } }))
  return p.id
}

const trail = (svc: ServicesHandle) => readStore(svc, (c) => c.sql.rows<[string, string, string | null, string | null]>("select channel, entity, before, after from audit_log where entity in ('prisoner', 'session') order by id"))

describe('a purge that really forgets (issue 15)', () => {
  it('the audit trail keeps what happened to the record and forgets who it was', async () => {
    const svc = await start({ now: RELEASED_AT })
    const prisonerId = await releasedCase(svc)
    const before = await trail(svc)
    expect(JSON.stringify(before)).toContain('Forgettable')
    const later = await start({ userData: svc.userData, now: SEVEN_YEARS_ON })
    const purged = await later.call('omu:retention.purge', { prisonerIds: [prisonerId], confirm: true, password: TEST_PASSWORD })
    expect(purged).toEqual({ ok: true, data: { purged: 1 } })
    const after = await trail(later)
    const text = JSON.stringify(after)
    for (const personal of ['Forgettable', 'Person', TEST_PRISONER.prisonNumber, TEST_PRISONER.dateOfBirth, 'Rosalind']) expect(text, personal).not.toContain(personal)
    // Every row is still there, saying what happened, with its contents replaced by the marker.
    expect(after.slice(0, before.length).map(([channel, entity]) => [channel, entity])).toEqual(before.map(([channel, entity]) => [channel, entity]))
    for (const [, , b, a] of after.slice(0, before.length)) {
      expect([null, '{"purged":true}']).toContain(b)
      expect([null, '{"purged":true}']).toContain(a)
    }
    // The purge's own row says what was removed, not who it was.
    expect(after.at(-1)).toEqual(['omu:retention.purge', 'prisoner', JSON.stringify({ sessions: 1, allocations: 1 }), JSON.stringify({ purged: true, retentionYears: 7 })])
    if (usePostgres()) {
      // The server's change log of their rows forgets them too.
      const log = JSON.stringify(await adminSql(later, 'select before, after from row_change_log'))
      for (const personal of ['Forgettable', 'Rosalind', TEST_PRISONER.prisonNumber]) expect(log, personal).not.toContain(personal)
    }
  })

  it('otherwise the trail stays append-only: nothing else about a row can change', async () => {
    const svc = await start({ now: RELEASED_AT })
    await releasedCase(svc)
    const store = svc.runtime.store!
    const refused = usePostgres() ? /permission denied/ : /append-only/
    await expect(store.write((c) => c.sql.exec("update audit_log set channel = 'changed'"))).rejects.toThrow(refused)
    await expect(store.write((c) => c.sql.exec("update audit_log set after = '{\"purged\":true}', username = 'someone'"))).rejects.toThrow(refused)
    await expect(store.write((c) => c.sql.exec("update audit_log set after = 'another text'"))).rejects.toThrow(refused)
    if (usePostgres()) {
      // Even the administrator, who has every right, can do only what omu_forget_prisoner does.
      await expect(adminSql(svc, "update audit_log set after = '{\"purged\":true}'")).rejects.toThrow(/append-only/)
    }
  })

  it.skipIf(usePostgres())('a restore of a backup taken before the purge purges the record again, and says so in its trail', async () => {
    const svc = await start({ now: RELEASED_AT })
    const prisonerId = await releasedCase(svc)
    const backup = await must(svc.call('omu:backup.backUpNow'))
    await svc.close()
    const later = await start({ userData: svc.userData, now: SEVEN_YEARS_ON })
    await must(later.call('omu:retention.purge', { prisonerIds: [prisonerId], confirm: true, password: TEST_PASSWORD }))
    await must(later.call('omu:backup.restore', { id: backup.id, password: TEST_PASSWORD }))
    await must(later.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD }))
    expect(await later.call('omu:prisoners.get', { prisonerId })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(JSON.stringify(await trail(later))).not.toContain('Forgettable')
    const notes = await readStore(later, (c) => c.sql.rows<[string]>("select after from audit_log where entity = 'data_file' and after like '%purgedAgain%'"))
    expect(notes.map(([a]) => JSON.parse(a) as unknown)).toEqual([{ purgedAgain: 1, since: backup.takenAt }])
  })
})
