import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { DATA_KEY_BYTES, keyFingerprint, newDataKey, type DataKey } from '../../../db/sqliteFile'

// Issue 15: the data file's key is created at first run and kept only sealed by the operating
// system's protection for the signed-in account (Electron safeStorage: DPAPI on Windows, the
// Keychain on macOS, the Secret Service keyring on Linux). The file beside the data file holds the
// sealed key, never the key itself; another account or computer cannot unseal it, and then the
// recovery key a HOMS exported opens the data file instead.

/** What the app needs of the operating system's protection for the signed-in account. */
export interface KeyProtector {
  /** Null when secrets can be sealed for this account; otherwise the sentence saying why not. */
  unavailableReason(): string | null
  seal(secret: Buffer): Buffer
  /** Throws when the secret was sealed by another account or computer. */
  unseal(sealed: Buffer): Buffer
}

/**
 * A protector that seals with AES-256-GCM under a secret it is given. It stands in for the
 * operating system where there is none (tests, the benchmark, `npm run db:*` with a recovery key):
 * one secret is one "account". The app itself only ever uses the OS's protection (electron/main.ts).
 */
export function secretKeyProtector(secret: Buffer): KeyProtector {
  const key = crypto.createHash('sha256').update(secret).digest()
  return {
    unavailableReason: () => null,
    seal(plain) {
      const iv = crypto.randomBytes(12)
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    unseal(sealed) {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12))
      decipher.setAuthTag(sealed.subarray(12, 28))
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()])
    },
  }
}

const keyFileSchema = z.object({
  version: z.literal(1),
  /** The data key sealed by the OS for this account, base64. */
  sealedKey: z.string().min(1),
  /** keyFingerprint of the key: not secret, tells keys apart. */
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  /** When and by whom the recovery key was exported (it can be exported once). */
  recoveryExported: z.object({ at: z.string(), by: z.string() }).nullable(),
})
type KeyFile = z.infer<typeof keyFileSchema>

export type KeyState =
  | { kind: 'ready'; key: DataKey; fingerprint: string }
  /** No key file: the first run, or a data file brought from elsewhere. */
  | { kind: 'missing' }
  /** A key file this account cannot unseal (another account, another computer, a damaged file). */
  | { kind: 'sealed_elsewhere' }

/** The sealed key beside the data file (omu-data-key.json), written whole or not at all, 0600. */
export class DataKeyFile {
  constructor(
    readonly file: string,
    private readonly protector: KeyProtector,
  ) {}

  static beside(dbPath: string, protector: KeyProtector): DataKeyFile {
    return new DataKeyFile(path.join(path.dirname(dbPath), 'omu-data-key.json'), protector)
  }

  unavailableReason(): string | null {
    return this.protector.unavailableReason()
  }

  private readFile(): KeyFile | null | 'damaged' {
    let text: string
    try {
      text = fs.readFileSync(this.file, 'utf8')
    } catch {
      return null
    }
    try {
      const parsed = keyFileSchema.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : 'damaged'
    } catch {
      return 'damaged'
    }
  }

  read(): KeyState {
    const file = this.readFile()
    if (file === null) return { kind: 'missing' }
    if (file === 'damaged') return { kind: 'sealed_elsewhere' }
    try {
      const key = this.protector.unseal(Buffer.from(file.sealedKey, 'base64'))
      if (key.length !== DATA_KEY_BYTES || keyFingerprint(key) !== file.fingerprint) return { kind: 'sealed_elsewhere' }
      return { kind: 'ready', key, fingerprint: file.fingerprint }
    } catch {
      return { kind: 'sealed_elsewhere' }
    }
  }

  /** A new random key, sealed and written before it is used for anything. */
  create(): DataKey {
    const key = newDataKey()
    this.adopt(key, null)
    return key
  }

  /** Seals `key` for this account (a new key, or one entered as a recovery key) and writes it. */
  adopt(key: DataKey, recoveryExported: KeyFile['recoveryExported']): void {
    this.write({ version: 1, sealedKey: this.protector.seal(key).toString('base64'), fingerprint: keyFingerprint(key), recoveryExported })
  }

  recoveryExported(): KeyFile['recoveryExported'] {
    const file = this.readFile()
    return file && file !== 'damaged' ? file.recoveryExported : null
  }

  markRecoveryExported(at: string, by: string): void {
    const file = this.readFile()
    if (!file || file === 'damaged') throw new Error('No key file to record the recovery key export in')
    this.write({ ...file, recoveryExported: { at, by } })
  }

  private write(content: KeyFile): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(content, null, 2), { mode: 0o600 })
    fs.renameSync(tmp, this.file)
  }
}
