CREATE TABLE `sla_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`calendar_id` integer,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`calendar_id`) REFERENCES `calendars`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_policies_name_unique` ON `sla_policies` (`name`);--> statement-breakpoint
CREATE TABLE `ticket_sla_targets` (
	`ticket_id` integer NOT NULL,
	`target` text NOT NULL,
	`cycle` integer NOT NULL,
	`policy_id` integer NOT NULL,
	`policy_name` text NOT NULL,
	`calendar_id` integer,
	`calendar_name` text,
	`clock` text NOT NULL,
	`target_ms` integer NOT NULL,
	`warning_lead_ms` integer,
	`started_at` integer NOT NULL,
	`pauses` text NOT NULL,
	`state` text NOT NULL,
	`due_at` integer,
	`warn_at` integer,
	`warned_at` integer,
	`breached_at` integer,
	`ended_at` integer,
	`calendar_ms` integer,
	`business_ms` integer,
	PRIMARY KEY(`ticket_id`, `target`, `cycle`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_sla_running` ON `ticket_sla_targets` (`state`,`due_at`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `sla_due_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `sla_target` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `sla_warn_at` integer;--> statement-breakpoint
CREATE INDEX `tickets_sla_due` ON `tickets` (`sla_due_at`,`id`) WHERE "tickets"."sla_due_at" is not null;