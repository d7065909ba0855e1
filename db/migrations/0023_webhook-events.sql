CREATE TABLE `webhook_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel_id` integer NOT NULL,
	`conversation` text NOT NULL,
	`dedupe_key` text,
	`payload` text NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`received_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_events_queue` ON `webhook_events` (`state`,`channel_id`,`conversation`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_events_dedupe` ON `webhook_events` (`channel_id`,`dedupe_key`) WHERE "webhook_events"."dedupe_key" is not null;