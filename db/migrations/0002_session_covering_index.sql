DROP INDEX `session_prisoner_date`;--> statement-breakpoint
CREATE INDEX `session_case_scan` ON `supervision_session` (`prisoner_id`,`date`,`in_person`,`recorded_on`);