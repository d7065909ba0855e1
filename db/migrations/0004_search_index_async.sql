-- New rows are indexed for search in batches by a background job instead of triggers inside every
-- writing transaction: each FTS5 insert flushes a segment at commit, which made inbound mail (a new
-- customer, ticket and message each) pay three flushes. Search now trails writes by about a second.
-- Updates and deletes keep their triggers: they are rare and must never leave stale text findable.
DROP TRIGGER IF EXISTS `messages_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `tickets_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customers_fts_insert`;
--> statement-breakpoint
CREATE TABLE `search_watermarks` (
	`name` text PRIMARY KEY NOT NULL,
	`last_id` integer NOT NULL
);
--> statement-breakpoint
-- Everything written so far was indexed by the triggers.
INSERT INTO `search_watermarks` (`name`, `last_id`)
SELECT 'message_fts', coalesce(max(`id`), 0) FROM `messages`
UNION ALL SELECT 'ticket_fts', coalesce(max(`id`), 0) FROM `tickets`
UNION ALL SELECT 'customer_fts', coalesce(max(`id`), 0) FROM `customers`;
--> statement-breakpoint
-- An edit of a row the indexer has not reached yet is left to the indexer, which will read the new text.
DROP TRIGGER IF EXISTS `tickets_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `tickets_fts_update` AFTER UPDATE OF subject ON `tickets`
WHEN old.id <= (SELECT last_id FROM search_watermarks WHERE name = 'ticket_fts') BEGIN
  DELETE FROM ticket_fts WHERE rowid = old.id;
  INSERT INTO ticket_fts(rowid, subject) VALUES (new.id, new.subject);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `messages_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_update` AFTER UPDATE OF body_text ON `messages`
WHEN old.id <= (SELECT last_id FROM search_watermarks WHERE name = 'message_fts') BEGIN
  DELETE FROM message_fts WHERE rowid = old.id;
  INSERT INTO message_fts(rowid, body) VALUES (new.id, new.body_text);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customers_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `customers_fts_update` AFTER UPDATE OF name, email ON `customers`
WHEN old.id <= (SELECT last_id FROM search_watermarks WHERE name = 'customer_fts') BEGIN
  DELETE FROM customer_fts WHERE rowid = old.id;
  INSERT INTO customer_fts(rowid, name, email) VALUES (new.id, new.name, coalesce(new.email, ''));
END;
