import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

// Users, roles and the audit trail (issue 7).

/** Local user profiles. Passwords are stored only as scrypt hashes with a per-user salt. */
export const appUser = sqliteTable(
  'app_user',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    /** 'scrypt$N$r$p$saltBase64$hashBase64'. */
    passwordHash: text('password_hash').notNull(),
    /** The staff record of a POM user: whose allocations are "their own". */
    staffId: integer('staff_id'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** Issue 16: a HOMS set or reset the password and asked for it to be changed; only the change-password page until the user chooses their own (migration 0015). */
    passwordChangeRequired: integer('password_change_required', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('app_user_username').on(t.username)],
)

/**
 * Append-only audit trail: one row per change, written in the same transaction as the change.
 * Triggers (migration 0004, custom) refuse any UPDATE or DELETE of these rows (0008: except a
 * purge's marker; 0009: the chain columns never change once set).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id'),
    username: text('username').notNull(),
    role: text('role').notNull(),
    channel: text('channel').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before'),
    after: text('after'),
    // Issue 15: the tamper-evident chain (db/auditChain.ts says how each is worked out). Empty only
    // on rows written before migration 0009, until the next open chains them (db/bootstrap.ts).
    /** The row's place in the chain: 1, 2, 3 ... with no gap. */
    chainSeq: integer('chain_seq'),
    /** Random per row, so a short payload (a date of birth) cannot be guessed from its digest. */
    salt: text('salt'),
    /** SHA-256 of the salt with before and after; kept when a purge replaces them with the marker. */
    payloadDigest: text('payload_digest'),
    /** SHA-256 of the previous row's chain_hash and this row's digest. */
    chainHash: text('chain_hash'),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId, t.id), uniqueIndex('audit_chain').on(t.chainSeq)],
)
