CREATE TABLE `app_setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `establishment` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`category` text NOT NULL,
	`current_stage` integer DEFAULT 4 NOT NULL,
	`target_stage` integer DEFAULT 3 NOT NULL,
	`policy` text DEFAULT 'omic2021' NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "establishment_single_row" CHECK("establishment"."id" = 1),
	CONSTRAINT "establishment_stages" CHECK("establishment"."current_stage" between 1 and 4 and "establishment"."target_stage" between 1 and 4)
);
