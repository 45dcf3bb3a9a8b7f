CREATE TABLE `bank_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`provider_txn_id` text NOT NULL,
	`account_number` text,
	`bank_name` text,
	`amount` integer NOT NULL,
	`direction` text NOT NULL,
	`content` text NOT NULL,
	`reference` text,
	`transaction_at` integer NOT NULL,
	`memo` text,
	`status` text NOT NULL,
	`target_type` text,
	`target_id` integer,
	`expected_amount` integer,
	`raw` text,
	`created_at` integer NOT NULL,
	`resolved_by_user_id` integer,
	`resolved_at` integer,
	`resolution_note` text,
	FOREIGN KEY (`resolved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_notifications_provider_txn_idx` ON `bank_notifications` (`provider`,`provider_txn_id`);--> statement-breakpoint
CREATE INDEX `bank_notifications_status_idx` ON `bank_notifications` (`status`);--> statement-breakpoint
CREATE INDEX `bank_notifications_memo_idx` ON `bank_notifications` (`memo`);--> statement-breakpoint
CREATE INDEX `bank_notifications_target_idx` ON `bank_notifications` (`target_type`,`target_id`);