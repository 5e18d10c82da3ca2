CREATE TABLE `round_results` (
	`organisation_id` text NOT NULL,
	`round_id` text NOT NULL,
	`group_id` text NOT NULL,
	`responses` integer NOT NULL,
	`total_n` integer NOT NULL,
	`total_sum` real NOT NULL,
	`scores` text NOT NULL,
	`items` text NOT NULL,
	PRIMARY KEY(`organisation_id`, `round_id`, `group_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `round_results_group_idx` ON `round_results` (`organisation_id`,`group_id`);--> statement-breakpoint
CREATE INDEX `round_results_totals_idx` ON `round_results` (`organisation_id`,`round_id`,`group_id`,`responses`,`total_n`,`total_sum`);