CREATE TABLE `survey_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`type` text NOT NULL,
	`score` integer NOT NULL,
	`scale_min` integer NOT NULL,
	`scale_max` integer NOT NULL,
	`reason` text,
	`comment` text,
	`source` text NOT NULL,
	`submission_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `survey_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_answers_submission_key_unique` ON `survey_answers` (`submission_key`);--> statement-breakpoint
CREATE INDEX `survey_answers_request` ON `survey_answers` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `survey_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_policies_name_unique` ON `survey_policies` (`name`);--> statement-breakpoint
CREATE TABLE `survey_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`cycle` integer NOT NULL,
	`policy_id` integer,
	`customer_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`channel_kind` text NOT NULL,
	`question` text NOT NULL,
	`locale` text NOT NULL,
	`message_id` integer,
	`agent_id` integer,
	`team_id` integer,
	`sent_at` integer NOT NULL,
	`answerable_until` integer NOT NULL,
	`unhappy_handled_at` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`policy_id`) REFERENCES `survey_policies`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_requests_ticket_cycle` ON `survey_requests` (`ticket_id`,`cycle`);--> statement-breakpoint
CREATE INDEX `survey_requests_customer` ON `survey_requests` (`customer_id`,`sent_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ticket_id` integer NOT NULL,
	`target` text,
	`due_at` integer,
	`survey_answer_id` integer,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`survey_answer_id`) REFERENCES `survey_answers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "agent_id", "kind", "ticket_id", "target", "due_at", "survey_answer_id", "created_at", "read_at") SELECT "id", "agent_id", "kind", "ticket_id", "target", "due_at", NULL, "created_at", "read_at" FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `notifications_agent` ON `notifications` (`agent_id`,"created_at" desc);--> statement-breakpoint
ALTER TABLE `customers` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `survey_opt_out_at` integer;