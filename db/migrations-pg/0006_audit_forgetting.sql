-- Issue 15: a retention purge forgets the person everywhere the database holds them: the app's
-- audit rows about their records and the server's change log of their rows keep what happened,
-- when, by whom and on which record id, and lose their copies of the records (the marker
-- {"purged":true} in place of before and after). Only omu_forget_prisoner does it (SECURITY
-- DEFINER, the HOMS's, called by retention.purge in the purge's own transaction); for every other
-- update both tables stay append-only, whoever asks.
CREATE FUNCTION omu_audit_forget_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user = 'omu_owner'
     AND (to_jsonb(NEW) - 'before' - 'after') = (to_jsonb(OLD) - 'before' - 'after')
     AND (NEW.before IS NULL OR NEW.before::jsonb = '{"purged":true}'::jsonb)
     AND (NEW.after IS NULL OR NEW.after::jsonb = '{"purged":true}'::jsonb) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION omu_audit_forget_only() FROM PUBLIC;
--> statement-breakpoint
DROP TRIGGER audit_log_no_update ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION omu_audit_forget_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION omu_audit_append_only();
--> statement-breakpoint
DROP TRIGGER row_change_log_no_update ON row_change_log;
--> statement-breakpoint
CREATE TRIGGER row_change_log_no_update BEFORE UPDATE ON row_change_log FOR EACH ROW EXECUTE FUNCTION omu_audit_forget_only();
--> statement-breakpoint
CREATE TRIGGER row_change_log_no_delete BEFORE DELETE ON row_change_log FOR EACH ROW EXECUTE FUNCTION omu_audit_append_only();
--> statement-breakpoint
CREATE FUNCTION omu_forget_prisoner(case_id integer, session_ids integer[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  -- Only a record that is gone can be forgotten (the purge deletes it first, in the same transaction).
  IF EXISTS (SELECT 1 FROM public.prisoner p WHERE p.id = case_id) THEN
    RAISE EXCEPTION 'Prisoner % is still on record: purge it first', case_id USING ERRCODE = '55000';
  END IF;
  UPDATE public.audit_log
     SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"purged":true}' END,
         after = CASE WHEN after IS NULL THEN NULL ELSE '{"purged":true}' END
   WHERE ((entity = 'prisoner' AND entity_id = case_id::text) OR (entity = 'session' AND entity_id = ANY (session_ids::text[])))
     AND (before IS DISTINCT FROM '{"purged":true}' OR after IS DISTINCT FROM '{"purged":true}');
  UPDATE public.row_change_log
     SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"purged":true}'::jsonb END,
         after = CASE WHEN after IS NULL THEN NULL ELSE '{"purged":true}'::jsonb END
   WHERE ((table_name = 'prisoner' AND row_key = case_id::text)
          OR (table_name IN ('allocation', 'supervision_session') AND coalesce(before, after)->>'prisoner_id' = case_id::text))
     AND (before IS DISTINCT FROM '{"purged":true}'::jsonb OR after IS DISTINCT FROM '{"purged":true}'::jsonb);
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION omu_forget_prisoner(integer, integer[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_forget_prisoner(integer, integer[]) TO omu_homs;
