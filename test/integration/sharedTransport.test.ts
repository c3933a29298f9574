import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { pgMigrationsFolderFrom } from '../../db/paths'
import { provision } from '../../db/shared/provision'
import { PostgresStore, type SharedLocation } from '../../db/store/postgres'
import { repoRoot } from '../../db/testing'
import { writeStorageChoice } from '../../electron/services/storage/choice'
import { startCluster } from '../pg/cluster'
import { startDesk } from '../pg/desk'
import { usePostgres } from '../pg/workers'
import { servicesPerTest, TEST_PASSWORD } from './helpers'

// Issue 14, transport and sign-in limits of the shared OMU database:
// - plain text is refused to any server but this computer unless a HOMS allowed it, in a sentence
//   naming what to change, before any name is looked up or connection made (both backends: the
//   refusal needs no server, so it runs under npm run test:unit too);
// - on a real server (npm run test:pg): PostgreSQL's auth_delay makes a wrong password wait while a
//   right one does not, and the app's back-off pauses a username after five refusals in a row
//   without contacting the server.

const NOW = new Date('2026-11-23T10:00:00Z')
const BAD_SIGN_IN = 'The username or password is not right. Check them and try again.'
/** `.invalid` never resolves (RFC 2606): an attempt to reach it would say "could not be found". */
const NOWHERE: SharedLocation = { host: 'db.invalid', port: 5432, database: 'omu', tls: 'disable', caFile: null, allowPlainText: false }
const REFUSED =
  'Connections to db.invalid are not encrypted, so the app will not send sign-ins or records there. Under “Encryption (TLS)” choose “Verify the certificate and the server name” with the estate’s CA file, or ask a HOMS to allow unencrypted connections to this server.'
const NOT_FOUND = 'The server name “db.invalid” could not be found. Check the spelling, or use its IP address.'
const ONLY_HOMS = 'Only a HOMS can allow unencrypted connections to the shared database. Sign in as a HOMS and use Settings, or choose encryption (TLS).'

afterEach(() => {
  vi.restoreAllMocks()
})

const start = servicesPerTest({ now: NOW })

/** Every socket this process opens from now on, by the host it was opened to. */
function watchSockets(): { hosts(): string[] } {
  const connect = vi.spyOn(net.Socket.prototype, 'connect')
  return { hosts: () => connect.mock.calls.map((args) => JSON.stringify(args)) }
}

const ms = (t0: number) => Math.round(performance.now() - t0)

