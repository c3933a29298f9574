import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../db/bootstrap'
import { migrationsFolderFrom } from '../../db/paths'
import { formatRecoveryKey, isPlainSqliteFile, openSqliteFile } from '../../db/sqliteFile'
import { repoRoot } from '../../db/testing'
import { type KeyProtector } from '../../electron/services/storage/dataKey'
import { usePostgres } from '../pg/workers'
import { OTHER_ACCOUNT, TEST_ACCOUNT } from '../testKeys'
import { fileAccess, HMP_TESTSHIRE, oneAllocatedCase, servicesPerTest, TEST_PASSWORD, TEST_PRISONER, type ServicesHandle } from './helpers'

// Issue 15, "Data at rest": "The data file, its WAL and every backup are encrypted ... The key is
// created at first run, held by the operating system's protection for the signed-in account, and
// never written in plain text. A HOMS can export a recovery key once ... restoring asks for it when
// the OS key is not available. Existing plain files are encrypted in place on upgrade, with a
// backup first." SQLite files only: the shared database's storage is the server's (docs/SECURITY.md).

const start = servicesPerTest({ now: new Date('2026-11-23T10:00:00Z') })
const MIGRATIONS = migrationsFolderFrom(repoRoot())

/** Every file in the data folder and the backup folder that mentions `text` in its bytes. */
function filesHolding(userData: string, text: string): string[] {
  const out: string[] = []
  for (const dir of [userData, path.join(userData, 'backups')]) {
    if (!fs.existsSync(dir)) continue
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name)
      if (fs.statSync(file).isFile() && fs.readFileSync(file).includes(Buffer.from(text))) out.push(name)
    }
  }
  return out
}

async function exportedKey(svc: ServicesHandle): Promise<string> {
  const r = await svc.call('omu:backup.exportRecoveryKey', { password: TEST_PASSWORD })
  if (!r.ok) throw new Error(r.error.message)
  return r.data.recoveryKey
}

