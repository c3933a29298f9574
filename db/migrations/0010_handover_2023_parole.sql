-- Issue 20 (../shared/specs/handover-2023.md sections 1 and 6) and the parole part of issue 17:
-- the prisoner facts the omic2023 rules R1, R3 and R4 read, and parole reviews per case.
CREATE TABLE `parole_review` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prisoner_id` integer NOT NULL,
	`hearing_date` text NOT NULL,
	`outcome` text DEFAULT 'not_known' NOT NULL,
	`outcome_date` text,
	`next_hearing_date` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prisoner_id`) REFERENCES `prisoner`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "parole_review_outcome" CHECK("parole_review"."outcome" in ('release', 'refused', 'deferred', 'not_known'))
);
--> statement-breakpoint
CREATE INDEX `parole_review_prisoner` ON `parole_review` (`prisoner_id`,`hearing_date`);--> statement-breakpoint
ALTER TABLE `prisoner` ADD `open_conditions` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `prisoner` ADD `open_conditions_arrival_date` text;--> statement-breakpoint
ALTER TABLE `prisoner` ADD `immigration_case` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `prisoner` ADD `additional_isp` integer DEFAULT false NOT NULL;
