-- Issue 17 (../shared/specs/mpc-rules.md sections B, C and F): early allocation assessments per
-- case, HOMD responsibility overrides, and the reason for choosing a POM of the other type than
-- the recommended one (db/schema/caseWork.ts, db/schema/caseload.ts).
CREATE TABLE `early_allocation_assessment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prisoner_id` integer NOT NULL,
	`answers` text NOT NULL,
	`oasys_date` text NOT NULL,
	`created_on` text NOT NULL,
	`outcome` text NOT NULL,
	`created_within_referral_window` integer NOT NULL,
	`community_decision` integer,
	`community_decision_on` text,
	`community_decision_by` text,
	`reason` text DEFAULT '' NOT NULL,
	`approved` integer DEFAULT false NOT NULL,
	`assessor` text NOT NULL,
	`assessor_user_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`prisoner_id`) REFERENCES `prisoner`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "early_allocation_outcome" CHECK("early_allocation_assessment"."outcome" in ('eligible', 'discretionary', 'ineligible'))
);
--> statement-breakpoint
CREATE INDEX `early_allocation_prisoner` ON `early_allocation_assessment` (`prisoner_id`,`created_on`);--> statement-breakpoint
CREATE TABLE `responsibility_override` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prisoner_id` integer NOT NULL,
	`responsibility` text NOT NULL,
	`reason` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`ended_on` text,
	`set_by` text NOT NULL,
	`set_by_user_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`prisoner_id`) REFERENCES `prisoner`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "responsibility_override_value" CHECK("responsibility_override"."responsibility" in ('pom', 'com'))
);
--> statement-breakpoint
CREATE INDEX `responsibility_override_prisoner` ON `responsibility_override` (`prisoner_id`,`start_date`);--> statement-breakpoint
ALTER TABLE `allocation` ADD `pom_type_reason` text;
