import type Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'

// Issue 15, "Forgetting and disclosing": the audit trail stays tamper-evident. Each row carries
//   payload_digest = SHA-256("omu-audit-payload-v1;" salt before after), with a random salt per row,
//                    so a short payload (a date of birth) cannot be found by guessing it;
//   row digest     = SHA-256("omu-audit-row-v1;" chain_seq id at user_id username role channel
//                    entity entity_id payload_digest): what happened, when, by whom, on which record;
//   chain_hash     = SHA-256(previous row's chain_hash, or 64 zeros for the first, + row digest).
// Each field is written as "<UTF-8 byte length>:<text>;" (or "~;" for NULL), so no two different
// rows encode alike. The row digest is not stored: the check works it out from the columns it
// covers, and a stored copy could only agree with them or be forged with them.
//
// A retention purge replaces before and after with the marker {"purged":true} and leaves the salt,
// payload_digest and chain_hash as they were, so the chain still verifies after it: the check
// compares payload_digest with the payload only when the payload is not the marker.
//
// Where it is worked out: on this computer's file by the app's one audit writer
// (electron/services/audit.ts) in the same write transaction, reading the last row; in the shared
// database by the server (db/migrations-pg/0007_audit_chain.sql, the same encoding in PL/pgSQL),
// so no login can write a row outside the chain. The check below is the same for both.
//
// What it proves: a row changed, removed or put in with the append-only triggers out of the way
// breaks the chain at that row (or the one after a removed row). It does not stop someone with
// the file and this source from working out a whole new chain; the shared database's head row
// (which no login may change) and the server's rights are what stop that there.

export const CHAIN_GENESIS = '0'.repeat(64)

/** The marker a purge leaves in place of a payload (electron/services/trust/store.ts PURGED). */
export const PURGED_PAYLOAD = '{"purged":true}'

/** The columns the chain covers, as stored (ids as numbers, everything else text). */
export interface ChainFields {
  id: number
  at: string
  userId: number | null
  username: string
  role: string
  channel: string
  entity: string
  entityId: string | null
  before: string | null
  after: string | null
}

export interface ChainLink {
  chainSeq: number
  salt: string
  payloadDigest: string
  chainHash: string
}

export type ChainedRow = ChainFields & { [K in keyof ChainLink]: ChainLink[K] | null }

const field = (v: string | number | null): string => {
  if (v === null) return '~;'
  const s = String(v)
  return `${Buffer.byteLength(s, 'utf8')}:${s};`
}

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex')

export function newSalt(): string {
  return randomBytes(16).toString('hex')
}

export function payloadDigestOf(salt: string, before: string | null, after: string | null): string {
  return sha256(`omu-audit-payload-v1;${field(salt)}${field(before)}${field(after)}`)
}

export function rowDigestOf(r: ChainFields, chainSeq: number, payloadDigest: string): string {
  return sha256(
    `omu-audit-row-v1;${field(chainSeq)}${field(r.id)}${field(r.at)}${field(r.userId)}${field(r.username)}${field(r.role)}${field(r.channel)}${field(r.entity)}${field(r.entityId)}${field(payloadDigest)}`,
  )
}

export function chainHashOf(previous: string, rowDigest: string): string {
  return sha256(previous + rowDigest)
}

/** The link of a new row that follows `previous` (null: the first row of the trail). */
export function linkAfter(previous: { chainSeq: number; chainHash: string } | null, row: ChainFields, salt = newSalt()): ChainLink {
  const chainSeq = (previous?.chainSeq ?? 0) + 1
  const payloadDigest = payloadDigestOf(salt, row.before, row.after)
  return { chainSeq, salt, payloadDigest, chainHash: chainHashOf(previous?.chainHash ?? CHAIN_GENESIS, rowDigestOf(row, chainSeq, payloadDigest)) }
}

/** Whether a payload is what a purge left: every part of it that is not empty is the marker. */
function purged(r: Pick<ChainFields, 'before' | 'after'>): boolean {
  return (r.before !== null || r.after !== null) && (r.before === null || r.before === PURGED_PAYLOAD) && (r.after === null || r.after === PURGED_PAYLOAD)
}

export interface BrokenEntry {
  /** The audit row's id (null when the break is rows missing after the last one, or no row at all). */
  id: number | null
  at: string | null
  /** What is wrong, as the end of a sentence ("its details were changed after it was written"). */
  problem: string
}

