-- Issue 15: a retention purge forgets the person everywhere, the audit trail's copies of their
-- records included. The trail stays append-only for everything else: a row's who, when, what and
-- which record never change, and the only change allowed is replacing its before and after with
-- the purge's marker (or leaving them empty). electron/services/trust/store.ts forgetPrisoner.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (
  NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.user_id IS OLD.user_id AND NEW.username IS OLD.username
  AND NEW.role IS OLD.role AND NEW.channel IS OLD.channel AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
  AND (NEW.before IS NULL OR NEW.before = '{"purged":true}')
  AND (NEW.after IS NULL OR NEW.after = '{"purged":true}')
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
