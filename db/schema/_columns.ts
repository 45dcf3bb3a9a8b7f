import { integer } from "drizzle-orm/sqlite-core";

/** Stored in UTC as milliseconds since the epoch; shown in Asia/Ho_Chi_Minh by the UI. */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .$defaultFn(() => new Date());

export const updatedAt = () =>
  timestamp("updated_at")
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());
