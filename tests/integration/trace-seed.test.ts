import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { seed } from "#db/seed";
import { lots, plots, traceEvents } from "#db/schema";
import { exportEpcisDocument } from "~/models/epcis.server";
import { findLotByCode, findLotByDigitalLink, getPublicTrace } from "~/models/trace.server";
import { getTestDb } from "../setup/vitest";

describe("demo traceability data", () => {
  it("TC26XUAN has a full, verified history; a second seed run adds nothing", async () => {
    const db = getTestDb();
    await seed(db);
    const snapshot = () => [
      db.select({ n: count() }).from(lots).get()?.n,
      db.select({ n: count() }).from(traceEvents).get()?.n,
      db.select({ n: count() }).from(plots).get()?.n,
    ];
    const first = snapshot();
    const lot = findLotByCode("TC26XUAN", db)!;
    expect(lot).toMatchObject({ lotNumber: "TC26XUAN", harvestDate: "2026-03-28", digitalLinkPath: "/01/09528536000017/10/TC26XUAN" });
    expect(findLotByDigitalLink("09528536000017", "TC26XUAN", db)?.id).toBe(lot.id);
    const trace = getPublicTrace(lot, db);
    expect(trace.product.slug).toBe("che-tan-cuong-dac-biet");
    expect(trace.plot).toMatchObject({ commune: "Xã Tân Cương", area: "TP Thái Nguyên" });
    expect(trace.chain).toEqual({ ok: true, count: 10 });
    expect(trace.events.map((e) => e.kind)).toEqual([
      "fertilising",
      "pest_control",
      "harvest",
      "withering",
      "rolling",
      "drying",
      "sorting",
      "lab_test",
      "packing",
      "shipping",
    ]);
    expect(trace.events.find((e) => e.kind === "harvest")!.bizStep).toBe("commissioning");
    expect(exportEpcisDocument(lot, db).epcisBody.eventList).toHaveLength(10);
    expect(db.select().from(lots).where(eq(lots.producerId, lot.producerId)).all().length).toBeGreaterThanOrEqual(3);
    await seed(db);
    expect(snapshot()).toEqual(first);
  }, 120_000);
});
