-- Trace history is append-only at the database level too (docs/decisions/020-trace-hash-chain.md):
-- a correction is a new event that declares the earlier one erroneous, never an edit.
CREATE TRIGGER `trace_events_no_update` BEFORE UPDATE ON `trace_events`
BEGIN
  SELECT RAISE(ABORT, 'trace_events is append-only: record a correction instead');
END;
--> statement-breakpoint
CREATE TRIGGER `trace_events_no_delete` BEFORE DELETE ON `trace_events`
BEGIN
  SELECT RAISE(ABORT, 'trace_events is append-only: record a correction instead');
END;
--> statement-breakpoint
CREATE TRIGGER `trace_event_inputs_no_update` BEFORE UPDATE ON `trace_event_inputs`
BEGIN
  SELECT RAISE(ABORT, 'trace_event_inputs is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `trace_event_inputs_no_delete` BEFORE DELETE ON `trace_event_inputs`
BEGIN
  SELECT RAISE(ABORT, 'trace_event_inputs is append-only');
END;
