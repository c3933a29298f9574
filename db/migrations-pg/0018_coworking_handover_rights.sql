-- Issue 17 (../shared/specs/mpc-rules.md D.4: the checklist is editable by the "primary or
-- co-working POM of the case"; A: a POM's handover caseload is "the user's primary and co-working
-- cases"). The app lets a co-working POM record COM details and tick the checklist
-- (electron/services/handover/handlers.ts isCasePom); the database must allow the same write and
-- nothing more. omu_is_my_case (migration 0005) stays as it is: it also guards session corrections
-- and early allocation, which remain the allocated POM's.
--
-- A case the signed-in POM works on now: an open allocation or an open co-working to the staff
-- record their profile names. Establishment separation is the table's RESTRICTIVE policies'
-- (migration 0016); ids are unique across establishments, so the function needs no test of its own.
CREATE FUNCTION omu_works_on_case(case_id integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.allocation a JOIN public.app_user u ON u.staff_id = a.staff_id
     WHERE u.username = session_user AND u.active = 1 AND a.prisoner_id = case_id AND a.end_date IS NULL)
  OR EXISTS (
    SELECT 1 FROM public.co_working w JOIN public.app_user u ON u.staff_id = w.staff_id
     WHERE u.username = session_user AND u.active = 1 AND w.prisoner_id = case_id AND w.end_date IS NULL)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION omu_works_on_case(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION omu_works_on_case(integer) TO omu_pom;
--> statement-breakpoint
DROP POLICY com_handover_add_own_case ON com_handover;
--> statement-breakpoint
DROP POLICY com_handover_change_own_case ON com_handover;
--> statement-breakpoint
CREATE POLICY com_handover_add_own_case ON com_handover FOR INSERT TO omu_pom WITH CHECK (omu_works_on_case(prisoner_id));
--> statement-breakpoint
CREATE POLICY com_handover_change_own_case ON com_handover FOR UPDATE TO omu_pom
  USING (omu_works_on_case(prisoner_id)) WITH CHECK (omu_works_on_case(prisoner_id));
