import { describe, expect, it } from "vitest";
import { createLot, TraceError } from "~/models/trace.server";
import { getFixedT } from "~/i18n/server";
import { refusalText } from "~/utils/trace-guard.server";
import { makeTraceSetup } from "../support/trace";

function refusalOf(fn: () => unknown): TraceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TraceError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("pre-harvest interval (PHI) rule", () => {
  it("refuses a harvest inside the interval, naming the product and the date it becomes allowed", async () => {
    const { record } = await makeTraceSetup();
    record("pest_control", "2026-03-20T08:00", { product: "Abamectin 3.6EC", dose: "0,3 l/ha", phiDays: 7 });
    const error = refusalOf(() => record("harvest", "2026-03-25T06:30"));
    expect(error.refusal.key).toBe("errors.phi");
    expect(error.refusal.values).toMatchObject({ product: "Abamectin 3.6EC", date: new Date("2026-03-27T01:00:00Z").toISOString() });
    const vi = refusalText(getFixedT("vi", "trace"), error.refusal, "vi");
    expect(vi).toContain("Abamectin 3.6EC");
    expect(vi).toContain("27/03/2026 08:00");
    expect(vi).toMatch(/^Chưa được thu hái/);
    expect(refusalText(getFixedT("en", "trace"), error.refusal, "en")).toContain("picking is allowed from 27/03/2026 08:00");
  });

  it("allows the harvest once the interval has passed", async () => {
    const { record } = await makeTraceSetup();
    record("pest_control", "2026-03-20T08:00", { product: "Bt", phiDays: 7 });
    expect(record("harvest", "2026-03-27T08:00").kind).toBe("harvest");
  });

  it("applies a spray recorded on another lot of the same plot", async () => {
    const { record, producer, product, plot, db, owner } = await makeTraceSetup();
    record("pest_control", "2026-03-20T08:00", { product: "Emamectin", phiDays: 14 });
    const other = createLot(producer.id, { productId: product.id, plotId: plot.id, harvestDate: "2026-03-30", quantity: 10, unit: "kg" }, db);
    const { recordTraceEvent } = await import("~/models/trace.server");
    const error = refusalOf(() =>
      recordTraceEvent(
        { lotId: other.id, kind: "harvest", eventTime: new Date("2026-03-30T06:00:00+07:00"), payload: {}, userId: owner.id, producerId: producer.id },
        db,
      ),
    );
    expect(error.refusal.values?.product).toBe("Emamectin");
  });

  it("ignores a spray that was declared erroneous", async () => {
    const { record } = await makeTraceSetup();
    const spray = record("pest_control", "2026-03-20T08:00", { product: "Sai tên", phiDays: 21 });
    record("pest_control", "2026-03-20T08:00", { product: "Bt", phiDays: 3 }, { errorDeclarationOf: spray.id, errorReason: "Ghi nhầm thuốc" });
    expect(record("harvest", "2026-03-24T08:00").kind).toBe("harvest");
  });
});
