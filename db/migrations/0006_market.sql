CREATE TABLE `markets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`commune_code` text NOT NULL,
	`area` text NOT NULL,
	`address` text NOT NULL,
	`opening_hours` text DEFAULT '' NOT NULL,
	`manager_user_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `markets_slug_unique` ON `markets` (`slug`);--> statement-breakpoint
CREATE INDEX `markets_manager_idx` ON `markets` (`manager_user_id`);--> statement-breakpoint
CREATE TABLE `stalls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`market_id` integer NOT NULL,
	`slug` text NOT NULL,
	`stall_number` text NOT NULL,
	`name` text NOT NULL,
	`goods` text DEFAULT '' NOT NULL,
	`bank_bin` text NOT NULL,
	`account_number` text NOT NULL,
	`account_holder` text NOT NULL,
	`trader_user_id` integer NOT NULL,
	`producer_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`reviewed_by_user_id` integer,
	`reviewed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`market_id`) REFERENCES `markets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trader_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stall_bank_bin_digits" CHECK(length("stalls"."bank_bin") = 6 and "stalls"."bank_bin" not glob '*[^0-9]*'),
	CONSTRAINT "stall_account_digits" CHECK(length("stalls"."account_number") between 6 and 19 and "stalls"."account_number" not glob '*[^0-9]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stalls_slug_unique` ON `stalls` (`slug`);--> statement-breakpoint
CREATE INDEX `stalls_market_idx` ON `stalls` (`market_id`);--> statement-breakpoint
CREATE INDEX `stalls_trader_idx` ON `stalls` (`trader_user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `stalls_market_number_idx` ON `stalls` (`market_id`,`stall_number`);--> statement-breakpoint
CREATE TABLE `till_charges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stall_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`method` text NOT NULL,
	`memo` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`idempotency_key` text NOT NULL,
	`items` text,
	`created_at` integer NOT NULL,
	`paid_at` integer,
	`expires_at` integer,
	`cancelled_at` integer,
	`stripe_session_id` text,
	`stripe_checkout_url` text,
	`bank_notification_id` integer,
	FOREIGN KEY (`stall_id`) REFERENCES `stalls`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "till_amount_range" CHECK("till_charges"."amount" > 0 and "till_charges"."amount" <= 50000000),
	CONSTRAINT "till_vietqr_has_memo" CHECK("till_charges"."method" <> 'vietqr' or "till_charges"."memo" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `till_charges_memo_unique` ON `till_charges` (`memo`);--> statement-breakpoint
CREATE UNIQUE INDEX `till_charges_stripe_session_id_unique` ON `till_charges` (`stripe_session_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `till_charges_idempotency_idx` ON `till_charges` (`stall_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `till_charges_stall_created_idx` ON `till_charges` (`stall_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `till_charges_status_idx` ON `till_charges` (`status`);