import { safeStorage } from 'electron'
import type { KeyProtector } from './services/storage/dataKey'

// Issue 15: the data key is sealed by Electron's safeStorage, which uses the operating system's
// protection for the signed-in account: DPAPI on Windows, the Keychain on macOS, the Secret
// Service (GNOME Keyring, KWallet) on Linux. On Linux without a keyring safeStorage falls back to
// a fixed, public password ("basic_text"), which protects nothing: the app treats that as no
// protection at all rather than write a key anyone could unseal.

/** Why safeStorage cannot protect a key here, or null when it can. Pure, for tests of the wording. */
export function safeStorageProblem(available: boolean, platform: NodeJS.Platform, backend: string | null): string | null {
  if (!available) return 'This computer’s account has no protected key store OMU Desk can use.'
  if (platform === 'linux' && (backend === 'basic_text' || backend === 'unknown')) {
    return 'This Linux account has no keyring (such as GNOME Keyring or KWallet) unlocked for OMU Desk.'
  }
  return null
}

export function osKeyProtector(): KeyProtector {
  return {
    unavailableReason: () =>
      safeStorageProblem(safeStorage.isEncryptionAvailable(), process.platform, process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null),
    // The key travels as base64 text: safeStorage seals strings.
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  }
}
