import { asc, eq } from "drizzle-orm";
import { productVariants, products } from "../../db/schema";
import { test, expect, e2eDb } from "./fixtures";

function variant(slug: string) {
  return e2eDb()
    .select({ id: productVariants.id, price: productVariants.priceVnd })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(products.slug, slug))
    .orderBy(asc(productVariants.sort))
    .get()!;
}

test.describe("cart and checkout without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("quantities change, lines go, and a cash-on-delivery order is placed with plain forms", async ({ page }) => {
    const rice = variant("gao-bao-thai-dinh-hoa");
    const tea = variant("che-tan-cuong-dac-biet");
    for (const v of [rice, tea]) {
      const res = await page.request.post("/cart", { form: { intent: "add", variantId: String(v.id), quantity: "1" } });
      expect(res.status()).toBe(200);
    }
    await page.goto("/cart");
    await expect(page.getByTestId("cart-group")).toHaveCount(2);
    const teaLine = page.locator(`[data-testid=cart-line][data-variant-id="${tea.id}"]`);
    await teaLine.getByLabel("Số lượng").fill("3");
    await teaLine.getByRole("button", { name: "Cập nhật" }).click();
    await expect(page.locator(`[data-testid=cart-line][data-variant-id="${tea.id}"]`).getByLabel("Số lượng")).toHaveValue("3");
    await expect(page.getByTestId("cart-link")).toContainText("(4)");
    await page.locator(`[data-testid=cart-line][data-variant-id="${rice.id}"]`).getByRole("button", { name: "Bỏ khỏi giỏ" }).click();
    await expect(page.getByTestId("cart-group")).toHaveCount(1);
    await page.goto("/checkout");
    await page.getByLabel("Họ và tên").fill("Anh Dũng");
    await page.getByLabel("Số điện thoại").fill("0987 654 321");
    await page.getByLabel("Xã/phường (Thái Nguyên)").selectOption({ label: "Phường Phan Đình Phùng" });
    await page.getByLabel("Địa chỉ").fill("Số 8 đường Bến Oánh");
    await page.getByRole("radio", { name: /Trả tiền mặt khi nhận hàng/ }).check();
    await page.getByRole("button", { name: "Tính lại tổng" }).click();
    // The server's total, with the TP Thái Nguyên delivery fee; typed values are kept.
    await expect(page.getByTestId("checkout-total")).toHaveText(/\d/);
    await expect(page.getByLabel("Họ và tên")).toHaveValue("Anh Dũng");
    await page.getByRole("radio", { name: /Trả tiền mặt khi nhận hàng/ }).check();
    await page.getByLabel("Xã/phường (Thái Nguyên)").selectOption({ label: "Phường Phan Đình Phùng" });
    await page.getByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }).check();
    await page.getByRole("button", { name: "Đặt hàng" }).click();
    await expect(page).toHaveURL(/\/orders\/CS[A-Z0-9]+$/);
    await expect(page.getByTestId("payment-status")).toHaveText("Chưa thanh toán");
    await expect(page.getByTestId("order-part")).toContainText("× 3");
  });
});
