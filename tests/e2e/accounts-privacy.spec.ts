/**
 * Accounts and privacy on a phone: a phone-only farmer resets the password with a code (read from
 * the outbox at /dev/outbox, as the demo shows it); a shopper downloads all their data and deletes
 * the account; legal pages, footer and complaints.
 */
import fs from "node:fs";
import crypto from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { eq } from "drizzle-orm";
import type { Browser } from "@playwright/test";
import { buildProducer, buildUser } from "../../db/builders";
import { orderLines, orderParts, orders, productVariants, products, users } from "../../db/schema";
import { test, expect, DEMO, e2eDb, loginAs } from "./fixtures";

/** The latest message of a template to a phone/e-mail, as the admin sees it on /dev/outbox. */
async function readOutbox(browser: Browser, recipient: string, template: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, DEMO.admin);
  await page.goto("/dev/outbox");
  const row = page.getByTestId("outbox").locator("tr").filter({ hasText: recipient }).filter({ hasText: template }).first();
  await expect(row).toBeVisible();
  const text = await row.innerText();
  await context.close();
  return text;
}

test.describe("accounts and privacy", () => {
  test("a phone-only farmer who forgot the password resets it with a code", async ({ page, browser }) => {
    const national = `9${String(crypto.randomInt(0, 100_000_000)).padStart(8, "0")}`;
    const typed = `0${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
    const e164 = `+84${national}`;
    const farmer = await buildUser(e2eDb(), { name: "Bác Ma Văn Thào", phone: e164, password: "mat-khau-cu-2025", role: "producer" });
    buildProducer(e2eDb(), {
      slug: `ho-ma-van-thao-${national}`,
      ownerUserId: farmer.id,
      name: "Hộ bác Thào",
      legalName: "Ma Văn Thào",
      kind: "household",
      communeCode: "05569",
      address: "Thôn Khẩu Pháy",
      phone: e164,
      status: "verified",
    });

    await page.goto("/login");
    await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel("Số điện thoại hoặc email").fill(typed);
    await page.getByRole("button", { name: "Gửi mã hoặc liên kết" }).click();
    await expect(page.getByTestId("reset-sent")).toContainText(`Nếu số ${typed} có tài khoản Chợ Số, mã 6 số vừa được gửi`);

    // The SMS/Zalo message waits in the outbox (no gateway in this test): read the code there.
    const message = await readOutbox(browser, e164, "account.reset_code");
    const code = /"code":"(\d{6})"/.exec(message)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code first: a field error in Vietnamese, nothing changes.
    await page.getByLabel("Mã 6 số").fill(code === "000000" ? "111111" : "000000");
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("mat-khau-moi-2026");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-moi-2026");
    await page.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
    await expect(page.getByText("Mã không đúng hoặc đã hết hạn.")).toBeVisible();
    await expect(page.getByLabel("Mật khẩu mới", { exact: true })).toHaveValue("");

    await page.getByLabel("Mã 6 số").fill(code!);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("mat-khau-moi-2026");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-moi-2026");
    await page.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
    await expect(page).toHaveURL(/\/account\?reset=1$/);
    await expect(page.getByTestId("account-notice")).toHaveText("Đã đặt mật khẩu mới. Mọi thiết bị khác đã bị đăng xuất.");
    await expect(page.getByTestId("role-home")).toHaveAttribute("data-role", "producer");
    await expect(page.getByTestId("account-phone")).toHaveText(typed);

    // The old password no longer works; the new one does.
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.goto("/login");
    await page.getByLabel("Số điện thoại hoặc email").fill(typed);
    await page.getByLabel("Mật khẩu").fill("mat-khau-cu-2025");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("alert")).toContainText("không đúng");
    await page.getByLabel("Mật khẩu").fill("mat-khau-moi-2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("a shopper downloads all their data, then deletes the account; orders stay with personal fields erased", async ({ page }) => {
    const email = `xoa.${Date.now()}@example.test`;
    const shopper = await buildUser(e2eDb(), { name: "Chị Hà Thị Xuân", email, password: "mat-khau-xuan-1" });
    const variant = e2eDb()
      .select({
        id: productVariants.id,
        priceVnd: productVariants.priceVnd,
        label: productVariants.label,
        productName: products.name,
        producerId: products.producerId,
      })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(eq(products.slug, "che-tan-cuong-dac-biet"))
      .get()!;
    const code = `CSE2E${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
    const order = e2eDb()
      .insert(orders)
      .values({
        code,
        userId: shopper.id,
        idempotencyKey: `e2e-${code}`,
        status: "completed",
        paymentMethod: "cod",
        paymentStatus: "paid",
        subtotalVnd: variant.priceVnd,
        deliveryVnd: 0,
        totalVnd: variant.priceVnd,
        paidVnd: variant.priceVnd,
        customerName: "Chị Hà Thị Xuân",
        customerPhone: "+84912777888",
        communeCode: "05503",
        addressLine: "Tổ 5, nhà số 21",
      })
      .returning()
      .get();
    const part = e2eDb()
      .insert(orderParts)
      .values({ orderId: order.id, producerId: variant.producerId, status: "delivered", deliveryMethod: "pickup_producer", subtotalVnd: variant.priceVnd })
      .returning()
      .get();
    e2eDb()
      .insert(orderLines)
      .values({
        orderId: order.id,
        partId: part.id,
        variantId: variant.id,
        productName: variant.productName,
        variantLabel: variant.label,
        unitPriceVnd: variant.priceVnd,
        quantity: 1,
        lineTotalVnd: variant.priceVnd,
      })
      .run();

    await loginAs(page, email);
    await page.goto("/account");
    await expect(page.getByTestId("account-email")).toHaveText(email);
    await expect(page.getByRole("link", { name: "Chọn cách nhận thông báo (SMS, Zalo, email)" })).toHaveAttribute("href", "/account/notifications");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-data").click()]);
    expect(download.suggestedFilename()).toMatch(/^cho-so-du-lieu-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(["README.txt", "data.json", "profile.csv", "orders.csv", "order_lines.csv", "consents.csv", "messages.csv", "complaints.csv"]),
    );
    const data = JSON.parse(strFromU8(files["data.json"]!)) as {
      profile: { email: string; name: string };
      orders: { code: string; addressLine: string; lines: { product: string }[] }[];
    };
    expect(data.profile).toMatchObject({ email, name: "Chị Hà Thị Xuân" });
    expect(data.orders.map((o) => o.code)).toEqual([code]);
    expect(data.orders[0]!.addressLine).toBe("Tổ 5, nhà số 21");
    expect(data.orders[0]!.lines[0]!.product).toBe(variant.productName);
    expect(strFromU8(files["orders.csv"]!)).toContain(code);
    expect(strFromU8(files["order_lines.csv"]!)).toContain(variant.productName);

    await page.getByRole("link", { name: "Xóa tài khoản…" }).click();
    await expect(page).toHaveURL(/\/account\/delete$/);
    await expect(page.getByTestId("delete-rules")).toContainText("10 năm theo Luật Kế toán");
    // The confirmation step: the password again and the box, else field errors.
    await page.getByRole("button", { name: "Xóa vĩnh viễn tài khoản của tôi" }).click();
    await expect(page.getByText("Hãy đánh dấu ô xác nhận.")).toBeVisible();
    await page.getByLabel("Nhập lại mật khẩu để xác nhận").fill("mat-khau-xuan-1");
    await page.getByRole("checkbox", { name: "Tôi hiểu rằng việc xóa tài khoản không thể hoàn tác." }).check();
    await page.getByRole("button", { name: "Xóa vĩnh viễn tài khoản của tôi" }).click();
    await expect(page.getByTestId("account-deleted")).toContainText("Tài khoản của bạn đã được xóa.");
    await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();

    // Cannot sign in any more.
    await page.goto("/login");
    await page.getByLabel("Số điện thoại hoặc email").fill(email);
    await page.getByLabel("Mật khẩu").fill("mat-khau-xuan-1");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("alert")).toContainText("Số điện thoại/email hoặc mật khẩu không đúng.");

    // The order is still there for the accounts, without the person.
    const kept = e2eDb().select().from(orders).where(eq(orders.id, order.id)).get()!;
    expect(kept).toMatchObject({ code, totalVnd: variant.priceVnd, customerName: "—", customerPhone: "", addressLine: "" });
    expect(e2eDb().select().from(users).where(eq(users.id, shopper.id)).get()).toMatchObject({ email: null, phone: null, name: "—" });
  });

  test("every footer links the privacy notice, terms and complaints and names the operator; a complaint gets a reference", async ({ page }) => {
    await page.goto("/products");
    const footer = page.locator("footer");
    await expect(footer.getByTestId("footer-operator")).toContainText("Công ty TNHH Chợ Số Kiểm Thử");
    await expect(footer.getByTestId("footer-operator")).toContainText("Mã số thuế: 4600000001");
    await footer.getByRole("link", { name: "Quyền riêng tư" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thông báo xử lý dữ liệu cá nhân");
    await expect(page.getByText("Phiên bản 1.0, hiệu lực từ 02/12/2026")).toBeVisible();
    await expect(page.getByTestId("legal-document")).toContainText("91/2025/QH15");
    await page.locator("footer").getByRole("link", { name: "Điều khoản và quy chế" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Điều khoản sử dụng và Quy chế hoạt động sàn");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Terms of use and marketplace operating rules");
    await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();

    await page.locator("footer").getByRole("link", { name: "Khiếu nại" }).click();
    await page.getByRole("radio", { name: "Một trang truy xuất (mã QR)" }).check();
    await page.getByLabel("Mã đơn, đường dẫn sản phẩm hoặc mã truy xuất").fill("tc26xuan");
    await page.getByLabel("Họ và tên").fill("Anh Khánh");
    await page.getByLabel("Số điện thoại hoặc email để nhận trả lời").fill("0912 111 222");
    await page.getByLabel("Nội dung").fill("ngắn");
    await page.getByRole("button", { name: "Gửi khiếu nại" }).click();
    await expect(page.getByText("Hãy viết rõ hơn (ít nhất 10 ký tự).")).toBeVisible();
    await expect(page.getByLabel("Họ và tên")).toHaveValue("Anh Khánh");
    await page.getByLabel("Nội dung").fill("Ngày sao chè ghi trên trang không khớp với bao bì.");
    await page.getByRole("button", { name: "Gửi khiếu nại" }).click();
    await expect(page.getByTestId("complaint-received")).toContainText(/Mã của bạn: KN[A-Z2-9]{7}/);
  });
});
