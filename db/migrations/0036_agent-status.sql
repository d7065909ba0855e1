ALTER TABLE `agents` ADD `status` text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE `agents` ADD `chat_limit` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `agents` ADD `last_chat_routed_at` integer;