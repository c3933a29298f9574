-- Issue 19 ("Group view", its sources): one shared OMU database holds several establishments.
-- Every row of an establishment's data carries establishment_id; each user belongs to exactly one
-- establishment (app_user.establishment_id) and the server keeps each login to its own rows with
-- one RESTRICTIVE row policy per command on every table, ANDed with the role policies of
-- migrations 0005 to 0011 (which stay as they are). A group reader (a Prison Group Director or a
-- reviewer named by the administrator in group_reader) may also READ the establishments of their
-- group, one at a time, by setting omu.view_establishment for a transaction: writes always stay
-- within the login's own establishment, whatever that setting says.
--
-- The app's own queries do not name the column (db/schema stays the single-establishment shape the
-- SQLite file has): the column's default is the writer's establishment, and the policies filter
-- what they read. Existing data belongs to establishment 1, the database's first; a login that is
-- not an OMU user (the administrator's tools) also writes to establishment 1.
--
-- Every policy calls the establishment functions through a sub-select, so the server works each
-- out once per statement (an InitPlan), not once per row.

-- ------------------------------------------------------------------ who belongs where

ALTER TABLE app_user ADD COLUMN establishment_id integer NOT NULL DEFAULT 1;
--> statement-breakpoint
-- The group readers, kept by the database administrator (npm run db:user -- --group): no OMU role
-- has any right on these two tables, so no HOMS can widen anyone's reading, their own included.
CREATE TABLE establishment_group_member (
  group_name text NOT NULL,
  establishment_id integer NOT NULL,
  PRIMARY KEY (group_name, establishment_id)
);
--> statement-breakpoint
CREATE TABLE group_reader (
  username text PRIMARY KEY,
  group_name text NOT NULL
);
--> statement-breakpoint
REVOKE ALL ON establishment_group_member, group_reader FROM omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint

-- The signed-in login's establishment (session_user: SET ROLE cannot change it), or NULL for a
-- login with no OMU profile. SECURITY DEFINER as the owner, who is not subject to app_user's row
-- policies, so the policies below can call it without recursion.
CREATE FUNCTION omu_my_establishment() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT establishment_id FROM public.app_user WHERE username = session_user
$$;
--> statement-breakpoint
-- The establishment a read sees: the one omu.view_establishment names, when the login is an active
-- group reader of a group holding it; otherwise the login's own. A value that is not a whole number,
-- or names an establishment outside the login's group, is ignored (their own is read).
CREATE FUNCTION omu_read_establishment() RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  wanted text := current_setting('omu.view_establishment', true);
BEGIN
  IF wanted ~ '^[0-9]{1,9}$' AND EXISTS (
       SELECT 1 FROM public.group_reader r
         JOIN public.establishment_group_member g ON g.group_name = r.group_name
         JOIN public.app_user u ON u.username = r.username
        WHERE r.username = session_user AND u.active = 1 AND g.establishment_id = wanted::integer) THEN
    RETURN wanted::integer;
  END IF;
  RETURN public.omu_my_establishment();
END;
$$;
--> statement-breakpoint
-- What a new row is filed under: the writer's establishment (the policies refuse any other), or 1
-- for the administrator's tools.
CREATE FUNCTION omu_new_row_establishment() RETURNS integer
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
  SELECT coalesce(public.omu_my_establishment(), 1)
$$;
--> statement-breakpoint
-- The establishments a group reader may see in the Group view (their own first, then their
-- group's, by name), with the name and code each was set up with. Others get their own only.
CREATE FUNCTION omu_group_establishments() RETURNS TABLE (id integer, name text, code text, own boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT e.id, e.name, e.code, e.id = public.omu_my_establishment()
    FROM public.establishment e
   WHERE e.id = public.omu_my_establishment()
      OR e.id IN (SELECT g.establishment_id FROM public.group_reader r
                    JOIN public.establishment_group_member g ON g.group_name = r.group_name
                    JOIN public.app_user u ON u.username = r.username
                   WHERE r.username = session_user AND u.active = 1)
   ORDER BY e.id = public.omu_my_establishment() DESC, e.name, e.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION omu_my_establishment(), omu_read_establishment(), omu_new_row_establishment(), omu_group_establishments() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_my_establishment(), omu_read_establishment(), omu_new_row_establishment(), omu_group_establishments() TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
ALTER TABLE app_user ALTER COLUMN establishment_id SET DEFAULT omu_new_row_establishment();
--> statement-breakpoint

-- ------------------------------------------------------------------ the establishment dimension

-- The establishment table: one row per establishment, its id the establishment's number.
ALTER TABLE establishment DROP CONSTRAINT establishment_single_row;
--> statement-breakpoint
ALTER TABLE establishment ALTER COLUMN id SET DEFAULT omu_new_row_establishment();
--> statement-breakpoint
ALTER TABLE establishment ADD CONSTRAINT establishment_positive_id CHECK (id > 0);
--> statement-breakpoint
-- As omu_fill_id (migration 0001) for the other tables: drizzle's SQLite dialect writes NULL for an
-- id the app leaves out (the SQLite file's one row takes rowid 1); here NULL is the writer's
-- establishment, before NOT NULL and the row policies are checked.
CREATE FUNCTION omu_fill_establishment_id() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := public.omu_new_row_establishment();
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION omu_fill_establishment_id() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER establishment_fill_id BEFORE INSERT ON establishment FOR EACH ROW EXECUTE FUNCTION omu_fill_establishment_id();
--> statement-breakpoint

-- Every data table: the column, filled for the rows already held (establishment 1), then defaulted.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['app_setting', 'staff', 'pom_planned_change', 'prisoner', 'allocation', 'co_working',
    'supervision_session', 'early_allocation_assessment', 'responsibility_override', 'parole_review', 'plan_version',
    'plan_entry', 'sign_off_step', 'imported_catalog', 'comparison_import', 'audit_log', 'com_handover', 'row_change_log'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN establishment_id integer NOT NULL DEFAULT 1', t);
    EXECUTE format('ALTER TABLE %I ALTER COLUMN establishment_id SET DEFAULT public.omu_new_row_establishment()', t);
  END LOOP;
END;
$$;
--> statement-breakpoint

-- What was unique in one establishment is unique per establishment.
ALTER TABLE app_setting DROP CONSTRAINT app_setting_pkey;
--> statement-breakpoint
ALTER TABLE app_setting ADD PRIMARY KEY (establishment_id, key);
--> statement-breakpoint
DROP INDEX prisoner_prison_number;
--> statement-breakpoint
CREATE UNIQUE INDEX prisoner_prison_number ON prisoner (establishment_id, prison_number);
--> statement-breakpoint
DROP INDEX plan_version_number;
--> statement-breakpoint
CREATE UNIQUE INDEX plan_version_number ON plan_version (establishment_id, version);
--> statement-breakpoint
DROP INDEX imported_catalog_id_version;
--> statement-breakpoint
CREATE UNIQUE INDEX imported_catalog_id_version ON imported_catalog (establishment_id, catalog_id, version);
--> statement-breakpoint
-- The two session indexes the caseload's counts read (issue 8; test/integration/caseloadRelevance)
-- carry establishment_id as well, so the row policy's filter is answered from the index and the
-- counts stay index-only scans.
DROP INDEX session_case_scan;
--> statement-breakpoint
CREATE INDEX session_case_scan ON supervision_session (prisoner_id, date, in_person, recorded_on) INCLUDE (establishment_id);
--> statement-breakpoint
DROP INDEX session_unusual_record;
--> statement-breakpoint
CREATE INDEX session_unusual_record ON supervision_session (prisoner_id, date, in_person, recorded_on) INCLUDE (establishment_id) WHERE (NOT omu_ordinary_record(date, recorded_on));
--> statement-breakpoint
DROP INDEX audit_chain;
--> statement-breakpoint
CREATE UNIQUE INDEX audit_chain ON audit_log (establishment_id, chain_seq);
--> statement-breakpoint

-- Row-level security on every table (the role policies of 0005 to 0011 where they exist; a policy
-- as wide as the table's grants where the grants alone said it), then the establishment's four.
DO $$
DECLARE
  t text;
  col text;
  roles text := 'omu_pom, omu_homd, omu_homs, omu_governor, omu_reader';
BEGIN
  FOREACH t IN ARRAY ARRAY['establishment', 'app_setting', 'staff', 'pom_planned_change', 'prisoner', 'allocation', 'co_working',
    'supervision_session', 'early_allocation_assessment', 'responsibility_override', 'parole_review', 'plan_version',
    'plan_entry', 'sign_off_step', 'imported_catalog', 'comparison_import', 'app_user', 'audit_log', 'com_handover'] LOOP
    col := CASE WHEN t = 'establishment' THEN 'id' ELSE 'establishment_id' END;
    IF NOT (SELECT relrowsecurity FROM pg_class WHERE oid = format('public.%I', t)::regclass) THEN
      EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
      EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %s USING (true) WITH CHECK (true)', t || '_as_granted', t, roles);
    END IF;
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR SELECT TO %s USING (%I = (SELECT public.omu_read_establishment()))', t || '_establishment_read', t, roles, col);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR INSERT TO %s WITH CHECK (%I = (SELECT public.omu_my_establishment()))', t || '_establishment_add', t, roles, col);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR UPDATE TO %s USING (%I = (SELECT public.omu_my_establishment())) WITH CHECK (%I = (SELECT public.omu_my_establishment()))', t || '_establishment_change', t, roles, col, col);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR DELETE TO %s USING (%I = (SELECT public.omu_my_establishment()))', t || '_establishment_remove', t, roles, col);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- The server's change log: the HOMS and the Governor read their own establishment's part.
ALTER TABLE row_change_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY row_change_log_read ON row_change_log FOR SELECT TO omu_homs, omu_governor USING (establishment_id = (SELECT public.omu_my_establishment()));
--> statement-breakpoint

-- ------------------------------------------------------------------ the audit chain, per establishment

-- Each establishment's trail is its own hash chain (issue 15), so each can be checked by its own
-- HOMS or Governor, who read only their own rows. The head row is per establishment; the first
-- write of a new establishment starts its chain from the same zero hash migration 0007 started from.
ALTER TABLE audit_chain_head ADD COLUMN establishment_id integer NOT NULL DEFAULT 1;
--> statement-breakpoint
ALTER TABLE audit_chain_head DROP COLUMN id;
--> statement-breakpoint
ALTER TABLE audit_chain_head ALTER COLUMN establishment_id DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE audit_chain_head ADD PRIMARY KEY (establishment_id);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION omu_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  head public.audit_chain_head%ROWTYPE;
BEGIN
  INSERT INTO public.audit_chain_head (establishment_id, chain_seq, chain_hash)
  VALUES (NEW.establishment_id, 0, repeat('0', 64)) ON CONFLICT (establishment_id) DO NOTHING;
  SELECT * INTO STRICT head FROM public.audit_chain_head WHERE establishment_id = NEW.establishment_id FOR UPDATE;
  NEW.chain_seq := head.chain_seq + 1;
  NEW.salt := replace(gen_random_uuid()::text, '-', '');
  NEW.payload_digest := public.omu_audit_payload_digest(NEW.salt, NEW.before, NEW.after);
  NEW.chain_hash := public.omu_audit_chain_hash(head.chain_hash, NEW);
  UPDATE public.audit_chain_head SET chain_seq = NEW.chain_seq, chain_hash = NEW.chain_hash WHERE establishment_id = NEW.establishment_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- The caller's own establishment's head; an establishment with no trail yet is at the start.
CREATE OR REPLACE FUNCTION omu_audit_chain_head() RETURNS TABLE (seq integer, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT coalesce(h.chain_seq, 0), coalesce(h.chain_hash, repeat('0', 64))
    FROM (SELECT public.omu_my_establishment() AS e) me
    LEFT JOIN public.audit_chain_head h ON h.establishment_id = me.e
$$;
--> statement-breakpoint
-- A copy goes into an establishment whose trail is empty (the same rule as before, per establishment).
CREATE OR REPLACE FUNCTION omu_copy_audit(copied jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM public.audit_log WHERE establishment_id = public.omu_new_row_establishment()
                AND xmin::text::bigint <> txid_current() % 4294967296) THEN
    RAISE EXCEPTION 'The audit trail already holds records: a copy only goes into a newly provisioned database' USING ERRCODE = '55000';
  END IF;
  INSERT INTO public.audit_log (id, at, user_id, username, role, channel, entity, entity_id, before, after)
  SELECT (e.r->>0)::integer, e.r->>1, (e.r->>2)::integer, e.r->>3, e.r->>4, e.r->>5, e.r->>6, e.r->>7, e.r->>8, e.r->>9
    FROM jsonb_array_elements(copied) WITH ORDINALITY AS e(r, n)
   ORDER BY e.n;
END;
$$;
--> statement-breakpoint

-- ------------------------------------------------------------------ the SECURITY DEFINER functions, kept to their establishment

-- A HOMS manages the logins of their own establishment only: a login whose profile belongs to
-- another establishment is refused (the rest is migration 0002's).
CREATE OR REPLACE FUNCTION omu_set_login(login text, app_role text, verifier text, can_login boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  grp name := public.omu_group_role(app_role);
  mine integer := public.omu_my_establishment();
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
  IF mine IS NOT NULL AND EXISTS (SELECT 1 FROM public.app_user u WHERE u.username = login AND u.establishment_id <> mine) THEN
    RAISE EXCEPTION 'Login % belongs to another establishment', login USING ERRCODE = '42501';
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
-- The record history's names: the people of the establishment being read.
CREATE OR REPLACE FUNCTION omu_user_display_names() RETURNS TABLE (username text, display_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.username, u.display_name FROM public.app_user u WHERE u.establishment_id = public.omu_read_establishment()
$$;
--> statement-breakpoint
-- A purge forgets the person in the purging HOMS's own establishment's trail and change log only.
CREATE OR REPLACE FUNCTION omu_forget_prisoner(case_id integer, session_ids integer[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  mine integer := public.omu_my_establishment();
BEGIN
  IF EXISTS (SELECT 1 FROM public.prisoner p WHERE p.id = case_id) THEN
    RAISE EXCEPTION 'Prisoner % is still on record: purge it first', case_id USING ERRCODE = '55000';
  END IF;
  UPDATE public.audit_log
     SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"purged":true}' END,
         after = CASE WHEN after IS NULL THEN NULL ELSE '{"purged":true}' END
   WHERE establishment_id = mine
     AND ((entity = 'prisoner' AND entity_id = case_id::text) OR (entity = 'session' AND entity_id = ANY (session_ids::text[])))
     AND (before IS DISTINCT FROM '{"purged":true}' OR after IS DISTINCT FROM '{"purged":true}');
  UPDATE public.row_change_log
     SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"purged":true}'::jsonb END,
         after = CASE WHEN after IS NULL THEN NULL ELSE '{"purged":true}'::jsonb END
   WHERE establishment_id = mine
     AND ((table_name = 'prisoner' AND row_key = case_id::text)
          OR (table_name <> 'prisoner' AND coalesce(before, after)->>'prisoner_id' = case_id::text))
     AND (before IS DISTINCT FROM '{"purged":true}'::jsonb OR after IS DISTINCT FROM '{"purged":true}'::jsonb);
END;
$$;
