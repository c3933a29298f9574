-- Issue 19 (and issue 17's POM facts): each POM's capacity facts on the staff record, and the
-- planned changes to capacity over the coming weeks (seed 002 stages 3 to 1). The POM's type is
-- the staff role (prison_pom / probation_pom). Written to match db/schema/caseload.ts and
-- db/schema/resourcing.ts as drizzle-kit writes them.
ALTER TABLE `staff` ADD `band` integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `days_per_week` real DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `unavailable_from` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `unavailable_to` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `unavailable_reason` text;--> statement-breakpoint
CREATE TABLE `pom_planned_change` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`name` text,
	`pom_type` text,
	`band` integer,
	`hours_per_week` real,
	`days_per_week` real,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pom_planned_change_kind" CHECK("pom_planned_change"."kind" in ('returning', 'leaving', 'starting', 'hours_changed')),
	CONSTRAINT "pom_planned_change_whose" CHECK(("pom_planned_change"."kind" = 'starting') = ("pom_planned_change"."staff_id" is null))
);
--> statement-breakpoint
CREATE INDEX `pom_planned_change_staff` ON `pom_planned_change` (`staff_id`,`date`);
