-- Issue 16 (Screens, prisoner page: "each session shows who recorded it"): as SQLite's migration
-- 0017_session_recorded_by. INSERT on supervision_session is granted on the whole table (migration
-- 0005), so a POM's own insert may set it; the read-only reviewer's SELECT is column by column
-- (the sensitive-notes rule), so it is granted this column too (electron/services/databaseRights.ts LIMITS).
ALTER TABLE "supervision_session" ADD COLUMN "recorded_by" text;--> statement-breakpoint
GRANT SELECT (recorded_by) ON supervision_session TO omu_reader;
