CREATE TABLE `network_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`invited_at` text NOT NULL,
	`answered_at` text,
	`accepted` integer,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `network_invitations_open_idx` ON `network_invitations` (`network_id`,`organisation_id`) WHERE answered_at is null;--> statement-breakpoint
CREATE TABLE `network_memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`joined_at` text NOT NULL,
	`left_at` text,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `network_memberships_current_idx` ON `network_memberships` (`network_id`,`organisation_id`) WHERE left_at is null;--> statement-breakpoint
CREATE INDEX `network_memberships_organisation_idx` ON `network_memberships` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `network_periods` (
	`network_id` text NOT NULL,
	`period` text NOT NULL,
	`frozen_at` text NOT NULL,
	`members` integer NOT NULL,
	`contributing` integer NOT NULL,
	`distributions` text NOT NULL,
	PRIMARY KEY(`network_id`, `period`),
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `networks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`k_org` integer NOT NULL,
	`period_months` integer DEFAULT 6 NOT NULL,
	`coordinator_organisation_id` text NOT NULL,
	`coordinator_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`coordinator_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coordinator_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "networks_k_org_check" CHECK(k_org >= 3),
	CONSTRAINT "networks_period_months_check" CHECK(period_months in (3, 6, 12))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `networks_name_idx` ON `networks` (`name`);--> statement-breakpoint
-- A published period never changes: so that no later membership can be differenced out of it.
CREATE TRIGGER `network_periods_not_changed`
BEFORE UPDATE ON `network_periods`
BEGIN
  SELECT RAISE(ABORT, 'a published network period never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `network_periods_not_deleted`
BEFORE DELETE ON `network_periods`
BEGIN
  SELECT RAISE(ABORT, 'a published network period never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `network_periods_not_replaced`
BEFORE INSERT ON `network_periods`
WHEN EXISTS (SELECT 1 FROM `network_periods` WHERE `network_id` = NEW.`network_id` AND `period` = NEW.`period`)
BEGIN
  SELECT RAISE(IGNORE);
END;