describe('plain text to the shared database (issue 14)', () => {
  it('a connection test, a copy and a switch to a server that is not this computer, unencrypted, are refused in words before any connection is tried', async () => {
    // This computer's own file, a HOMS signed in (the copy needs the file).
    const homs = await start({ local: true })
    const sockets = watchSockets()
    const credentials = { username: 'first.homs', password: TEST_PASSWORD }
    expect(await homs.call('omu:storage.test', { location: NOWHERE, ...credentials })).toEqual({ ok: true, data: { ok: false, message: REFUSED } })
    // A request without the field (an older renderer) is read as not allowed.
    const { allowPlainText: _omitted, ...older } = NOWHERE
    expect(await homs.call('omu:storage.test', { location: older, ...credentials })).toEqual({ ok: true, data: { ok: false, message: REFUSED } })
    expect(await homs.call('omu:storage.copyToShared', { location: NOWHERE, ...credentials })).toEqual({ ok: false, error: { code: 'forbidden', message: REFUSED, field: 'tls' } })
    // Not saved either: every sign-in there would be refused.
    expect(await homs.call('omu:storage.choose', { kind: 'shared', location: NOWHERE })).toEqual({ ok: false, error: { code: 'invalid_input', message: REFUSED, field: 'location › tls' } })
    expect(homs.runtime.storage.kind).toBe('local')
    expect(sockets.hosts().filter((h) => h.includes('db.invalid'))).toEqual([])

    // Loopback and TLS are not this rule's concern: those attempts are made (and fail as they would).
    const loopback = await homs.call('omu:storage.test', { location: { ...NOWHERE, host: '127.0.0.1', port: 1 }, ...credentials })
    expect(loopback).toEqual({ ok: true, data: { ok: false, message: 'Nothing is answering at 127.0.0.1:1. Check the server name and port, and that the database server is running.' } })
    expect(await homs.call('omu:storage.test', { location: { ...NOWHERE, tls: 'require' }, ...credentials })).toEqual({ ok: true, data: { ok: false, message: NOT_FOUND } })

    // Allowed by the HOMS: the attempt is made (here it finds no such server).
    expect(await homs.call('omu:storage.test', { location: { ...NOWHERE, allowPlainText: true }, ...credentials })).toEqual({ ok: true, data: { ok: false, message: NOT_FOUND } })
    expect(sockets.hosts().some((h) => h.includes('db.invalid'))).toBe(true)
    expect(await homs.call('omu:storage.choose', { kind: 'shared', location: { ...NOWHERE, allowPlainText: true } })).toMatchObject({ ok: true, data: { kind: 'shared', location: { host: 'db.invalid', allowPlainText: true } } })
    // Said on every page while it lasts (the status the banner reads).
    expect(await homs.call('omu:app.status')).toMatchObject({ ok: true, data: { storage: { kind: 'shared', plainText: true } } })
    expect(JSON.parse(fs.readFileSync(path.join(homs.userData, 'storage.json'), 'utf8'))).toEqual({ kind: 'shared', location: { ...NOWHERE, allowPlainText: true } })
  })

  it('only a HOMS may allow it; at first run, with nobody on this computer yet, the person setting it up may', async () => {
    const pom = await start({ local: true, as: 'pom' })
    const credentials = { username: 'test.pom', password: TEST_PASSWORD }
    const sockets = watchSockets()
    expect(await pom.call('omu:storage.test', { location: { ...NOWHERE, allowPlainText: true }, ...credentials })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: ONLY_HOMS, field: 'location › allowPlainText' },
    })
    expect(await pom.call('omu:storage.choose', { kind: 'shared', location: { ...NOWHERE, allowPlainText: true } })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // Signed out, on a computer that has users: nobody decides.
    await pom.call('omu:auth.signOut')
    expect(await pom.call('omu:storage.test', { location: { ...NOWHERE, allowPlainText: true }, ...credentials })).toMatchObject({ ok: false, error: { code: 'forbidden', message: ONLY_HOMS } })
    expect(sockets.hosts().filter((h) => h.includes('db.invalid'))).toEqual([])

    const firstRun = await start({ local: true, as: null })
    expect(await firstRun.call('omu:auth.status')).toMatchObject({ ok: true, data: { needsFirstUser: true } })
    expect(await firstRun.call('omu:storage.test', { location: { ...NOWHERE, allowPlainText: true }, ...credentials })).toEqual({ ok: true, data: { ok: false, message: NOT_FOUND } })
    expect(await firstRun.call('omu:storage.choose', { kind: 'shared', location: { ...NOWHERE, allowPlainText: true } })).toMatchObject({ ok: true, data: { location: { allowPlainText: true } } })
  })

  it('a saved location the app may not use unencrypted (a storage.json from before the choice) refuses every sign-in in words, without connecting', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-svc-'))
    const { allowPlainText: _omitted, ...older } = NOWHERE
    fs.writeFileSync(path.join(userData, 'storage.json'), JSON.stringify({ kind: 'shared', location: older }))
    const desk = await start({ userData, local: true, as: null })
    expect(desk.runtime.storage).toMatchObject({ kind: 'shared', location: { host: 'db.invalid', allowPlainText: false } })
    // Nothing is sent, so nothing is said to be unencrypted; the refusal says what to change.
    expect(await desk.call('omu:app.status')).toMatchObject({ ok: true, data: { storage: { kind: 'shared', plainText: false } } })
    const sockets = watchSockets()
    expect(await desk.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD })).toEqual({ ok: false, error: { code: 'forbidden', message: REFUSED, field: 'tls' } })
    expect(sockets.hosts()).toEqual([])
    // The way back stays open: this computer's own file, with nobody signed in.
    expect(await desk.call('omu:storage.choose', { kind: 'local' })).toMatchObject({ ok: true, data: { kind: 'local' } })

    // The same file with a HOMS's permission: the sign-in is sent (and finds no such server).
    writeStorageChoice(path.join(userData, 'storage.json'), { kind: 'shared', location: { ...NOWHERE, allowPlainText: true } })
    const allowed = await start({ userData, local: true, as: null })
    expect(await allowed.call('omu:app.status')).toMatchObject({ ok: true, data: { storage: { kind: 'shared', plainText: true } } })
    expect(await allowed.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { message: NOT_FOUND } })
  })
})

