ALTER TABLE `agents` ADD `signature_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `agents` ADD `signature_de` text DEFAULT '' NOT NULL;