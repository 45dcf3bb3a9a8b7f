import type { APIRequestContext, Page } from "@playwright/test";
import { asc, eq } from "drizzle-orm";
import { productVariants, products } from "../../db/schema";
import { test, expect, e2eDb, loginAs, DEMO } from "./fixtures";

/** The first variant of a demo product, by slug. */
function variantId(slug: string) {
  const row = e2eDb()
    .select({ id: productVariants.id })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(products.slug, slug))
    .orderBy(asc(productVariants.sort))
    .get();
  if (!row) throw new Error(`no variant for ${slug}`);
  return row.id;
}

/** What the product pages' "add to cart" form posts; the page's cookie jar keeps the guest cart. */
async function addToCart(page: Page, slug: string, quantity = 1) {
  const res = await page.request.post("/cart", { form: { intent: "add", variantId: String(variantId(slug)), quantity: String(quantity) } });
  expect(res.status()).toBe(200);
}

async function fillCheckout(page: Page, payment: "card" | "bank" | "cod") {
  await page.goto("/cart");
  await page.getByRole("link", { name: "Đặt hàng" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await page.getByLabel("Họ và tên").fill("Chị Mai");
  await page.getByLabel("Số điện thoại").fill("0912 345 678");
  await page.getByLabel("Xã/phường (Thái Nguyên)").selectOption({ label: "Xã Tân Cương" });
  await page.getByLabel("Địa chỉ").fill("Xóm Hồng Thái 2");
  const label = { card: /Thẻ ngân hàng/, bank: /Chuyển khoản ngân hàng/, cod: /Trả tiền mặt khi nhận hàng/ }[payment];
  await page.getByRole("radio", { name: label }).check();
  await page.getByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }).check();
  await page.getByRole("button", { name: "Đặt hàng" }).click();
}

