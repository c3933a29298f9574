import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { PASSWORD_CHANGE_REQUIRED } from '../../electron/services/auth/passwordChange'
import { scramVerifier } from '../../db/shared/scram'
import { usePostgres } from '../pg/workers'
import { adminQuery } from '../pg/testDatabase'
import { servicesPerTest, TEST_PASSWORD, type ServicesHandle } from './helpers'

// Issue 16, "Change your own password (every role); the HOMS can force a change at next sign-in for
// new users": a password the HOMS sets or resets with `mustChangePassword` leaves the user, once
// signed in, only the change of it (electron/services/auth/passwordChange.ts); choosing their own
// clears it, on this computer's file and, under test:pg, in the shared database (migrations 0015 /
// pg 0013: omu_set_own_password clears it; no other role may update app_user). Runs on both backends.

const start = servicesPerTest()
const THEIR_OWN = 'kettle orchard lantern'

async function must<T>(r: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const status = async (svc: ServicesHandle) => must(svc.call('omu:auth.status'))

describe('a password the HOMS asks to be changed at next sign-in (issue 16)', () => {
  it('a new user signs in to the change-password page only: every other action is refused in a sentence until they choose their own', async () => {
    const svc = await start()
    const username = `new.pom${Date.now().toString(36)}`
    const made = await must(svc.call('omu:users.save', { username, displayName: 'New Pom', role: 'pom', password: TEST_PASSWORD, mustChangePassword: true, yourPassword: TEST_PASSWORD }))
    // The HOMS who set it is not affected, and sees it in Settings › Users.
    expect((await status(svc)).passwordChangeRequired).toBe(false)
    expect((await must(svc.call('omu:users.list'))).find((u) => u.id === made.id)).toMatchObject({ passwordChangeRequired: true })
    await must(svc.call('omu:auth.signOut'))
    await must(svc.call('omu:auth.signIn', { username, password: TEST_PASSWORD }))
    expect(await status(svc)).toMatchObject({ user: { id: made.id, username }, passwordChangeRequired: true })

    // Reads and changes alike are refused, before any work, with the one sentence.
    for (const [channel, input] of [
      ['omu:caseload.list', { pomId: null }],
      ['omu:establishment.get', undefined],
      ['omu:prefs.setCaseloadView', {}],
    ] as const) {
      expect(await svc.call(channel, input), channel).toEqual({ ok: false, error: { code: 'forbidden', message: PASSWORD_CHANGE_REQUIRED } })
    }

    // Changing it is allowed, with the password the HOMS set as the current one.
    expect(await svc.call('omu:auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: THEIR_OWN })).toEqual({ ok: true, data: { changed: true } })
    expect((await status(svc)).passwordChangeRequired).toBe(false)
    expect(await svc.call('omu:staff.list')).toMatchObject({ ok: true })

    // And it stays cleared at the next sign-in, with their own password.
    await must(svc.call('omu:auth.signOut'))
    await must(svc.call('omu:auth.signIn', { username, password: THEIR_OWN }))
    expect((await status(svc)).passwordChangeRequired).toBe(false)
  }, 60_000)

  it('a user may still sign out while the change is asked of them', async () => {
    const svc = await start()
    const username = `out.pom${Date.now().toString(36)}`
    await must(svc.call('omu:users.save', { username, displayName: 'Out Pom', role: 'pom', password: TEST_PASSWORD, mustChangePassword: true, yourPassword: TEST_PASSWORD }))
    await must(svc.call('omu:auth.signOut'))
    await must(svc.call('omu:auth.signIn', { username, password: TEST_PASSWORD }))
    expect(await svc.call('omu:auth.signOut')).toEqual({ ok: true, data: { signedOut: true } })
    expect(await status(svc)).toMatchObject({ user: null, passwordChangeRequired: false })
  }, 60_000)

  it('a HOMS resets a signed-in user’s password: their next request is refused until they change it, and the reset is on the audit trail', async () => {
    const pom = await start({ as: 'pom' })
    const homs = await start({ userData: pom.userData })
    const pomUser = (await status(pom)).user
    if (!pomUser) throw new Error('not signed in')
    expect(await pom.call('omu:staff.list')).toMatchObject({ ok: true })

    // The same password given again, so the test's shared logins sign in as before afterwards.
    await must(homs.call('omu:users.save', { id: pomUser.id, username: pomUser.username, displayName: pomUser.displayName, role: 'pom', staffId: pomUser.staffId, active: true, password: TEST_PASSWORD, mustChangePassword: true, yourPassword: TEST_PASSWORD }))
    const history = await must(homs.call('omu:audit.history', { entity: 'user', entityId: String(pomUser.id) }))
    expect(history[0]).toMatchObject({ channel: 'omu:users.save', after: { mustChangePassword: true } })

    expect(await pom.call('omu:staff.list')).toEqual({ ok: false, error: { code: 'forbidden', message: PASSWORD_CHANGE_REQUIRED } })
    expect((await status(pom)).passwordChangeRequired).toBe(true)
    await must(pom.call('omu:auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: THEIR_OWN }))
    expect(await pom.call('omu:staff.list')).toMatchObject({ ok: true })
    // Back as it was for the next test (a shared database's logins are the server's).
    await must(pom.call('omu:auth.changePassword', { currentPassword: THEIR_OWN, newPassword: TEST_PASSWORD }))
  }, 60_000)

  it('saving a profile without the question leaves the request as it was; the HOMS may withdraw it', async () => {
    const svc = await start()
    const username = `kept.pom${Date.now().toString(36)}`
    const made = await must(svc.call('omu:users.save', { username, displayName: 'Kept Pom', role: 'pom', password: TEST_PASSWORD, mustChangePassword: true, yourPassword: TEST_PASSWORD }))
    const profile = { id: made.id, username, role: 'pom', staffId: null, active: true, yourPassword: TEST_PASSWORD }
    await must(svc.call('omu:users.save', { ...profile, displayName: 'Kept Pom Renamed' }))
    await must(svc.call('omu:auth.signOut'))
    await must(svc.call('omu:auth.signIn', { username, password: TEST_PASSWORD }))
    expect((await status(svc)).passwordChangeRequired).toBe(true)
    await must(svc.call('omu:auth.signOut'))
    await must(svc.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD }))
    await must(svc.call('omu:users.save', { ...profile, displayName: 'Kept Pom Renamed', mustChangePassword: false }))
    await must(svc.call('omu:auth.signOut'))
    await must(svc.call('omu:auth.signIn', { username, password: TEST_PASSWORD }))
    expect((await status(svc)).passwordChangeRequired).toBe(false)
    expect(await svc.call('omu:staff.list')).toMatchObject({ ok: true })
  }, 60_000)

  it.runIf(usePostgres())('in the shared database the user’s own login cannot clear it except by choosing a new password (omu_set_own_password)', async () => {
    const svc = await start()
    const username = `psql.pom${Date.now().toString(36)}`
    await must(svc.call('omu:users.save', { username, displayName: 'Psql Pom', role: 'pom', password: TEST_PASSWORD, mustChangePassword: true, yourPassword: TEST_PASSWORD }))
    const loc = svc.runtime.storage.kind === 'shared' ? svc.runtime.storage.location : null
    if (!loc) throw new Error('not shared')
    const flag = async () => (await adminQuery(svc.userData, 'select password_change_required from app_user where username = $1', [username]))[0]?.[0]
    const client = new pg.Client({ host: loc.host, port: loc.port, database: loc.database, user: username, password: TEST_PASSWORD })
    await client.connect()
    try {
      await expect(client.query('update app_user set password_change_required = 0 where username = session_user')).rejects.toThrow(/permission denied/)
      expect(await flag()).toBe(1)
      await client.query('select omu_set_own_password($1)', [scramVerifier(THEIR_OWN)])
      expect(await flag()).toBe(0)
    } finally {
      await client.end()
    }
  }, 60_000)
})
