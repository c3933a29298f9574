ALTER TABLE `audit_log` ADD `chain_seq` integer;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `salt` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `payload_digest` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `chain_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_chain` ON `audit_log` (`chain_seq`);--> statement-breakpoint
-- Issue 15: the audit trail is a hash chain (db/auditChain.ts). A row's link (chain_seq, salt,
-- payload_digest, chain_hash) never changes once set; a purge's marker (migration 0008) is still
-- the only change to a chained row. The one other update allowed is setting the link of a row
-- written before this migration, which the first open after it does (db/bootstrap.ts), in order.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (
  NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.user_id IS OLD.user_id AND NEW.username IS OLD.username
  AND NEW.role IS OLD.role AND NEW.channel IS OLD.channel AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
  AND (
    (NEW.chain_seq IS OLD.chain_seq AND NEW.salt IS OLD.salt AND NEW.payload_digest IS OLD.payload_digest AND NEW.chain_hash IS OLD.chain_hash
      AND (NEW.before IS NULL OR NEW.before = '{"purged":true}')
      AND (NEW.after IS NULL OR NEW.after = '{"purged":true}'))
    OR (OLD.chain_seq IS NULL AND OLD.salt IS NULL AND OLD.payload_digest IS NULL AND OLD.chain_hash IS NULL
      AND NEW.before IS OLD.before AND NEW.after IS OLD.after)
  )
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
