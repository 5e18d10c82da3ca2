CREATE TABLE `compared_figures` (
	`organisation_id` text NOT NULL,
	`round_id` text NOT NULL,
	`group_id` text NOT NULL,
	`figures` text NOT NULL,
	PRIMARY KEY(`organisation_id`, `round_id`, `group_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
-- What comparisons read of the rounds closed before this migration, from their kept figures.
INSERT INTO `compared_figures`
SELECT organisation_id, round_id, group_id,
  json_group_array(json_array(kind, key, n, sum, sum_of_squares))
FROM (SELECT * FROM `round_figures` WHERE perspective = 'all' AND kind IN ('responses', 'total', 'item')
  ORDER BY organisation_id, round_id, group_id, kind, key)
GROUP BY organisation_id, round_id, group_id;
--> statement-breakpoint
-- Written once, by the batch that closes the round, and never changed: as round_figures.
CREATE TRIGGER `compared_figures_written_once`
BEFORE INSERT ON `compared_figures`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = NEW.`round_id`) IS NOT 'closed'
  OR EXISTS (SELECT 1 FROM `compared_figures` f WHERE f.`organisation_id` = NEW.`organisation_id`
    AND f.`round_id` = NEW.`round_id` AND f.`group_id` = NEW.`group_id`)
BEGIN
  SELECT RAISE(ABORT, 'a closed round keeps its results as they were at close');
END;
--> statement-breakpoint
CREATE TRIGGER `compared_figures_no_update`
BEFORE UPDATE ON `compared_figures`
BEGIN
  SELECT RAISE(ABORT, 'a closed round keeps its results as they were at close');
END;
--> statement-breakpoint
CREATE TRIGGER `compared_figures_no_delete`
BEFORE DELETE ON `compared_figures`
BEGIN
  SELECT RAISE(ABORT, 'a closed round keeps its results as they were at close');
END;
