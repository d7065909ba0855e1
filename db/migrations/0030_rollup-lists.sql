CREATE TABLE `metric_rollup_parts` (
	`id` integer PRIMARY KEY NOT NULL,
	`vals` blob NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_metric_rollups` (
	`id` integer PRIMARY KEY NOT NULL,
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
	`stride` integer NOT NULL,
	`frt_cal` blob,
	`frt_cal_count` integer NOT NULL,
	`frt_cal_sum` real NOT NULL,
	`frt_bus` blob,
	`frt_bus_count` integer NOT NULL,
	`frt_bus_sum` real NOT NULL,
	`res_cal` blob,
	`res_cal_count` integer NOT NULL,
	`res_cal_sum` real NOT NULL,
	`res_bus` blob,
	`res_bus_count` integer NOT NULL,
	`res_bus_sum` real NOT NULL
);
--> statement-breakpoint
-- Nothing is copied: the data migration '2026-12-rollup-lists' folds every ticket in again (long lists are cut into parts).
DELETE FROM `rollup_pending`;--> statement-breakpoint
DROP TABLE `metric_rollups`;--> statement-breakpoint
ALTER TABLE `__new_metric_rollups` RENAME TO `metric_rollups`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `metric_rollups_at` ON `metric_rollups` (`dim`,`cohort`,`key`,`span`,`hour`);--> statement-breakpoint
CREATE INDEX `metric_rollups_counts` ON `metric_rollups` (`dim`,`cohort`,`span`,`hour`,`key`,`n`,`contacted`,`first`,`second`,`third`,`one_touch`,`reopened`,`csat_answers`,`csat_satisfied`);