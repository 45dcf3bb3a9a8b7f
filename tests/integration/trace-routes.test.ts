import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { traceEvents, traceScans } from "#db/schema";
import { createUserSession } from "~/utils/session.server";
import { loader as codeLoader } from "~/routes/t.$code._index";
import { loader as serialLoader } from "~/routes/t.$code.$serial";
import { loader as dlLoader } from "~/routes/01.$gtin.10.$lot._index";
import { loader as dlSerialLoader } from "~/routes/01.$gtin.10.$lot.21.$serial";
import { loader as lookupLoader } from "~/routes/t._index";
import { loader as beaconLoader } from "~/routes/t.$code.scan[.]gif";
import { loader as epcisLoader } from "~/routes/t.$code.epcis[.]json";
import { loader as qrPngLoader } from "~/routes/t.$code.qr[.]png";
import { loader as qrSvgLoader } from "~/routes/t.$code.qr[.]svg";
import { loader as lotPageLoader, action as lotPageAction } from "~/routes/dashboard.lots.$lotId._index";
import { action as recordAction } from "~/routes/dashboard.lots.$lotId.record";
import { action as newLotAction } from "~/routes/dashboard.lots.new";
import { action as newPlotAction } from "~/routes/dashboard.plots.new";
import { loader as labelsLoader } from "~/routes/dashboard.lots.$lotId.labels";
import { listSerials, requestSerials, SCAN_WARNING_THRESHOLD, verifyChain } from "~/models/trace.server";
import { context, cookieFrom, formRequest, getRequest } from "../support/request";
import { makeTraceSetup } from "../support/trace";

