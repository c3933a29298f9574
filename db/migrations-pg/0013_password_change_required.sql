-- Issue 16 ("the HOMS can force a change at next sign-in for new users"): the same column as the
-- SQLite migration 0015_password_change_required (db/schema-pg/index.ts). A user whose password a
-- HOMS set or reset, and asked to be changed, sees only the change-password page after signing in
-- until they choose their own (electron/services/auth/passwordChange.ts).
--
-- Rights (electron/services/databaseRights.ts, migration 0005): the HOMS sets or clears it with
-- the rest of the profile (users.save: INSERT and UPDATE on app_user, policy user_manage); every
-- role reads it on their own profile (user_own_profile), which the app checks on each request. No
-- other role may update app_user, so a user clears it only by changing their own password: inside
-- omu_set_own_password (SECURITY DEFINER, owned by omu_owner), never by a grant of their own,
-- so a psql session cannot clear it without choosing a new password.
ALTER TABLE "app_user" ADD COLUMN "password_change_required" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_password_change_required_flag" CHECK ("app_user"."password_change_required" in (0, 1));--> statement-breakpoint

-- As migration 0002's, and now also clears the caller's own flag in the same statement's
-- transaction: the password and the flag change together or not at all. Replaced in place, so its
-- owner and its grants (every OMU group role, migration 0005) stay as they were.
CREATE OR REPLACE FUNCTION omu_set_own_password(verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF verifier IS NULL OR verifier !~ '^SCRAM-SHA-256\$' THEN
    RAISE EXCEPTION 'Only SCRAM-SHA-256 verifiers are accepted' USING ERRCODE = '22023';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
     WHERE u.rolname = session_user AND g.rolname IN ('omu_pom', 'omu_homd', 'omu_homs', 'omu_governor', 'omu_reader')) THEN
    RAISE EXCEPTION 'Not an OMU login' USING ERRCODE = '42501';
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, verifier);
  UPDATE public.app_user SET password_change_required = 0 WHERE username = session_user AND password_change_required <> 0;
END;
$$;
