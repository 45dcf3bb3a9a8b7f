import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { traceEvents } from "#db/schema";
import { canonicalJson } from "~/utils/canonical-json";
import { contentOf, GENESIS_HASH, hashEvent, verifyChain } from "~/models/trace.server";
import { makeTraceSetup } from "../support/trace";

describe("canonical JSON", () => {
  it("sorts keys recursively and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "x", null], c: true }, u: undefined })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
  });
});

describe("hash chain", () => {
  it("links every event to the previous one and verifies", async () => {
    const { lot, record, db } = await makeTraceSetup();
    const a = record("fertilising", "2026-02-10T07:00", { product: "Phân hữu cơ", organic: true });
    const b = record("harvest", "2026-03-28T06:30");
    const c = record("drying", "2026-03-28T15:00", { note: "Sao chảo" });
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(c.prevHash).toBe(b.hash);
    expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent(contentOf(b, []))).toBe(b.hash);
    expect(verifyChain(lot.id, db)).toEqual({ ok: true, count: 3 });
  });

  it("detects a single changed byte in a stored event (behind the app's back)", async () => {
    const { lot, record, db } = await makeTraceSetup();
    record("fertilising", "2026-02-10T07:00", { product: "Phân hữu cơ", dose: "1 tấn/ha" });
    const b = record("harvest", "2026-03-28T06:30", { note: "420 kg" });
    record("packing", "2026-04-01T08:00", { packaging: "Hộp 200g" });
    const sqlite = db.$client;
    sqlite.exec("DROP TRIGGER trace_events_no_update");
    try {
      // "420 kg" → "520 kg": one byte of the JSON payload.
      sqlite.prepare("UPDATE trace_events SET payload = replace(payload, '420', '520') WHERE id = ?").run(b.id);
      const status = verifyChain(lot.id, db);
      expect(status).toMatchObject({ ok: false, brokenEventId: b.id, brokenSeq: 2 });
      // Re-hashing the altered event does not help: the next event's prev_hash no longer matches.
      const altered = db.select().from(traceEvents).where(eq(traceEvents.id, b.id)).get()!;
      sqlite.prepare("UPDATE trace_events SET hash = ? WHERE id = ?").run(hashEvent(contentOf(altered, [])), b.id);
      expect(verifyChain(lot.id, db)).toMatchObject({ ok: false, brokenSeq: 3 });
    } finally {
      sqlite.exec(
        "CREATE TRIGGER trace_events_no_update BEFORE UPDATE ON trace_events BEGIN SELECT RAISE(ABORT, 'trace_events is append-only: record a correction instead'); END;",
      );
    }
  });

  it("detects a changed event time", async () => {
    const { lot, record, db } = await makeTraceSetup();
    const a = record("harvest", "2026-03-28T06:30");
    db.$client.exec("DROP TRIGGER trace_events_no_update");
    db.$client.prepare("UPDATE trace_events SET event_time = event_time + 1 WHERE id = ?").run(a.id);
    db.$client.exec("CREATE TRIGGER trace_events_no_update BEFORE UPDATE ON trace_events BEGIN SELECT RAISE(ABORT, 'append-only'); END;");
    expect(verifyChain(lot.id, db).ok).toBe(false);
  });
});
