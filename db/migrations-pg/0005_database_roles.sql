-- Issue 14: the shared OMU database enforces each app role itself. Every user signs in with their
-- own PostgreSQL login, a member of exactly one group role (omu_pom, omu_homd, omu_homs,
-- omu_governor, omu_reader), so a login at a psql prompt must get no more than the app gives that
-- role. The rights below are electron/services/databaseRights.ts (what each channel does to each
-- table, with permissions.ts's RULES) written as GRANTs and row-level policies;
-- test/integration/databaseRoles.test.ts tries every cell with each role's own login, and
-- `npm run db:audit-check` compares a live server with the same table. Tables and functions are
-- owned by omu_owner (NOLOGIN); no login is a member of it, so no login can alter a table, disable
-- a trigger or turn row-level security off.

-- Start from nothing: migration 0002 let every group role change every table.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
-- Functions are callable by everyone unless revoked; each one a role needs is granted below.
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES FOR ROLE omu_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
--> statement-breakpoint
-- The index condition on supervision_session and the app's query for unusual records call it.
GRANT EXECUTE ON FUNCTION omu_ordinary_record(text, text) TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_set_login(text, text, text, boolean) TO omu_homs;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_set_own_password(text) TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_align_sequences() TO omu_homs;
--> statement-breakpoint

-- ------------------------------------------------------------------ who is asking

-- The app role of a login: its one OMU group role ('pom' ... 'read_only'), or NULL for a login
-- that is not an OMU user (the server's administrator running provisioning, say).
CREATE FUNCTION omu_app_role(login name) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
  SELECT CASE g.rolname WHEN 'omu_pom' THEN 'pom' WHEN 'omu_homd' THEN 'homd' WHEN 'omu_homs' THEN 'homs'
                        WHEN 'omu_governor' THEN 'governor' WHEN 'omu_reader' THEN 'read_only' END
    FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
   WHERE u.rolname = login AND g.rolname IN ('omu_pom', 'omu_homd', 'omu_homs', 'omu_governor', 'omu_reader')
   ORDER BY g.rolname LIMIT 1
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_app_role(name) TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint

-- The signed-in login's OMU Desk profile id. session_user, not current_user: SET ROLE cannot
-- change it, and inside a SECURITY DEFINER function it is still the person who connected.
CREATE FUNCTION omu_my_user_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT id FROM public.app_user WHERE username = session_user
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_my_user_id() TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint

-- Whether a case is allocated to the signed-in POM now: an open allocation to the staff record
-- their profile names (electron/services/handlers/caseload.ts, sessions.correctRecordedOn).
CREATE FUNCTION omu_is_my_case(case_id integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.allocation a JOIN public.app_user u ON u.staff_id = a.staff_id
     WHERE u.username = session_user AND u.active = 1 AND a.prisoner_id = case_id AND a.end_date IS NULL)
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_is_my_case(integer) TO omu_pom;
--> statement-breakpoint

-- The staff record the signed-in user's profile names (a POM's own), or NULL.
CREATE FUNCTION omu_my_staff_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT staff_id FROM public.app_user WHERE username = session_user AND active = 1
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_my_staff_id() TO omu_pom;
--> statement-breakpoint

-- Whether an audit payload holds a sensitive note's text, anywhere in the JSON: the app's
-- holdsSensitiveNote (electron/services/sensitiveNotes.ts), which the subject access export uses. A
-- payload that is not JSON counts as holding one: a reviewer is shown less, never more.
CREATE FUNCTION omu_holds_sensitive_note(payload text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog AS $$
BEGIN
  IF payload IS NULL THEN RETURN false; END IF;
  RETURN jsonb_path_exists(payload::jsonb, 'lax $.** ? (@.notesSensitive == true && @.notes.type() == "string" && @.notes != "")');
EXCEPTION WHEN others THEN
  RETURN true;
END;
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_holds_sensitive_note(text) TO omu_reader;
--> statement-breakpoint

-- ------------------------------------------------------------------ reads

GRANT SELECT ON establishment, app_setting, staff, prisoner, allocation, plan_version, plan_entry, sign_off_step, imported_catalog, comparison_import, audit_log, user_preference, app_user
  TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
-- Sensitive notes (electron/services/sensitiveNotes.ts SENSITIVE_NOTE_READERS): a read-only reviewer is granted
-- every column but `notes`; `notes_open` holds the note unless it is marked sensitive.
GRANT SELECT ON supervision_session TO omu_pom, omu_homd, omu_homs, omu_governor;
--> statement-breakpoint
GRANT SELECT (id, prisoner_id, staff_id, date, in_person, mode, duration_minutes, notes_sensitive, notes_open, recorded_on, recorded_on_reason, created_at)
  ON supervision_session TO omu_reader;
--> statement-breakpoint

-- ------------------------------------------------------------------ changes, by the channels that make them

-- sessions.record (POM, HOMD, HOMS); caseImport.commit and demo.create (HOMD/HOMS, HOMS).
GRANT INSERT ON supervision_session TO omu_pom, omu_homd, omu_homs;
--> statement-breakpoint
-- sessions.correctRecordedOn: only when and why it was recorded; a POM on their own cases (policy below).
GRANT UPDATE (recorded_on, recorded_on_reason) ON supervision_session TO omu_pom, omu_homd, omu_homs;
--> statement-breakpoint
-- retention.purge (HOMS).
GRANT DELETE ON supervision_session, allocation, prisoner TO omu_homs;
--> statement-breakpoint
-- prisoners.create/update, caseImport.commit (HOMD, HOMS).
GRANT INSERT, UPDATE ON prisoner TO omu_homd, omu_homs;
--> statement-breakpoint
-- allocations.allocate (HOMD, HOMS): a new allocation, and the end of the open one.
GRANT INSERT ON allocation TO omu_homd, omu_homs;
--> statement-breakpoint
GRANT UPDATE (end_date) ON allocation TO omu_homd, omu_homs;
--> statement-breakpoint
-- staff.save (HOMD, HOMS).
GRANT INSERT, UPDATE ON staff TO omu_homd, omu_homs;
--> statement-breakpoint
-- establishment.setup/update, settings.update, catalogs.import, rrmp.*, users.save, demo.create (HOMS).
GRANT INSERT, UPDATE ON establishment, app_setting, plan_version, plan_entry, app_user TO omu_homs;
--> statement-breakpoint
GRANT INSERT ON sign_off_step, imported_catalog TO omu_homs;
--> statement-breakpoint
-- readiness.decide (Governor): the decision, and the plan version's state.
GRANT INSERT ON sign_off_step TO omu_governor;
--> statement-breakpoint
GRANT UPDATE ON plan_version TO omu_governor;
--> statement-breakpoint
-- readiness.importComparison/removeComparison (Governor, HOMS).
GRANT INSERT, DELETE ON comparison_import TO omu_governor, omu_homs;
--> statement-breakpoint
-- prefs.setCaseloadView (everyone: their own preferences, policy below).
GRANT INSERT, UPDATE ON user_preference TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
-- Every mutation's audit row (stamped by the server below, whoever sends it).
GRANT INSERT ON audit_log TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader;
--> statement-breakpoint
-- A new row's id: the sequence of each table a role may insert into, and no other.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname, g.rolname, pg_get_serial_sequence(format('%I', c.relname), 'id') AS seq
      FROM pg_class c CROSS JOIN (VALUES ('omu_pom'), ('omu_homd'), ('omu_homs'), ('omu_governor'), ('omu_reader')) AS g(rolname)
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped)
       AND has_table_privilege(g.rolname, c.oid, 'INSERT')
  LOOP
    IF t.seq IS NOT NULL THEN EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I', t.seq, t.rolname); END IF;
  END LOOP;
END;
$$;
--> statement-breakpoint

-- ------------------------------------------------------------------ rows (row-level security)

ALTER TABLE supervision_session ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY session_read ON supervision_session FOR SELECT TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader USING (true);
--> statement-breakpoint
-- "POMs record sessions for any case" (issue 7), as themselves (issue 15: the session's staff
-- record is their own, electron/services/handlers/caseload.ts sessionHeldBy); a HOMD or HOMS may
-- record on a POM's behalf.
CREATE POLICY session_record ON supervision_session FOR INSERT TO omu_homd, omu_homs WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY session_record_as_themselves ON supervision_session FOR INSERT TO omu_pom WITH CHECK (staff_id = omu_my_staff_id());
--> statement-breakpoint
CREATE POLICY session_correct ON supervision_session FOR UPDATE TO omu_homd, omu_homs USING (true) WITH CHECK (true);
--> statement-breakpoint
-- "A POM may correct only sessions of their own allocations" (issue 7).
CREATE POLICY session_correct_own_cases ON supervision_session FOR UPDATE TO omu_pom
  USING (omu_is_my_case(prisoner_id)) WITH CHECK (omu_is_my_case(prisoner_id));
--> statement-breakpoint
CREATE POLICY session_purge ON supervision_session FOR DELETE TO omu_homs USING (true);
--> statement-breakpoint

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- users.list / users.save are the HOMS's; anyone else reads only their own profile (sign-in).
CREATE POLICY user_manage ON app_user FOR ALL TO omu_homs USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY user_own_profile ON app_user FOR SELECT TO omu_pom, omu_homd, omu_governor, omu_reader USING (username = session_user);
--> statement-breakpoint

ALTER TABLE user_preference ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Saved views are per user ('user:<id>', electron/services/handlers/prefs.ts). The HOMS sees all:
-- copying a data file into the database brings everyone's.
CREATE POLICY preference_all ON user_preference FOR ALL TO omu_homs USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY preference_own ON user_preference FOR ALL TO omu_pom, omu_homd, omu_governor, omu_reader
  USING (user_key = 'user:' || omu_my_user_id()) WITH CHECK (user_key = 'user:' || omu_my_user_id());
--> statement-breakpoint

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_read ON audit_log FOR SELECT TO omu_pom, omu_homd, omu_homs, omu_governor USING (true);
--> statement-breakpoint
-- A read-only reviewer does not read sensitive notes, in the trail either.
CREATE POLICY audit_read_no_sensitive_notes ON audit_log FOR SELECT TO omu_reader
  USING (NOT omu_holds_sensitive_note(before) AND NOT omu_holds_sensitive_note(after));
--> statement-breakpoint
CREATE POLICY audit_append ON audit_log FOR INSERT TO omu_pom, omu_homd, omu_homs, omu_governor, omu_reader WITH CHECK (true);
--> statement-breakpoint

-- ------------------------------------------------------------------ the audit trail, stamped by the server

-- Who, as what, and when are the server's, not the client's: whatever an insert says, the row
-- records the login that connected (session_user), its OMU role and the server's clock. A row is
-- kept as sent only when the schema owner writes it, which happens only inside omu_copy_audit
-- below (SECURITY DEFINER, so current_user is the owner there). This function is deliberately not
-- SECURITY DEFINER: current_user must be the caller's for that test to mean anything.
CREATE FUNCTION omu_audit_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF current_user = 'omu_owner' THEN
    RETURN NEW;
  END IF;
  NEW.username := session_user;
  NEW.role := coalesce(public.omu_app_role(session_user), 'administrator');
  NEW.user_id := public.omu_my_user_id();
  NEW.at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION omu_audit_stamp();
--> statement-breakpoint

-- Copying a data file into a new shared database (storage.copyToShared, npm run db:copy-to-shared)
-- brings its audit trail as it was: who, when. Only into a trail that held nothing before this
-- transaction, so it can never add history to a database in use.
CREATE FUNCTION omu_copy_audit(copied jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM public.audit_log WHERE xmin::text::bigint <> txid_current() % 4294967296) THEN
    RAISE EXCEPTION 'The audit trail already holds records: a copy only goes into a newly provisioned database' USING ERRCODE = '55000';
  END IF;
  INSERT INTO public.audit_log (id, at, user_id, username, role, channel, entity, entity_id, before, after)
  SELECT (r->>0)::integer, r->>1, (r->>2)::integer, r->>3, r->>4, r->>5, r->>6, r->>7, r->>8, r->>9
    FROM jsonb_array_elements(copied) AS r;
END;
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_copy_audit(jsonb) TO omu_homs;
--> statement-breakpoint

-- ------------------------------------------------------------------ every row change, kept by the server

-- The app writes an audit row for each request it makes. A login used directly (psql, a script)
-- could change rows and write none, so the server also keeps its own log of every row changed in
-- the app's tables, with the login, its role, the server's time, the transaction, and the row
-- before and after. Written by a SECURITY DEFINER trigger: no role may insert into it, and none
-- may change, delete or truncate it. Readable by the HOMS and the Governor (it holds sensitive
-- notes as the tables do).
CREATE TABLE row_change_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  login name NOT NULL DEFAULT session_user,
  role text,
  xact bigint NOT NULL DEFAULT txid_current(),
  table_name name NOT NULL,
  op text NOT NULL,
  row_key text,
  before jsonb,
  after jsonb
);
--> statement-breakpoint
CREATE INDEX row_change_log_xact ON row_change_log (xact);
--> statement-breakpoint
GRANT SELECT ON row_change_log TO omu_homs, omu_governor;
--> statement-breakpoint
CREATE TRIGGER row_change_log_no_update BEFORE UPDATE OR DELETE ON row_change_log
  FOR EACH ROW EXECUTE FUNCTION omu_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER row_change_log_no_truncate BEFORE TRUNCATE ON row_change_log
  FOR EACH STATEMENT EXECUTE FUNCTION omu_audit_append_only();
--> statement-breakpoint
CREATE FUNCTION omu_log_row_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  b jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
  a jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
  r jsonb := coalesce(a, b);
BEGIN
  INSERT INTO public.row_change_log (role, table_name, op, row_key, before, after)
  VALUES (public.omu_app_role(session_user), TG_TABLE_NAME, lower(TG_OP),
          coalesce(r->>'id', r->>'key', (r->>'user_key') || '/' || (r->>'name')), b, a);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['establishment', 'app_setting', 'staff', 'prisoner', 'allocation', 'supervision_session', 'plan_version', 'plan_entry', 'sign_off_step', 'imported_catalog', 'comparison_import', 'user_preference', 'app_user'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION omu_log_row_change()', t || '_row_change', t);
  END LOOP;
END;
$$;