async function call(fn: (args: never) => unknown, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    return (await fn({ request, context, params } as never)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function cookieFor(userId: number) {
  return cookieFrom(await createUserSession(getRequest("/login"), userId, "/"));
}

describe("ownership", () => {
  it("a producer cannot see, record on, label or add serials to another producer's lot", async () => {
    const mine = await makeTraceSetup();
    const theirs = await makeTraceSetup();
    const cookie = await cookieFor(mine.owner.id);
    const lotId = String(theirs.lot.id);
    expect((await call(lotPageLoader, getRequest(`/dashboard/lots/${lotId}`, cookie), { lotId })).status).toBe(404);
    expect((await call(labelsLoader, getRequest(`/dashboard/lots/${lotId}/labels?format=a4`, cookie), { lotId })).status).toBe(404);
    const rec = await call(recordAction, formRequest(`/dashboard/lots/${lotId}/record`, { kind: "harvest", date: "2026-03-28", time: "06:30" }, { cookie }), {
      lotId,
    });
    expect(rec.status).toBe(404);
    const ser = await call(lotPageAction, formRequest(`/dashboard/lots/${lotId}`, { intent: "serials", count: "3" }, { cookie }), { lotId });
    expect(ser.status).toBe(404);
    expect(theirs.db.select().from(traceEvents).where(eq(traceEvents.lotId, theirs.lot.id)).all()).toHaveLength(0);
    // Nor create a lot of their product or on their plot.
    const lot = await call(
      newLotAction,
      formRequest(
        "/dashboard/lots/new",
        { productId: String(theirs.product.id), plotId: String(mine.plot.id), harvestDate: "2026-03-28", quantity: "5", unit: "kg" },
        { cookie },
      ),
    );
    expect(lot.status).toBe(400);
    const lot2 = await call(
      newLotAction,
      formRequest(
        "/dashboard/lots/new",
        { productId: String(mine.product.id), plotId: String(theirs.plot.id), harvestDate: "2026-03-28", quantity: "5", unit: "kg" },
        { cookie },
      ),
    );
    expect(lot2.status).toBe(400);
  });

  it("a shopper is refused the producer pages", async () => {
    const { makeUser } = await import("../factories");
    const shopper = await makeUser();
    const res = await call(lotPageLoader, getRequest("/dashboard/lots/1", await cookieFor(shopper.id)), { lotId: "1" });
    expect(res.status).toBe(403);
  });

  it("the owner registers a plot, creates a lot and records events through the routes", async () => {
    const s = await makeTraceSetup();
    const cookie = await cookieFor(s.owner.id);
    const plot = await call(
      newPlotAction,
      formRequest("/dashboard/plots/new", { name: "Đồi mới", areaSqm: "3600", communeCode: "05503", crops: "Chè" }, { cookie }),
    );
    expect(plot.status).toBe(302);
    const badPlot = await call(
      newPlotAction,
      formRequest("/dashboard/plots/new", { name: "", areaSqm: "-1", communeCode: "x", crops: "Chè", lat: "200" }, { cookie }),
    );
    expect(badPlot.status).toBe(400);
    const body = (await badPlot.json()) as { lastResult: { error: Record<string, string[]>; initialValue: Record<string, string> } };
    expect(body.lastResult.error.areaSqm).toEqual(["trace:validation.area"]);
    expect(body.lastResult.error.lat).toEqual(["trace:validation.lat"]);
    expect(body.lastResult.initialValue.crops).toBe("Chè");

    const lot = await call(
      newLotAction,
      formRequest(
        "/dashboard/lots/new",
        { productId: String(s.product.id), plotId: String(s.plot.id), harvestDate: "2026-03-28", quantity: "12.5", unit: "kg" },
        { cookie },
      ),
    );
    expect(lot.status).toBe(302);
    const lotId = lot.headers.get("Location")!.split("/").pop()!;
    const ok = await call(
      recordAction,
      formRequest(
        `/dashboard/lots/${lotId}/record`,
        { kind: "fertilising", date: "2026-02-10", time: "07:00", product: "Phân hữu cơ", organic: "on" },
        { cookie },
      ),
      { lotId },
    );
    expect(ok.status).toBe(302);
    const missing = await call(
      recordAction,
      formRequest(`/dashboard/lots/${lotId}/record`, { kind: "pest_control", date: "2026-03-01", time: "07:00", product: "Bt" }, { cookie }),
      { lotId },
    );
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { lastResult: { error: Record<string, string[]> } }).lastResult.error.phiDays).toEqual(["validation.required"]);
    await call(
      recordAction,
      formRequest(
        `/dashboard/lots/${lotId}/record`,
        { kind: "pest_control", date: "2026-03-20", time: "08:00", product: "Abamectin", phiDays: "7" },
        { cookie },
      ),
      { lotId },
    );
    const refused = await call(
      recordAction,
      formRequest(`/dashboard/lots/${lotId}/record`, { kind: "harvest", date: "2026-03-22", time: "06:30" }, { cookie }),
      { lotId },
    );
    expect(refused.status).toBe(400);
    const refusal = ((await refused.json()) as { refusal: string }).refusal;
    expect(refusal).toContain("Abamectin");
    expect(refusal).toContain("27/03/2026");
    const garbage = await call(recordAction, formRequest(`/dashboard/lots/${lotId}/record`, { kind: "dancing", date: "x", time: "25:00" }, { cookie }), {
      lotId,
    });
    expect(garbage.status).toBe(400);
  });
});

describe("append-only at the database level", () => {
  it("UPDATE and DELETE of trace events raise", async () => {
    const { record, db } = await makeTraceSetup();
    const e = record("harvest", "2026-03-28T06:30");
    expect(() => db.update(traceEvents).set({ kind: "drying" }).where(eq(traceEvents.id, e.id)).run()).toThrow(/append-only/);
    expect(() => db.delete(traceEvents).where(eq(traceEvents.id, e.id)).run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("DELETE FROM trace_event_inputs").run()).not.toThrow(); // no rows: trigger is per row
    expect(db.select().from(traceEvents).where(eq(traceEvents.id, e.id)).get()!.kind).toBe("harvest");
  });
});

