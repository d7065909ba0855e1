CREATE TABLE `wal_checkpoints` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`frames` integer NOT NULL
);
