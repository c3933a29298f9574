-- Issue 17: the sentence's first POM allocation on the prisoner record (the start-of-custody
-- minimum counts from it, seed 003 Annex B "Start custodial sentence"), and co-working second
-- POMs per case with their history (db/schema/caseload.ts, db/schema/coworking.ts).
CREATE TABLE `co_working` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prisoner_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`prisoner_id`) REFERENCES `prisoner`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `co_working_prisoner` ON `co_working` (`prisoner_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `co_working_staff_open` ON `co_working` (`staff_id`,`end_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `co_working_one_open` ON `co_working` (`prisoner_id`) WHERE "co_working"."end_date" is null;--> statement-breakpoint
ALTER TABLE `prisoner` ADD `first_pom_allocated_date` text;
