import { desc } from 'drizzle-orm'
import type { StoreConn } from '../../db/store/types'
import { auditLog } from '../../db/schema'
import { linkAfter, type ChainFields } from '../../db/auditChain'
import type { User } from '../../shared/ipc/channels/auth'

// The audit trail (issue 7): who, role, when, channel, entity, before and after. Rows are only
// ever inserted (triggers refuse UPDATE and DELETE); each is written in the same transaction as
// the change it records. This is the trail's one writer (the dispatcher writes every mutation's
// rows here, whatever its domain); the trail's reads are the trust domain's (trust/store.ts).

export interface AuditRecord {
  entity: string
  entityId: string | number | null
  before: unknown
  after: unknown
  /**
   * A change the app made itself within the request (../shared/specs/mpc-rules.md D.5: a handover
   * checklist reset is "a system change"): filed under this name instead of the request's channel.
   */
  channel?: string
}

/** Values kept out of the audit trail (never store a password or its hash, even hashed). */
const REDACT = new Set(['password', 'passwordHash', 'currentPassword', 'newPassword'])

function json(value: unknown): string | null {
  if (value === undefined || value === null) return null
  return JSON.stringify(value, (key, v: unknown) => (REDACT.has(key) ? '[redacted]' : v))
}

/** Who made a change: a signed-in user, or one known only by username (the recovery page's HOMS, whose profile a new file does not hold). */
export type AuditActor = Pick<User, 'username' | 'role'> & { id: number | null }

/** The connection the audit row goes through: the request's write transaction. */
export type AuditConn = Pick<StoreConn, 'dialect' | 'db' | 'sql'>

export async function writeAudit(conn: AuditConn, actor: AuditActor | null, channel: string, at: Date, rec: AuditRecord): Promise<void> {
  const row = {
    at: at.toISOString(),
    userId: actor?.id ?? null,
    username: actor?.username ?? 'system',
    role: actor?.role ?? 'system',
    channel: rec.channel ?? channel,
    entity: rec.entity,
    entityId: rec.entityId === null ? null : String(rec.entityId),
    before: json(rec.before),
    after: json(rec.after),
  }
  // Issue 15: every row is a link of the trail's hash chain (db/auditChain.ts). The shared
  // database works it out itself (migration 0007), from the row as its server stamps it.
  if (conn.dialect === 'postgres') {
    await conn.db.insert(auditLog).values(row).run()
    return
  }
  await conn.db.insert(auditLog).values(await chainedOnFile(conn, row)).run()
}

/**
 * This computer's file: the new row's id and link, after the last row of the chain. Safe because
 * the file has one writer at a time (the store's write transaction, BEGIN IMMEDIATE), so nothing
 * can come between this read and the insert. The id is taken as AUTOINCREMENT would take it
 * (never one used before) because the row digest covers it.
 */
async function chainedOnFile(conn: AuditConn, row: Omit<ChainFields, 'id'>): Promise<typeof auditLog.$inferInsert> {
  const last = await conn.db.select({ chainSeq: auditLog.chainSeq, chainHash: auditLog.chainHash }).from(auditLog).orderBy(desc(auditLog.chainSeq)).limit(1).get()
  const next = await conn.sql.value<number>("select max(coalesce((select seq from sqlite_sequence where name = 'audit_log'), 0), coalesce((select max(id) from audit_log), 0)) + 1")
  const fields: ChainFields = { ...row, id: Number(next ?? 1) }
  const previous = last?.chainSeq != null && last.chainHash != null ? { chainSeq: last.chainSeq, chainHash: last.chainHash } : null
  return { ...fields, ...linkAfter(previous, fields) }
}
