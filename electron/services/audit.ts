import type { Db } from '../../db/store/types'
import { auditLog } from '../../db/schema'
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
}

/** Values kept out of the audit trail (never store a password or its hash, even hashed). */
const REDACT = new Set(['password', 'passwordHash', 'currentPassword', 'newPassword'])

function json(value: unknown): string | null {
  if (value === undefined || value === null) return null
  return JSON.stringify(value, (key, v: unknown) => (REDACT.has(key) ? '[redacted]' : v))
}

/** Who made a change: a signed-in user, or one known only by username (the recovery page's HOMS, whose profile a new file does not hold). */
export type AuditActor = Pick<User, 'username' | 'role'> & { id: number | null }

export async function writeAudit(db: Db, actor: AuditActor | null, channel: string, at: Date, rec: AuditRecord): Promise<void> {
  await db
    .insert(auditLog)
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
