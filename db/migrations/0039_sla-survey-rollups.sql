DROP INDEX `metric_rollups_counts`;--> statement-breakpoint
ALTER TABLE `metric_rollups` ADD `sla_met` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `metric_rollups` ADD `answered` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `metric_rollups` ADD `satisfied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `metric_rollups` ADD `promoters` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `metric_rollups` ADD `detractors` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `metric_rollups` ADD `score_sum` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `metric_rollups_counts` ON `metric_rollups` (`dim`,`cohort`,`span`,`hour`,`key`,`n`,`contacted`,`first`,`second`,`third`,`one_touch`,`reopened`,`csat_answers`,`csat_satisfied`,`sla_met`,`answered`,`satisfied`,`promoters`,`detractors`,`score_sum`);