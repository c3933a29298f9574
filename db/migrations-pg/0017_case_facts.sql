-- Issue 17: the same columns as the SQLite migration 0018_case_facts (which says why;
-- ../shared/specs/mpc-rules.md section F); db/schema-pg/index.ts. enhanced_resourcing is a 0/1
-- flag as the other prisoner flags, but may be null (not known, spec D.2).
--
-- Rights (electron/services/databaseRights.ts, migration 0005): prisoner is granted by table, not
-- by column (SELECT to every role; INSERT, UPDATE to the HOMD and HOMS), so the new columns take
-- the same rights as the rest of the table and need no grant of their own. The row policies of
-- migration 0016 cover whole rows, so they cover these columns too.
ALTER TABLE "prisoner" ADD COLUMN "sed" text;--> statement-breakpoint
ALTER TABLE "prisoner" ADD COLUMN "led" text;--> statement-breakpoint
ALTER TABLE "prisoner" ADD COLUMN "post_recall_release_date" text;--> statement-breakpoint
ALTER TABLE "prisoner" ADD COLUMN "actual_parole_date" text;--> statement-breakpoint
ALTER TABLE "prisoner" ADD COLUMN "enhanced_resourcing" integer;--> statement-breakpoint
ALTER TABLE "prisoner" ADD CONSTRAINT "prisoner_enhanced_resourcing_flag" CHECK ("prisoner"."enhanced_resourcing" in (0, 1));
