ALTER TABLE "audit_log" ADD COLUMN "chain_seq" integer;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "salt" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "payload_digest" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain" ON "audit_log" USING btree ("chain_seq");--> statement-breakpoint
-- Issue 15: the audit trail is a hash chain, worked out by the server so that no login can write a
-- row outside it (the encoding is db/auditChain.ts's, which the app's check uses on both backends).
-- The chain's end is kept in one head row that every insert locks (FOR UPDATE) before it reads
-- it, so rows written at once by many desks still form one chain: the second waits for the first,
-- and a SERIALIZABLE writer that read the head before the first committed is refused (40001) and
-- run again by the app (db/store/postgres.ts). The order of the chain is chain_seq, not id: an id
-- is drawn before the insert waits for the head. No role has any right on the head row; it is
-- read through omu_audit_chain_head (the check) and written only by the trigger below.
CREATE TABLE audit_chain_head (
  id integer PRIMARY KEY CHECK (id = 1),
  chain_seq integer NOT NULL,
  chain_hash text NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION omu_audit_field(v text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT CASE WHEN v IS NULL THEN '~;' ELSE octet_length(convert_to(v, 'UTF8'))::text || ':' || v || ';' END
$$;
--> statement-breakpoint
-- sha256() is built in since PostgreSQL 11: no extension needed.
CREATE FUNCTION omu_audit_sha256(s text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT encode(sha256(convert_to(s, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION omu_audit_payload_digest(salt text, before text, after text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public AS $$
  SELECT public.omu_audit_sha256('omu-audit-payload-v1;' || public.omu_audit_field(salt) || public.omu_audit_field(before) || public.omu_audit_field(after))
$$;
--> statement-breakpoint
CREATE FUNCTION omu_audit_chain_hash(previous text, r audit_log) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public AS $$
  SELECT public.omu_audit_sha256(previous || public.omu_audit_sha256('omu-audit-row-v1;'
    || public.omu_audit_field(r.chain_seq::text) || public.omu_audit_field(r.id::text) || public.omu_audit_field(r.at)
    || public.omu_audit_field(r.user_id::text) || public.omu_audit_field(r.username) || public.omu_audit_field(r.role)
    || public.omu_audit_field(r.channel) || public.omu_audit_field(r.entity) || public.omu_audit_field(r.entity_id)
    || public.omu_audit_field(r.payload_digest)))
$$;
--> statement-breakpoint
-- SECURITY DEFINER (the owner's), so it may lock and move the head no login may touch. It runs
-- after audit_log_stamp (triggers of one event fire in name order), so it chains the row as the
-- server stamped it. It overwrites whatever link an insert sent, the owner's copy included.
CREATE FUNCTION omu_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  head public.audit_chain_head%ROWTYPE;
BEGIN
  SELECT * INTO STRICT head FROM public.audit_chain_head WHERE id = 1 FOR UPDATE;
  NEW.chain_seq := head.chain_seq + 1;
  -- 122 random bits from the server's strong random source (gen_random_uuid, built in since 13).
  NEW.salt := replace(gen_random_uuid()::text, '-', '');
  NEW.payload_digest := public.omu_audit_payload_digest(NEW.salt, NEW.before, NEW.after);
  NEW.chain_hash := public.omu_audit_chain_hash(head.chain_hash, NEW);
  UPDATE public.audit_chain_head SET chain_seq = NEW.chain_seq, chain_hash = NEW.chain_hash WHERE id = 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- The trail so far, chained in id order (the order it was written in), as the migration's owner:
-- the append-only trigger is set aside for this one transaction.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
DO $$
DECLARE
  r public.audit_log%ROWTYPE;
  previous text := repeat('0', 64);
  seq integer := 0;
BEGIN
  FOR r IN SELECT * FROM public.audit_log ORDER BY id LOOP
    seq := seq + 1;
    r.chain_seq := seq;
    r.salt := replace(gen_random_uuid()::text, '-', '');
    r.payload_digest := public.omu_audit_payload_digest(r.salt, r.before, r.after);
    previous := public.omu_audit_chain_hash(previous, r);
    UPDATE public.audit_log SET chain_seq = r.chain_seq, salt = r.salt, payload_digest = r.payload_digest, chain_hash = previous WHERE id = r.id;
  END LOOP;
  INSERT INTO public.audit_chain_head (id, chain_seq, chain_hash) VALUES (1, seq, previous);
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
CREATE TRIGGER audit_log_stamp_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION omu_audit_chain();
--> statement-breakpoint
-- The check (the HOMS's and the Governor's, electron/services/permissions.ts) compares the last row with the head.
CREATE FUNCTION omu_audit_chain_head() RETURNS TABLE (seq integer, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT h.chain_seq, h.chain_hash FROM public.audit_chain_head h WHERE h.id = 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION omu_audit_field(text), omu_audit_sha256(text), omu_audit_payload_digest(text, text, text), omu_audit_chain_hash(text, audit_log), omu_audit_chain(), omu_audit_chain_head() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_audit_chain_head() TO omu_homs, omu_governor;
--> statement-breakpoint
-- A copied data file's trail (db/shared/copy.ts) is chained afresh by the server, in the file's
-- order: its user ids may change in the copy, and its own links are this computer's. Only the
-- order is new here (WITH ORDINALITY); the rest is migration 0005's.
CREATE OR REPLACE FUNCTION omu_copy_audit(copied jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM public.audit_log WHERE xmin::text::bigint <> txid_current() % 4294967296) THEN
    RAISE EXCEPTION 'The audit trail already holds records: a copy only goes into a newly provisioned database' USING ERRCODE = '55000';
  END IF;
  INSERT INTO public.audit_log (id, at, user_id, username, role, channel, entity, entity_id, before, after)
  SELECT (e.r->>0)::integer, e.r->>1, (e.r->>2)::integer, e.r->>3, e.r->>4, e.r->>5, e.r->>6, e.r->>7, e.r->>8, e.r->>9
    FROM jsonb_array_elements(copied) WITH ORDINALITY AS e(r, n)
   ORDER BY e.n;
END;
$$;
