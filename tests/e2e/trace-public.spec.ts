import zlib from "node:zlib";
import crypto from "node:crypto";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { count, eq } from "drizzle-orm";
import { lots, serialUnits, traceScans } from "../../db/schema";
import { test, expect, e2eDb } from "./fixtures";
import { readStandardsJson } from "../support/standards";

test.describe("public trace page of the demo lot TC26XUAN", () => {
  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("renders the whole story, readable with JavaScript off, and switches to English", async ({ page }) => {
      await page.goto("/t/TC26XUAN");
      await expect(page.getByRole("heading", { name: "Chè Tân Cương đặc biệt" })).toBeVisible();
      await expect(page.getByTestId("chain-status")).toContainText("Lịch sử đã được kiểm chứng");
      await expect(page.getByText("Vùng trồng: Đồi chè Hồng Thái 2, Xã Tân Cương")).toBeVisible();
      await expect(page.getByText("Ngày thu hái: 28/03/2026")).toBeVisible();
      await expect(page.getByText("✓ Đã xác minh")).toBeVisible();
      const timeline = page.getByTestId("timeline").locator(":scope > li");
      await expect(timeline).toHaveCount(10);
      for (const label of [
        "Bón phân",
        "Phòng trừ sâu bệnh",
        "Thu hái",
        "Làm héo",
        "Vò chè",
        "Sao, sấy khô",
        "Phân loại",
        "Kiểm nghiệm",
        "Đóng gói",
        "Xuất hàng",
      ]) {
        await expect(page.getByTestId("timeline").getByText(label, { exact: true })).toBeVisible();
      }
      await expect(page.getByRole("heading", { name: "Kết quả kiểm nghiệm" })).toBeVisible();
      await expect(page.getByText(/VietGAP \(VietGAP-TT-19-03-0127\) — còn hiệu lực đến 28\/02\/2028/)).toBeVisible();
      await expect(page.getByRole("link", { name: "Mua sản phẩm này" })).toHaveAttribute("href", "/products/che-tan-cuong-dac-biet");
      await expect(page.getByRole("link", { name: "HTX Chè Tân Cương" })).toHaveAttribute("href", "/producers/htx-che-tan-cuong");

      await page.getByRole("button", { name: "Switch to English" }).click();
      await expect(page.getByTestId("chain-status")).toContainText("History verified");
      await expect(page.getByTestId("timeline").getByText("Pan-firing and drying", { exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: "Buy this product" })).toBeVisible();
    });

    test("the code box works without JavaScript, forgiving case and spaces; unknown codes get a 404 with the box", async ({ page }) => {
      await page.goto("/t");
      await page.getByLabel("Mã truy xuất").fill(" tc26 xuan ");
      await page.getByRole("button", { name: "Xem" }).click();
      await expect(page).toHaveURL(/\/t\/TC26XUAN$/);
      const res = await page.goto("/t/ZZZZ2222");
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Không tìm thấy mã truy xuất" })).toBeVisible();
      await expect(page.getByLabel("Mã truy xuất")).toHaveValue("ZZZZ2222");
    });
  });

  test("fits a 3G budget: ≤ 30 KB gzipped, no render-blocking script, short shared caching", async ({ request }) => {
    const res = await request.get("/t/TC26XUAN", { headers: { "Accept-Encoding": "identity" } });
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toBe("public, max-age=60, s-maxage=300");
    const html = await res.text();
    const gzipped = zlib.gzipSync(html).byteLength;
    console.log(`trace page: ${html.length} bytes HTML, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThanOrEqual(30 * 1024);
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head).not.toMatch(/<script(?![^>]*type="module")(?![^>]*(async|defer))[^>]*src=/); // no classic blocking script in <head>
    // Every script comes after the content (Remix puts module scripts at the end of <body>).
    const firstScript = html.indexOf("<script");
    expect(firstScript).toBeGreaterThan(html.indexOf('data-testid="timeline"'));
    expect(html).toContain("Hành trình của lô hàng"); // server-rendered text
  });

  test("every view is counted through the beacon; a serial scanned too often warns", async ({ page }) => {
    const db = e2eDb();
    const lot = db.select().from(lots).where(eq(lots.traceCode, "TC26XUAN")).get()!;
    const scans = () => db.select({ n: count() }).from(traceScans).where(eq(traceScans.lotId, lot.id)).get()!.n;
    const before = scans();
    await page.goto("/t/TC26XUAN");
    await expect.poll(scans).toBe(before + 1);

    const serial = crypto
      .randomBytes(6)
      .toString("hex")
      .toUpperCase()
      .replace(/[01]/g, "A")
      .replace(/[^A-Z2-9]/g, "B")
      .slice(0, 12);
    db.insert(serialUnits).values({ lotId: lot.id, serial }).run();
    for (let i = 1; i <= 5; i++) {
      await page.goto(`/t/TC26XUAN/${serial}`);
      await expect(page.getByTestId("counterfeit-warning")).toHaveCount(0);
    }
    const res = await page.goto(`/01/09528536000017/10/TC26XUAN/21/${serial}`);
    expect(res?.headers()["cache-control"]).toBe("private, no-store");
    await expect(page.getByTestId("counterfeit-warning")).toContainText("đã được quét 6 lần");
  });

  test("EPCIS export and Digital Link link types", async ({ request }) => {
    const doc = await (await request.get("/01/09528536000017/10/TC26XUAN?linkType=gs1:epcis")).json();
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(readStandardsJson<object>("epcis/EPCIS-JSON-Schema.json"));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.epcisBody.eventList.length).toBeGreaterThanOrEqual(10);
    const pip = await request.get("/01/09528536000017/10/TC26XUAN?linkType=gs1:pip", { maxRedirects: 0 });
    expect(pip.status()).toBe(303);
    expect(pip.headers()["location"]).toBe("/products/che-tan-cuong-dac-biet");
  });
});
