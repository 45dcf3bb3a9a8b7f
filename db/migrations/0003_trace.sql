CREATE TABLE `lots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`producer_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`plot_id` integer,
	`lot_number` text NOT NULL,
	`harvest_date` text NOT NULL,
	`quantity` real NOT NULL,
	`unit` text NOT NULL,
	`trace_code` text NOT NULL,
	`digital_link_path` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plot_id`) REFERENCES `plots`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "lot_quantity_positive" CHECK("lots"."quantity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lots_trace_code_unique` ON `lots` (`trace_code`);--> statement-breakpoint
CREATE INDEX `lots_producer_idx` ON `lots` (`producer_id`);--> statement-breakpoint
CREATE INDEX `lots_plot_idx` ON `lots` (`plot_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `lots_product_lot_number_idx` ON `lots` (`product_id`,`lot_number`);--> statement-breakpoint
CREATE TABLE `plots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`producer_id` integer NOT NULL,
	`name` text NOT NULL,
	`area_sqm` integer NOT NULL,
	`commune_code` text NOT NULL,
	`area` text NOT NULL,
	`lat` real,
	`lng` real,
	`growing_area_code` text,
	`crops` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plot_area_positive" CHECK("plots"."area_sqm" > 0)
);
--> statement-breakpoint
CREATE INDEX `plots_producer_idx` ON `plots` (`producer_id`);--> statement-breakpoint
CREATE TABLE `serial_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`serial` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `serial_units_serial_unique` ON `serial_units` (`serial`);--> statement-breakpoint
CREATE INDEX `serial_units_lot_idx` ON `serial_units` (`lot_id`);--> statement-breakpoint
CREATE TABLE `trace_event_inputs` (
	`event_id` integer NOT NULL,
	`input_lot_id` integer NOT NULL,
	`quantity` real NOT NULL,
	PRIMARY KEY(`event_id`, `input_lot_id`),
	FOREIGN KEY (`event_id`) REFERENCES `trace_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`input_lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trace_event_inputs_lot_idx` ON `trace_event_inputs` (`input_lot_id`);--> statement-breakpoint
CREATE TABLE `trace_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`event_type` text NOT NULL,
	`biz_step` text NOT NULL,
	`disposition` text,
	`action` text,
	`event_time` integer NOT NULL,
	`event_time_zone_offset` text DEFAULT '+07:00' NOT NULL,
	`read_point` text,
	`biz_location` text,
	`recorded_by_user_id` integer NOT NULL,
	`payload` text NOT NULL,
	`ilmd` text,
	`error_declaration_of` integer,
	`error_reason` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trace_events_lot_seq_idx` ON `trace_events` (`lot_id`,`seq`);--> statement-breakpoint
CREATE INDEX `trace_events_kind_idx` ON `trace_events` (`kind`);--> statement-breakpoint
CREATE TABLE `trace_scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`serial_unit_id` integer,
	`scanned_at` integer NOT NULL,
	`device_class` text,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`serial_unit_id`) REFERENCES `serial_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trace_scans_lot_idx` ON `trace_scans` (`lot_id`);--> statement-breakpoint
CREATE INDEX `trace_scans_serial_idx` ON `trace_scans` (`serial_unit_id`);