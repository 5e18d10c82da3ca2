CREATE TABLE `sso_requests` (
	`state` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`code_verifier` text NOT NULL,
	`nonce` text NOT NULL,
	`next` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sso_settings` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`issuer` text NOT NULL,
	`client_id` text NOT NULL,
	`client_secret` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `people` ADD `oidc_issuer` text;--> statement-breakpoint
ALTER TABLE `people` ADD `oidc_subject` text;--> statement-breakpoint
CREATE UNIQUE INDEX `people_oidc_idx` ON `people` (`oidc_issuer`,`oidc_subject`);