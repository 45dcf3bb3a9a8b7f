import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { orderEvents, orders, productVariants, stripeEvents } from "#db/schema";
import { changeCartLine } from "~/models/cart.server";
import { actOnPart, producerIdsOf } from "~/models/order/queue.server";
import { cancelOrderByShopper } from "~/models/order/cancel.server";
import { placeOrder } from "~/models/order/place.server";
import { refundIfPaid } from "~/models/order/refund.server";
import { startCardPayment } from "~/models/order/payment.server";
import { action as checkoutAction } from "~/routes/checkout";
import { getStripe, stripeMode } from "~/utils/stripe.server";
import { getTestDb } from "../setup/vitest";
import { makeProducer, makeProduct } from "../factories";
import { startStripeStandIn, TEST_WEBHOOK_SECRET } from "../support/stripe";
import { context, formRequest } from "../support/request";
import type { StripeStandIn } from "../../server/stripe-standin";

let standIn: StripeStandIn;
let base = "";
let close: () => Promise<void>;

beforeAll(async () => {
  ({ standIn, base, close } = await startStripeStandIn());
});
afterAll(async () => {
  await close();
});

const db = () => getTestDb();
const stockOf = (id: number) => db().select({ s: productVariants.stock }).from(productVariants).where(eq(productVariants.id, id)).get()!.s;
const orderById = (id: number) => db().select().from(orders).where(eq(orders.id, id)).get()!;

let n = 0;
async function cardOrder(quantity = 2) {
  const { producer, owner } = await makeProducer();
  const product = makeProduct(producer.id, { variants: [{ label: "Hộp 200g", priceVnd: 230000, stock: 10 }] });
  const variant = db().select().from(productVariants).where(eq(productVariants.productId, product.id)).get()!;
  const guestId = `guest-card-${++n}-aaaaaaaaaaaaaaaaa`;
  changeCartLine({ userId: null, guestId }, { variantId: variant.id, quantity, mode: "add" }, () => guestId);
  const { order } = placeOrder({
    identity: { userId: null, guestId },
    idempotencyKey: `card-${n}-aaaaaaaaaaaaaaaa`,
    customerName: "Anh Minh",
    customerPhone: "+84987654321",
    communeCode: "05443",
    otherProvince: null,
    addressLine: "Số 5",
    paymentMethod: "card",
    deliveries: { [producer.id]: { method: "pickup_producer" } },
  });
  return { order, variant, producer, owner };
}

/** Posts an event to the app's webhook, signed with `secret` (the right one unless told otherwise). */
async function postEvent(event: object, secret = TEST_WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return fetch(`${base}/webhooks/stripe`, { method: "POST", headers: { "Content-Type": "application/json", "Stripe-Signature": header }, body: payload });
}

function eventFor(type: string, session: object, id = `evt_test_${Math.random().toString(36).slice(2)}`) {
  return { id, object: "event", type, created: Math.floor(Date.now() / 1000), livemode: false, data: { object: session } };
}

