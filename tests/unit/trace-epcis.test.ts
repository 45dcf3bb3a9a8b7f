import { describe, expect, it } from "vitest";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { exportEpcisDocument, EPCIS_CONTEXT } from "~/models/epcis.server";
import { transformLots } from "~/models/trace.server";
import { readStandardsJson } from "../support/standards";
import { makeTraceSetup } from "../support/trace";

// draft-07 schema, formats enforced (a bare "harvesting" bizStep would fail the uri format).
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(readStandardsJson<object>("epcis/EPCIS-JSON-Schema.json"));

function expectValid(doc: unknown) {
  const ok = validate(doc);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3), null, 1)).toEqual([]);
  expect(ok).toBe(true);
}

describe("EPCIS 2.0 export", () => {
  it("the validator really enforces CBV vocabulary and formats", () => {
    const bad = {
      "@context": EPCIS_CONTEXT,
      type: "EPCISDocument",
      schemaVersion: "2.0",
      creationDate: "2026-01-01T00:00:00Z",
      epcisBody: {
        eventList: [
          { type: "ObjectEvent", eventTime: "2026-01-01T00:00:00Z", eventTimeZoneOffset: "+07:00", action: "ADD", epcList: [], bizStep: "harvesting" },
        ],
      },
    };
    expect(validate(bad)).toBe(false);
  });

  it("a full tea history with a correction validates against the GS1 schema", async () => {
    const { lot, record, db, product } = await makeTraceSetup();
    record("fertilising", "2026-02-10T07:00", { product: "Phân hữu cơ", dose: "1,5 tấn/ha", organic: true });
    record("pest_control", "2026-03-05T08:00", { product: "Bt", dose: "1 kg/ha", phiDays: 7 });
    const harvest = record("harvest", "2026-03-28T06:30", { note: "420 kg búp tươi" });
    for (const kind of ["withering", "rolling", "drying", "sorting"] as const) record(kind, "2026-03-28T12:00");
    const lab = record("lab_test", "2026-04-02T09:00", { lab: "Quatest 1", result: "Không phát hiện", passed: true, document: "KQ-1" });
    record(
      "lab_test",
      "2026-04-02T09:00",
      { lab: "Quatest 1", result: "Không phát hiện (48 hoạt chất)", passed: true, document: "KQ-1" },
      { errorDeclarationOf: lab.id, errorReason: "Ghi thiếu số hoạt chất" },
    );
    record("packing", "2026-04-05T08:00", { packaging: "Hộp 200g", units: 400 });
    record("certification", "2026-04-05T09:00", { certName: "VietGAP", certNumber: "VG-1", validTo: "2028-01-01" });
    record("shipping", "2026-04-06T13:00", { party: "Kho Chợ Số" });
    record("receiving", "2026-04-06T17:00", { party: "HTX" });

    const doc = exportEpcisDocument(lot, db);
    expectValid(doc);
    expect(doc["@context"][0]).toBe("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
    expect(doc.schemaVersion).toBe("2.0");
    const events = doc.epcisBody.eventList as Record<string, any>[];
    expect(events).toHaveLength(14); // 13 recorded + the error declaration copy
    const commissioning = events.find((e) => e.bizStep === "commissioning")!;
    expect(commissioning.action).toBe("ADD");
    expect(commissioning.quantityList[0].epcClass).toBe(`http://localhost:3000/01/${product.gtin}/10/${lot.lotNumber}`);
    expect(commissioning.quantityList[0].uom).toBe("KGM");
    expect(commissioning.ilmd["cbvmda:lotNumber"]).toBe(lot.lotNumber);
    expect(commissioning.ilmd["choso:commune"]).toBe("Xã Tân Cương");
    expect(commissioning.readPoint.id).toBe("geo:21.59,105.77");
    expect(commissioning.eventID).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(harvest.hash).toContain(commissioning.eventID.slice(9, 17));
    const declaration = events.find((e) => e.errorDeclaration)!;
    expect(declaration.errorDeclaration.reason).toBe("incorrect_data");
    expect(declaration.errorDeclaration.correctiveEventIDs).toHaveLength(1);
    expect(events.map((e) => e.bizStep)).toEqual(
      expect.arrayContaining(["shipping", "receiving", "packing", "inspecting", "http://localhost:3000/voc/bizstep/withering"]),
    );
    expect(events.find((e) => e.bizStep === "shipping")!.disposition).toBe("in_transit");
  });

  it("a blend (transformation) exports its input lots and their histories", async () => {
    const a = await makeTraceSetup();
    a.record("harvest", "2026-03-28T06:30");
    const { createLot } = await import("~/models/trace.server");
    const second = createLot(a.producer.id, { productId: a.product.id, plotId: a.plot.id, harvestDate: "2026-03-29", quantity: 30, unit: "kg" }, a.db);
    const blend = transformLots(
      a.producer.id,
      a.owner.id,
      {
        inputs: [
          { lotId: a.lot.id, quantity: 20 },
          { lotId: second.id, quantity: 30 },
        ],
        output: { productId: a.product.id, plotId: null, harvestDate: "2026-04-01", quantity: 50, unit: "kg" },
        eventTime: new Date("2026-04-01T08:00:00+07:00"),
      },
      a.db,
    );
    const doc = exportEpcisDocument(blend.lot, a.db);
    expectValid(doc);
    const events = doc.epcisBody.eventList as Record<string, any>[];
    const transformation = events.find((e) => e.type === "TransformationEvent")!;
    expect(transformation.inputQuantityList).toHaveLength(2);
    expect(transformation.outputQuantityList[0].epcClass).toContain(`/10/${blend.lot.lotNumber}`);
    expect(events.some((e) => e.bizStep === "commissioning" && e.type === "ObjectEvent")).toBe(true); // the input lot's harvest
  });

  it("a lot of a product without GTIN uses its trace URL as class", async () => {
    const { lot, record, db } = await makeTraceSetup({ gtin: false });
    record("harvest", "2026-03-28T06:30");
    const doc = exportEpcisDocument(lot, db);
    expectValid(doc);
    expect((doc.epcisBody.eventList[0] as any).quantityList[0].epcClass).toBe(`http://localhost:3000/t/${lot.traceCode}`);
  });
});
