-- Issue 13: what the shared OMU database does itself. Custom migration (drizzle-kit --custom):
-- functions, triggers and the expression index drizzle's schema cannot describe.

-- The SQL twin of isOrdinaryRecord (shared/engine/case/relevance.ts), as SQLite's
-- session_unusual_record index condition is: both dates real calendar days written YYYY-MM-DD,
-- and the record entered on the session's day or the next calendar day. IMMUTABLE (it reads only
-- its arguments, and to_char with this fixed pattern does not depend on any setting), so it can
-- define a partial index.
CREATE FUNCTION omu_ordinary_record(session_date text, recorded_on text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  d date;
  r date;
BEGIN
  IF session_date IS NULL OR recorded_on IS NULL
     OR session_date !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' OR recorded_on !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
    RETURN false;
  END IF;
  d := make_date(substr(session_date, 1, 4)::int, substr(session_date, 6, 2)::int, substr(session_date, 9, 2)::int);
  r := make_date(substr(recorded_on, 1, 4)::int, substr(recorded_on, 6, 2)::int, substr(recorded_on, 9, 2)::int);
  RETURN r - d BETWEEN 0 AND 1;
EXCEPTION WHEN others THEN
  -- make_date refuses a day that does not exist (2026-02-30): not an ordinary record.
  RETURN false;
END;
$$;
--> statement-breakpoint
CREATE INDEX "session_unusual_record" ON "supervision_session" ("prisoner_id", "date", "in_person", "recorded_on")
  WHERE NOT omu_ordinary_record("date", "recorded_on");
--> statement-breakpoint

-- The audit trail is append-only (issue 7), here as in the SQLite file.
CREATE FUNCTION omu_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION omu_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION omu_audit_append_only();
--> statement-breakpoint

-- Every client keeps the establishment's cases in memory (electron/services/caseload/cache.ts).
-- A commit that can change a case notifies channel omu_cases with the prisoner's id, or '*' when
-- it can change any case (staff names, settings, the establishment's policy or stage), so each
-- client reads again only what changed, within moments (issue 13: under 2 seconds). NOTIFY is
-- delivered at commit, and not at all when the transaction rolls back.
CREATE FUNCTION omu_notify_prisoner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('omu_cases', OLD.prisoner_id::text);
    RETURN OLD;
  END IF;
  PERFORM pg_notify('omu_cases', NEW.prisoner_id::text);
  IF TG_OP = 'UPDATE' AND OLD.prisoner_id IS DISTINCT FROM NEW.prisoner_id THEN
    PERFORM pg_notify('omu_cases', OLD.prisoner_id::text);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION omu_notify_prisoner_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('omu_cases', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION omu_notify_everything() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('omu_cases', '*');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER supervision_session_notify AFTER INSERT OR UPDATE OR DELETE ON "supervision_session"
  FOR EACH ROW EXECUTE FUNCTION omu_notify_prisoner();
--> statement-breakpoint
CREATE TRIGGER allocation_notify AFTER INSERT OR UPDATE OR DELETE ON "allocation"
  FOR EACH ROW EXECUTE FUNCTION omu_notify_prisoner();
--> statement-breakpoint
CREATE TRIGGER prisoner_notify AFTER INSERT OR UPDATE OR DELETE ON "prisoner"
  FOR EACH ROW EXECUTE FUNCTION omu_notify_prisoner_row();
--> statement-breakpoint
CREATE TRIGGER staff_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "staff"
  FOR EACH STATEMENT EXECUTE FUNCTION omu_notify_everything();
--> statement-breakpoint
CREATE TRIGGER establishment_notify AFTER INSERT OR UPDATE OR DELETE ON "establishment"
  FOR EACH STATEMENT EXECUTE FUNCTION omu_notify_everything();
--> statement-breakpoint
CREATE TRIGGER app_setting_notify AFTER INSERT OR UPDATE OR DELETE ON "app_setting"
  FOR EACH STATEMENT EXECUTE FUNCTION omu_notify_everything();

--> statement-breakpoint

-- The app's queries are written once for both databases (db/store/types.ts). For a new row,
-- drizzle's SQLite dialect writes NULL as the id, which SQLite turns into the next rowid; here the
-- same NULL takes the next value of the identity column's sequence, before NOT NULL is checked.
CREATE FUNCTION omu_fill_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := nextval(pg_get_serial_sequence(quote_ident(TG_TABLE_NAME), 'id'));
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER staff_fill_id BEFORE INSERT ON "staff" FOR EACH ROW EXECUTE FUNCTION omu_fill_id();
--> statement-breakpoint
CREATE TRIGGER prisoner_fill_id BEFORE INSERT ON "prisoner" FOR EACH ROW EXECUTE FUNCTION omu_fill_id();
--> statement-breakpoint
CREATE TRIGGER allocation_fill_id BEFORE INSERT ON "allocation" FOR EACH ROW EXECUTE FUNCTION omu_fill_id();
--> statement-breakpoint
CREATE TRIGGER supervision_session_fill_id BEFORE INSERT ON "supervision_session" FOR EACH ROW EXECUTE FUNCTION omu_fill_id();
--> statement-breakpoint
CREATE TRIGGER plan_version_fill_id BEFORE INSERT ON "plan_version" FOR EACH ROW EXECUTE FUNCTION omu_fill_id();
--> statement-breakpoint
CREATE TRIGGER plan_entry_fill_id BEFORE INSERT ON "plan_entry" FOR EACH ROW EXECUTE FUNCTION omu_fill_id();
--> statement-breakpoint
CREATE TRIGGER sign_off_step_fill_id BEFORE INSERT ON "sign_off_step" FOR EACH ROW EXECUTE FUNCTION omu_fill_id();
--> statement-breakpoint
CREATE TRIGGER imported_catalog_fill_id BEFORE INSERT ON "imported_catalog" FOR EACH ROW EXECUTE FUNCTION omu_fill_id();
--> statement-breakpoint
CREATE TRIGGER comparison_import_fill_id BEFORE INSERT ON "comparison_import" FOR EACH ROW EXECUTE FUNCTION omu_fill_id();
--> statement-breakpoint
CREATE TRIGGER app_user_fill_id BEFORE INSERT ON "app_user" FOR EACH ROW EXECUTE FUNCTION omu_fill_id();
--> statement-breakpoint
CREATE TRIGGER audit_log_fill_id BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION omu_fill_id();