describe.skipIf(usePostgres())('encryption at rest (issue 15)', () => {
  it('the data file, its WAL and every backup hold no plain text; the key file holds the key only sealed', async () => {
    const svc = await start()
    await oneAllocatedCase(svc)
    expect((await svc.call('omu:backup.backUpNow')).ok).toBe(true)
    const dbPath = svc.runtime.config.dbPath
    // The WAL is there while the app is open, holding the latest writes.
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(true)
    expect(filesHolding(svc.userData, TEST_PRISONER.lastName)).toEqual([])
    expect(filesHolding(svc.userData, HMP_TESTSHIRE.name)).toEqual([])
    expect(isPlainSqliteFile(dbPath)).toBe(false)
    const backups = fs.readdirSync(path.join(svc.userData, 'backups'))
    expect(backups.length).toBeGreaterThan(0)
    for (const b of backups) expect(isPlainSqliteFile(path.join(svc.userData, 'backups', b)), b).toBe(false)
    const key = fileAccess(svc).key
    expect(key).not.toBeNull()
    const keyFile = fs.readFileSync(path.join(svc.userData, 'omu-data-key.json'), 'utf8')
    for (const form of [key!.toString('hex'), key!.toString('hex').toUpperCase(), key!.toString('base64'), formatRecoveryKey(key!)]) expect(keyFile).not.toContain(form)
    if (process.platform !== 'win32') expect(fs.statSync(path.join(svc.userData, 'omu-data-key.json')).mode & 0o077).toBe(0)
  })

  it('under another account the data file asks for its recovery key; a wrong one is refused, the right one opens it and is sealed for that account', async () => {
    const first = await start()
    await first.call('omu:establishment.setup', HMP_TESTSHIRE)
    const recoveryKey = await exportedKey(first)
    await first.close()
    const other = await start({ userData: first.userData, keys: OTHER_ACCOUNT, as: null })
    const status = await other.call('omu:app.status')
    expect(status.ok && status.data).toMatchObject({ state: 'recovery', problem: { kind: 'key_unavailable', message: expect.stringContaining('Enter the recovery key') } })
    const wrong = formatRecoveryKey(Buffer.alloc(32, 1))
    expect(await other.call('omu:recovery.enterRecoveryKey', { recoveryKey: wrong })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'recoveryKey', message: expect.stringContaining('does not open this data file') } })
    expect(await other.call('omu:recovery.enterRecoveryKey', { recoveryKey: 'not a key' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'recoveryKey', message: expect.stringContaining('64 characters') } })
    // Typed as it was printed, in lower case with spaces for dashes: still the key.
    const opened = await other.call('omu:recovery.enterRecoveryKey', { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') })
    expect(opened.ok && opened.data).toMatchObject({ state: 'ready', problem: null })
    await other.close()
    const again = await start({ userData: first.userData, keys: OTHER_ACCOUNT })
    expect(await again.call('omu:establishment.get')).toMatchObject({ ok: true, data: { name: HMP_TESTSHIRE.name } })
  })

  it('the recovery key is exported once, by a HOMS with their password, saved as a file with a warning, and audited without the key', async () => {
    const svc = await start()
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    expect(await svc.call('omu:backup.exportRecoveryKey', { password: 'not my password' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const r = await svc.call('omu:backup.exportRecoveryKey', { password: TEST_PASSWORD })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/)
    expect(r.data.recoveryKey).toBe(formatRecoveryKey(fileAccess(svc).key!))
    const saved = fs.readFileSync(r.data.savedTo ?? '', 'utf8')
    expect(saved).toContain(r.data.recoveryKey)
    expect(saved).toContain('Anyone who has it and a copy of the data file can read everything in it')
    const second = await svc.call('omu:backup.exportRecoveryKey', { password: TEST_PASSWORD })
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('only once') } })
    const audit = await svc.call('omu:audit.list', {})
    const text = JSON.stringify(audit)
    expect(text).not.toContain(r.data.recoveryKey)
  })

  it('a POM cannot export the recovery key', async () => {
    const svc = await start({ as: 'pom' })
    expect(await svc.call('omu:backup.exportRecoveryKey', { password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('a backup made on another computer is restored with that computer’s recovery key, and re-encrypted with this one’s', async () => {
    const laptopA = await start()
    await laptopA.call('omu:establishment.setup', { ...HMP_TESTSHIRE, name: 'HMP Old Laptop' })
    const taken = await laptopA.call('omu:backup.backUpNow')
    const keyA = await exportedKey(laptopA)
    const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-usb-'))
    const file = path.join(usb, 'from the old laptop.db')
    fs.copyFileSync(path.join(laptopA.userData, 'backups', taken.ok ? taken.data.id : ''), file)

    const laptopB = await start()
    await laptopB.call('omu:establishment.setup', { ...HMP_TESTSHIRE, name: 'HMP New Laptop' })
    const asked = await laptopB.call('omu:backup.restore', { path: file, password: TEST_PASSWORD })
    expect(asked).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'recoveryKey', message: expect.stringContaining('recovery key') } })
    const restored = await laptopB.call('omu:backup.restore', { path: file, password: TEST_PASSWORD, recoveryKey: keyA })
    expect(restored).toMatchObject({ ok: true, data: { status: { state: 'ready' } } })
    await laptopB.call('omu:auth.signIn', { username: 'first.homs', password: TEST_PASSWORD })
    expect(await laptopB.call('omu:establishment.get')).toMatchObject({ ok: true, data: { name: 'HMP Old Laptop' } })
    // The restored data file is laptop B's own now: its key, not A's.
    const dbPath = laptopB.runtime.config.dbPath
    expect(() => openSqliteFile(dbPath, fileAccess(laptopA), { readonly: true }).close()).toThrow()
    openSqliteFile(dbPath, fileAccess(laptopB), { readonly: true }).close()
    fs.rmSync(usb, { recursive: true, force: true })
  })

  it('a plain data file and plain backups from before encryption are encrypted in place at start, with the plain copy gone afterwards', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-upgrade-'))
    const dbPath = path.join(userData, 'omu.db')
    const backupDir = path.join(userData, 'backups')
    const plain = await openStore(dbPath, { migrationsFolder: MIGRATIONS, backupDir, access: { key: null } })
    plain.store.sqlite.prepare("insert into establishment (id, name, code, category, updated_at) values (1, 'HMP Plain Old', 'OLD', 'training', 'x')").run()
    fs.mkdirSync(backupDir, { recursive: true })
    plain.store.sqlite.prepare('vacuum into ?').run(path.join(backupDir, 'omu-20261101T080000Z-manual.db'))
    await plain.store.close()
    expect(filesHolding(userData, 'HMP Plain Old').sort()).toEqual(['omu-20261101T080000Z-manual.db', 'omu.db'])

    const svc = await start({ userData, as: null })
    expect(filesHolding(userData, 'HMP Plain Old')).toEqual([])
    expect(fs.readdirSync(userData).filter((n) => n.includes('before-encryption'))).toEqual([])
    const read = openSqliteFile(dbPath, fileAccess(svc), { readonly: true })
    expect(read.prepare('select name from establishment').get()).toEqual({ name: 'HMP Plain Old' })
    read.close()
    const backup = openSqliteFile(path.join(backupDir, 'omu-20261101T080000Z-manual.db'), fileAccess(svc), { readonly: true })
    expect(backup.prepare('select name from establishment').get()).toEqual({ name: 'HMP Plain Old' })
    backup.close()
  })

  it('an encryption stopped part-way is finished at the next start from the plain copy taken first', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-upgrade-'))
    const dbPath = path.join(userData, 'omu.db')
    const plain = await openStore(dbPath, { migrationsFolder: MIGRATIONS, backupDir: path.join(userData, 'backups'), access: { key: null } })
    plain.store.sqlite.prepare("insert into establishment (id, name, code, category, updated_at) values (1, 'HMP Half Way', 'HLF', 'training', 'x')").run()
    await plain.store.close()
    // The copy was taken, then the computer stopped while the file was being rewritten.
    fs.copyFileSync(dbPath, `${dbPath}.before-encryption`)
    const fd = fs.openSync(dbPath, 'r+')
    fs.writeSync(fd, Buffer.alloc(8192, 0x3c), 0, 8192, 0)
    fs.closeSync(fd)
    const svc = await start({ userData, as: null })
    expect((await svc.call('omu:app.status')).ok).toBe(true)
    expect(filesHolding(userData, 'HMP Half Way')).toEqual([])
    const read = openSqliteFile(dbPath, fileAccess(svc), { readonly: true })
    expect(read.prepare('select name from establishment').get()).toEqual({ name: 'HMP Half Way' })
    read.close()
  })

  it('where the operating system cannot protect a key, no key and no data file are made, and the page says why', async () => {
    const unprotected: KeyProtector = { ...TEST_ACCOUNT, unavailableReason: () => 'This Linux account has no keyring (such as GNOME Keyring or KWallet) unlocked for OMU Desk.' }
    const svc = await start({ keys: unprotected, as: null })
    const status = await svc.call('omu:app.status')
    expect(status.ok && status.data).toMatchObject({ state: 'recovery', problem: { kind: 'no_key_protection', message: expect.stringContaining('no keyring') } })
    expect(fs.existsSync(path.join(svc.userData, 'omu-data-key.json'))).toBe(false)
    expect(fs.existsSync(path.join(svc.userData, 'omu.db'))).toBe(false)
  })
})
