import { describe, expect, it } from 'vitest'
import { USER_ROLES } from '../../shared/ipc/values'
import { HMP_TESTSHIRE, servicesPerTest, TEST_PASSWORD, TEST_PRISONER } from './helpers'

// Issue 16: every role changes its own password (on this computer's file and, under test:pg, in
// the shared database, where it is the user's own login: omu_set_own_password); and a session of
// 0 minutes is refused in words, never recorded as 1 minute. Runs on SQLite and on PostgreSQL.

const start = servicesPerTest()
const NEW_PASSWORD = 'kettle orchard lantern'

describe('changing your own password (issue 16)', () => {
  it.each(USER_ROLES)('a %s changes their own password: the new one signs in, the old one no longer does', async (role) => {
    const svc = await start({ as: role })
    const me = await svc.call('omu:auth.status')
    const username = me.ok && me.data.user ? me.data.user.username : ''
    expect(username).not.toBe('')
    expect(await svc.call('omu:auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toEqual({ ok: true, data: { changed: true } })
    await svc.call('omu:auth.signOut')
    expect(await svc.call('omu:auth.signIn', { username, password: TEST_PASSWORD })).toMatchObject({ ok: false })
    expect(await svc.call('omu:auth.signIn', { username, password: NEW_PASSWORD })).toMatchObject({ ok: true, data: { username, role } })
    // A shared database's logins belong to the server, not to the test's own database: put the
    // password back so the next test's users sign in as before.
    expect(await svc.call('omu:auth.changePassword', { currentPassword: NEW_PASSWORD, newPassword: TEST_PASSWORD })).toMatchObject({ ok: true })
    // Password hashing is slow on purpose (scrypt), several times over here.
  }, 60_000)

  it('the new password must pass the one password rule, said under the new password in words', async () => {
    const svc = await start({ as: 'pom' })
    const r = await svc.call('omu:auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'short' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'newPassword' } })
    expect(r.ok ? '' : r.error.message).toBe('New password: Use a password of at least 12 characters (three random words work well).')
  })
})

describe('a session of 0 minutes (issue 16)', () => {
  it('is refused with a plain sentence, and nothing is recorded', async () => {
    const svc = await start()
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    const p = await svc.call('omu:prisoners.create', TEST_PRISONER)
    if (!p.ok) throw new Error(p.error.message)
    const r = await svc.call('omu:sessions.record', { prisonerId: p.data.id, date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 0 })
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid_input', field: 'durationMinutes', message: 'Duration minutes: Enter how long the session lasted, at least 1 minute: a session of 0 minutes cannot be recorded.' },
    })
    const d = await svc.call('omu:prisoners.get', { prisonerId: p.data.id })
    expect(d.ok && d.data.sessions).toEqual([])
  })
})
