CREATE TABLE `hidden_comments` (
	`organisation_id` text NOT NULL,
	`round_id` text NOT NULL,
	`comment_key` text NOT NULL,
	`hidden_by` text NOT NULL,
	`hidden_on` text NOT NULL,
	PRIMARY KEY(`organisation_id`, `round_id`, `comment_key`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Answers are saved only into a response that exists and is in progress: a response completed (and
-- filed under a new key) cannot be started again under its link's key by a late save.
DROP TRIGGER `answers_insert_locked_when_completed`;
--> statement-breakpoint
CREATE TRIGGER `answers_insert_only_in_progress`
BEFORE INSERT ON `answers`
WHEN (SELECT `status` FROM `responses` WHERE `id` = NEW.`response_id`) IS NOT 'in-progress'
BEGIN
  SELECT RAISE(ABORT, 'answers are saved only into a response in progress');
END;
