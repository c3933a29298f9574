-- Issue 16 ("Prisoner page header: ... location/wing, category, ..."): where the prisoner is held
-- (wing and cell, free text as NOMIS shows it, e.g. "B-2-014") and their security category, one of
-- SECURITY_CATEGORIES (shared/ipc/values.ts: the categories used in England and Wales, adult men
-- A to D, young offender institution and women's estate categories). Checked by the contract, as
-- rosh_level is, so the list can grow without a table rebuild. Both optional: blank until known.
ALTER TABLE `prisoner` ADD `location` text;--> statement-breakpoint
ALTER TABLE `prisoner` ADD `security_category` text;--> statement-breakpoint
-- Issue 16 (Governor's decision form): the signed-in user who recorded a sign-off step, kept apart
-- from `by` (the person whose decision it is: a PGD, Prison Gold, DIB or Probation Gold member on
-- whose behalf a Governor records it). Null on steps recorded before this migration.
ALTER TABLE `sign_off_step` ADD `recorded_by` text;