describe("Stripe card payment through the stand-in (official SDK)", () => {
  it("uses the stand-in through STRIPE_API_BASE", () => {
    expect(stripeMode()).toBe("standin");
  });

  it("creates a Checkout session from server prices in VND with reference, metadata, expiry and an idempotency key", async () => {
    const { order } = await cardOrder(2);
    const url = await startCardPayment(order.id);
    expect(url).toMatch(new RegExp(`^${base}/__stripe/checkout/cs_test_`));
    const stored = orderById(order.id);
    const session = standIn.sessions.get(stored.stripeSessionId!)!;
    expect(session.currency).toBe("vnd");
    expect(session.amount_total).toBe(460000); // 2 × 230 000 ₫, zero-decimal
    expect(session.client_reference_id).toBe(order.code);
    expect(session.metadata).toMatchObject({ kind: "order", orderId: String(order.id) });
    expect(session.expires_at - Math.floor(Date.now() / 1000)).toBeGreaterThanOrEqual(30 * 60);
    // Asking again gives the same open session (no second session).
    const sizeBefore = standIn.sessions.size;
    expect(await startCardPayment(order.id)).toBe(url);
    expect(standIn.sessions.size).toBe(sizeBefore);
  });

  it("the stand-in honours Idempotency-Key: same key → same session; same key, other params → error", async () => {
    const stripe = getStripe();
    const params = {
      mode: "payment" as const,
      success_url: "http://localhost/ok",
      line_items: [{ quantity: 1, price_data: { currency: "vnd", unit_amount: 1000, product_data: { name: "x" } } }],
    };
    const a = await stripe.checkout.sessions.create(params, { idempotencyKey: "same-key-1" });
    const b = await stripe.checkout.sessions.create(params, { idempotencyKey: "same-key-1" });
    expect(b.id).toBe(a.id);
    await expect(stripe.checkout.sessions.create({ ...params, success_url: "http://localhost/other" }, { idempotencyKey: "same-key-1" })).rejects.toThrow(
      /idempotent/i,
    );
    await expect(stripe.checkout.sessions.retrieve("cs_test_nope")).rejects.toThrow(/No such checkout.session/);
  });

  it("Pay on the hosted page → signed checkout.session.completed → order paid; a duplicate delivery changes nothing", async () => {
    const { order } = await cardOrder(1);
    await startCardPayment(order.id);
    const sessionId = orderById(order.id).stripeSessionId!;
    const page = await fetch(`${base}/__stripe/checkout/${sessionId}`);
    expect(await page.text()).toContain("Chế độ thử — không có tiền thật / Test mode, no real money");
    const pay = await fetch(`${base}/__stripe/checkout/${sessionId}/pay`, { method: "POST", redirect: "manual" });
    expect(pay.status).toBe(303);
    expect(pay.headers.get("location")).toMatch(new RegExp(`/orders/${order.code}\\?payment=card$`));
    const paid = orderById(order.id);
    expect(paid.paymentStatus).toBe("paid");
    expect(paid.paidVnd).toBe(230000);
    expect(paid.stripePaymentIntentId).toMatch(/^pi_test_/);

    // Replay the very same event (same id): 200, flagged duplicate, nothing changes.
    const delivered = standIn.delivered.find((d) => d.type === "checkout.session.completed")!;
    const session = standIn.sessions.get(sessionId)!;
    const replay = await postEvent(eventFor("checkout.session.completed", session, delivered.id));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ duplicate: true, outcome: "paid" });
    expect(orderById(order.id).paidAt!.getTime()).toBe(paid.paidAt!.getTime());
    expect(
      db()
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, order.id))
        .all()
        .filter((e) => e.kind === "paid"),
    ).toHaveLength(1);

    // A *different* event id for the same payment is also harmless.
    const again = await postEvent(eventFor("checkout.session.completed", session));
    expect(await again.json()).toMatchObject({ duplicate: false, outcome: "ignored:already_paid" });
  });

  it("out of order: an 'expired' arriving after payment does not release stock or unpay", async () => {
    const { order, variant } = await cardOrder(3);
    await startCardPayment(order.id);
    const sessionId = orderById(order.id).stripeSessionId!;
    await standIn.pay(sessionId);
    expect(orderById(order.id).paymentStatus).toBe("paid");
    const late = await postEvent(eventFor("checkout.session.expired", { ...standIn.sessions.get(sessionId)!, status: "expired" }));
    expect(await late.json()).toMatchObject({ outcome: "ignored:not_unpaid" });
    expect(orderById(order.id).paymentStatus).toBe("paid");
    expect(orderById(order.id).status).toBe("open");
    expect(stockOf(variant.id)).toBe(7);
  });

  it("expiry releases the reserved stock once; a late 'completed' is recorded for a refund, without double release", async () => {
    const { order, variant } = await cardOrder(4);
    await startCardPayment(order.id);
    expect(stockOf(variant.id)).toBe(6);
    const sessionId = orderById(order.id).stripeSessionId!;
    await getStripe().checkout.sessions.expire(sessionId);
    expect(orderById(order.id).status).toBe("cancelled");
    expect(orderById(order.id).stockReleased).toBe(true);
    expect(stockOf(variant.id)).toBe(10);
    // Replayed expiry (new id): still only one release.
    await postEvent(eventFor("checkout.session.expired", standIn.sessions.get(sessionId)!));
    expect(stockOf(variant.id)).toBe(10);
    // A success for the same session arriving late (out of order).
    const late = await postEvent(
      eventFor("checkout.session.completed", {
        ...standIn.sessions.get(sessionId)!,
        status: "complete",
        payment_status: "paid",
        payment_intent: "pi_test_late",
      }),
    );
    expect(await late.json()).toMatchObject({ outcome: "paid_after_cancel" });
    expect(stockOf(variant.id)).toBe(10);
    expect(orderById(order.id).status).toBe("cancelled");
  });

  it("async payment failure releases stock; 'completed' with payment_status unpaid waits", async () => {
    const { order, variant } = await cardOrder(2);
    await startCardPayment(order.id);
    const session = standIn.sessions.get(orderById(order.id).stripeSessionId!)!;
    const waiting = await postEvent(eventFor("checkout.session.completed", { ...session, status: "complete", payment_status: "unpaid" }));
    expect(await waiting.json()).toMatchObject({ outcome: "waiting:async_payment" });
    expect(orderById(order.id).paymentStatus).toBe("unpaid");
    const failed = await postEvent(eventFor("checkout.session.async_payment_failed", session));
    expect(await failed.json()).toMatchObject({ outcome: "released" });
    expect(orderById(order.id).paymentStatus).toBe("failed");
    expect(stockOf(variant.id)).toBe(10);
  });

  it("a wrong amount is never marked paid", async () => {
    const { order } = await cardOrder(1);
    await startCardPayment(order.id);
    const session = standIn.sessions.get(orderById(order.id).stripeSessionId!)!;
    const res = await postEvent(eventFor("checkout.session.completed", { ...session, payment_status: "paid", amount_total: 1000 }));
    expect(await res.json()).toMatchObject({ outcome: "mismatch" });
    expect(orderById(order.id).paymentStatus).toBe("unpaid");
  });

  it("a bad signature is a 400 and changes nothing; so is a missing header", async () => {
    const { order } = await cardOrder(1);
    await startCardPayment(order.id);
    const session = standIn.sessions.get(orderById(order.id).stripeSessionId!)!;
    const before = db()
      .select({ n: sql<number>`count(*)` })
      .from(stripeEvents)
      .get()!.n;
    const forged = await postEvent(eventFor("checkout.session.completed", { ...session, payment_status: "paid" }), "whsec_wrong");
    expect(forged.status).toBe(400);
    const tampered = JSON.stringify(eventFor("checkout.session.completed", { ...session, payment_status: "paid" }));
    const header = Stripe.webhooks.generateTestHeaderString({ payload: tampered.replace("230000", "230001"), secret: TEST_WEBHOOK_SECRET });
    const res2 = await fetch(`${base}/webhooks/stripe`, { method: "POST", headers: { "Stripe-Signature": header }, body: tampered });
    expect(res2.status).toBe(400);
    const missing = await fetch(`${base}/webhooks/stripe`, { method: "POST", body: tampered });
    expect(missing.status).toBe(400);
    expect(
      db()
        .select({ n: sql<number>`count(*)` })
        .from(stripeEvents)
        .get()!.n,
    ).toBe(before);
    expect(orderById(order.id).paymentStatus).toBe("unpaid");
  });

  it("an event for an unknown session or order is stored, answered clearly, and changes no order", async () => {
    const { order } = await cardOrder(1);
    await startCardPayment(order.id);
    const session = standIn.sessions.get(orderById(order.id).stripeSessionId!)!;
    const other = await postEvent(eventFor("checkout.session.completed", { ...session, id: "cs_test_someone_else", payment_status: "paid" }));
    expect(await other.json()).toMatchObject({ outcome: "ignored:unknown_session" });
    const ghost = await postEvent(
      eventFor("checkout.session.completed", { ...session, metadata: { kind: "order", orderId: "999999" }, payment_status: "paid" }),
    );
    expect(await ghost.json()).toMatchObject({ outcome: "ignored:unknown_order" });
    const kind = await postEvent(eventFor("checkout.session.completed", { ...session, metadata: { kind: "mystery" } }));
    expect(await kind.json()).toMatchObject({ outcome: "ignored:unknown_kind" });
    expect(orderById(order.id).paymentStatus).toBe("unpaid");
  });

  it("cancelling a paid card order returns stock and refunds through the SDK (once)", async () => {
    const { order, variant } = await cardOrder(2);
    await startCardPayment(order.id);
    await standIn.pay(orderById(order.id).stripeSessionId!);
    expect(await cancelOrderByShopper(order.id, null)).toBe(true);
    const after = orderById(order.id);
    expect(after.status).toBe("cancelled");
    expect(after.paymentStatus).toBe("refunded");
    expect(after.refundedVnd).toBe(460000);
    expect(stockOf(variant.id)).toBe(10);
    const refund = standIn.refunds.get(after.stripeRefundId!)!;
    expect(refund.amount).toBe(460000);
    expect(refund.payment_intent).toBe(after.stripePaymentIntentId);
    // A retry refunds nothing more.
    expect(await refundIfPaid(order.id, null, "cancel")).toBeNull();
    expect(await cancelOrderByShopper(order.id, null)).toBe(false);
  });

  it("a producer cancelling their part of a paid card order refunds that part", async () => {
    const { order, variant, owner } = await cardOrder(2);
    await startCardPayment(order.id);
    await standIn.pay(orderById(order.id).stripeSessionId!);
    const part = db().select().from(orders).where(eq(orders.id, order.id)).get()!;
    expect(part.paymentStatus).toBe("paid");
    const partRow = db().get<{ id: number }>(sql`select id from order_parts where order_id = ${order.id}`)!;
    // The domain refunds the part itself: nothing is left for the caller to finish.
    const result = await actOnPart(partRow.id, producerIdsOf(owner.id), owner.id, { intent: "cancel", reason: "Hết hàng vụ này" });
    expect(result.ok).toBe(true);
    expect(orderById(order.id).refundedVnd).toBe(460000);
    expect(orderById(order.id).status).toBe("cancelled");
    expect(stockOf(variant.id)).toBe(10);
  });

  it("the checkout action redirects a card order straight to the hosted page", async () => {
    const { producer } = await makeProducer();
    const product = makeProduct(producer.id, { variants: [{ label: "Túi 1kg", priceVnd: 90000, stock: 5 }] });
    const variant = db().select().from(productVariants).where(eq(productVariants.productId, product.id)).get()!;
    const guestId = "guest-card-action-aaaaaaaaaaaaa";
    changeCartLine({ userId: null, guestId }, { variantId: variant.id, quantity: 1, mode: "add" }, () => guestId);
    const { serializeGuestId } = await import("~/utils/cart-cookie.server");
    const cookie = (await serializeGuestId(guestId)).split(";")[0]!;
    const res = (await checkoutAction({
      request: formRequest(
        "/checkout",
        {
          intent: "place",
          idempotencyKey: "card-action-key-aaaaaaaa",
          customerName: "Chị Hà",
          customerPhone: "0987000111",
          place: "other",
          otherProvince: "Hà Nội",
          addressLine: "12 Phố Huế",
          paymentMethod: "card",
          privacyConsent: "yes",
          [`delivery_${producer.id}`]: "delivery",
        },
        { cookie },
      ),
      context,
      params: {},
    } as never)) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(new RegExp(`^${base}/__stripe/checkout/cs_test_`));
    const order = db().select().from(orders).where(eq(orders.guestId, guestId)).get()!;
    expect(order.otherProvince).toBe("Hà Nội");
    expect(order.deliveryVnd).toBe(45000); // fallback fee for another province
  });
});
