CREATE TABLE `allocation` (
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
CREATE INDEX `allocation_prisoner` ON `allocation` (`prisoner_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `allocation_staff_open` ON `allocation` (`staff_id`,`end_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_one_open` ON `allocation` (`prisoner_id`) WHERE "allocation"."end_date" is null;--> statement-breakpoint
CREATE TABLE `prisoner` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prison_number` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`sentence_type` text NOT NULL,
	`sentence_start_date` text NOT NULL,
	`crd` text,
	`ard` text,
	`ped` text,
	`ted` text,
	`thd` text,
	`hdced` text,
	`hdcad` text,
	`mappa_level` integer,
	`early_allocation` integer DEFAULT false NOT NULL,
	`recall` integer DEFAULT false NOT NULL,
	`tier` text,
	`rosh_level` text,
	`care_experienced` integer DEFAULT false NOT NULL,
	`tact` integer DEFAULT false NOT NULL,
	`key_worker_priority` integer DEFAULT false NOT NULL,
	`arrival_date` text,
	`status` text DEFAULT 'in_custody' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "prisoner_mappa" CHECK("prisoner"."mappa_level" is null or "prisoner"."mappa_level" between 0 and 3)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prisoner_prison_number` ON `prisoner` (`prison_number`);--> statement-breakpoint
CREATE INDEX `prisoner_status` ON `prisoner` (`status`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`hours_per_week` real DEFAULT 37 NOT NULL,
	`flags` text DEFAULT '[]' NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `staff_role_active` ON `staff` (`role`,`active`);--> statement-breakpoint
CREATE TABLE `supervision_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prisoner_id` integer NOT NULL,
	`staff_id` integer,
	`date` text NOT NULL,
	`in_person` integer NOT NULL,
	`mode` text NOT NULL,
	`duration_minutes` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`notes_sensitive` integer DEFAULT false NOT NULL,
	`recorded_on` text NOT NULL,
	`recorded_on_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`prisoner_id`) REFERENCES `prisoner`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_prisoner_date` ON `supervision_session` (`prisoner_id`,`date`);--> statement-breakpoint
CREATE TABLE `user_preference` (
	`user_key` text NOT NULL,
	`name` text NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_preference_key` ON `user_preference` (`user_key`,`name`);--> statement-breakpoint
CREATE TABLE `comparison_import` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`establishment_code` text NOT NULL,
	`establishment_name` text NOT NULL,
	`exported_at` text NOT NULL,
	`json` text NOT NULL,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `imported_catalog` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`catalog_id` text NOT NULL,
	`version` text NOT NULL,
	`json` text NOT NULL,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imported_catalog_id_version` ON `imported_catalog` (`catalog_id`,`version`);--> statement-breakpoint
CREATE TABLE `plan_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_version_id` integer NOT NULL,
	`baseline_id` text NOT NULL,
	`data` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`plan_version_id`) REFERENCES `plan_version`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_entry_baseline` ON `plan_entry` (`plan_version_id`,`baseline_id`);--> statement-breakpoint
CREATE TABLE `plan_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer NOT NULL,
	`current_stage` integer NOT NULL,
	`target_stage` integer NOT NULL,
	`catalog_id` text NOT NULL,
	`catalog_version` text NOT NULL,
	`based_on_version_id` integer,
	`rev` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_version_number` ON `plan_version` (`version`);--> statement-breakpoint
CREATE TABLE `sign_off_step` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_version_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`stage` text NOT NULL,
	`by` text NOT NULL,
	`role` text NOT NULL,
	`date` text NOT NULL,
	`decision` text NOT NULL,
	`comments` text,
	FOREIGN KEY (`plan_version_id`) REFERENCES `plan_version`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_off_step_seq` ON `sign_off_step` (`plan_version_id`,`seq`);--> statement-breakpoint
CREATE INDEX `sign_off_step_version` ON `sign_off_step` (`plan_version_id`);