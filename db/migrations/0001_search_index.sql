-- Full-text search over ticket subjects, message text and customer names/emails.
-- Contentless tables (the text lives in the base tables) with contentless_delete so rows can be removed.
-- unicode61 with remove_diacritics 2: "Muller" finds "Müller", "Gruesse" does not, as agents expect.
CREATE VIRTUAL TABLE `ticket_fts` USING fts5(subject, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `message_fts` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `customer_fts` USING fts5(name, email, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
-- Triggers keep the index in step inside the writing transaction, whoever writes.
CREATE TRIGGER `tickets_fts_insert` AFTER INSERT ON `tickets` BEGIN
  INSERT INTO ticket_fts(rowid, subject) VALUES (new.id, new.subject);
END;
--> statement-breakpoint
CREATE TRIGGER `tickets_fts_update` AFTER UPDATE OF subject ON `tickets` BEGIN
  DELETE FROM ticket_fts WHERE rowid = old.id;
  INSERT INTO ticket_fts(rowid, subject) VALUES (new.id, new.subject);
END;
--> statement-breakpoint
CREATE TRIGGER `tickets_fts_delete` AFTER DELETE ON `tickets` BEGIN
  DELETE FROM ticket_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_insert` AFTER INSERT ON `messages` BEGIN
  INSERT INTO message_fts(rowid, body) VALUES (new.id, new.body_text);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_update` AFTER UPDATE OF body_text ON `messages` BEGIN
  DELETE FROM message_fts WHERE rowid = old.id;
  INSERT INTO message_fts(rowid, body) VALUES (new.id, new.body_text);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_delete` AFTER DELETE ON `messages` BEGIN
  DELETE FROM message_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_fts_insert` AFTER INSERT ON `customers` BEGIN
  INSERT INTO customer_fts(rowid, name, email) VALUES (new.id, new.name, coalesce(new.email, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `customers_fts_update` AFTER UPDATE OF name, email ON `customers` BEGIN
  DELETE FROM customer_fts WHERE rowid = old.id;
  INSERT INTO customer_fts(rowid, name, email) VALUES (new.id, new.name, coalesce(new.email, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `customers_fts_delete` AFTER DELETE ON `customers` BEGIN
  DELETE FROM customer_fts WHERE rowid = old.id;
END;
