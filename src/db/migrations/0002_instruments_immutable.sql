-- A published instrument version is never edited: only its status may move on (active to retired).
CREATE TRIGGER `instruments_published_are_immutable`
BEFORE UPDATE OF `slug`, `version`, `title`, `definition`, `organisation_id` ON `instruments`
WHEN OLD.`status` <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'a published instrument version cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `instruments_status_moves_forward`
BEFORE UPDATE OF `status` ON `instruments`
WHEN NOT (
  (OLD.`status` = 'draft' AND NEW.`status` IN ('draft', 'active'))
  OR (OLD.`status` = 'active' AND NEW.`status` IN ('active', 'retired'))
  OR (OLD.`status` = 'retired' AND NEW.`status` = 'retired')
)
BEGIN
  SELECT RAISE(ABORT, 'an instrument version moves from draft to active to retired, never back');
END;
--> statement-breakpoint
CREATE TRIGGER `instruments_published_are_kept`
BEFORE DELETE ON `instruments`
WHEN OLD.`status` <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'a published instrument version cannot be deleted');
END;
