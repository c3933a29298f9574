import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

// Passwords are stored only as scrypt hashes (memory-hard) with a per-user random salt (issue 7).
// Issue 15: the parameters follow OWASP's Password Storage Cheat Sheet for scrypt (N = 2^17,
// r = 8, p = 1): 128 MiB and about 0.35 s per hash on a laptop core. Each stored hash says which
// parameters made it ('scrypt$N$r$p$salt$hash'), so a sign-in can tell an older hash from a
// current one.
const N = 2 ** 17
const R = 8
const P = 1
const KEYLEN = 32
/** scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is below what N = 2^17 needs. */
const MAXMEM = 256 * 1024 * 1024

/**
 * What sign-in does with a stored hash, by its parameters (issue 15):
 *
 * - current (N ≥ 2^17, r ≥ 8): checked as it is;
 * - older but made by this app (N = 2^14 or 2^15 with r = 8, p = 1: earlier versions' settings):
 *   checked, and on a right password replaced by a current hash in the same sign-in, without the
 *   user doing anything;
 * - anything weaker than that floor (or a hash that is not an app's scrypt string at all): no
 *   version of this app made it, so only an edited data file can hold it; it is refused at
 *   sign-in whatever password is given, and a HOMS must set a new password;
 * - anything above the ceiling (N > 2^20, r > 16, p > 4) is refused too: checking it would take
 *   seconds or gigabytes, so an edited file could stall every sign-in.
 */
export const FLOOR = { N: 2 ** 14, r: 8, p: 1 } as const
const CEILING = { N: 2 ** 20, r: 16, p: 4 } as const

export type HashStanding = 'current' | 'upgrade' | 'refused'

interface Parsed {
  n: number
  r: number
  p: number
  salt: Buffer
  hash: Buffer
}

function parse(stored: string): Parsed | null {
  const [scheme, n, r, p, salt, hash, extra] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash || extra !== undefined) return null
  const nums = [n, r, p].map((v) => (/^\d{1,8}$/.test(v) ? Number(v) : NaN))
  const [pn, pr, pp] = nums as [number, number, number]
  if (nums.some((v) => !Number.isSafeInteger(v))) return null
  // N must be a power of two above 1 (scrypt refuses anything else).
  if (pn < 2 || (pn & (pn - 1)) !== 0) return null
  return { n: pn, r: pr, p: pp, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') }
}

/** How sign-in must treat this stored hash (see FLOOR above). */
export function hashStanding(stored: string): HashStanding {
  const h = parse(stored)
  if (!h || h.hash.length !== KEYLEN || h.salt.length < 16) return 'refused'
  if (h.n < FLOOR.N || h.r < FLOOR.r || h.p < FLOOR.p) return 'refused'
  if (h.n > CEILING.N || h.r > CEILING.r || h.p > CEILING.p) return 'refused'
  return h.n >= N && h.r >= R && h.p >= P ? 'current' : 'upgrade'
}

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, N, R, P)
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`
}

/**
 * A hash of no one's password made with the current parameters, checked when the username is
 * unknown (or its stored hash is refused): the refusal then costs what a known user's does (issue
 * 15), so the time taken says nothing about which usernames exist. Made once, at first use.
 */
let dummy: Promise<string> | null = null
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64'))
  return dummy
}

/** True when `password` matches `stored`; false for a wrong password or a hash refused by `hashStanding`. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (hashStanding(stored) === 'refused') return false
  const h = parse(stored)
  if (!h) return false
  const key = await derive(password, h.salt, h.n, h.r, h.p)
  return key.length === h.hash.length && timingSafeEqual(key, h.hash)
}
