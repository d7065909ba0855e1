CREATE TABLE `customer_attributes` (
	`customer_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`customer_id`, `key`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `customers` ADD `email_verified` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Attributes move from one JSON object per customer (rewritten whole on every update) to a row per key,
-- held to the limits the widget now enforces: keys of 1–60 characters, values of up to 500, 50 keys.
INSERT INTO `customer_attributes` (`customer_id`, `key`, `value`, `updated_at`)
SELECT `customer_id`, `key`, `value`, `created_at` FROM (
  SELECT c.`id` AS `customer_id`, j.`key` AS `key`, substr(CAST(j.`value` AS text), 1, 500) AS `value`, c.`created_at` AS `created_at`,
         row_number() OVER (PARTITION BY c.`id` ORDER BY j.`key`) AS `n`
  FROM `customers` c, json_each(CASE WHEN json_valid(c.`attributes`) AND json_type(c.`attributes`) = 'object' THEN c.`attributes` ELSE '{}' END) j
  WHERE length(j.`key`) BETWEEN 1 AND 60 AND j.`value` IS NOT NULL
) WHERE `n` <= 50;
--> statement-breakpoint
-- An address counts as verified only where the customer holds it as an email identity (mail came from it,
-- or a site signed it); an address a chat visitor typed stays a claim.
UPDATE `customers` SET `email_verified` = 1 WHERE `email` IS NOT NULL AND EXISTS (
  SELECT 1 FROM `customer_identities` i WHERE i.`customer_id` = `customers`.`id` AND i.`kind` = 'email' AND i.`external_id` = `customers`.`email`
);
