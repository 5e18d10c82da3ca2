CREATE TABLE `groupings` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "groupings_kind_check" CHECK(kind in ('service-line', 'locality'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `groupings_name_idx` ON `groupings` (`organisation_id`,`name`);--> statement-breakpoint
ALTER TABLE `groups` ADD `grouping_id` text REFERENCES groupings(id);--> statement-breakpoint
ALTER TABLE `groups` ADD `predecessor_id` text;--> statement-breakpoint
ALTER TABLE `groups` ADD `archived_at` text;