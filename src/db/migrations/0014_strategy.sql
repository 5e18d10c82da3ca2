CREATE TABLE `metric_periods` (
	`organisation_id` text NOT NULL,
	`metric_id` text NOT NULL,
	`period` text NOT NULL,
	`values_count` integer NOT NULL,
	`total` real NOT NULL,
	`meeting` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `metric_id`, `period`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `metric_values` (
	`organisation_id` text NOT NULL,
	`metric_id` text NOT NULL,
	`period` text NOT NULL,
	`group_id` text NOT NULL,
	`value` real NOT NULL,
	`note` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`organisation_id`, `metric_id`, `period`, `group_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `metrics` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`workstream_id` text NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`scope` text NOT NULL,
	`cadence` text NOT NULL,
	`comparator` text NOT NULL,
	`target_value` real NOT NULL,
	`coverage_target` real,
	`due_on` text NOT NULL,
	`baseline` real,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workstream_id`) REFERENCES `workstreams`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "metrics_direction_check" CHECK(direction in ('higher', 'lower')),
	CONSTRAINT "metrics_scope_check" CHECK(scope in ('organisation', 'team')),
	CONSTRAINT "metrics_cadence_check" CHECK(cadence in ('monthly', 'quarterly')),
	CONSTRAINT "metrics_comparator_check" CHECK(comparator in ('>=', '<=', '>', '<', '='))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metrics_name_idx` ON `metrics` (`organisation_id`,`name`);--> statement-breakpoint
CREATE INDEX `metrics_workstream_idx` ON `metrics` (`organisation_id`,`workstream_id`);--> statement-breakpoint
CREATE TABLE `objective_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`objective_id` text NOT NULL,
	`noted_on` text NOT NULL,
	`status` text NOT NULL,
	`note` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`objective_id`) REFERENCES `objectives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `objective_notes_objective_idx` ON `objective_notes` (`organisation_id`,`objective_id`);--> statement-breakpoint
CREATE TABLE `objectives` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`workstream_id` text NOT NULL,
	`title` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workstream_id`) REFERENCES `workstreams`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "objectives_status_check" CHECK(status in ('not-started', 'on-track', 'at-risk', 'off-track', 'done'))
);
--> statement-breakpoint
CREATE INDEX `objectives_workstream_idx` ON `objectives` (`organisation_id`,`workstream_id`);--> statement-breakpoint
CREATE TABLE `workstreams` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`purpose` text NOT NULL,
	`lead` text NOT NULL,
	`linked_domains` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workstreams_name_idx` ON `workstreams` (`organisation_id`,`name`);