CREATE TABLE `shown_links` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`made_by` text NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`links` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "shown_links_kind_check" CHECK(kind in ('invitations', 'password'))
);
--> statement-breakpoint
CREATE INDEX `shown_links_organisation_idx` ON `shown_links` (`organisation_id`,`expires_at`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `respondent_contact` text;