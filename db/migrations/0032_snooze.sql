ALTER TABLE `tickets` ADD `snoozed_until` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `snooze_reason` text;--> statement-breakpoint
CREATE INDEX `tickets_snoozed_activity` ON `tickets` ("last_activity_at" desc,"id" desc) WHERE "tickets"."snoozed_until" is not null;