-- Issue 16: the same columns as the SQLite migration 0016_location_and_recorded_by (which says
-- why); db/schema-pg/index.ts.
--
-- Rights (electron/services/databaseRights.ts, migration 0005): prisoner and sign_off_step are
-- granted by table, not by column (SELECT to every role; INSERT, UPDATE on prisoner to the HOMD
-- and HOMS; INSERT on sign_off_step to the HOMS and Governor), so the new columns take the same
-- rights as the rest of their table and need no grant of their own. Tables stay owned by omu_owner.
-- One new function, omu_user_display_names, below.
ALTER TABLE "prisoner" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "prisoner" ADD COLUMN "security_category" text;--> statement-breakpoint
ALTER TABLE "sign_off_step" ADD COLUMN "recorded_by" text;
--> statement-breakpoint
-- Issue 16 ("record history ... shows people's names"): the audit trail names its writer by login
-- (audit_log.username); the record history shows their display name. Only the HOMS may read every
-- profile (policy user_manage; the others see their own, user_own_profile), so the names come
-- through this function: usernames and display names only, nothing else of a profile (no role,
-- staff link, password flag or active flag). Every OMU role may call it (FUNCTION_GRANTS in
-- electron/services/databaseRights.ts); PUBLIC may not.
CREATE FUNCTION omu_user_display_names() RETURNS TABLE (username text, display_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.username, u.display_name FROM public.app_user u
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION omu_user_display_names() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_user_display_names() TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
