// The shared OMU database's transport rule (issue 14), pure so that the main process (which
// enforces it where every connection is configured, db/store/postgres.ts clientConfig) and the
// Settings form (which shows the HOMS's "allow unencrypted" choice only when it matters) agree.
// No zod here: the renderer imports it.

/**
 * True for an address that never leaves this computer: `localhost`, 127.0.0.0/8 written as four
 * decimal numbers, and ::1 (also as ::ffff:127.x.x.x, bracketed or written out). Anything else,
 * including a name that a hosts file might point at this computer, counts as the network: when in
 * doubt the answer is false, which only means the stricter rule applies.
 */
export function isLoopbackHost(host: string): boolean {
  let h = host.trim().toLowerCase()
  if (h === 'localhost') return true
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1)
  const v4 = ipv4(h)
  if (v4) return v4[0] === 127
  const v6 = ipv6(h)
  if (!v6) return false
  const zeros = (from: number, to: number) => v6.slice(from, to).every((g) => g === 0)
  if (zeros(0, 7) && v6[7] === 1) return true
  // An IPv4-mapped address (::ffff:127.0.0.1) reaches the IPv4 loopback.
  return zeros(0, 5) && v6[5] === 0xffff && v6[6]! >> 8 === 127
}

/**
 * Four decimal numbers 0-255, or null. A resolver may read a leading zero as octal ("0177"), but
 * only a first number of exactly 127 counts as loopback, and 127.x.y.z is loopback however the
 * rest is read; short forms such as 127.1 are not taken as loopback at all.
 */
function ipv4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s)
  if (!m) return null
  const parts = m.slice(1).map(Number)
  return parts.some((p) => p > 255) ? null : parts
}

/** The eight 16-bit groups of an IPv6 address (with :: and an IPv4 tail), or null. */
function ipv6(s: string): number[] | null {
  if (!s.includes(':') || s.includes('%')) return null
  let text = s
  const lastColon = s.lastIndexOf(':')
  const last = s.slice(lastColon + 1)
  if (last.includes('.')) {
    // An IPv4 tail ("::ffff:127.0.0.1") is the last two groups.
    const v4 = ipv4(last)
    if (!v4) return null
    text = `${s.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`
  }
  const halves = text.split('::')
  if (halves.length > 2) return null
  const groups = (part: string) => (part === '' ? [] : part.split(':'))
  const head = groups(halves[0]!)
  const rest = halves.length === 2 ? groups(halves[1]!) : []
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null
  const known = head.length + rest.length
  if (halves.length === 1 ? known !== 8 : known > 7) return null
  const hex = (g: string) => parseInt(g, 16)
  const fill = halves.length === 2 ? Array<number>(8 - known).fill(0) : []
  return [...head.map(hex), ...fill, ...rest.map(hex)]
}

/** The part of a shared database's location the transport rule reads. */
export interface TransportChoice {
  host: string
  tls: 'verify-full' | 'verify-ca' | 'require' | 'disable'
  /** A HOMS's explicit permission to connect to this server without TLS (absent: not given). */
  allowPlainText?: boolean
}

/** True when this location would send sign-ins and records unencrypted across the network. */
export function sendsPlainTextOverNetwork(loc: TransportChoice): boolean {
  return loc.tls === 'disable' && !isLoopbackHost(loc.host)
}

/**
 * Null when the app may connect to this location; otherwise the sentence refusing it, naming what
 * to change. Plain text is refused to anything but this computer unless a HOMS allowed it.
 */
export function plainTextRefusal(loc: TransportChoice): string | null {
  if (!sendsPlainTextOverNetwork(loc) || loc.allowPlainText === true) return null
  return `Connections to ${loc.host.trim()} are not encrypted, so the app will not send sign-ins or records there. Under “Encryption (TLS)” choose “Verify the certificate and the server name” with the estate’s CA file, or ask a HOMS to allow unencrypted connections to this server.`
}