export interface ChainCheck {
  ok: boolean
  checkedRows: number
  firstBrokenRow?: BrokenEntry
}

/**
 * Checks rows fed in chain order (by chain_seq), stopping at the first break. `add` returns false
 * once broken. `finish` compares the end with the chain's head where the backend keeps one.
 */
export class ChainVerifier {
  private previous: { chainSeq: number; chainHash: string } | null = null
  private last: { id: number; at: string } | null = null
  private checked = 0
  private broken: BrokenEntry | undefined

  /** A row written without a link (its chain columns empty): it is outside the chain. */
  unchained(row: { id: number; at: string }): void {
    this.broken ??= { id: row.id, at: row.at, problem: 'it is not part of the chain (written without its hash, or its hash removed)' }
  }

  add(row: ChainedRow): boolean {
    if (this.broken) return false
    const at = { id: row.id, at: row.at }
    const expectedSeq = (this.previous?.chainSeq ?? 0) + 1
    if (row.chainSeq === null || row.salt === null || row.payloadDigest === null || row.chainHash === null) {
      this.unchained(row)
    } else if (row.chainSeq !== expectedSeq) {
      const gone = row.chainSeq - expectedSeq
      this.broken = { ...at, problem: gone > 0 ? `${gone === 1 ? 'the entry' : `${gone} entries`} before it ${gone === 1 ? 'has' : 'have'} been removed` : 'it is out of order' }
    } else if (!purged(row) && payloadDigestOf(row.salt, row.before, row.after) !== row.payloadDigest) {
      this.broken = { ...at, problem: 'what it records as changed (before or after) was altered after it was written' }
    } else if (chainHashOf(this.previous?.chainHash ?? CHAIN_GENESIS, rowDigestOf(row, row.chainSeq, row.payloadDigest)) !== row.chainHash) {
      this.broken = { ...at, problem: 'its details (when, who, what or which record), or the entry before it, were altered after it was written' }
    }
    if (this.broken) return false
    this.checked++
    this.previous = { chainSeq: row.chainSeq as number, chainHash: row.chainHash as string }
    this.last = at
    return true
  }

  /** `head`: the chain's end as the backend recorded it (the shared database's head row), if any. */
  finish(head?: { chainSeq: number; chainHash: string } | null): ChainCheck {
    if (!this.broken && head) {
      const lastSeq = this.previous?.chainSeq ?? 0
      if (head.chainSeq > lastSeq) {
        const gone = head.chainSeq - lastSeq
        this.broken = { id: this.last?.id ?? null, at: this.last?.at ?? null, problem: `${gone === 1 ? 'the latest entry after it has' : `the ${gone} latest entries after it have`} been removed` }
      } else if (head.chainSeq === lastSeq && lastSeq > 0 && head.chainHash !== this.previous?.chainHash) {
        this.broken = { id: this.last?.id ?? null, at: this.last?.at ?? null, problem: 'it does not match the end of the chain the database recorded' }
      }
    }
    return this.broken ? { ok: false, checkedRows: this.checked, firstBrokenRow: this.broken } : { ok: true, checkedRows: this.checked }
  }
}

const COLUMNS = 'id, at, user_id as userId, username, role, channel, entity, entity_id as entityId, before, after'

/**
 * Chains the rows of a trail written before migration 0009, in id order, once: only when no row
 * of the trail is chained yet (so a row slipped in later without a link is reported by the check,
 * never adopted). Runs at the first open after the migration, in its own transaction
 * (db/bootstrap.ts); if the app stops before it, the next open does it. Returns the rows chained.
 */
export function chainLegacyAuditRows(sqlite: Database.Database): number {
  return sqlite
    .transaction(() => {
      const unchained = sqlite.prepare('select 1 from audit_log where chain_seq is null limit 1').get()
      const chained = sqlite.prepare('select 1 from audit_log where chain_seq is not null limit 1').get()
      if (!unchained || chained) return 0
      const rows = sqlite.prepare(`select ${COLUMNS} from audit_log order by id`).all() as ChainFields[]
      const update = sqlite.prepare('update audit_log set chain_seq = ?, salt = ?, payload_digest = ?, chain_hash = ? where id = ?')
      let previous: ChainLink | null = null
      for (const row of rows) {
        const link: ChainLink = linkAfter(previous, row)
        update.run(link.chainSeq, link.salt, link.payloadDigest, link.chainHash, row.id)
        previous = link
      }
      return rows.length
    })
    .immediate()
}
