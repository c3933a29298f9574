import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { clientConfig, PlainTextRefusedError, PostgresStore } from '../../db/store/postgres'
import { readStorageChoice } from '../../electron/services/storage/choice'
import { isLoopbackHost, plainTextRefusal, sendsPlainTextOverNetwork } from '../../shared/transport'

// Issue 14: plain text to the shared database is refused to anything but this computer unless a
// HOMS allowed it, where every connection is configured, before any name is looked up.

const creds = { user: 'sam.pom', password: 'a long pom password' }
const remote = { host: 'db.example', port: 5432, database: 'omu', tls: 'disable' as const, caFile: null }

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the transport rule (issue 14)', () => {
  it('knows this computer’s own addresses, and counts every other name as the network', () => {
    for (const h of ['localhost', 'LOCALHOST', ' localhost ', '127.0.0.1', '127.255.255.254', '127.1.2.3', '::1', '[::1]', '0:0:0:0:0:0:0:1', '0000::0001', '::ffff:127.0.0.1', '::FFFF:7f00:1', '[::ffff:127.9.9.9]']) {
      expect(isLoopbackHost(h), h).toBe(true)
    }
    for (const h of ['db.example', 'omu-db.example.gov.uk', '10.20.30.40', '128.0.0.1', '126.255.255.255', '0.0.0.0', '127.1', '127.0.0.256', '1127.0.0.1', '::', '::2', '::1:1', '1::1', 'fe80::1%lo', '::ffff:10.0.0.1', 'localhost.', 'localhost.example', 'db.localhost', '127.0.0.1.example', '[::1', ':::1', '1:2:3:4:5:6:7:8:9']) {
      expect(isLoopbackHost(h), h).toBe(false)
    }
  })

  it('refuses plain text to the network unless allowed, in a sentence naming what to change; TLS or this computer is never refused', () => {
    expect(plainTextRefusal(remote)).toBe(
      'Connections to db.example are not encrypted, so the app will not send sign-ins or records there. Under “Encryption (TLS)” choose “Verify the certificate and the server name” with the estate’s CA file, or ask a HOMS to allow unencrypted connections to this server.',
    )
    expect(plainTextRefusal({ ...remote, allowPlainText: false })).not.toBeNull()
    expect(plainTextRefusal({ ...remote, allowPlainText: true })).toBeNull()
    for (const tls of ['verify-full', 'verify-ca', 'require'] as const) expect(plainTextRefusal({ ...remote, tls })).toBeNull()
    expect(plainTextRefusal({ ...remote, host: '127.0.0.1' })).toBeNull()
    expect(plainTextRefusal({ ...remote, host: 'localhost' })).toBeNull()
    expect(sendsPlainTextOverNetwork(remote)).toBe(true)
    expect(sendsPlainTextOverNetwork({ ...remote, host: '::1' })).toBe(false)
  })

  it('every connection’s configuration is refused before a socket is opened or a name looked up', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect')
    expect(() => clientConfig(remote, creds)).toThrow(PlainTextRefusedError)
    expect(() => clientConfig({ ...remote, host: '10.20.30.40', allowPlainText: false }, creds)).toThrow(/^Connections to 10\.20\.30\.40 are not encrypted/)
    await expect(PostgresStore.open(remote, creds, () => undefined)).rejects.toBeInstanceOf(PlainTextRefusedError)
    expect(connect).not.toHaveBeenCalled()
    // Allowed, or to this computer: configured as before (nothing is connected here).
    expect(clientConfig({ ...remote, allowPlainText: true }, creds)).toMatchObject({ host: 'db.example', ssl: false })
    expect(clientConfig({ ...remote, host: '127.0.0.1' }, creds)).toMatchObject({ host: '127.0.0.1', ssl: false })
    expect(clientConfig({ ...remote, tls: 'require' }, creds)).toMatchObject({ ssl: { rejectUnauthorized: false } })
  })

  it('a storage.json saved before the choice existed reads as not allowed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-transport-'))
    try {
      const file = path.join(dir, 'storage.json')
      fs.writeFileSync(file, JSON.stringify({ kind: 'shared', location: { host: 'db.example', port: 5432, database: 'omu', tls: 'disable', caFile: null } }))
      expect(readStorageChoice(file)).toEqual({ kind: 'shared', location: { ...remote, allowPlainText: false } })
      fs.writeFileSync(file, JSON.stringify({ kind: 'shared', location: { ...remote, allowPlainText: true } }))
      expect(readStorageChoice(file)).toEqual({ kind: 'shared', location: { ...remote, allowPlainText: true } })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
