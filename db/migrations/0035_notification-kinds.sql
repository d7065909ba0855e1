ALTER TABLE `agents` ADD `muted_notifications` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `actor_agent_id` integer REFERENCES agents(id) ON DELETE set null;