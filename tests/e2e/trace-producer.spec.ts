import fs from "node:fs";
import sharp from "sharp";
import jsQR from "jsqr";
import { test, expect, DEMO, loginAs, E2E_PORT } from "./fixtures";
import { decodeQrsInPdf } from "../support/pdf-qr";

async function decodePng(bytes: Buffer) {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

test.describe("traceability: a producer records a lot and a shopper scans it", () => {
  test("plot → lot → diary and processing → label PDF → scan → timeline → correction", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await loginAs(page, DEMO.producer);
    await page.goto("/dashboard");
    await page.getByRole("link", { name: /Vùng trồng, lô hàng & tem QR/ }).click();
    await expect(page).toHaveURL(/\/dashboard\/lots$/);

    // Register a plot.
    const plotName = `Đồi chè thử ${Date.now().toString(36)}`;
    await page.getByRole("link", { name: "Vùng trồng", exact: true }).click();
    await page.getByRole("link", { name: /Thêm vùng trồng/ }).click();
    await page.getByLabel("Tên vùng trồng").fill(plotName);
    await page.getByLabel("Diện tích (m²)").fill("7200");
    await page.getByLabel("Cây trồng").fill("Chè Trung du");
    await page.getByLabel("Xã, phường").selectOption("05503");
    await page.getByRole("button", { name: "Lưu vùng trồng" }).click();
    await expect(page).toHaveURL(/\/dashboard\/plots$/);
    await expect(page.getByText(plotName)).toBeVisible();

    // Create a lot of the GTIN product from that plot.
    await page.goto("/dashboard/lots/new");
    await page.getByLabel("Sản phẩm", { exact: true }).selectOption({ label: "Chè Tân Cương đặc biệt" });
    await page.getByLabel("Vùng trồng", { exact: true }).selectOption({ label: plotName });
    await page.getByLabel("Ngày thu hái (dự kiến)").fill("2026-10-20");
    await page.getByLabel("Số lượng", { exact: true }).fill("30");
    await page.getByRole("button", { name: "Tạo lô hàng" }).click();
    await expect(page).toHaveURL(/\/dashboard\/lots\/\d+$/);
    const lotUrl = page.url();
    const code = (await page.getByText(/^Mã truy xuất: /).textContent())!.match(/Mã truy xuất: ([A-Z2-9]+)/)![1]!;

    // Record the diary and the processing steps, a few taps each.
    const steps: [kind: RegExp, date: string, time: string, fill?: Record<string, string>][] = [
      [/^Bón phân/, "2026-10-01", "07:00", { "Tên phân bón / thuốc": "Phân hữu cơ vi sinh" }],
      [/^Thu hái/, "2026-10-20", "06:30"],
      [/^Làm héo/, "2026-10-20", "10:00"],
      [/^Vò chè/, "2026-10-20", "14:00"],
      [/^Sao, sấy khô/, "2026-10-20", "15:00"],
      [/^Đóng gói/, "2026-10-22", "08:00", { "Loại bao bì": "Hộp 200g", "Số gói": "150" }],
    ];
    for (const [kind, date, time, fill] of steps) {
      await page.getByTestId("kind-picker").getByRole("link", { name: kind }).click();
      await page.getByLabel("Ngày", { exact: true }).fill(date);
      await page.getByLabel("Giờ", { exact: true }).fill(time);
      for (const [label, value] of Object.entries(fill ?? {})) await page.getByLabel(label, { exact: true }).fill(value);
      await page.getByRole("button", { name: "Lưu" }).click();
      await expect(page).toHaveURL(lotUrl);
    }
    await expect(page.getByTestId("timeline").locator(":scope > li")).toHaveCount(6);
    await expect(page.getByText("Lịch sử đã được kiểm chứng", { exact: false })).toBeVisible();

    // Download the A4 label sheet; its QR decodes to the Digital Link URL, same as the PNG route.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải tem khổ A4 (24 tem)" }).click()]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const expected = `http://localhost:${E2E_PORT}/01/09528536000017/10/${code}`;
    expect(await decodeQrsInPdf(new Uint8Array(pdf))).toEqual([expected]);
    const png = await page.request.get(`/t/${code}/qr.png`);
    expect(png.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const url = await decodePng(Buffer.from(await png.body()));
    expect(url).toBe(expected);

    // A shopper (no session) opens the scanned URL and sees the timeline.
    const shopper = await browser.newContext();
    const phone = await shopper.newPage();
    await phone.goto(url!);
    await expect(phone.getByRole("heading", { name: "Chè Tân Cương đặc biệt" })).toBeVisible();
    const timeline = phone.getByTestId("timeline");
    for (const label of ["Bón phân", "Thu hái", "Làm héo", "Vò chè", "Sao, sấy khô", "Đóng gói"])
      await expect(timeline.getByText(label, { exact: true })).toBeVisible();
    await expect(phone.getByTestId("chain-status")).toHaveAttribute("data-ok", "true");
    await expect(phone.getByText("Phân bón: Phân hữu cơ vi sinh")).toBeVisible();

    // The producer corrects the fertiliser; the shopper sees a correction next to the old record.
    await page.getByRole("link", { name: "Đính chính: Bón phân #1" }).click();
    await expect(page.getByLabel("Tên phân bón / thuốc", { exact: true })).toHaveValue("Phân hữu cơ vi sinh");
    await page.getByLabel("Tên phân bón / thuốc", { exact: true }).fill("Phân chuồng ủ hoai");
    await page.getByLabel("Lý do đính chính").fill("Ghi nhầm loại phân");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page).toHaveURL(lotUrl);

    await phone.goto(`/t/${code}`);
    const correction = phone.getByTestId("timeline").locator(":scope > li", { has: phone.getByTestId("correction") });
    await expect(correction).toContainText("Phân chuồng ủ hoai");
    await expect(correction).toContainText("Lý do: Ghi nhầm loại phân");
    await expect(phone.getByTestId("timeline").locator(":scope > li[data-corrected=true]")).toContainText("đã được đính chính");
    await expect(phone.getByTestId("chain-status")).toHaveAttribute("data-ok", "true");
    await shopper.close();
  });

  test("a harvest inside a pesticide's pre-harvest interval is refused with an explanation", async ({ page }) => {
    await loginAs(page, DEMO.producer);
    await page.goto("/dashboard/lots/new");
    await page.getByLabel("Sản phẩm", { exact: true }).selectOption({ label: "Chè móc câu Tân Cương" });
    await page.getByLabel("Vùng trồng", { exact: true }).selectOption({ index: 1 });
    await page.getByLabel("Số lượng", { exact: true }).fill("10");
    await page.getByRole("button", { name: "Tạo lô hàng" }).click();
    await expect(page).toHaveURL(/\/dashboard\/lots\/\d+$/);
    await page
      .getByTestId("kind-picker")
      .getByRole("link", { name: /^Phòng trừ sâu bệnh/ })
      .click();
    await page.getByLabel("Ngày", { exact: true }).fill("2026-11-10");
    await page.getByLabel("Giờ", { exact: true }).fill("08:00");
    await page.getByLabel("Tên phân bón / thuốc", { exact: true }).fill("Abamectin 3.6EC");
    await page.getByLabel("Thời gian cách ly (ngày)").fill("7");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page
      .getByTestId("kind-picker")
      .getByRole("link", { name: /^Thu hái/ })
      .click();
    await page.getByLabel("Ngày", { exact: true }).fill("2026-11-14");
    await page.getByLabel("Giờ", { exact: true }).fill("06:00");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByTestId("refusal")).toContainText("Abamectin 3.6EC");
    await expect(page.getByTestId("refusal")).toContainText("17/11/2026 08:00");
    await expect(page.getByLabel("Ngày", { exact: true })).toHaveValue("2026-11-14");
  });
});
