/** Download all my data (ZIP of JSON + CSV) and delete my account (docs/decisions/071). */
import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { and, eq } from "drizzle-orm";
import { auditLog, carts, complaints, consents, orderEvents, orderParts, orders, outbox, producers, sessions, stalls, users } from "#db/schema";
import { loader as exportLoader } from "~/routes/account_.data[.]zip";
import { action as deleteAction, loader as deleteLoader } from "~/routes/account_.delete";
import { loader as producerPage } from "~/routes/producers.$slug";
import { verifyLogin } from "~/models/user.server";
import { recordSignupConsent } from "~/models/consent.server";
import { submitComplaint } from "~/models/complaint.server";
import { requestPasswordReset } from "~/models/account.server";
import { getTestDb } from "../setup/vitest";
import { makeProducer, makeUser, TEST_PASSWORD } from "../factories";
import { cookieFrom, formRequest, getRequest } from "../support/request";
import { cookieFor } from "../support/storefront";
import { freshIp, freshPhone, makeOrder, route } from "../support/accounts";

const db = () => getTestDb();
type Reply = { lastResult: { error?: Record<string, string[] | null> } };

async function download(cookie: string) {
  const res = await route(exportLoader, getRequest("/account/data.zip", cookie));
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("application/zip");
  expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="cho-so-du-lieu-\d{4}-\d{2}-\d{2}\.zip"$/);
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  return unzipSync(new Uint8Array(await res.arrayBuffer()));
}

describe("download my data", () => {
  it("gives a ZIP with data.json and CSV tables of everything held about me, secrets hidden", async () => {
    const phone = freshPhone();
    const user = await makeUser({ phone: phone.e164, name: "Chị Đặng Thu Hà" });
    const cookie = await cookieFor(user.id);
    recordSignupConsent(user.id, "vi");
    const { order } = await makeOrder({ userId: user.id });
    submitComplaint(
      { subject: "order", subjectRef: order.code, name: "Chị Hà", contact: phone.typed, body: "Hàng đến muộn ba ngày." },
      { userId: user.id, lang: "vi" },
    );
    requestPasswordReset({ kind: "phone", value: phone.e164 }, "vi");

    const files = await download(cookie);
    expect(Object.keys(files).sort()).toEqual([
      "README.txt",
      "complaints.csv",
      "consents.csv",
      "data.json",
      "messages.csv",
      "order_lines.csv",
      "orders.csv",
      "profile.csv",
    ]);
    const data = JSON.parse(strFromU8(files["data.json"]!)) as {
      profile: { name: string; phone: string; email: string | null };
      orders: { code: string; customerName: string; addressLine: string; lines: unknown[]; parts: { trackingNumber: string }[] }[];
      consents: { context: string; privacyVersion: string }[];
      complaints: { body: string }[];
      messages: { template: string; payload: Record<string, unknown> }[];
      sessions: unknown[];
    };
    expect(data.profile).toMatchObject({ name: "Chị Đặng Thu Hà", phone: phone.e164, email: null });
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0]).toMatchObject({ code: order.code, customerName: "Chị Nguyễn Thị Lan", addressLine: "Xóm Hồng Thái 2, nhà số 14" });
    expect(data.orders[0]!.lines).toHaveLength(1);
    expect(data.orders[0]!.parts[0]!.trackingNumber).toBe("VTP123456789");
    expect(data.consents).toEqual([expect.objectContaining({ context: "signup", privacyVersion: "1.0" })]);
    expect(data.complaints[0]!.body).toBe("Hàng đến muộn ba ngày.");
    expect(data.sessions).toHaveLength(1);
    // The reset code itself never leaves in an export.
    const reset = data.messages.find((m) => m.template === "account.reset_code")!;
    expect(reset.payload.code).toBe("(hidden)");
    expect(strFromU8(files["messages.csv"]!)).not.toMatch(/"code":"\d{6}"/);

    expect([...files["orders.csv"]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads Vietnamese
    const ordersCsv = strFromU8(files["orders.csv"]!);
    expect(ordersCsv.split("\r\n")[0]).toBe(
      "code,status,paymentMethod,paymentStatus,subtotalVnd,deliveryVnd,totalVnd,paidVnd,refundedVnd,customerName,customerPhone,communeCode,otherProvince,addressLine,note,paymentMemo,cancelReason,createdAt,paidAt",
    );
    expect(ordersCsv).toContain(`${order.code},completed,cod,paid,`);
    expect(ordersCsv).toContain('"Xóm Hồng Thái 2, nhà số 14"');
    expect(strFromU8(files["profile.csv"]!)).toContain("Chị Đặng Thu Hà");
    expect(strFromU8(files["README.txt"]!)).toContain("UTC");
  });

  it("adds the seller's records for a producer, and needs a signed-in user", async () => {
    const { owner, producer } = await makeProducer();
    const files = await download(await cookieFor(owner.id));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(["producer.csv", "producer_products.csv", "producer_certifications.csv", "producer_plots.csv", "producer_lots.csv"]),
    );
    expect(strFromU8(files["producer.csv"]!)).toContain(producer.slug);
    const anonymous = await route(exportLoader, getRequest("/account/data.zip"));
    expect(anonymous.status).toBe(302);
  });
});

