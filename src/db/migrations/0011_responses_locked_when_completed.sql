-- A submitted response is final: its answers cannot be added to or changed, and it cannot go back
-- to in progress. Responses, answers and scores are never deleted one by one.
CREATE TRIGGER `answers_insert_locked_when_completed`
BEFORE INSERT ON `answers`
WHEN (SELECT `status` FROM `responses` WHERE `id` = NEW.`response_id`) = 'completed'
BEGIN
  SELECT RAISE(ABORT, 'a submitted response keeps its answers');
END;
--> statement-breakpoint
CREATE TRIGGER `answers_update_locked_when_completed`
BEFORE UPDATE ON `answers`
WHEN (SELECT `status` FROM `responses` WHERE `id` = OLD.`response_id`) = 'completed'
BEGIN
  SELECT RAISE(ABORT, 'a submitted response keeps its answers');
END;
--> statement-breakpoint
CREATE TRIGGER `responses_completed_is_final`
BEFORE UPDATE ON `responses`
WHEN OLD.`status` = 'completed'
BEGIN
  SELECT RAISE(ABORT, 'a submitted response is final');
END;