describe("error declaration", () => {
  it("a correction is a new event; the page shows both and the chain stays verified", async () => {
    const s = await makeTraceSetup();
    const cookie = await cookieFor(s.owner.id);
    const wrong = s.record("fertilising", "2026-02-10T07:00", { product: "NPK 16-16-8" });
    const lotId = String(s.lot.id);
    const noReason = await call(
      recordAction,
      formRequest(
        `/dashboard/lots/${lotId}/record`,
        { kind: "fertilising", date: "2026-02-10", time: "07:00", product: "Phân hữu cơ", correctsEventId: String(wrong.id) },
        { cookie },
      ),
      { lotId },
    );
    expect(noReason.status).toBe(400);
    const res = await call(
      recordAction,
      formRequest(
        `/dashboard/lots/${lotId}/record`,
        {
          kind: "fertilising",
          date: "2026-02-10",
          time: "07:00",
          product: "Phân hữu cơ vi sinh",
          organic: "on",
          correctsEventId: String(wrong.id),
          reason: "Ghi nhầm loại phân",
        },
        { cookie },
      ),
      { lotId },
    );
    expect(res.status).toBe(302);
    const again = await call(
      recordAction,
      formRequest(
        `/dashboard/lots/${lotId}/record`,
        { kind: "fertilising", date: "2026-02-10", time: "07:00", product: "X", correctsEventId: String(wrong.id), reason: "again" },
        { cookie },
      ),
      { lotId },
    );
    expect(again.status).toBe(400);
    const page = (await (await call(codeLoader, getRequest(`/t/${s.lot.traceCode}`), { code: s.lot.traceCode })).json()) as {
      events: { id: number; correctedBy: number | null; correctionOf: number | null; reason: string | null }[];
      chainOk: boolean;
    };
    expect(page.chainOk).toBe(true);
    expect(page.events).toHaveLength(2);
    expect(page.events[0]).toMatchObject({ id: wrong.id, correctedBy: page.events[1]!.id });
    expect(page.events[1]).toMatchObject({ correctionOf: wrong.id, reason: "Ghi nhầm loại phân" });
  });
});

