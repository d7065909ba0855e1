CREATE TABLE `metric_rollups` (
	`dim` text NOT NULL,
	`cohort` text NOT NULL,
	`key` text NOT NULL,
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
	PRIMARY KEY(`dim`, `cohort`, `key`, `hour`)
);
--> statement-breakpoint
CREATE INDEX `metric_rollups_hour` ON `metric_rollups` (`dim`,`cohort`,`hour`);--> statement-breakpoint
CREATE TABLE `rollup_pending` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`old` text
);
