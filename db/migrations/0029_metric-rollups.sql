CREATE TABLE `metric_rollups` (
	`dim` text NOT NULL,
	`cohort` text NOT NULL,
	`key` text NOT NULL,
	`span` integer NOT NULL,
	`hour` integer NOT NULL,
	`n` integer NOT NULL,
	`contacted` integer NOT NULL,
	`first` integer NOT NULL,
	`second` integer NOT NULL,
	`third` integer NOT NULL,
	`one_touch` integer NOT NULL,
	`reopened` integer NOT NULL,
	`csat_answers` integer NOT NULL,
	`csat_satisfied` integer NOT NULL,
	`frt_cal` blob,
	`frt_bus` blob,
	`res_cal` blob,
	`res_bus` blob,
	PRIMARY KEY(`dim`, `cohort`, `key`, `span`, `hour`)
);
--> statement-breakpoint
CREATE INDEX `metric_rollups_counts` ON `metric_rollups` (`dim`,`cohort`,`span`,`hour`,`key`,`n`,`contacted`,`first`,`second`,`third`,`one_touch`,`reopened`,`csat_answers`,`csat_satisfied`);--> statement-breakpoint
CREATE TABLE `rollup_pending` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`old` text
);
--> statement-breakpoint
CREATE INDEX `tickets_live` ON `tickets` (`team_id`,`assignee_id`,`priority`,`channel_id`,`status`,`sla_warn_at`,`sla_due_at`,`last_customer_message_at`) WHERE "tickets"."status" in ('new', 'open', 'pending', 'on_hold') and "tickets"."is_spam" = 0;