describe.skipIf(!usePostgres())('sign-in limits on a real server (issue 14)', () => {
  it('auth_delay: a wrong password is answered only after the server’s delay, a right one at once; the app pauses a username after five refusals without asking the server', async () => {
    const DELAY = 500
    const cluster = await startCluster({ authDelayMs: DELAY })
    try {
      await provision(cluster.admin, { database: 'omu', migrationsFolder: pgMigrationsFolderFrom(repoRoot()), homs: { username: 'delay.homs', displayName: 'Delay Homs', role: 'homs', password: TEST_PASSWORD }, now: NOW })
      const location: SharedLocation = { host: '127.0.0.1', port: cluster.port, database: 'omu', tls: 'disable', caFile: null, allowPlainText: false }
      const timed = async (password: string): Promise<{ ms: number; ok: boolean }> => {
        const t0 = performance.now()
        try {
          const store = await PostgresStore.open(location, { user: 'delay.homs', password }, () => undefined)
          const took = ms(t0)
          await store.close()
          return { ms: took, ok: true }
        } catch (err) {
          expect(err).toMatchObject({ code: '28P01' })
          return { ms: ms(t0), ok: false }
        }
      }
      const right: number[] = []
      const wrong: number[] = []
      for (let i = 0; i < 3; i++) {
        const r = await timed(TEST_PASSWORD)
        expect(r.ok).toBe(true)
        right.push(r.ms)
        const w = await timed('not the password at all')
        expect(w.ok).toBe(false)
        wrong.push(w.ms)
      }
      console.info(`auth_delay ${DELAY} ms: right password signed in after ${right.join(', ')} ms; wrong password refused after ${wrong.join(', ')} ms`)
      // The server sleeps DELAY ms before refusing (pg_usleep): never sooner, whatever the load.
      for (const w of wrong) expect(w).toBeGreaterThanOrEqual(DELAY - 5)
      // A right password is not delayed: the quickest of three is well inside the delay.
      expect(Math.min(...right)).toBeLessThan(DELAY / 2)

      // The app on this server: five refusals in a row, each after the server's delay...
      let now = NOW.getTime()
      const desk = await startDesk(location, { clock: () => new Date(now), log: () => undefined })
      try {
        const attempts: number[] = []
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now()
          expect(await desk.call('omu:auth.signIn', { username: 'delay.homs', password: `guess number ${i}` })).toEqual({ ok: false, error: { code: 'invalid_input', message: BAD_SIGN_IN } })
          attempts.push(ms(t0))
        }
        for (const a of attempts) expect(a).toBeGreaterThanOrEqual(DELAY - 5)
        // ...then even the right password is refused here, at once, without a connection to the server.
        const sockets = watchSockets()
        const paused = 'Sign-in as delay.homs has been refused 5 times in a row, so it is paused. Wait 30 seconds, then try again. If the password is forgotten, a HOMS can set a new one.'
        let t0 = performance.now()
        expect(await desk.call('omu:auth.signIn', { username: 'delay.homs', password: TEST_PASSWORD })).toEqual({ ok: false, error: { code: 'unavailable', message: paused } })
        const pausedMs = ms(t0)
        // The connection test with the same username is paused too (it would also ask the server).
        expect(await desk.call('omu:storage.test', { location, username: 'delay.homs', password: TEST_PASSWORD })).toMatchObject({ ok: true, data: { ok: false, message: paused } })
        expect(sockets.hosts()).toEqual([])
        expect(pausedMs).toBeLessThan(DELAY / 2)
        console.info(`back-off: five refusals took ${attempts.join(', ')} ms; the sixth attempt was paused after ${pausedMs} ms with no socket opened`)
        // Another username is not paused.
        expect(await desk.call('omu:auth.signIn', { username: 'someone.else', password: 'a guess' })).toEqual({ ok: false, error: { code: 'invalid_input', message: BAD_SIGN_IN } })

        // 30 seconds later (on the app's clock) the right password signs in, which clears the count.
        now += 29_000
        expect(await desk.call('omu:auth.signIn', { username: 'delay.homs', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Wait 1 second,') } })
        now += 1_000
        t0 = performance.now()
        expect(await desk.call('omu:auth.signIn', { username: 'delay.homs', password: TEST_PASSWORD })).toMatchObject({ ok: true, data: { username: 'delay.homs', role: 'homs' } })
        console.info(`after the wait the right password signed in after ${ms(t0)} ms`)
        await desk.call('omu:auth.signOut')
        expect(await desk.call('omu:auth.signIn', { username: 'delay.homs', password: 'wrong again' })).toEqual({ ok: false, error: { code: 'invalid_input', message: BAD_SIGN_IN } })
        expect(desk.services.runtime.signIns.waitMs('delay.homs')).toBe(0)
      } finally {
        await desk.close()
      }
    } finally {
      cluster.stop()
    }
  }, 60_000)

  it('re-authentication (the current password asked again, as for a sign-off or a password change) is paused as a sign-in is, in its own words', async () => {
    const homs = await start()
    for (let i = 0; i < 5; i++) {
      expect(await homs.call('omu:auth.changePassword', { currentPassword: `guess number ${i}`, newPassword: 'a new long password' })).toMatchObject({ ok: false, error: { field: 'currentPassword' } })
    }
    expect(await homs.call('omu:auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'a new long password' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/^Sign-in as first\.homs has been refused 5 times in a row, so it is paused\. Wait 30 seconds/) },
    })
  })
})
