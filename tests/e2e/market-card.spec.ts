import { test, expect, DEMO, loginAs } from "./fixtures";

test.describe("market till: card", () => {
  test("the trader shows a card QR; the shopper pays on Checkout; the open till turns PAID and the ledger counts it once", async ({ page, browser }) => {
    await loginAs(page, DEMO.trader);
    await page.goto("/till");
    await page.getByLabel("Số tiền (đồng)").fill("65000");
    await page.getByRole("button", { name: "Thẻ", exact: true }).click();
    await expect(page).toHaveURL(/\/till\/charges\/\d+$/);
    await expect(page.getByTestId("card-qr").locator("svg")).toBeVisible();
    await expect(page.getByText("Chế độ thử — không có tiền thật.")).toBeVisible();
    const checkoutUrl = (await page.getByTestId("card-link").getAttribute("href"))!;
    expect(checkoutUrl).toMatch(/\/__stripe\/checkout\/cs_test_/);

    // The shopper's own phone (no session) opens the link from the QR.
    const shopper = await browser.newContext();
    const shopperPage = await shopper.newPage();
    await shopperPage.goto(checkoutUrl);
    await expect(shopperPage.getByTestId("stripe-total")).toContainText("65.000");
    await shopperPage.getByRole("button", { name: /Pay/ }).click();
    await expect(shopperPage.getByTestId("pay-done")).toBeVisible();
    await shopper.close();

    await expect(page.getByTestId("paid")).toContainText("65.000 ₫");
    await expect(page.getByTestId("paid")).toContainText("Thẻ");
    await page.goto("/till/ledger");
    await expect(page.getByTestId("charges").getByRole("row").filter({ hasText: "65.000 ₫" })).toHaveCount(1);
  });

  test("a shopper pays by card from the poster's page /stalls/:slug/pay", async ({ page }) => {
    await page.goto("/stalls/cho-thai-a12/pay");
    await page.getByLabel("Số tiền (đồng)").fill("25000");
    await page.getByRole("button", { name: "Thanh toán bằng thẻ" }).click();
    await expect(page.getByTestId("stripe-test-mode")).toBeVisible();
    await expect(page.getByTestId("stripe-total")).toContainText("25.000");
    await page.getByRole("button", { name: /Pay/ }).click();
    await expect(page.getByTestId("pay-done")).toHaveText("Đã thanh toán. Cảm ơn bạn!");
  });
});
