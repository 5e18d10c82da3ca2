CREATE TABLE `action_priorities` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`group_id` text NOT NULL,
	`round_id` text NOT NULL,
	`rank` integer NOT NULL,
	`focus` text NOT NULL,
	`actions` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`review` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_priorities_rank_check" CHECK(rank between 1 and 3),
	CONSTRAINT "action_priorities_status_check" CHECK(status in ('planned', 'done', 'partly-done', 'not-done'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_priorities_rank_idx` ON `action_priorities` (`group_id`,`round_id`,`rank`);