import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { tillCharges } from "#db/schema";
import { action as tillAction } from "~/routes/till._index";
import { action as chargeAction, loader as chargeLoader } from "~/routes/till.charges.$id";
import { action as payAction } from "~/routes/stalls.$slug.pay";
import { createTillCharge } from "~/models/market/till.server";
import { localDate, localDayRange, stallTakings } from "~/models/market/till-ledger.server";
import { createCardCheckout } from "~/models/market/till-card.server";
import { getTestDb } from "../setup/vitest";
import { context, formRequest, getRequest } from "../support/request";
import { cookieFor, makeStall } from "../support/market";
import { startStripeStandIn, TEST_WEBHOOK_SECRET } from "../support/stripe";
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

const call = (fn: unknown, request: Request, params: Record<string, string> = {}) => (fn as (a: unknown) => Promise<Response>)({ request, context, params });
const getCharge = (id: number) => getTestDb().select().from(tillCharges).where(eq(tillCharges.id, id)).get()!;
const KEY = () => `card-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const todayRange = () => localDayRange(localDate(new Date()));

async function postEvent(type: string, session: object, id = `evt_test_${Math.random().toString(36).slice(2)}`) {
  const payload = JSON.stringify({ id, object: "event", type, created: Math.floor(Date.now() / 1000), livemode: false, data: { object: session } });
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET });
  const res = await fetch(`${base}/webhooks/stripe`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": header },
    body: payload,
  });
  return (await res.json()) as { duplicate: boolean; outcome: string };
}

describe("card payment at the till (Stripe Checkout through the SDK)", () => {
  it("a card charge opens one Checkout session (metadata kind=till), even when the phone retries", async () => {
    const { trader, stall } = await makeStall();
    const cookie = await cookieFor(trader.id);
    const before = standIn.sessions.size;
    const fields = { amount: "150000", intent: "charge:card", idempotencyKey: KEY() };
    const first = await call(tillAction, formRequest("/till", fields, { cookie }));
    const second = await call(tillAction, formRequest("/till", fields, { cookie }));
    expect(first.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(standIn.sessions.size).toBe(before + 1);
    const charge = getTestDb().select().from(tillCharges).where(eq(tillCharges.stallId, stall.id)).get()!;
    expect(charge).toMatchObject({ method: "card", status: "pending", amount: 150000, memo: null });
    const session = standIn.sessions.get(charge.stripeSessionId!)!;
    expect(session).toMatchObject({ amount_total: 150000, currency: "vnd", metadata: { kind: "till", chargeId: String(charge.id) } });
    expect(session.expires_at - Math.floor(charge.createdAt.getTime() / 1000)).toBeGreaterThanOrEqual(30 * 60);
    // The charge page shows the hosted page's link as a QR.
    const page = (await (await call(chargeLoader, getRequest(`/till/charges/${charge.id}`, cookie), { id: String(charge.id) })).json()) as {
      cardUrl: string;
      qr: string;
      cardTestMode: boolean;
    };
    expect(page.cardUrl).toBe(charge.stripeCheckoutUrl);
    expect(page.cardUrl).toContain(`/__stripe/checkout/${charge.stripeSessionId}`);
    expect(page.qr).toMatch(/^<svg/);
    expect(page.cardTestMode).toBe(true);

    // The shopper pays: only the signed webhook marks it paid; a replay changes nothing.
    await standIn.pay(charge.stripeSessionId!);
    expect(getCharge(charge.id).status).toBe("paid");
    const { start, end } = todayRange();
    expect(stallTakings(stall.id, start, end)).toMatchObject({ card: 150000, total: 150000 });
    const replay = await postEvent("checkout.session.completed", standIn.sessions.get(charge.stripeSessionId!)!, "evt_replay_same_id");
    const again = await postEvent("checkout.session.completed", standIn.sessions.get(charge.stripeSessionId!)!, "evt_replay_same_id");
    expect(replay.outcome).toBe("ignored:already_paid");
    expect(again.duplicate).toBe(true);
    expect(stallTakings(stall.id, start, end).total).toBe(150000);
  });

  it("a forged event, another session or a wrong amount never marks a charge paid", async () => {
    const { stall } = await makeStall();
    const { charge } = createTillCharge({ stallId: stall.id, amount: 90000, method: "card", idempotencyKey: KEY() });
    await createCardCheckout(stall, charge);
    const saved = getCharge(charge.id);
    const session = { ...standIn.sessions.get(saved.stripeSessionId!)!, status: "complete", payment_status: "paid" };
    // Wrong signature.
    const payload = JSON.stringify({ id: "evt_forged", object: "event", type: "checkout.session.completed", data: { object: session } });
    const forged = await fetch(`${base}/webhooks/stripe`, {
      method: "POST",
      headers: { "Stripe-Signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_wrong" }) },
      body: payload,
    });
    expect(forged.status).toBe(400);
    expect((await postEvent("checkout.session.completed", { ...session, id: "cs_test_other" })).outcome).toBe("ignored:unknown_session");
    expect((await postEvent("checkout.session.completed", { ...session, amount_total: 9000 })).outcome).toBe("mismatch");
    expect(getCharge(charge.id).status).toBe("pending");
  });

  it("cancelling a card charge expires its session; the expiry event closes an unpaid one", async () => {
    const { trader, stall } = await makeStall();
    const cookie = await cookieFor(trader.id);
    const { charge } = createTillCharge({ stallId: stall.id, amount: 40000, method: "card", idempotencyKey: KEY() });
    await createCardCheckout(stall, charge);
    const sessionId = getCharge(charge.id).stripeSessionId!;
    const res = await call(chargeAction, formRequest(`/till/charges/${charge.id}`, { intent: "cancel" }, { cookie }), { id: String(charge.id) });
    expect(res.status).toBe(302);
    expect(standIn.sessions.get(sessionId)!.status).toBe("expired");
    expect(getCharge(charge.id).status).toBe("cancelled");

    const other = createTillCharge({ stallId: stall.id, amount: 40000, method: "card", idempotencyKey: KEY() }).charge;
    await createCardCheckout(stall, other);
    await standIn.expire(getCharge(other.id).stripeSessionId!);
    expect(getCharge(other.id).status).toBe("expired");
  });

  it("/stalls/:slug/pay: the shopper types an amount and is sent to Checkout; bad input and bots are refused", async () => {
    const { stall } = await makeStall();
    const res = await call(payAction, formRequest(`/stalls/${stall.slug}/pay`, { amount: "75000", idempotencyKey: KEY() }), { slug: stall.slug });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toMatch(/\/__stripe\/checkout\/cs_test_/);
    const charge = getTestDb().select().from(tillCharges).where(eq(tillCharges.stallId, stall.id)).get()!;
    expect(charge).toMatchObject({ method: "card", amount: 75000, status: "pending" });
    for (const amount of ["0", "-1", "abc", "999999999"]) {
      const bad = await call(payAction, formRequest(`/stalls/${stall.slug}/pay`, { amount, idempotencyKey: KEY() }), { slug: stall.slug });
      expect(bad.status, amount).toBe(400);
    }
    const bot = await call(payAction, formRequest(`/stalls/${stall.slug}/pay`, { amount: "10000", idempotencyKey: KEY(), website: "http://spam" }), {
      slug: stall.slug,
    });
    expect(bot.status).toBe(400);
    expect(getTestDb().select().from(tillCharges).where(eq(tillCharges.stallId, stall.id)).all()).toHaveLength(1);
  });
});