describe("public trace page", () => {
  it("renders by code (any case redirects to canonical), by Digital Link, with short shared caching", async () => {
    const s = await makeTraceSetup();
    s.record("harvest", "2026-03-28T06:30");
    const lower = await call(codeLoader, getRequest(`/t/${s.lot.traceCode.toLowerCase()}`), { code: s.lot.traceCode.toLowerCase() });
    expect(lower.status).toBe(301);
    expect(lower.headers.get("Location")).toBe(`/t/${s.lot.traceCode}`);
    const res = await call(codeLoader, getRequest(`/t/${s.lot.traceCode}`), { code: s.lot.traceCode });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=60, s-maxage=300");
    expect(res.headers.get("Vary")).toBe("Cookie");
    const data = (await res.json()) as { canonicalUrl: string; beacon: string; chainOk: boolean; product: { onSale: boolean } };
    expect(data.canonicalUrl).toBe(`http://localhost:3000/01/${s.product.gtin}/10/${s.lot.lotNumber}`);
    expect(data.beacon).toBe(`/t/${s.lot.traceCode}/scan.gif`);
    expect(data.product.onSale).toBe(true);
    const dl = await call(dlLoader, getRequest(`/01/${s.product.gtin}/10/${s.lot.lotNumber}`), { gtin: s.product.gtin!, lot: s.lot.lotNumber });
    expect(dl.status).toBe(200);
    // A zero-suppressed GTIN-13 is redirected to the canonical GTIN-14 form.
    const gtin13 = s.product.gtin!.slice(1);
    const short = await call(dlLoader, getRequest(`/01/${gtin13}/10/${s.lot.lotNumber}?linkType=gs1:pip`), { gtin: gtin13, lot: s.lot.lotNumber });
    expect(short.status).toBe(301);
    expect(short.headers.get("Location")).toBe(`/01/${s.product.gtin}/10/${s.lot.lotNumber}?linkType=gs1:pip`);
    // Signed in: never stored by a shared cache.
    const signedIn = await call(codeLoader, getRequest(`/t/${s.lot.traceCode}`, await cookieFor(s.owner.id)), { code: s.lot.traceCode });
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("answers unknown codes, bad GTINs and unknown serials with a friendly 404", async () => {
    const s = await makeTraceSetup();
    expect((await call(codeLoader, getRequest("/t/ZZZZZZZZ"), { code: "ZZZZZZZZ" })).status).toBe(404);
    expect((await call(codeLoader, getRequest("/t/O0O0"), { code: "O0O0" })).status).toBe(404);
    expect((await call(dlLoader, getRequest("/01/09528536000018/10/X"), { gtin: "09528536000018", lot: "X" })).status).toBe(404);
    expect((await call(dlLoader, getRequest(`/01/${s.product.gtin}/10/NOPE`), { gtin: s.product.gtin!, lot: "NOPE" })).status).toBe(404);
    expect((await call(serialLoader, getRequest(`/t/${s.lot.traceCode}/AAAAAAAAAAAA`), { code: s.lot.traceCode, serial: "AAAAAAAAAAAA" })).status).toBe(404);
    const lookup = await call(lookupLoader, getRequest("/t?code=nope-nope"));
    expect(lookup.status).toBe(404);
    expect(((await lookup.json()) as { notFound: boolean; code: string }).code).toBe("nope-nope");
    const found = await call(lookupLoader, getRequest(`/t?code=${encodeURIComponent(" " + s.lot.traceCode.toLowerCase().replace(/(....)/, "$1 "))}`));
    expect(found.status).toBe(302);
    expect(found.headers.get("Location")).toBe(`/t/${s.lot.traceCode}`);
    expect((await call(qrPngLoader, getRequest("/t/ZZZZZZZZ/qr.png"), { code: "ZZZZZZZZ" })).status).toBe(404);
    expect((await call(epcisLoader, getRequest("/t/ZZZZZZZZ/epcis.json"), { code: "ZZZZZZZZ" })).status).toBe(404);
  });

  it("linkType=gs1:epcis gives the EPCIS document, gs1:pip the product page", async () => {
    const s = await makeTraceSetup();
    s.record("harvest", "2026-03-28T06:30");
    const params = { gtin: s.product.gtin!, lot: s.lot.lotNumber };
    const epcis = await call(dlLoader, getRequest(`/01/${params.gtin}/10/${params.lot}?linkType=gs1:epcis`), params);
    expect(epcis.status).toBe(307);
    expect(epcis.headers.get("Location")).toBe(`/t/${s.lot.traceCode}/epcis.json`);
    const doc = await call(epcisLoader, getRequest(epcis.headers.get("Location")!), { code: s.lot.traceCode });
    expect(doc.headers.get("Content-Type")).toMatch(/application\/ld\+json/);
    expect(((await doc.json()) as { type: string }).type).toBe("EPCISDocument");
    const pip = await call(dlLoader, getRequest(`/01/${params.gtin}/10/${params.lot}?linkType=gs1:pip`), params);
    expect(pip.status).toBe(303);
    expect(pip.headers.get("Location")).toBe(`/products/${s.product.slug}`);
  });

  it("QR images are immutable and encode the canonical URL", async () => {
    const s = await makeTraceSetup({ gtin: false });
    const png = await call(qrPngLoader, getRequest(`/t/${s.lot.traceCode}/qr.png`), { code: s.lot.traceCode });
    expect(png.headers.get("Content-Type")).toBe("image/png");
    expect(png.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const sharp = (await import("sharp")).default;
    const jsQR = (await import("jsqr")).default;
    const { data, info } = await sharp(Buffer.from(await png.arrayBuffer()))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(`http://localhost:3000/t/${s.lot.traceCode}`);
    const svg = await call(qrSvgLoader, getRequest(`/t/${s.lot.traceCode}/qr.svg`), { code: s.lot.traceCode });
    expect(svg.headers.get("Content-Type")).toMatch(/image\/svg\+xml/);
  });

  it("shows 'history failed verification' when a stored event was altered", async () => {
    const s = await makeTraceSetup();
    const e = s.record("harvest", "2026-03-28T06:30", { note: "ok" });
    s.db.$client.exec("DROP TRIGGER trace_events_no_update");
    s.db.$client.prepare("UPDATE trace_events SET biz_step = 'shipping' WHERE id = ?").run(e.id);
    const data = (await (await call(codeLoader, getRequest(`/t/${s.lot.traceCode}`), { code: s.lot.traceCode })).json()) as { chainOk: boolean };
    expect(data.chainOk).toBe(false);
    expect(verifyChain(s.lot.id, s.db).ok).toBe(false);
  });
});

describe("scans", () => {
  it("the lot page is counted by its beacon (no-store), without any IP", async () => {
    const s = await makeTraceSetup();
    for (let i = 0; i < 3; i++) {
      const res = await call(
        beaconLoader,
        new Request(`http://localhost:3000/t/${s.lot.traceCode}/scan.gif`, { headers: { "User-Agent": "Mozilla/5.0 (Linux; Android 13) Mobile" } }),
        { code: s.lot.traceCode },
      );
      expect(res.headers.get("Content-Type")).toBe("image/gif");
      expect(res.headers.get("Cache-Control")).toBe("no-store");
    }
    const rows = s.db.select().from(traceScans).where(eq(traceScans.lotId, s.lot.id)).all();
    expect(rows).toHaveLength(3);
    expect(rows[0]!.deviceClass).toBe("mobile");
    expect(rows[0]!.serialUnitId).toBeNull();
    const columns = (s.db.$client.prepare("PRAGMA table_info(trace_scans)").all() as { name: string }[]).map((c) => c.name);
    expect(columns.some((c) => /ip|addr/i.test(c))).toBe(false);
  });

  it(`a serialized unit scanned more than ${SCAN_WARNING_THRESHOLD} times warns of counterfeits`, async () => {
    const s = await makeTraceSetup();
    const [unit] = requestSerials(s.producer.id, s.lot.id, 2, s.db);
    expect(listSerials(s.lot.id, s.db)).toHaveLength(2);
    expect(unit!.serial).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{12}$/);
    type Page = { serial: { count: number; warning: boolean; firstScannedAt: string } };
    let last: Page | undefined;
    for (let i = 1; i <= SCAN_WARNING_THRESHOLD + 1; i++) {
      const res = await call(serialLoader, getRequest(`/t/${s.lot.traceCode}/${unit!.serial}`), { code: s.lot.traceCode, serial: unit!.serial });
      expect(res.headers.get("Cache-Control")).toBe("private, no-store");
      last = (await res.json()) as Page;
      expect(last.serial.count).toBe(i);
      expect(last.serial.warning).toBe(i > SCAN_WARNING_THRESHOLD);
    }
    expect(new Date(last!.serial.firstScannedAt).getTime()).toBeLessThanOrEqual(Date.now());
    // The Digital Link form of the same unit counts too.
    const dl = (await (
      await call(dlSerialLoader, getRequest(`/01/${s.product.gtin}/10/${s.lot.lotNumber}/21/${unit!.serial}`), {
        gtin: s.product.gtin!,
        lot: s.lot.lotNumber,
        serial: unit!.serial,
      })
    ).json()) as Page;
    expect(dl.serial.count).toBe(SCAN_WARNING_THRESHOLD + 2);
    expect(s.db.select().from(traceScans).where(eq(traceScans.serialUnitId, unit!.id)).all()).toHaveLength(SCAN_WARNING_THRESHOLD + 2);
  });

  it("serial requests are bounded", async () => {
    const s = await makeTraceSetup();
    const cookie = await cookieFor(s.owner.id);
    const lotId = String(s.lot.id);
    expect((await call(lotPageAction, formRequest(`/dashboard/lots/${lotId}`, { intent: "serials", count: "501" }, { cookie }), { lotId })).status).toBe(400);
    expect((await call(lotPageAction, formRequest(`/dashboard/lots/${lotId}`, { intent: "nonsense" }, { cookie }), { lotId })).status).toBe(400);
    const ok = await call(lotPageAction, formRequest(`/dashboard/lots/${lotId}`, { intent: "serials", count: "5" }, { cookie }), { lotId });
    expect(((await ok.json()) as { created: number }).created).toBe(5);
    const pdf = await call(labelsLoader, getRequest(`/dashboard/lots/${lotId}/labels?format=serials`, cookie), { lotId });
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
  });
});
