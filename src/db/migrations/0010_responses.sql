CREATE TABLE `answers` (
	`response_id` text NOT NULL,
	`link_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`value` real,
	`special` text,
	`comment` text,
	`dissent` text,
	PRIMARY KEY(`response_id`, `link_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "answers_one_value_check" CHECK(value is null or special is null),
	CONSTRAINT "answers_special_check" CHECK(special is null or special in ('NA', 'DK')),
	CONSTRAINT "answers_comment_check" CHECK(length(comment) <= 2000 and length(dissent) <= 2000)
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`round_id` text NOT NULL,
	`group_id` text NOT NULL,
	`perspective` text NOT NULL,
	`used` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invitations_round_idx` ON `invitations` (`organisation_id`,`round_id`,`group_id`);--> statement-breakpoint
CREATE TABLE `item_aggregates` (
	`organisation_id` text NOT NULL,
	`round_id` text NOT NULL,
	`group_id` text NOT NULL,
	`perspective` text NOT NULL,
	`link_id` text NOT NULL,
	`n` integer NOT NULL,
	`sum` real NOT NULL,
	`sum_of_squares` real NOT NULL,
	`na_count` integer NOT NULL,
	`dk_count` integer NOT NULL,
	PRIMARY KEY(`round_id`, `group_id`, `perspective`, `link_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `respondent_scores` (
	`response_id` text NOT NULL,
	`measure` text NOT NULL,
	`organisation_id` text NOT NULL,
	`round_id` text NOT NULL,
	`group_id` text NOT NULL,
	`perspective` text NOT NULL,
	`score` real,
	PRIMARY KEY(`response_id`, `measure`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `respondent_scores_round_idx` ON `respondent_scores` (`organisation_id`,`round_id`,`group_id`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`round_id` text NOT NULL,
	`group_id` text NOT NULL,
	`perspective` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`started_on` text NOT NULL,
	`completed_on` text,
	`answered` integer,
	`applicable` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "responses_status_check" CHECK(status in ('in-progress', 'completed')),
	CONSTRAINT "responses_kind_check" CHECK(kind in ('individual', 'consensus', 'imported'))
);
--> statement-breakpoint
CREATE INDEX `responses_round_idx` ON `responses` (`organisation_id`,`round_id`,`group_id`,`status`);--> statement-breakpoint
CREATE TABLE `score_aggregates` (
	`organisation_id` text NOT NULL,
	`round_id` text NOT NULL,
	`group_id` text NOT NULL,
	`perspective` text NOT NULL,
	`measure` text NOT NULL,
	`n` integer NOT NULL,
	`sum` real NOT NULL,
	`sum_of_squares` real NOT NULL,
	`insufficient` integer NOT NULL,
	PRIMARY KEY(`round_id`, `group_id`, `perspective`, `measure`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
