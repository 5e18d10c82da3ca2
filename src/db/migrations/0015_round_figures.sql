CREATE TABLE `round_figures` (
	`organisation_id` text NOT NULL,
	`round_id` text NOT NULL,
	`group_id` text NOT NULL,
	`perspective` text NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`n` integer NOT NULL,
	`sum` real NOT NULL,
	`sum_of_squares` real NOT NULL,
	`insufficient` integer NOT NULL,
	`na_count` integer NOT NULL,
	`dk_count` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `round_id`, `group_id`, `perspective`, `kind`, `key`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "round_figures_kind_check" CHECK(kind in ('responses', 'total', 'domain', 'item'))
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `round_figures_kind_idx` ON `round_figures` (`organisation_id`,`perspective`,`kind`,`round_id`,`key`,`n`,`sum`,`sum_of_squares`,`insufficient`,`na_count`,`dk_count`);
--> statement-breakpoint
-- The figures of rounds closed before this migration, from their aggregates.
INSERT INTO `round_figures`
SELECT rg.organisation_id, rg.round_id, rg.group_id, 'all', 'responses', '',
  coalesce((SELECT sum(s.n + s.insufficient) FROM score_aggregates s
    WHERE s.round_id = rg.round_id AND s.group_id = rg.group_id AND s.measure = 'total'), 0),
  0, 0, 0, 0, 0
FROM round_groups rg JOIN rounds r ON r.id = rg.round_id WHERE r.status = 'closed';
--> statement-breakpoint
INSERT INTO `round_figures`
SELECT s.organisation_id, s.round_id, s.group_id, s.perspective, 'responses', '', s.n + s.insufficient, 0, 0, 0, 0, 0
FROM score_aggregates s JOIN rounds r ON r.id = s.round_id WHERE r.status = 'closed' AND s.measure = 'total';
--> statement-breakpoint
INSERT INTO `round_figures`
SELECT s.organisation_id, s.round_id, s.group_id, s.perspective,
  CASE s.measure WHEN 'total' THEN 'total' ELSE 'domain' END, CASE s.measure WHEN 'total' THEN '' ELSE s.measure END,
  s.n, s.sum, s.sum_of_squares, s.insufficient, 0, 0
FROM score_aggregates s JOIN rounds r ON r.id = s.round_id WHERE r.status = 'closed';
--> statement-breakpoint
INSERT INTO `round_figures`
SELECT s.organisation_id, s.round_id, s.group_id, 'all',
  CASE s.measure WHEN 'total' THEN 'total' ELSE 'domain' END, CASE s.measure WHEN 'total' THEN '' ELSE s.measure END,
  sum(s.n), sum(s.sum), sum(s.sum_of_squares), sum(s.insufficient), 0, 0
FROM score_aggregates s JOIN rounds r ON r.id = s.round_id WHERE r.status = 'closed'
GROUP BY s.round_id, s.group_id, s.measure;
--> statement-breakpoint
INSERT INTO `round_figures`
SELECT i.organisation_id, i.round_id, i.group_id, i.perspective, 'item', i.link_id,
  i.n, i.sum, i.sum_of_squares, 0, i.na_count, i.dk_count
FROM item_aggregates i JOIN rounds r ON r.id = i.round_id WHERE r.status = 'closed';
--> statement-breakpoint
INSERT INTO `round_figures`
SELECT i.organisation_id, i.round_id, i.group_id, 'all', 'item', i.link_id,
  sum(i.n), sum(i.sum), sum(i.sum_of_squares), 0, sum(i.na_count), sum(i.dk_count)
FROM item_aggregates i JOIN rounds r ON r.id = i.round_id WHERE r.status = 'closed'
GROUP BY i.round_id, i.group_id, i.link_id;
--> statement-breakpoint
-- A closed round's kept figures are written once, by the batch that closes it, and never change:
-- a second insert of the same figure (INSERT OR REPLACE among them), an update or a delete is refused.
CREATE TRIGGER `round_figures_written_once`
BEFORE INSERT ON `round_figures`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = NEW.`round_id`) IS NOT 'closed'
  OR EXISTS (SELECT 1 FROM `round_figures` f WHERE f.`organisation_id` = NEW.`organisation_id`
    AND f.`round_id` = NEW.`round_id` AND f.`group_id` = NEW.`group_id`
    AND f.`perspective` = NEW.`perspective` AND f.`kind` = NEW.`kind` AND f.`key` = NEW.`key`)
BEGIN
  SELECT RAISE(ABORT, 'a closed round keeps its results as they were at close');
END;
--> statement-breakpoint
CREATE TRIGGER `round_figures_no_update`
BEFORE UPDATE ON `round_figures`
BEGIN
  SELECT RAISE(ABORT, 'a closed round keeps its results as they were at close');
END;
--> statement-breakpoint
CREATE TRIGGER `round_figures_no_delete`
BEFORE DELETE ON `round_figures`
BEGIN
  SELECT RAISE(ABORT, 'a closed round keeps its results as they were at close');
END;
