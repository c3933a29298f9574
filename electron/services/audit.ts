import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/bootstrap'
import { auditLog } from '../../db/schema'
import type { AuditEntry, User } from '../../shared/ipc/channels/auth'

// The audit trail (issue 7): who, role, when, channel, entity, before and after. Rows are only
// ever inserted (triggers refuse UPDATE and DELETE); each is written in the same transaction as
// the change it records.

export interface AuditRecord {
  entity: string
  entityId: string | number | null
  before: unknown
  after: unknown
}

/** Values kept out of the audit trail (never store a password or its hash, even hashed). */
const REDACT = new Set(['password', 'passwordHash', 'currentPassword', 'newPassword'])

function json(value: unknown): string | null {
  if (value === undefined || value === null) return null
  return JSON.stringify(value, (key, v: unknown) => (REDACT.has(key) ? '[redacted]' : v))
}

export function writeAudit(db: Db, actor: Pick<User, 'id' | 'username' | 'role'> | null, channel: string, at: Date, rec: AuditRecord): void {
  db.insert(auditLog)
    .values({
      at: at.toISOString(),
      userId: actor?.id ?? null,
      username: actor?.username ?? 'system',
      role: actor?.role ?? 'system',
      channel,
      entity: rec.entity,
      entityId: rec.entityId === null ? null : String(rec.entityId),
      before: json(rec.before),
      after: json(rec.after),
    })
    .run()
}

export function auditHistory(db: Db, entity: string, entityId: string): AuditEntry[] {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(500)
    .all()
    .map((r) => ({ ...r, before: r.before === null ? null : (JSON.parse(r.before) as unknown), after: r.after === null ? null : (JSON.parse(r.after) as unknown) }))
}
