import { dictionary } from '@zxcvbn-ts/language-common'

// What a new password must be (issue 15), the one rule for every way a password is set: the first
// user, a HOMS adding a user or setting one's password (users.save), changing one's own
// (auth.changePassword), and IT's command for the shared database (scripts/db.ts). NCSC and
// NIST SP 800-63B: length and a check against known-bad passwords, not composition rules.
//
// The list of common passwords is the one zxcvbn-ts maintains (@zxcvbn-ts/language-common,
// about 49,000 passwords seen most often in breaches). It is checked here, in the main process,
// not in the zod contract: the contract is also the renderer's, and the list would add half a
// megabyte to its bundle. The contract keeps the length limits, so a form can say those at once.

export const MIN_PASSWORD_LENGTH = 12

let common: Set<string> | null = null
/** Built at first use (about 30 ms), not at start-up. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()))
  return common
}

/**
 * What is wrong with `password` as a new password for `username`, as a sentence to show under the
 * field; null when it may be used.
 */
export function passwordProblem(password: string, username: string): string | null {
  const chars = [...password]
  if (chars.length < MIN_PASSWORD_LENGTH) return `Use a password of at least ${MIN_PASSWORD_LENGTH} characters (three random words work well).`
  if (chars.every((c) => c === chars[0])) return 'Use a password that is not one character repeated (three random words work well).'
  const lower = password.toLowerCase()
  const name = username.trim().toLowerCase()
  if (name && (lower === name || lower.replace(/[^a-z0-9]/g, '') === name.replace(/[^a-z0-9]/g, ''))) return 'Use a password that is not the username.'
  if (commonPasswords().has(lower)) return 'That password is on a list of passwords people use most often, which are tried first. Choose another (three random words work well).'
  return null
}
