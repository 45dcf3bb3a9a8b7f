import sharp from "sharp";
import { test, expect, DEMO, loginAs } from "./fixtures";

/**
 * The story end to end, in Chromium on a phone-sized screen: a new user applies as a
 * producer → province staff verify → the producer lists a tea with a photo and two variants →
 * a shopper finds it without accents, filters by area and opens it.
 */
test("a new producer gets from sign-up to a tea a shopper can find", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = String(Date.now()).slice(-5);
  const email = `hoa.${tag}@example.test`;
  const producerName = `Hộ Chè Đỉnh Sương ${tag}`;
  const productName = `Chè Sương Mai Định Hóa ${tag}`;

  // 1. Sign up, then apply to sell.
  await page.goto("/signup");
  await page.getByLabel("Họ và tên").fill("Chị Hoà");
  await page.getByLabel("Số điện thoại hoặc email").fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill("mat-khau-tot-1");
  await page.getByLabel("Nhập lại mật khẩu").fill("mat-khau-tot-1");
  await page.getByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }).check();
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await page.goto("/");
  await page.getByRole("link", { name: "Đăng ký bán hàng" }).click();
  await expect(page).toHaveURL(/\/sell$/);
  await page.getByLabel("Tên cơ sở").fill(producerName);
  await page.getByLabel("Tên pháp lý").fill("Đỗ Thị Hoà");
  await page.getByLabel("Loại hình").selectOption("household");
  await page.getByLabel("Xã/phường").selectOption({ label: "Xã Định Hóa (Định Hóa)" });
  await page.getByLabel("Địa chỉ").fill("Thôn Khẩu Pháy");
  await page.getByLabel("Số điện thoại liên hệ").fill("0912 345 999");
  await page.getByLabel("Câu chuyện ngắn").fill("Chè shan tuyết hái tay trên đồi ATK.");
  await page.getByRole("button", { name: "Gửi đăng ký" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("producer-status")).toHaveAttribute("data-status", "pending");
  await expect(page.getByTestId("producer-status")).toContainText("Định Hóa");

  // 2. Province staff verify the application.
  await page.context().clearCookies();
  await loginAs(page, DEMO.admin);
  await page.goto("/admin");
  await page.getByTestId("count-pending").click();
  await expect(page).toHaveURL(/\/admin\/producers$/);
  const item = page.getByTestId("queue-item").filter({ hasText: producerName });
  await expect(item).toBeVisible();
  await item.getByRole("button", { name: `Xác minh ${producerName}` }).click();
  await expect(page.getByTestId("queue-item").filter({ hasText: producerName })).toHaveCount(0);

  // 3. The producer lists a tea with two variants and a photo, and publishes it.
  await page.context().clearCookies();
  await loginAs(page, email);
  await page.goto("/dashboard");
  await expect(page.getByTestId("producer-status")).toHaveAttribute("data-status", "verified");
  await page.getByRole("link", { name: "Thêm sản phẩm" }).first().click();
  await page.getByLabel("Tên sản phẩm").fill(productName);
  await page.getByLabel("Danh mục").selectOption({ label: "Chè (trà)" });
  await page.getByLabel("Mô tả", { exact: true }).fill("Búp chè non hái sáng sớm, sao chảo gang.");
  await page.getByRole("button", { name: "Tạo sản phẩm" }).click();
  await expect(page).toHaveURL(/\/dashboard\/products\/\d+\?created=1$/);

  const addVariant = async (label: string, grams: string, price: string, stock: string) => {
    const form = page.getByTestId("add-variant");
    await form.getByLabel("Tên phân loại").fill(label);
    await form.getByLabel("Khối lượng (g)").fill(grams);
    await form.getByLabel("Giá (₫)").fill(price);
    await form.getByLabel("Tồn kho").fill(stock);
    await form.getByRole("button", { name: "Thêm phân loại" }).click();
    await expect(page.getByTestId("variant-row").filter({ has: page.locator(`input[value="${label}"]`) })).toHaveCount(1);
  };
  await addVariant("Hộp 100g", "100", "150000", "20");
  await addVariant("Hộp 200g", "200", "280000", "8");
  await expect(page.getByTestId("variant-row")).toHaveCount(2);

  const png = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 46, g: 125, b: 50 } } })
    .png()
    .toBuffer();
  await page.getByLabel("Thêm ảnh").setInputFiles({ name: "che.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Tải ảnh lên" }).click();
  await expect(page.getByTestId("product-photos").locator("img")).toHaveCount(1);

  await page.getByRole("button", { name: "Đăng bán" }).click();
  await expect(page.getByTestId("product-status")).toHaveAttribute("data-status", "published");

  // 4. A shopper finds it without accents, filters by area and opens it.
  await page.context().clearCookies();
  await loginAs(page, DEMO.shopper);
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Tìm sản phẩm" }).fill(`che suong mai dinh hoa ${tag}`);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page).toHaveURL(/\/products\?q=che\+suong\+mai/);
  const card = page.getByTestId("product-card").filter({ hasText: productName });
  await expect(card).toBeVisible();

  await page.getByLabel("Tìm kiếm").fill("suong mai");
  await page.getByTestId("filters-toggle").click();
  await page.getByLabel("Vùng (huyện cũ)").selectOption({ label: "Định Hóa" });
  await page.getByTestId("catalogue-filters").getByRole("button", { name: "Lọc" }).last().click();
  await expect(page).toHaveURL(/area=dinh-hoa/);
  await expect(page.getByTestId("product-card").filter({ hasText: productName })).toBeVisible();

  await page.getByTestId("product-card").filter({ hasText: productName }).getByRole("link").click();
  await expect(page).toHaveURL(/\/products\/che-suong-mai-dinh-hoa-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(productName);
  await expect(page.getByTestId("verified-badge")).toBeVisible();
  await expect(page.getByTestId("gallery").locator("img")).toHaveAttribute("srcset", /320w.*640w.*1024w/);
  await expect(page.getByRole("radio")).toHaveCount(2);
  await expect(page.getByTestId("variant-price").first()).toHaveText(/150\.000\s₫/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ "@type": "Product", name: productName, offers: { priceCurrency: "VND", lowPrice: 150000, highPrice: 280000 } });
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", new RegExp(productName));
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/images\/[a-f0-9]{32}\/1024\.webp$/);
});

test("an unknown product or producer is a friendly 404", async ({ page }) => {
  const res = await page.goto("/products/khong-co-san-pham-nay");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("error-page")).toHaveAttribute("data-status", "404");
  const res2 = await page.goto("/producers/khong-co");
  expect(res2?.status()).toBe(404);
});
