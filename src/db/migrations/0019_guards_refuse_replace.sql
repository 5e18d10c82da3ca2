-- INSERT OR REPLACE removes the row it conflicts with and inserts another, and SQLite fires no
-- delete trigger for that removal: so each guarded table also refuses, before an insert, one that
-- would replace a guarded row. Where the app itself inserts with ON CONFLICT DO NOTHING (starting a
-- response, adding an instrument version), the insert is passed over instead, which keeps that
-- repeat safe and the row as it was.
CREATE TRIGGER `audit_log_no_replace`
BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `instruments_published_not_replaced`
BEFORE INSERT ON `instruments`
WHEN EXISTS (SELECT 1 FROM `instruments` WHERE `status` <> 'draft' AND (`id` = NEW.`id`
  OR (`organisation_id` = NEW.`organisation_id` AND `slug` = NEW.`slug` AND `version` = NEW.`version`)))
BEGIN
  SELECT RAISE(IGNORE);
END;
--> statement-breakpoint
CREATE TRIGGER `responses_completed_not_replaced`
BEFORE INSERT ON `responses`
WHEN EXISTS (SELECT 1 FROM `responses` WHERE `id` = NEW.`id` AND `status` = 'completed')
BEGIN
  SELECT RAISE(IGNORE);
END;
--> statement-breakpoint
CREATE TRIGGER `responses_completed_are_kept`
BEFORE DELETE ON `responses`
WHEN OLD.`status` = 'completed'
BEGIN
  SELECT RAISE(ABORT, 'a submitted response is final');
END;
--> statement-breakpoint
CREATE TRIGGER `answers_of_completed_are_kept`
BEFORE DELETE ON `answers`
WHEN (SELECT `status` FROM `responses` WHERE `id` = OLD.`response_id`) = 'completed'
BEGIN
  SELECT RAISE(ABORT, 'a submitted response keeps its answers');
END;
--> statement-breakpoint
CREATE TRIGGER `rounds_opened_not_replaced`
BEFORE INSERT ON `rounds`
WHEN EXISTS (SELECT 1 FROM `rounds` WHERE `id` = NEW.`id` AND `status` <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'a round that has opened keeps its instrument, mode and thresholds');
END;
--> statement-breakpoint
CREATE TRIGGER `rounds_opened_are_kept`
BEFORE DELETE ON `rounds`
WHEN OLD.`status` <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'a round that has opened is kept');
END;
