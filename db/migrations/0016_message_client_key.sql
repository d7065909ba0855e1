ALTER TABLE `messages` ADD `client_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `messages_client_key` ON `messages` (`client_key`) WHERE "messages"."client_key" is not null;