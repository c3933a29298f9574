-- Issue 16 (Screens, prisoner page: "each session shows who recorded it"): the display name of the
-- signed-in user who entered the session (sessions.record), or of the importer with " (CSV import)"
-- (caseImport.commit). Null for sessions recorded before this version and for demo sessions.
ALTER TABLE `supervision_session` ADD `recorded_by` text;
