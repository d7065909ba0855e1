CREATE TABLE `rollup_rebuild` (
	`id` integer PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL,
	`reason` text NOT NULL
);
