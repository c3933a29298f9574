-- Issue 13: moving an OMU's SQLite file into the shared database (npm run db:copy-to-shared, or
-- the HOMS's button) keeps every row's id, so that the audit trail, allocations and sessions keep
-- pointing at the same records. Afterwards each identity sequence must start after the highest
-- id copied. Users' logins cannot do that themselves (no UPDATE on sequences); this function,
-- owned by the schema owner, does only that, and only a HOMS may call it.
CREATE FUNCTION omu_align_sequences() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['staff', 'prisoner', 'allocation', 'supervision_session', 'plan_version', 'plan_entry', 'sign_off_step', 'imported_catalog', 'comparison_import', 'app_user', 'audit_log'] LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), GREATEST((SELECT coalesce(max(id), 0) FROM %I), 1), (SELECT count(*) > 0 FROM %I))', t, 'id', t, t);
  END LOOP;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION omu_align_sequences() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_align_sequences() TO omu_homs;