describe("delete my account", () => {
  const remove = (cookie: string, fields: Record<string, string>) => route(deleteAction, formRequest("/account/delete", fields, { cookie }), { ip: freshIp() });

  it("erases the person, keeps the orders with personal fields erased, and cannot sign in again", async () => {
    const phone = freshPhone();
    const user = await makeUser({ phone: phone.e164, name: "Anh Lò Văn Páo" });
    const other = await cookieFor(user.id);
    const cookie = await cookieFor(user.id);
    recordSignupConsent(user.id, "vi");
    const { order, part } = await makeOrder({ userId: user.id });
    db()
      .insert(orderEvents)
      .values({ orderId: order.id, partId: part.id, kind: "shipped", details: { carrier: "Viettel Post", trackingNumber: "VTP123456789" } })
      .run();
    const complaint = submitComplaint(
      { subject: "other", name: "Anh Páo", contact: phone.typed, body: "Tôi muốn hỏi về dữ liệu của tôi." },
      { userId: user.id, lang: "vi" },
    );
    expect(complaint.ok).toBe(true);
    db()
      .insert(carts)
      .values({ id: `cart-${user.id}-aaaaaaaaaaaa`, userId: user.id })
      .run();

    // The page states what goes and what stays.
    const pageData = (await (await route(deleteLoader, getRequest("/account/delete", cookie))).json()) as { blockers: string[] };
    expect(pageData.blockers).toEqual([]);

    const wrong = await remove(cookie, { password: "sai-mat-khau", understood: "yes" });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as Reply).lastResult.error?.password).toEqual(["account:errors.wrongPassword"]);
    const unticked = await remove(cookie, { password: TEST_PASSWORD });
    expect(unticked.status).toBe(400);
    expect(((await unticked.json()) as Reply).lastResult.error?.understood).toEqual(["account:errors.confirmDelete"]);
    expect(db().select().from(users).where(eq(users.id, user.id)).get()?.deletedAt).toBeNull();

    const res = await remove(cookie, { password: TEST_PASSWORD, understood: "yes" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/account/delete?done=1");
    expect(res.headers.get("Set-Cookie")).toMatch(/__session=;.*Expires=Thu, 01 Jan 1970/);

    const tombstone = db().select().from(users).where(eq(users.id, user.id)).get()!;
    expect(tombstone).toMatchObject({ name: "—", email: null, phone: null, role: "shopper" });
    expect(tombstone.deletedAt).toBeInstanceOf(Date);
    expect(await verifyLogin(phone.typed, TEST_PASSWORD)).toBeNull();
    expect(db().select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(0);
    expect((await route(deleteLoader, getRequest("/account/delete", other))).status).toBe(302); // signed out everywhere
    expect(db().select().from(carts).where(eq(carts.userId, user.id)).all()).toHaveLength(0);

    const kept = db().select().from(orders).where(eq(orders.id, order.id)).get()!;
    expect(kept).toMatchObject({
      code: order.code,
      customerName: "—",
      customerPhone: "",
      addressLine: "",
      note: null,
      totalVnd: order.totalVnd,
      paidVnd: order.paidVnd,
    });
    expect(db().select().from(orderParts).where(eq(orderParts.id, part.id)).get()).toMatchObject({
      trackingNumber: null,
      carrier: "Viettel Post",
      subtotalVnd: part.subtotalVnd,
    });
    const event = db()
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.kind, "shipped")))
      .get()!;
    expect(event.details).toEqual({ carrier: "Viettel Post" });
    expect(db().select().from(complaints).where(eq(complaints.userId, user.id)).get()).toMatchObject({
      name: "—",
      phone: null,
      email: null,
      body: "Tôi muốn hỏi về dữ liệu của tôi.",
    });
    const messages = db().select().from(outbox).where(eq(outbox.recipientPhone, phone.e164)).all();
    expect(messages).toHaveLength(0);
    expect(db().select().from(consents).where(eq(consents.userId, user.id)).all()).toHaveLength(1);
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "account.delete"), eq(auditLog.subjectId, String(user.id))))
        .get(),
    ).toBeDefined();

    // The confirmation page, for the now signed-out browser.
    const done = (await (await route(deleteLoader, getRequest("/account/delete?done=1"))).json()) as { done: boolean };
    expect(done.done).toBe(true);
  });

  it("waits while the person's own order is still open", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    await makeOrder({ userId: user.id, status: "open" });
    const pageData = (await (await route(deleteLoader, getRequest("/account/delete", cookie))).json()) as { blockers: string[] };
    expect(pageData.blockers).toEqual(["account:delete.blockedOpenOrders"]);
    const res = await remove(cookie, { password: TEST_PASSWORD, understood: "yes" });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Reply).lastResult.error?.[""]).toEqual(["account:delete.blockedOpenOrders"]);
    expect(db().select().from(users).where(eq(users.id, user.id)).get()?.deletedAt).toBeNull();
  });

  it("closes a producer: hidden from the store, seller record kept; blocked while sales are open", async () => {
    const { owner, producer } = await makeProducer();
    db()
      .update(producers)
      .set({ legalName: "Hợp tác xã Thử", taxCode: "4601112225", story: "Chuyện nhà", photoImageId: null })
      .where(eq(producers.id, producer.id))
      .run();
    const cookie = await cookieFor(owner.id);
    const shopper = await makeUser();
    const { part } = await makeOrder({ userId: shopper.id, status: "open", producerId: producer.id });
    expect((await remove(cookie, { password: TEST_PASSWORD, understood: "yes" })).status).toBe(409);

    db().update(orderParts).set({ status: "delivered" }).where(eq(orderParts.id, part.id)).run();
    expect((await route(producerPage, getRequest(`/producers/${producer.slug}`), { params: { slug: producer.slug } })).status).toBe(200);
    const res = await remove(cookie, { password: TEST_PASSWORD, understood: "yes" });
    expect(res.status).toBe(302);
    const closed = db().select().from(producers).where(eq(producers.id, producer.id)).get()!;
    expect(closed).toMatchObject({ status: "closed", legalName: "Hợp tác xã Thử", taxCode: "4601112225", story: "" });
    expect((await route(producerPage, getRequest(`/producers/${producer.slug}`), { params: { slug: producer.slug } })).status).toBe(404);
  });

  it("closes a trader's stall", async () => {
    const trader = await makeUser({ role: "trader" });
    const market = db().$client.prepare("select id from markets limit 1").get() as { id: number } | undefined;
    if (!market) {
      // The test database has no demo markets: make one.
      db()
        .$client.prepare(
          "insert into markets (slug, name, commune_code, area, address, created_at) values ('cho-thu', 'Chợ Thử', '05503', 'TP Thái Nguyên', 'Xóm 1', 0)",
        )
        .run();
    }
    const marketId = (db().$client.prepare("select id from markets limit 1").get() as { id: number }).id;
    db()
      .insert(stalls)
      .values({
        marketId,
        slug: `sap-${trader.id}`,
        stallNumber: `A${trader.id}`,
        name: "Sạp rau",
        bankBin: "970416",
        accountNumber: "123456789",
        accountHolder: "NGUYEN VAN A",
        traderUserId: trader.id,
        status: "approved",
      })
      .run();
    const res = await remove(await cookieFor(trader.id), { password: TEST_PASSWORD, understood: "yes" });
    expect(res.status).toBe(302);
    expect(db().select().from(stalls).where(eq(stalls.traderUserId, trader.id)).get()?.status).toBe("closed");
  });

  it("refuses for province staff", async () => {
    const admin = await makeUser({ role: "admin" });
    const res = await remove(await cookieFor(admin.id), { password: TEST_PASSWORD, understood: "yes" });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Reply).lastResult.error?.[""]).toEqual(["account:delete.blockedAdmin"]);
  });

  it("the session cookie of a deleted account no longer works", async () => {
    const user = await makeUser();
    const login = cookieFrom(await (await import("~/utils/session.server")).createUserSession(new Request("http://localhost:3000/login"), user.id, "/"));
    await remove(login, { password: TEST_PASSWORD, understood: "yes" });
    expect((await route(exportLoader, getRequest("/account/data.zip", login))).status).toBe(302);
  });
});
