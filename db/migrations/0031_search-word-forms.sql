-- German inflections and umlaut spellings: each full-text table now holds two forms of its text,
-- `words` (ae/oe/ue folded to umlauts) and `stems` (their Snowball German stems), written by the SQL
-- functions search_words() and search_stems() that every connection registers (db/client.ts,
-- lib/search/word-forms.ts). The tables are rebuilt empty and the indexer fills them again from the
-- start (server/jobs/start-jobs.ts indexes everything pending before the first request).
DROP TABLE IF EXISTS `ticket_fts`;
--> statement-breakpoint
DROP TABLE IF EXISTS `message_fts`;
--> statement-breakpoint
DROP TABLE IF EXISTS `customer_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `ticket_fts` USING fts5(words, stems, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `message_fts` USING fts5(words, stems, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `customer_fts` USING fts5(words, stems, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
UPDATE `search_watermarks` SET `last_id` = 0;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `tickets_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `tickets_fts_update` AFTER UPDATE OF subject ON `tickets`
WHEN old.id <= (SELECT last_id FROM search_watermarks WHERE name = 'ticket_fts') BEGIN
  DELETE FROM ticket_fts WHERE rowid = old.id;
  INSERT INTO ticket_fts(rowid, words, stems) VALUES (new.id, search_words(new.subject), search_stems(new.subject));
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `messages_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_update` AFTER UPDATE OF body_text ON `messages`
WHEN old.id <= (SELECT last_id FROM search_watermarks WHERE name = 'message_fts') BEGIN
  DELETE FROM message_fts WHERE rowid = old.id;
  INSERT INTO message_fts(rowid, words, stems) VALUES (new.id, search_words(new.body_text), search_stems(new.body_text));
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customers_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `customers_fts_update` AFTER UPDATE OF name, email ON `customers`
WHEN old.id <= (SELECT last_id FROM search_watermarks WHERE name = 'customer_fts') BEGIN
  DELETE FROM customer_fts WHERE rowid = old.id;
  INSERT INTO customer_fts(rowid, words, stems)
  VALUES (new.id, search_words(new.name || ' ' || coalesce(new.email, '')), search_stems(new.name || ' ' || coalesce(new.email, '')));
END;