test.describe("checkout", () => {
  test("a guest fills a cart from two producers, pays by card through the stand-in and sees “paid”", async ({ page }) => {
    await addToCart(page, "che-tan-cuong-dac-biet", 1);
    await addToCart(page, "che-la-bang-thuong-hang", 1);
    await page.goto("/cart");
    await expect(page.getByTestId("cart-group")).toHaveCount(2);
    await expect(page.getByTestId("cart-link")).toContainText("(2)");
    // Quantity changes instantly with JavaScript (fetcher), no page load.
    const firstLine = page.getByTestId("cart-line").first();
    await firstLine.getByRole("button", { name: /^Thêm một/ }).click();
    await expect(page.getByTestId("cart-link")).toContainText("(3)");

    await fillCheckout(page, "card");
    await expect(page.getByTestId("stripe-test-mode")).toHaveText("Chế độ thử — không có tiền thật / Test mode, no real money");
    await page.getByRole("button", { name: /\/ Pay$/ }).click();
    await expect(page).toHaveURL(/\/orders\/CS[A-Z0-9]+\?payment=card$/);
    await expect(page.getByTestId("payment-status")).toHaveText("Đã thanh toán");
    await expect(page.getByTestId("order-part")).toHaveCount(2);
    await expect(page.getByTestId("timeline")).toContainText("Đã thanh toán");
    await expect(page.getByTestId("cart-link")).toHaveText("Giỏ hàng");
  });

  test("another pays by VietQR and a SePay notification turns the order paid while the page is open", async ({ page, request }) => {
    await addToCart(page, "che-tom-non-tan-cuong", 2);
    await fillCheckout(page, "bank");
    await expect(page).toHaveURL(/\/orders\/CS[A-Z0-9]+$/);
    await expect(page.getByTestId("payment-status")).toHaveText("Chưa thanh toán");
    await expect(page.getByTestId("vietqr")).toBeVisible();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const img = document.querySelector<HTMLImageElement>("[data-testid=vietqr]");
          return !!img && img.complete && img.naturalWidth > 100;
        }),
      )
      .toBe(true);
    await expect(page.getByTestId("bank-account")).toHaveText("257678859");
    const memo = (await page.getByTestId("bank-memo").textContent())!.trim();
    expect(memo).toMatch(/^CSO[A-Z0-9]{6}$/);
    const amountText = (await page.getByTestId("bank-amount").textContent())!;
    const amount = Number(amountText.replace(/\D/g, ""));
    expect(amount).toBeGreaterThan(0);
    const url = page.url();

    const res = await sepay(request, memo, amount);
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, status: "matched" });

    // No reload: the page polls and turns paid by itself.
    await expect(page.getByTestId("payment-status")).toHaveText("Đã thanh toán", { timeout: 15_000 });
    await expect(page.getByTestId("bank-instructions")).toHaveCount(0);
    expect(page.url()).toBe(url);
  });

  test("a third chooses cash on delivery and the producer takes it through to delivered", async ({ page, browser }) => {
    await addToCart(page, "che-moc-cau-tan-cuong", 1);
    await fillCheckout(page, "cod");
    await expect(page).toHaveURL(/\/orders\/CS[A-Z0-9]+$/);
    const code = page.url().split("/orders/")[1]!;
    await expect(page.getByTestId("payment-status")).toHaveText("Chưa thanh toán");
    await expect(page.getByText(/tiền mặt khi nhận hàng/)).toBeVisible();

    const producerContext = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "vi-VN" });
    const producer = await producerContext.newPage();
    await loginAs(producer, DEMO.producer);
    await producer.goto("/dashboard/orders");
    const card = producer.locator(`[data-order-code="${code}"]`);
    await expect(card).toBeVisible();
    await card.getByRole("button", { name: "Xác nhận đơn" }).click();
    await expect(card.getByTestId("part-status")).toHaveText("Đã xác nhận");
    // A choice of the producer's lots once the traceability feature's lots exist; a free code otherwise.
    const lotField = card.getByLabel(/mã lô đã lấy hàng/);
    if ((await lotField.evaluate((el) => el.tagName)) === "SELECT") await lotField.selectOption({ index: 1 });
    else await lotField.fill("TC26XUAN");
    await card.getByRole("button", { name: "Đã đóng gói" }).click();
    await expect(card.getByTestId("part-status")).toHaveText("Đã đóng gói");
    await card.getByLabel("Đơn vị vận chuyển").fill("Viettel Post");
    await card.getByLabel("Mã vận đơn").fill("VTP26112201");
    await card.getByRole("button", { name: "Đã gửi hàng" }).click();
    await expect(card.getByTestId("part-status")).toHaveText("Đang giao");
    await card.getByLabel(/Đã nhận .* tiền mặt/).check();
    await card.getByRole("button", { name: "Đã giao hàng" }).click();
    await expect(card).toHaveCount(0);
    // Delivered parts leave the active queue; they are under "done".
    await producer.goto("/dashboard/orders?show=done");
    await expect(producer.locator(`[data-order-code="${code}"]`).getByTestId("part-status")).toHaveText("Đã giao");
    await producerContext.close();

    await page.reload();
    await expect(page.getByTestId("order-status")).toHaveText("Hoàn tất");
    await expect(page.getByTestId("payment-status")).toHaveText("Đã thanh toán");
    await expect(page.getByTestId("timeline")).toContainText("Đã nhận tiền mặt");
  });
});

function sepay(request: APIRequestContext, memo: string, amount: number) {
  return request.post("/webhooks/sepay", {
    headers: { Authorization: "Apikey e2e-sepay-key" },
    data: {
      id: Date.now(),
      gateway: "ACB",
      transactionDate: "2026-11-22 10:30:00",
      accountNumber: "257678859",
      code: null,
      content: `MBVCB.98765.${memo}.CT tu 0912345678`,
      transferType: "in",
      transferAmount: amount,
      accumulated: 0,
      subAccount: null,
      referenceCode: `FT${Date.now()}`,
      description: memo,
    },
  });
}
