import { test, expect, DEMO, DEMO_PASSWORD, loginAs } from "./fixtures";

test.describe("accounts", () => {
  test("a shopper signs up with a phone number, signs out and signs back in", async ({ page }) => {
    const phone = `09${String(Date.now()).slice(-8)}`;
    await page.goto("/signup");
    await expect(page).toHaveTitle(/Tạo tài khoản/);
    await page.getByLabel("Họ và tên").fill("Chị Thảo");
    await page.getByLabel("Số điện thoại hoặc email").fill(phone);
    await page.getByLabel("Mật khẩu", { exact: true }).fill("mat-khau-tot-1");
    await page.getByLabel("Nhập lại mật khẩu").fill("mat-khau-tot-1");
    await page.getByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }).check();
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("role-home")).toContainText("Xin chào, Chị Thảo");

    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();

    await page.getByRole("link", { name: "Đăng nhập" }).click();
    await page.getByLabel("Số điện thoại hoặc email").fill(phone.replace(/^0/, "+84 "));
    await page.getByLabel("Mật khẩu").fill("mat-khau-tot-1");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/account$/);
  });

  test("sign-up errors show in Vietnamese and keep what was typed, except the password", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Họ và tên").fill("Anh Nam");
    await page.getByLabel("Số điện thoại hoặc email").fill(DEMO.shopper);
    await page.getByLabel("Mật khẩu", { exact: true }).fill("12345678");
    await page.getByLabel("Nhập lại mật khẩu").fill("12345678");
    await page.getByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }).check();
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect(page.getByText("Số điện thoại hoặc email này đã có tài khoản. Hãy đăng nhập.")).toBeVisible();
    await expect(page.getByLabel("Họ và tên")).toHaveValue("Anh Nam");
    await expect(page.getByLabel("Mật khẩu", { exact: true })).toHaveValue("");
  });

  for (const [role, email, path] of [
    ["admin", DEMO.admin, "/admin"],
    ["producer", DEMO.producer, "/dashboard"],
    ["trader", DEMO.trader, "/till"],
    ["shopper", DEMO.shopper, "/account"],
  ] as const) {
    test(`the demo ${role} signs in with the form and lands on ${path}`, async ({ page }) => {
      await page.goto("/login");
      await page.getByLabel("Số điện thoại hoặc email").fill(email);
      await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByTestId("role-home")).toHaveAttribute("data-role", role);
    });
  }

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Số điện thoại hoặc email").fill(DEMO.shopper);
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("alert")).toContainText("Số điện thoại/email hoặc mật khẩu không đúng.");
    await expect(page.getByLabel("Số điện thoại hoặc email")).toHaveValue(DEMO.shopper);
    await expect(page.getByLabel("Mật khẩu")).toHaveValue("");
  });

  test("a protected page sends the signed-out to sign in and back, and the wrong role to a 403", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard/);
    await loginAs(page, DEMO.shopper);
    const response = await page.goto("/dashboard");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Bạn không có quyền xem trang này" })).toBeVisible();
  });
});

test.describe("shell", () => {
  test("switches language on any page and remembers it", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Browse products" })).toBeVisible();
    await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();
    await expect(page.getByRole("link", { name: "Xem sản phẩm" })).toBeVisible();
  });

  test("an unknown page is a friendly 404 in both languages", async ({ page }) => {
    const response = await page.goto("/khong-co-trang-nay");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
    await expect(page).toHaveTitle(/Không tìm thấy trang/);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("works without JavaScript: sign in and switch language", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Số điện thoại hoặc email").fill(DEMO.trader);
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/till$/);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { name: "Market till" })).toBeVisible();
    await context.close();
  });

  test("healthz answers and security headers are set", async ({ request }) => {
    const health = await request.get("/healthz");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const home = await request.get("/");
    expect(home.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(home.headers()["x-content-type-options"]).toBe("nosniff");
  });
});
