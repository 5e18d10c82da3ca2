CREATE TABLE `groups` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`team_type` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "groups_kind_check" CHECK(kind in ('executive', 'team')),
	CONSTRAINT "groups_team_type_check" CHECK((kind = 'executive' and team_type is null) or (kind = 'team' and team_type in ('inpatient', 'community', 'crisis', 'rehabilitation', 'specialist', 'other')))
);
--> statement-breakpoint
CREATE INDEX `groups_organisation_idx` ON `groups` (`organisation_id`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `groups_one_executive_idx` ON `groups` (`organisation_id`) WHERE kind = 'executive';--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
