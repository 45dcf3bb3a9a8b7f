import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, DEMO, loginAs } from "./fixtures";
import { decodeVietQr } from "../../app/standards/vietqr";
import config from "../../playwright.config";

const SEPAY_KEY = (config.webServer as { env: Record<string, string> }).env.SEPAY_API_KEY!;

let txn = Date.now();

/** What SePay posts when a transfer lands on the trader's account. */
async function deliverSepay(request: APIRequestContext, memo: string, amount: number) {
  const now = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "short", timeStyle: "medium" }).format(new Date());
  const res = await request.post("/webhooks/sepay", {
    headers: { Authorization: `Apikey ${SEPAY_KEY}`, "Content-Type": "application/json" },
    data: {
      id: txn++,
      gateway: "VietinBank",
      transactionDate: now,
      accountNumber: "101875432619",
      code: null,
      content: `MBVCB.${txn}.${memo}.CT tu NGUYEN VAN KHACH`,
      transferType: "in",
      transferAmount: amount,
      accumulated: 5_000_000,
      subAccount: null,
      referenceCode: `FT${txn}`,
      description: "",
    },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as { success: boolean; status: string };
}

async function startVietQr(page: Page, digits: string[]) {
  await page.goto("/till");
  await expect(page.getByTestId("keypad")).toBeVisible();
  for (const d of digits) await page.getByTestId("keypad").getByRole("button", { name: d, exact: true }).click();
  await page.getByRole("button", { name: "Mã QR chuyển khoản (VietQR)" }).click();
  await expect(page).toHaveURL(/\/till\/charges\/\d+$/);
  await expect(page.getByTestId("vietqr").locator("svg")).toBeVisible();
  const memo = (await page.getByTestId("memo").textContent())!.trim();
  const payload = (await page.getByTestId("payload").textContent())!.trim();
  return { memo, payload };
}

test.describe("market till", () => {
  test("VietQR: 45.000 ₫, a SePay notification turns the open till to PAID; ledger and CSV show it", async ({ page, request }) => {
    await loginAs(page, DEMO.trader);
    const { memo, payload } = await startVietQr(page, ["4", "5", "000"]);
    await expect(page.getByTestId("charge-amount")).toHaveText("45.000 ₫");
    expect(memo).toMatch(/^CST[A-HJKMNP-Z2-9]{6}$/);
    const qr = decodeVietQr(payload);
    expect(qr).toMatchObject({ dynamic: true, amount: 45000, memo, bin: "970415", account: "101875432619", crcValid: true });

    const result = await deliverSepay(request, memo, 45000);
    expect(result).toMatchObject({ success: true, status: "matched" });
    // No reload: the page follows the charge by itself.
    await expect(page.getByTestId("paid")).toContainText("ĐÃ NHẬN TIỀN");
    await expect(page.getByTestId("paid")).toContainText("45.000 ₫");

    await page.getByRole("link", { name: "Sổ thu tiền" }).click();
    const row = page.getByTestId("charges").getByRole("row").filter({ hasText: memo });
    await expect(row).toContainText("Đã nhận tiền");
    await expect(row).toContainText("45.000 ₫");
    await expect(page.getByTestId("takings-chart")).toBeVisible();

    const csv = await page.request.get("/till/ledger.csv");
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const text = (await csv.body()).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`,vietqr,paid,45000,${memo},`);
    expect(text.split(memo)).toHaveLength(2); // once
  });

  test("the phone is offline when the payment lands: the till shows PAID on reconnect, and after a reload", async ({ page, context, request }) => {
    await loginAs(page, DEMO.trader);
    const { memo } = await startVietQr(page, ["3", "0", "000"]);
    await context.setOffline(true);
    await deliverSepay(request, memo, 30000);
    await page.waitForTimeout(3000); // polls are due, but the phone has no network
    await expect(page.getByTestId("charge")).toHaveAttribute("data-status", "pending");
    await context.setOffline(false);
    await expect(page.getByTestId("paid")).toContainText("30.000 ₫");
    await page.reload();
    await expect(page.getByTestId("paid")).toContainText("ĐÃ NHẬN TIỀN");
  });

  test("a wrong amount is not counted: the charge stays open and the ledger lists it to check", async ({ page, request }) => {
    await loginAs(page, DEMO.trader);
    const { memo } = await startVietQr(page, ["7", "7", "000"]);
    expect((await deliverSepay(request, memo, 7000)).status).toBe("amount_mismatch");
    await page.waitForTimeout(2500);
    await expect(page.getByTestId("charge")).toHaveAttribute("data-status", "pending");
    await page.getByRole("button", { name: "Huỷ giao dịch" }).click();
    await expect(page).toHaveURL(/\/till$/);
    await page.goto("/till/ledger");
    const item = page.getByTestId("to-check").getByRole("listitem").filter({ hasText: memo });
    await expect(item).toContainText("Sai số tiền");
    await item.getByRole("button", { name: /Đã xử lý/ }).click();
    await expect(page.locator("#to-check").getByText(memo)).toHaveCount(0);
  });

  test("cash: a quick amount and the cash button record a paid sale", async ({ page }) => {
    await loginAs(page, DEMO.trader);
    await page.goto("/till");
    await expect(page.getByTestId("keypad")).toBeVisible();
    await page.getByRole("button", { name: "20.000 ₫" }).click();
    await expect(page.getByLabel("Số tiền (đồng)")).toHaveValue("20000");
    await page.getByRole("button", { name: "Tiền mặt" }).click();
    await expect(page.getByTestId("paid")).toContainText("20.000 ₫");
    await expect(page.getByTestId("paid")).toContainText("Tiền mặt");
    await page.goto("/till/ledger");
    await expect(page.getByTestId("charges").getByRole("row").filter({ hasText: "Tiền mặt" }).filter({ hasText: "20.000 ₫" }).first()).toBeVisible();
  });

  test("bad amounts are refused in plain words, keeping what was typed", async ({ page }) => {
    await loginAs(page, DEMO.trader);
    await page.goto("/till");
    await page.getByLabel("Số tiền (đồng)").fill("0");
    await page.getByRole("button", { name: "Tiền mặt" }).click();
    await expect(page.getByRole("alert")).toHaveText("Số tiền phải lớn hơn 0.");
    await page.getByLabel("Số tiền (đồng)").fill("60000000");
    await page.getByRole("button", { name: "Mã QR chuyển khoản (VietQR)" }).click();
    await expect(page.getByRole("alert")).toContainText("Số tiền quá lớn");
    await expect(page.getByLabel("Số tiền (đồng)")).toHaveValue("60000000");
  });

  test("the stall's static VietQR image and A5 poster are served", async ({ page }) => {
    const png = await page.request.get("/stalls/cho-thai-a12/vietqr.png");
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    const pdf = await page.request.get("/stalls/cho-thai-a12/poster.pdf");
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await page.goto("/stalls/cho-thai-a12");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chè Tân Cương cô Tám");
    await expect(page.getByText("LE THI TAM")).toBeVisible();
  });

  test("admin sees the market overview with its chart and quiet stalls", async ({ page }) => {
    await loginAs(page, DEMO.admin);
    await page.goto("/admin");
    await page.getByTestId("link-markets").click();
    await expect(page).toHaveURL(/\/admin\/markets$/);
    await page.getByRole("link", { name: /Chợ Thái/ }).click();
    await expect(page.getByTestId("takings-chart")).toBeVisible();
    await expect(page.getByTestId("quiet-stalls")).toContainText("Thịt lợn sạch anh Dũng");
  });
});

test.describe("market till without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the till is a plain form: quick amount, then cash, then PAID", async ({ page }) => {
    await loginAs(page, DEMO.trader);
    await page.goto("/till");
    await expect(page.getByTestId("keypad")).toHaveCount(0);
    await page.getByRole("button", { name: "50.000 ₫" }).click();
    await expect(page.getByLabel("Số tiền (đồng)")).toHaveValue("50000");
    await page.getByRole("button", { name: "Tiền mặt" }).click();
    await expect(page).toHaveURL(/\/till\/charges\/\d+$/);
    await expect(page.getByTestId("paid")).toContainText("50.000 ₫");
  });

  test("a typed amount and VietQR show the QR with its memo", async ({ page }) => {
    await loginAs(page, DEMO.trader);
    await page.goto("/till");
    await page.getByLabel("Số tiền (đồng)").fill("15000");
    await page.getByRole("button", { name: "Mã QR chuyển khoản (VietQR)" }).click();
    await expect(page.getByTestId("charge-amount")).toHaveText("15.000 ₫");
    await expect(page.getByTestId("memo")).toHaveText(/^CST/);
  });
});
