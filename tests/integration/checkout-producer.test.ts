import { createLot, createPlot } from "~/models/trace.server";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { orderLines, orderParts, orders, outbox, productVariants } from "#db/schema";
import { changeCartLine } from "~/models/cart.server";
import { ordersContainingLot } from "~/models/order/read.server";
import { placeOrder } from "~/models/order/place.server";
import { action as queueAction, loader as queueLoader } from "~/routes/dashboard.orders";
import { action as orderAction } from "~/routes/orders.$code";
import { action as adminOrdersAction, loader as adminOrdersLoader } from "~/routes/admin.orders";
import { deliverPending, registerNotificationAdapter, type NotificationAdapter } from "~/models/outbox.server";
import { createUserSession } from "~/utils/session.server";
import { serializeGuestId } from "~/utils/cart-cookie.server";
import { getTestDb } from "../setup/vitest";
import { makeProducer, makeProduct, makeUser } from "../factories";
import { context, cookieFrom, formRequest, getRequest } from "../support/request";

const db = () => getTestDb();

async function sessionCookie(userId: number) {
  return cookieFrom(await createUserSession(getRequest("/"), userId, "/"));
}

async function call(fn: (args: never) => unknown, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    return (await fn({ request, context, params } as never)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

let n = 0;
async function codOrder() {
  const mine = await makeProducer();
  const theirs = await makeProducer();
  const p1 = makeProduct(mine.producer.id, { variants: [{ label: "Hộp 100g", priceVnd: 120000, stock: 10 }] });
  const p2 = makeProduct(theirs.producer.id, { variants: [{ label: "Túi 1kg", priceVnd: 40000, stock: 10 }] });
  const v1 = db().select().from(productVariants).where(eq(productVariants.productId, p1.id)).get()!;
  const v2 = db().select().from(productVariants).where(eq(productVariants.productId, p2.id)).get()!;
  const guestId = `guest-cod-${++n}-aaaaaaaaaaaaaaaaaa`;
  changeCartLine({ userId: null, guestId }, { variantId: v1.id, quantity: 2, mode: "add" }, () => guestId);
  changeCartLine({ userId: null, guestId }, { variantId: v2.id, quantity: 1, mode: "add" }, () => guestId);
  const { order } = placeOrder({
    identity: { userId: null, guestId },
    idempotencyKey: `cod-${n}-aaaaaaaaaaaaaaaaa`,
    customerName: "Cô Hạnh",
    customerPhone: "+84912333444",
    communeCode: "05503",
    otherProvince: null,
    addressLine: "Xóm Nam Đồng",
    paymentMethod: "cod",
    deliveries: { [mine.producer.id]: { method: "delivery" }, [theirs.producer.id]: { method: "pickup_producer" } },
  });
  const myPart = db().select().from(orderParts).where(eq(orderParts.producerId, mine.producer.id)).get()!;
  const theirPart = db().select().from(orderParts).where(eq(orderParts.producerId, theirs.producer.id)).get()!;
  return { order, mine, theirs, v1, v2, myPart, theirPart, guestCookie: (await serializeGuestId(guestId)).split(";")[0]! };
}

describe("producer order queue", () => {
  it("shows only the producer's own parts, and walks a COD part to delivered with lot codes and cash received", async () => {
    const { order, mine, myPart, theirPart } = await codOrder();
    const cookie = await sessionCookie(mine.owner.id);
    const list = (await (await call(queueLoader, getRequest("/dashboard/orders", cookie))).json()) as { parts: { id: number; lines: { id: number }[] }[] };
    expect(list.parts.map((p) => p.id)).toEqual([myPart.id]);

    const post = (fields: Record<string, string>) => call(queueAction, formRequest("/dashboard/orders", { partId: String(myPart.id), ...fields }, { cookie }));
    expect((await post({ intent: "ship", carrier: "x", trackingNumber: "1" })).status).toBe(409); // wrong step
    expect((await post({ intent: "confirm" })).status).toBe(200);
    const lineId = list.parts[0]!.lines[0]!.id;
    expect((await post({ intent: "pack", [`lot_${lineId}`]: "tc26xuan" })).status).toBe(200);
    expect((await post({ intent: "ship", carrier: "", trackingNumber: "" })).status).toBe(400);
    expect((await post({ intent: "ship", carrier: "Viettel Post", trackingNumber: "VTP123" })).status).toBe(200);
    expect((await post({ intent: "deliver" })).status).toBe(409); // cash must be ticked for COD
    expect((await post({ intent: "deliver", cashReceived: "on" })).status).toBe(200);

    const part = db().select().from(orderParts).where(eq(orderParts.id, myPart.id)).get()!;
    expect(part.status).toBe("delivered");
    expect(part.carrier).toBe("Viettel Post");
    expect(part.cashReceivedAt).toBeInstanceOf(Date);
    expect(db().select().from(orderLines).where(eq(orderLines.id, lineId)).get()!.lotCode).toBe("TC26XUAN");
    expect(db().select().from(orders).where(eq(orders.id, order.id)).get()!.paymentStatus).toBe("unpaid"); // the other part's cash is still due

    // Only their own parts: acting on the other producer's part is a 404, and nothing changes.
    const foreign = await call(queueAction, formRequest("/dashboard/orders", { partId: String(theirPart.id), intent: "confirm" }, { cookie }));
    expect(foreign.status).toBe(404);
    expect(db().select().from(orderParts).where(eq(orderParts.id, theirPart.id)).get()!.status).toBe("placed");
    expect((await call(queueAction, formRequest("/dashboard/orders", { partId: String(myPart.id), intent: "fly" }, { cookie }))).status).toBe(400);

    // Shipping notified the shopper through the outbox.
    expect(
      db()
        .select()
        .from(outbox)
        .all()
        .some((m) => m.template.startsWith("order.shipped")),
    ).toBe(true);
  });

  it("the whole COD order becomes paid and completed when every part is delivered with cash", async () => {
    const { order, mine, theirs, myPart, theirPart } = await codOrder();
    for (const [owner, part] of [
      [mine.owner, myPart],
      [theirs.owner, theirPart],
    ] as const) {
      const cookie = await sessionCookie(owner.id);
      for (const fields of [
        { intent: "confirm" },
        { intent: "pack" },
        { intent: "ship", carrier: "GHTK", trackingNumber: "S1" },
        { intent: "deliver", cashReceived: "on" },
      ] as Record<string, string>[]) {
        expect((await call(queueAction, formRequest("/dashboard/orders", { partId: String(part.id), ...fields }, { cookie }))).status).toBe(200);
      }
    }
    const done = db().select().from(orders).where(eq(orders.id, order.id)).get()!;
    expect(done.status).toBe("completed");
    expect(done.paymentStatus).toBe("paid");
    expect(done.paidVnd).toBe(done.totalVnd);
  });

  it("a producer cancels their part with a reason: the stock returns; the shopper cannot cancel once shipped", async () => {
    const { order, mine, theirs, v1, myPart, theirPart, guestCookie } = await codOrder();
    expect(db().select().from(productVariants).where(eq(productVariants.id, v1.id)).get()!.stock).toBe(8);
    const cookie = await sessionCookie(mine.owner.id);
    expect((await call(queueAction, formRequest("/dashboard/orders", { partId: String(myPart.id), intent: "cancel", reason: "" }, { cookie }))).status).toBe(
      400,
    );
    expect(
      (await call(queueAction, formRequest("/dashboard/orders", { partId: String(myPart.id), intent: "cancel", reason: "Hết hàng" }, { cookie }))).status,
    ).toBe(200);
    expect(db().select().from(productVariants).where(eq(productVariants.id, v1.id)).get()!.stock).toBe(10);
    expect(db().select().from(orders).where(eq(orders.id, order.id)).get()!.status).toBe("open");

    const theirCookie = await sessionCookie(theirs.owner.id);
    for (const fields of [{ intent: "confirm" }, { intent: "pack" }, { intent: "ship", carrier: "GHN", trackingNumber: "G1" }] as Record<string, string>[]) {
      await call(queueAction, formRequest("/dashboard/orders", { partId: String(theirPart.id), ...fields }, { cookie: theirCookie }));
    }
    const cancel = await call(orderAction, formRequest(`/orders/${order.code}`, { intent: "cancel" }, { cookie: guestCookie }), { code: order.code });
    expect(cancel.status).toBe(409);
    // Someone else's browser cannot touch the order at all.
    const stranger = await call(orderAction, formRequest(`/orders/${order.code}`, { intent: "cancel" }), { code: order.code });
    expect(stranger.status).toBe(404);
  });

  it("the shopper cancels before shipping: all stock returns, timeline records it", async () => {
    const { order, v1, v2, guestCookie } = await codOrder();
    const res = await call(orderAction, formRequest(`/orders/${order.code}`, { intent: "cancel" }, { cookie: guestCookie }), { code: order.code });
    expect(res.status).toBe(302);
    expect(db().select().from(orders).where(eq(orders.id, order.id)).get()!.status).toBe("cancelled");
    expect(db().select().from(productVariants).where(eq(productVariants.id, v1.id)).get()!.stock).toBe(10);
    expect(db().select().from(productVariants).where(eq(productVariants.id, v2.id)).get()!.stock).toBe(10);
  });

  it("admin finds every order containing a lot (recall), and edits the delivery fee table", async () => {
    const { mine, myPart } = await codOrder();
    const cookie = await sessionCookie(mine.owner.id);
    const line = db().select().from(orderLines).where(eq(orderLines.partId, myPart.id)).get()!;
    await call(queueAction, formRequest("/dashboard/orders", { partId: String(myPart.id), intent: "confirm" }, { cookie }));
    await call(queueAction, formRequest("/dashboard/orders", { partId: String(myPart.id), intent: "pack", [`lot_${line.id}`]: "RC26LOTX" }, { cookie }));
    expect(ordersContainingLot("rc26lotx").map((h) => h.quantity)).toEqual([2]);
    const admin = await makeUser({ role: "admin" });
    const adminCookie = await sessionCookie(admin.id);
    const page = (await (await call(adminOrdersLoader, getRequest("/admin/orders?lot=RC26LOTX", adminCookie))).json()) as { hits: unknown[] };
    expect(page.hits).toHaveLength(1);
    expect((await call(adminOrdersLoader, getRequest("/admin/orders?lot=RC26LOTX", cookie))).status).toBe(403);
    const saved = await call(
      adminOrdersAction,
      formRequest("/admin/orders", { intent: "save-fee", key: "area:dai-tu", label: "Đại Từ", feeVnd: "25000" }, { cookie: adminCookie }),
    );
    expect(saved.status).toBe(302);
    const bad = await call(
      adminOrdersAction,
      formRequest("/admin/orders", { intent: "save-fee", key: "drop table", label: "x", feeVnd: "-1" }, { cookie: adminCookie }),
    );
    expect(bad.status).toBe(400);
  });

  it("the outbox sends nothing without an adapter, and delivers through one when configured", async () => {
    await codOrder();
    const idle = await deliverPending(db(), []);
    expect(idle.sent).toBe(0);
    expect(idle.waiting).toBeGreaterThan(0);
    const sent: string[] = [];
    const adapter: NotificationAdapter = { name: "test", accepts: (m) => m.recipientKind === "shopper", send: async (m) => void sent.push(m.template) };
    registerNotificationAdapter(adapter);
    const result = await deliverPending(db(), [adapter], 500);
    expect(result.sent).toBe(sent.length);
    expect(sent).toContain("order.placed");
    expect(
      db()
        .select()
        .from(outbox)
        .all()
        .filter((m) => m.status === "sent")
        .every((m) => m.recipientKind === "shopper"),
    ).toBe(true);
  });

  it("packing offers the producer's own lots and links the line to the lot", async () => {
    const { mine, theirs, myPart, v2 } = await codOrder();
    const line = db().select().from(orderLines).where(eq(orderLines.partId, myPart.id)).get()!;
    const productId = db().select().from(productVariants).where(eq(productVariants.id, line.variantId)).get()!.productId;
    const myPlot = createPlot(mine.producer.id, { name: "Đồi chè số 1", areaSqm: 5000, communeCode: "05503", crops: "Chè" }, db());
    createLot(
      mine.producer.id,
      { productId, plotId: myPlot.id, lotNumber: "XUAN-2026-01", harvestDate: "2026-03-20", quantity: 50, unit: "kg", traceCode: "TC26XUAN" },
      db(),
    );
    // Another producer's lot is never offered, nor linked when its code is typed.
    createLot(
      theirs.producer.id,
      { productId: v2.productId, plotId: null, lotNumber: "OTHER-1", harvestDate: "2026-03-21", quantity: 10, unit: "kg", traceCode: "TC26HERS" },
      db(),
    );
    const cookie = await sessionCookie(mine.owner.id);
    const page = (await (await call(queueLoader, getRequest("/dashboard/orders", cookie))).json()) as {
      parts: { id: number; lines: { id: number; lotOptions: { code: string }[] }[] }[];
    };
    expect(page.parts[0]!.lines[0]!.lotOptions.map((o) => o.code)).toEqual(["TC26XUAN"]); // not the other producer's lot
    await call(queueAction, formRequest("/dashboard/orders", { partId: String(myPart.id), intent: "confirm" }, { cookie }));
    await call(queueAction, formRequest("/dashboard/orders", { partId: String(myPart.id), intent: "pack", [`lot_${line.id}`]: "xuan-2026-01" }, { cookie }));
    const packed = db().select().from(orderLines).where(eq(orderLines.id, line.id)).get()!;
    expect(packed.lotCode).toBe("TC26XUAN");
    expect(packed.lotId).toBeGreaterThan(0);
    expect(ordersContainingLot("TC26XUAN").length).toBeGreaterThanOrEqual(1);
  });
});
