-- Issue 13: every user signs in to the shared OMU database with their own PostgreSQL login
-- (SCRAM-SHA-256), a member of exactly one OMU group role. The group roles and the schema owner
-- (omu_owner, NOLOGIN, CREATEROLE) are made by `npm run db:provision` before the first migration;
-- migrations run as omu_owner. The finer per-role rights are issue 14's; here every group role may
-- use the app's tables, and the app's permission rules decide (electron/services/permissions.ts).
REVOKE ALL ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
-- The app compares the applied migrations with its own before it works (an older app refuses a newer schema).
GRANT USAGE ON SCHEMA drizzle TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint

-- The OMU group role of an app role; refuses anything else, so these functions can never make a
-- superuser, a role creator, or a member of any role outside the five.
CREATE FUNCTION omu_group_role(app_role text) RETURNS name
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT CASE app_role
    WHEN 'pom' THEN 'omu_pom'::name
    WHEN 'homd' THEN 'omu_homd'::name
    WHEN 'homs' THEN 'omu_homs'::name
    WHEN 'governor' THEN 'omu_governor'::name
    WHEN 'read_only' THEN 'omu_reader'::name
  END
$$;
--> statement-breakpoint

-- Creates or changes a user's login. `verifier` is a SCRAM-SHA-256 verifier worked out by the app
-- (db/shared/scram.ts), so the password itself never reaches the server or its logs. A login that
-- exists is changed only when it is already an OMU login (a member of one of the five group roles).
CREATE FUNCTION omu_set_login(login text, app_role text, verifier text, can_login boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  grp name := public.omu_group_role(app_role);
  r record;
BEGIN
  IF grp IS NULL THEN RAISE EXCEPTION 'Unknown role %', app_role USING ERRCODE = '22023'; END IF;
  IF login IS NULL OR login !~ '^[a-z0-9][a-z0-9._-]{1,62}$' OR login ~ '^pg_'
     OR login IN ('public', 'none', 'current_user', 'current_role', 'session_user') THEN
    RAISE EXCEPTION 'Username % is not allowed', login USING ERRCODE = '22023';
  END IF;
  IF verifier IS NOT NULL AND verifier !~ '^SCRAM-SHA-256\$' THEN
    RAISE EXCEPTION 'Only SCRAM-SHA-256 verifiers are accepted' USING ERRCODE = '22023';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
    IF NOT EXISTS (
      SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
       WHERE u.rolname = login AND g.rolname IN ('omu_pom', 'omu_homd', 'omu_homs', 'omu_governor', 'omu_reader'))
    OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)) THEN
      RAISE EXCEPTION 'Login % exists and is not an OMU login', login USING ERRCODE = '42710';
    END IF;
  ELSE
    IF verifier IS NULL THEN RAISE EXCEPTION 'A new login needs a password' USING ERRCODE = '22023'; END IF;
    EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', login);
  END IF;
  -- Exactly one group role.
  FOR r IN SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
            WHERE u.rolname = login AND g.rolname <> grp LOOP
    EXECUTE format('REVOKE %I FROM %I', r.rolname, login);
  END LOOP;
  EXECUTE format('GRANT %I TO %I', grp, login);
  IF verifier IS NOT NULL THEN EXECUTE format('ALTER ROLE %I PASSWORD %L', login, verifier); END IF;
  EXECUTE format('ALTER ROLE %I %s', login, CASE WHEN can_login THEN 'LOGIN' ELSE 'NOLOGIN' END);
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION omu_set_login(text, text, text, boolean) FROM PUBLIC;
--> statement-breakpoint
-- Only a HOMS manages users (permissions.ts: users.save).
GRANT EXECUTE ON FUNCTION omu_set_login(text, text, text, boolean) TO omu_homs;
--> statement-breakpoint

-- Any user changes their own password (auth.changePassword); a verifier only, never the password.
CREATE FUNCTION omu_set_own_password(verifier text) RETURNS void
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
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION omu_set_own_password(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_set_own_password(text) TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
