-- Issue 17: handover to the COM (db/schema/handover.ts): the COM's details, the handover checklist
-- (../shared/specs/mpc-rules.md D), community notified (seed 003 Annex B) and the Victim Liaison
-- Officer contact (seed 002 baseline 2.3), one row per case.
CREATE TABLE `com_handover` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prisoner_id` integer NOT NULL,
	`com_name` text,
	`com_email` text,
	`com_phone` text,
	`com_team` text,
	`pdu` text,
	`ldu` text,
	`ldu_email` text,
	`com_allocated_on` text,
	`reviewed_oasys` integer DEFAULT false NOT NULL,
	`reviewed_oasys_by` text,
	`reviewed_oasys_at` text,
	`contacted_com` integer DEFAULT false NOT NULL,
	`contacted_com_by` text,
	`contacted_com_at` text,
	`attended_handover_meeting` integer DEFAULT false NOT NULL,
	`attended_handover_meeting_by` text,
	`attended_handover_meeting_at` text,
	`sent_handover_report` integer DEFAULT false NOT NULL,
	`sent_handover_report_by` text,
	`sent_handover_report_at` text,
	`last_responsibility` text,
	`last_com_responsible_date` text,
	`community_notified_at` text,
	`community_notified_by` text,
	`vlo_name` text,
	`vlo_contact` text,
	`vlo_last_contact_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prisoner_id`) REFERENCES `prisoner`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "com_handover_last_responsibility" CHECK("com_handover"."last_responsibility" is null or "com_handover"."last_responsibility" in ('pom', 'pom_with_com', 'com'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `com_handover_prisoner` ON `com_handover` (`prisoner_id`);
