CREATE TABLE `instruments` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`slug` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` text NOT NULL,
	`published_at` text,
	`retired_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "instruments_status_check" CHECK(status in ('draft', 'active', 'retired')),
	CONSTRAINT "instruments_version_check" CHECK(version >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instruments_version_idx` ON `instruments` (`organisation_id`,`slug`,`version`);