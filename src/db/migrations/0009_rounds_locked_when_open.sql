-- When a round opens, its instrument version, perspectives, mode and every threshold are locked;
-- its status moves from draft to open to closed, never back; only the closing date may move on.
CREATE TRIGGER `rounds_locked_when_open`
BEFORE UPDATE OF `instrument_slug`, `instrument_version`, `perspectives`, `mode`, `opens_on`,
  `anonymity_threshold`, `comment_threshold`, `item_mid`, `team_mid`, `organisation_id` ON `rounds`
WHEN OLD.`status` <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'a round that has opened keeps its instrument, mode and thresholds');
END;
--> statement-breakpoint
CREATE TRIGGER `rounds_status_moves_forward`
BEFORE UPDATE OF `status` ON `rounds`
WHEN NOT (
  (OLD.`status` = 'draft' AND NEW.`status` IN ('draft', 'open'))
  OR (OLD.`status` = 'open' AND NEW.`status` IN ('open', 'closed'))
  OR (OLD.`status` = 'closed' AND NEW.`status` = 'closed')
)
BEGIN
  SELECT RAISE(ABORT, 'a round moves from draft to open to closed, never back');
END;
--> statement-breakpoint
CREATE TRIGGER `round_groups_locked_when_open`
BEFORE INSERT ON `round_groups`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = NEW.`round_id`) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'a round that has opened keeps its groups');
END;
