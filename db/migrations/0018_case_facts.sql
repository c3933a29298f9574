-- Issue 17 (../shared/specs/mpc-rules.md section F, "Data the app must add"): the prisoner facts
-- the case-work rules read and the store did not hold (db/schema/caseload.ts).
-- - sed, led, post_recall_release_date, actual_parole_date: spec A.3's second group of release
--   dates (sentence expiry, licence expiry, post-recall release, actual parole), read when none of
--   CRD, ARD, HDCED, HDC actual date, PED and TED is known; led is also C.5 C7's licence expiry.
-- - enhanced_resourcing: probation's resourcing decision (spec D.2), 1 enhanced, 0 standard, null
--   not known (the checklist then stays enhanced). Checked by the contract, as the other flags are.
-- All blank until known; added columns only (no table rebuild, so the prisoner audit triggers stay).
ALTER TABLE `prisoner` ADD `sed` text;--> statement-breakpoint
ALTER TABLE `prisoner` ADD `led` text;--> statement-breakpoint
ALTER TABLE `prisoner` ADD `post_recall_release_date` text;--> statement-breakpoint
ALTER TABLE `prisoner` ADD `actual_parole_date` text;--> statement-breakpoint
ALTER TABLE `prisoner` ADD `enhanced_resourcing` integer;
