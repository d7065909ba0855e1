CREATE TABLE `ticket_facts` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`channel` text,
	`team_id` integer,
	`assignee_id` integer,
	`priority` text,
	`created_at` integer,
	`first_customer_message_at` integer,
	`first_response_at` integer,
	`first_response_calendar_ms` integer,
	`first_response_business_ms` integer,
	`public_replies` integer NOT NULL,
	`replies_before_first_solve` integer NOT NULL,
	`first_solved_at` integer,
	`last_solved_at` integer,
	`resolution_calendar_ms` integer,
	`resolution_business_ms` integer,
	`solved_team_id` integer,
	`solved_assignee_id` integer,
	`reopen_count` integer NOT NULL,
	`first_reopen_at` integer,
	`first_response_met` integer,
	`resolution_met` integer,
	`is_spam` integer NOT NULL,
	`csat_score` integer,
	`csat_max` integer,
	`nps_score` integer,
	`ces_score` integer,
	`last_event_at` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_facts_created` ON `ticket_facts` (`created_at`);--> statement-breakpoint
CREATE INDEX `ticket_facts_solved` ON `ticket_facts` (`first_solved_at`);--> statement-breakpoint
CREATE INDEX `ticket_facts_team_created` ON `ticket_facts` (`team_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ticket_facts_team_solved` ON `ticket_facts` (`solved_team_id`,`first_solved_at`);