import { describe, expect, it } from 'vitest'
import { USER_ROLES } from '../../shared/ipc/channels/auth'
import { holdsSensitiveNote, mayReadSensitiveNotes } from '../../electron/services/sensitiveNotes'
import type { IpcResult } from '../../shared/ipc/result'
import { oneAllocatedCase, servicesPerTest, TEST_PASSWORD } from './helpers'

// Issue 14: who reads sensitive notes is one rule (electron/services/sensitiveNotes.ts, and
// docs/SECURITY.md "Who reads sensitive notes"): POMs, HOMDs, HOMSs and Governors read them; a
// read-only reviewer sees that the session happened, not the note, in the case's record and in
// its audit history. Here on both backends through the app; test/integration/databaseRoles.test.ts
// shows the shared database refuses the same to a reviewer's own login.

const start = servicesPerTest()

async function must<T>(p: Promise<IpcResult<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

describe('sensitive notes (issue 14)', () => {
  it('the rule: every role that works cases, signs off or answers subject access reads them; a reviewer does not', () => {
    expect(USER_ROLES.filter(mayReadSensitiveNotes)).toEqual(['pom', 'homd', 'homs', 'governor'])
  })

  it('a note is found anywhere in an audit payload, as the subject access export finds it', () => {
    expect(holdsSensitiveNote({ session: { notes: 'Risk to staff.', notesSensitive: true } })).toBe(true)
    expect(holdsSensitiveNote([{ rows: [{ notes: 'x', notesSensitive: true }] }])).toBe(true)
    expect(holdsSensitiveNote({ session: { notes: 'Talked about work.', notesSensitive: false } })).toBe(false)
    expect(holdsSensitiveNote({ session: { notes: '', notesSensitive: true } })).toBe(false)
    expect(holdsSensitiveNote(null)).toBe(false)
  })

  it.each(USER_ROLES)('as %s: the case record and its audit history show a sensitive note only to roles that read them', async (role) => {
    const homs = await start()
    const prisonerId = await oneAllocatedCase(homs)
    const base = { prisonerId, inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 }
    await must(homs.call('omu:sessions.record', { ...base, date: '2026-11-18', notes: 'Disclosed a risk to a named officer.', notesSensitive: true }))
    await must(homs.call('omu:sessions.record', { ...base, date: '2026-11-19', notes: 'Talked about work.', notesSensitive: false }))
    if (role !== 'homs') await must(homs.call('omu:users.save', { username: `look.${role.replace('_', '')}`, displayName: 'Looker', role, password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
    const svc = await start({ userData: homs.userData, as: null })
    await must(svc.call('omu:auth.signIn', { username: role === 'homs' ? 'first.homs' : `look.${role.replace('_', '')}`, password: TEST_PASSWORD }))
    const reads = mayReadSensitiveNotes(role)
    const got = await must(svc.call('omu:prisoners.get', { prisonerId }))
    expect(got.sessions.map((s) => [s.date, s.notes, s.notesSensitive])).toEqual([
      ['2026-11-19', 'Talked about work.', false],
      ['2026-11-18', reads ? 'Disclosed a risk to a named officer.' : '', true],
    ])
    const history = await must(svc.call('omu:audit.history', { entity: 'prisoner', entityId: String(prisonerId) }))
    const text = JSON.stringify(history)
    expect(text.includes('Disclosed a risk')).toBe(reads)
    // The other entries of the case's history are shown to everyone.
    expect(text).toContain('Talked about work.')
  })
})

describe('a record’s history is shown to those who may read the record (issue 15)', () => {
  it.each(USER_ROLES)('as %s: a case’s history yes; a user profile’s only as a HOMS', async (role) => {
    const svc = await start({ as: role })
    const me = await must(svc.call('omu:auth.status'))
    const own = await svc.call('omu:audit.history', { entity: 'user', entityId: String(me.user?.id ?? 0) })
    if (role === 'homs') expect(own).toMatchObject({ ok: true })
    else expect(own).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^As a .+ you cannot read the history of that record\. Ask a HOMS\.$/) } })
    expect(await svc.call('omu:audit.history', { entity: 'prisoner', entityId: '1' })).toMatchObject({ ok: true })
    expect((await svc.call('omu:audit.history', { entity: 'sign_in', entityId: 'refused' })).ok).toBe(role === 'homs')
  })
})
