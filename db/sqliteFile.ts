import Database from 'better-sqlite3'
import crypto from 'node:crypto'
import fs from 'node:fs'

// Issue 15, data at rest: every SQLite file the app writes (the data file, its WAL, every backup)
// is encrypted. The driver is better-sqlite3-multiple-ciphers, installed under the name
// better-sqlite3 (package.json: "better-sqlite3": "npm:better-sqlite3-multiple-ciphers@..."): a
// maintained fork with better-sqlite3's API and the SQLite3 Multiple Ciphers extension. It is used
// in SQLCipher 4 mode so IT can open a file with the standard SQLCipher tools and the recovery key
// if the app itself cannot run. This module is the only place a file is opened with a key.

/** The data key: 32 random bytes, used as SQLCipher's raw key (no passphrase derivation). */
export type DataKey = Buffer

export const DATA_KEY_BYTES = 32

/** How the app's SQLite files are opened: the driver build for this ABI, and the key (null: a plain file). */
export interface SqliteAccess {
  /** A better-sqlite3 build for the running ABI (Electron's differs from Node's); default: the package's own. */
  nativeBinding?: string
  key: DataKey | null
}

export interface OpenFileOptions {
  readonly?: boolean
  fileMustExist?: boolean
}

/** The data file could not be read with the key given: it was encrypted with another one. */
export class WrongKeyError extends Error {
  constructor(readonly file: string) {
    super(`The file at ${file} is encrypted with another key`)
    this.name = 'WrongKeyError'
  }
}

export function newDataKey(): DataKey {
  return crypto.randomBytes(DATA_KEY_BYTES)
}

/** A short, non-secret name for a key (the first 8 bytes of its SHA-256), to tell keys apart in messages and files. */
export function keyFingerprint(key: DataKey): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 16)
}

function useKey(db: Database.Database, pragma: 'key' | 'rekey', key: DataKey): void {
  if (key.length !== DATA_KEY_BYTES) throw new Error('A data key is 32 bytes')
  // SQLCipher 4's format (legacy=4) with its raw-key form x'...': the key is random, so no KDF is needed.
  db.pragma("cipher = 'sqlcipher'")
  db.pragma('legacy = 4')
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`)
}

/**
 * Opens an SQLite file with the app's driver and, when a key is given, decrypts it with that key.
 * A wrong key shows only on the first read (SQLITE_NOTADB), so it is read here: a file that
 * cannot be read with the key throws WrongKeyError, never half-opens.
 */
export function openSqliteFile(file: string, access: SqliteAccess, opts: OpenFileOptions = {}): Database.Database {
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.fileMustExist ?? false, nativeBinding: access.nativeBinding })
  try {
    if (access.key) useKey(db, 'key', access.key)
    db.prepare('select count(*) from sqlite_master').get()
  } catch (err) {
    db.close()
    if ((err as { code?: string }).code === 'SQLITE_NOTADB' && access.key) throw new WrongKeyError(file)
    throw err
  }
  return db
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** True when the file starts with SQLite's plain header (an unencrypted database); false for an encrypted, empty or missing file. */
export function isPlainSqliteFile(file: string): boolean {
  let fd: number | undefined
  try {
    fd = fs.openSync(file, 'r')
    const head = Buffer.alloc(PLAIN_HEADER.length)
    const n = fs.readSync(fd, head, 0, head.length, 0)
    return n === head.length && head.equals(PLAIN_HEADER)
  } catch {
    return false
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

/**
 * Re-encrypts a file that no connection has open: from `from` (null: a plain file) to `to`.
 * SQLite3 Multiple Ciphers rewrites every page inside one transaction, which it cannot do in WAL
 * mode: the WAL is checkpointed into the file and the journal switched to DELETE first, then back.
 */
export function rekeyFile(file: string, from: DataKey | null, to: DataKey, nativeBinding?: string): void {
  const db = openSqliteFile(file, { key: from, nativeBinding }, { fileMustExist: true })
  try {
    const mode = String(db.pragma('journal_mode', { simple: true }))
    if (mode === 'wal') db.pragma('journal_mode = DELETE')
    if (from) db.pragma(`rekey = "x'${to.toString('hex')}'"`)
    else useKey(db, 'rekey', to)
    if (mode === 'wal') db.pragma('journal_mode = WAL')
  } finally {
    db.close()
  }
}

// The recovery key is the data key written for people: 64 hex digits in 16 groups of 4, so it can
// be read aloud or typed from paper. Spaces, dashes and case are ignored when it is entered.

export function formatRecoveryKey(key: DataKey): string {
  return (key.toString('hex').toUpperCase().match(/.{4}/g) ?? []).join('-')
}

/** The key a recovery key names; null when the text is not one (wrong length or characters). */
export function parseRecoveryKey(text: string): DataKey | null {
  const hex = text.replace(/[\s-]/g, '')
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return null
  return Buffer.from(hex, 'hex')
}
