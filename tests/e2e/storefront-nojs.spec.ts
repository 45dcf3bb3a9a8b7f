import zlib from "node:zlib";
import { eq } from "drizzle-orm";
import { products } from "../../db/schema";
import { test, expect, DEMO, e2eDb, loginAs } from "./fixtures";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("catalogue filters work as a plain GET form and live in the URL", async ({ page }) => {
    await page.goto("/products");
    await page.getByLabel("Tìm kiếm").fill("CHE TAN CUONG");
    await page.getByTestId("filters-toggle").click();
    await page.getByLabel("Danh mục").selectOption("che");
    await page.getByLabel("Vùng (huyện cũ)").selectOption({ label: "TP Thái Nguyên" });
    await page.getByLabel("Sắp xếp").selectOption("price_asc");
    await page.getByLabel("Chỉ hàng còn").check();
    await page.getByTestId("catalogue-filters").getByRole("button", { name: "Lọc" }).last().click();
    await expect(page).toHaveURL(/q=CHE\+TAN\+CUONG/);
    await expect(page).toHaveURL(/category=che/);
    await expect(page).toHaveURL(/area=tp-thai-nguyen/);
    await expect(page).toHaveURL(/sort=price_asc/);
    const cards = page.getByTestId("product-card");
    await expect(cards.first()).toBeVisible();
    await expect(cards.filter({ hasText: "Chè Tân Cương đặc biệt" })).toHaveCount(1);
    // The page can be shared: the same URL gives the same results.
    const again = await page.context().newPage();
    await again.goto(page.url());
    await expect(again.getByTestId("result-count")).toHaveText((await page.getByTestId("result-count").textContent()) ?? "");
  });

  test("the product page's variant picker is a set of radio buttons posting to /cart", async ({ page }) => {
    await page.goto("/products/che-tan-cuong-dac-biet");
    const form = page.getByTestId("add-to-cart");
    await expect(form).toHaveAttribute("action", "/cart");
    await expect(form.locator('input[name="intent"]')).toHaveValue("add");
    await expect(form.getByRole("radio")).toHaveCount(3);
    await expect(form.getByRole("radio").first()).toBeChecked();
    await expect(form.locator('input[name="quantity"]')).toHaveValue("1");
  });
});

test("the storefront speaks English too", async ({ page }) => {
  await page.context().addCookies([{ name: "lng", value: "en", domain: "localhost", path: "/" }]);
  await page.goto("/products?q=che+tan+cuong");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “che tan cuong”");
  await page.getByTestId("product-card").filter({ hasText: "Tân Cương special green tea" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tân Cương special green tea");
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeVisible();
  await expect(page.getByTestId("verified-badge")).toHaveText(/Verified/);
  await expect(page.getByTestId("certification").filter({ hasText: "Organic" })).toContainText("Expired");
});

test("no storefront page ships more than ~150 KB of JavaScript (gzip)", async ({ browser }) => {
  test.setTimeout(90_000);
  const sizes: Record<string, number> = {};
  const teaId = e2eDb().select({ id: products.id }).from(products).where(eq(products.slug, "che-tan-cuong-dac-biet")).get()!.id;
  const pages: [string, string | null][] = [
    ["/", null],
    ["/products?q=che", null],
    ["/products/che-tan-cuong-dac-biet", null],
    ["/producers/htx-che-tan-cuong", null],
    ["/sell", DEMO.shopper],
    ["/dashboard", DEMO.producer],
    ["/dashboard/products/new", DEMO.producer],
    [`/dashboard/products/${teaId}`, DEMO.producer],
    ["/dashboard/certifications", DEMO.producer],
    ["/admin", DEMO.admin],
    ["/admin/producers", DEMO.admin],
  ];
  for (const [path, user] of pages) {
    // A fresh context per page: an empty cache, so every script the page needs is counted.
    const context = await browser.newContext();
    const page = await context.newPage();
    if (user) await loginAs(page, user);
    const urls = new Set<string>();
    page.on("request", (req) => {
      if (req.resourceType() === "script") urls.add(req.url());
    });
    await page.goto(path, { waitUntil: "networkidle" });
    let total = 0;
    for (const url of urls) total += zlib.gzipSync(await (await context.request.get(url)).body()).byteLength;
    await context.close();
    expect(urls.size, `scripts on ${path}`).toBeGreaterThan(0);
    sizes[path] = total;
  }
  console.log("JS (gzip) per page:", JSON.stringify(sizes));
  for (const [path, bytes] of Object.entries(sizes)) expect(bytes, path).toBeLessThan(150 * 1024);
});
