ALTER TABLE `tickets` ADD `customer_read_message_id` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `agent_read_message_id` integer;--> statement-breakpoint
-- Chat widgets created before widget settings existed get their public token and identity secret.
UPDATE `channels` SET `settings` = json_set(`settings`, '$.publicToken', lower(hex(randomblob(12))), '$.identitySecret', lower(hex(randomblob(32)))) WHERE `kind` = 'chat' AND json_extract(`settings`, '$.publicToken') IS NULL;
