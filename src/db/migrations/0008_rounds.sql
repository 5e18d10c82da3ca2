CREATE TABLE `round_groups` (
	`round_id` text NOT NULL,
	`group_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	PRIMARY KEY(`round_id`, `group_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`instrument_slug` text NOT NULL,
	`instrument_version` integer NOT NULL,
	`perspectives` text NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`anonymity_threshold` integer NOT NULL,
	`comment_threshold` integer NOT NULL,
	`item_mid` real NOT NULL,
	`team_mid` real NOT NULL,
	`created_at` text NOT NULL,
	`opened_at` text,
	`closed_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rounds_mode_check" CHECK(mode in ('individual', 'consensus')),
	CONSTRAINT "rounds_status_check" CHECK(status in ('draft', 'open', 'closed')),
	CONSTRAINT "rounds_anonymity_check" CHECK(anonymity_threshold >= 3),
	CONSTRAINT "rounds_comment_check" CHECK(comment_threshold >= 5),
	CONSTRAINT "rounds_window_check" CHECK(closes_on >= opens_on)
);
--> statement-breakpoint
CREATE INDEX `rounds_organisation_idx` ON `rounds` (`organisation_id`,`status`);