import { describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { auditLog, bankNotifications, stalls, tillCharges } from "#db/schema";
import { action as tillAction, loader as tillLoader } from "~/routes/till._index";
import { action as chargeAction, loader as chargeLoader } from "~/routes/till.charges.$id";
import { loader as statusLoader } from "~/routes/till.charges.$id.status";
import { action as ledgerAction, loader as ledgerLoader } from "~/routes/till.ledger";
import { loader as csvLoader } from "~/routes/till.ledger[.]csv";
import { action as sepay } from "~/routes/webhooks.sepay";
import { action as casso } from "~/routes/webhooks.casso";
import { action as stallAction } from "~/routes/till.stall";
import { action as reviewAction } from "~/routes/admin.stalls";
import { loader as overviewLoader } from "~/routes/admin.markets.$slug";
import { CHARGE_TTL_MS, createTillCharge, stallToCheck } from "~/models/market/till.server";
import { chargesCsv, dailyTotals, localDate, localDayRange, stallChargesBetween, stallTakings } from "~/models/market/till-ledger.server";
import { cassoSignature } from "~/models/payments/bank-webhooks.server";
import { DEV_CASSO_CHECKSUM_KEY, DEV_SEPAY_API_KEY } from "~/utils/env.server";
import { getTestDb } from "../setup/vitest";
import { context, formRequest, getRequest } from "../support/request";
import { cookieFor, makeMarket, makeStall, makeTrader } from "../support/market";
import { makeProducer, makeProduct, makeUser } from "../factories";
import { productVariants } from "#db/schema";

const KEY = () => `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const chargeCount = (stallId: number) => getTestDb().select({ n: count() }).from(tillCharges).where(eq(tillCharges.stallId, stallId)).get()!.n;
const call = <T extends (args: never) => unknown>(fn: T, request: Request, params: Record<string, string> = {}) =>
  (fn as unknown as (a: unknown) => Promise<Response>)({ request, context, params });

async function catchResponse(p: Promise<unknown>): Promise<Response> {
  try {
    const r = await p;
    return r as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

let txn = 50_000;
function sepayBody(content: string, amount: number, over: Record<string, unknown> = {}) {
  return {
    id: txn++,
    gateway: "ACB",
    transactionDate: new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "short", timeStyle: "medium" }).format(new Date()),
    accountNumber: "257678859",
    code: null,
    content,
    transferType: "in",
    transferAmount: amount,
    accumulated: 1_000_000,
    subAccount: null,
    referenceCode: `FT${txn}`,
    description: "",
    ...over,
  };
}

async function postSepay(body: unknown, auth = `Apikey ${DEV_SEPAY_API_KEY}`) {
  const request = new Request("http://localhost:3000/webhooks/sepay", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", Authorization: auth },
  });
  const res = await call(sepay, request);
  return { status: res.status, body: (await res.json()) as { success: boolean; duplicate?: boolean; status?: string } };
}

const getCharge = (id: number) => getTestDb().select().from(tillCharges).where(eq(tillCharges.id, id)).get()!;

describe("till charges from the phone", () => {
  it("a retried POST with the same idempotency key creates one charge", async () => {
    const { trader, stall } = await makeStall();
    const cookie = await cookieFor(trader.id);
    const fields = { amount: "45000", intent: "charge:vietqr", idempotencyKey: KEY() };
    const first = await call(tillAction, formRequest("/till", fields, { cookie }));
    const second = await call(tillAction, formRequest("/till", fields, { cookie }));
    expect(first.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(chargeCount(stall.id)).toBe(1);
    const charge = getTestDb().select().from(tillCharges).where(eq(tillCharges.stallId, stall.id)).get()!;
    expect(charge).toMatchObject({ amount: 45000, method: "vietqr", status: "pending" });
    expect(charge.memo).toMatch(/^CST[A-HJKMNP-Z2-9]{6}$/);
    expect(charge.expiresAt!.getTime() - charge.createdAt.getTime()).toBe(CHARGE_TTL_MS);
    // A new key is a new sale.
    await call(tillAction, formRequest("/till", { ...fields, idempotencyKey: KEY() }, { cookie }));
    expect(chargeCount(stall.id)).toBe(2);
  });

  it("the same key on two stalls are two different charges (UNIQUE per stall)", async () => {
    const a = await makeStall();
    const b = await makeStall();
    const key = KEY();
    createTillCharge({ stallId: a.stall.id, amount: 10000, method: "cash", idempotencyKey: key });
    createTillCharge({ stallId: b.stall.id, amount: 10000, method: "cash", idempotencyKey: key });
    expect(chargeCount(a.stall.id) + chargeCount(b.stall.id)).toBe(2);
  });

  it("refuses zero, negative, non-numeric, empty and too-large amounts with 400 and creates nothing", async () => {
    const { trader, stall } = await makeStall();
    const cookie = await cookieFor(trader.id);
    const cases: [string, string][] = [
      ["0", "market:validation.amountPositive"],
      ["-5000", "market:validation.amountPositive"],
      ["abc", "market:validation.amountInvalid"],
      ["12e4", "market:validation.amountInvalid"],
      ["", "market:validation.amountRequired"],
      ["50000001", "market:validation.amountTooLarge"],
      ["99999999999999", "market:validation.amountTooLarge"],
    ];
    for (const [amount, key] of cases) {
      const res = await call(tillAction, formRequest("/till", { amount, intent: "charge:cash", idempotencyKey: KEY() }, { cookie }));
      expect(res.status, amount).toBe(400);
      const body = (await res.json()) as { error: string; amount: string };
      expect(body.error, amount).toBe(key);
      expect(body.amount).toBe(amount); // the input is kept
    }
    const noKey = await call(tillAction, formRequest("/till", { amount: "10000", intent: "charge:cash" }, { cookie }));
    expect(noKey.status).toBe(400);
    const badIntent = await call(tillAction, formRequest("/till", { amount: "10000", intent: "charge:bitcoin", idempotencyKey: KEY() }, { cookie }));
    expect(badIntent.status).toBe(400);
    expect(chargeCount(stall.id)).toBe(0);
    // Amounts typed the Vietnamese way are understood.
    const dotted = await call(tillAction, formRequest("/till", { amount: "45.000", intent: "charge:cash", idempotencyKey: KEY() }, { cookie }));
    expect(dotted.status).toBe(302);
    expect(getTestDb().select().from(tillCharges).where(eq(tillCharges.stallId, stall.id)).get()!.amount).toBe(45000);
  });

  it("items from the linked producer's products: an empty amount charges their total; foreign items are ignored", async () => {
    const { producer } = await makeProducer();
    const other = await makeProducer();
    const product = makeProduct(producer.id, {
      variants: [
        { label: "Hộp 100g", priceVnd: 120000, stock: 5 },
        { label: "Túi 50g", priceVnd: 45000, stock: 5 },
      ],
    });
    const foreign = makeProduct(other.producer.id);
    const variants = getTestDb().select().from(productVariants).where(eq(productVariants.productId, product.id)).all();
    const foreignVariant = getTestDb().select().from(productVariants).where(eq(productVariants.productId, foreign.id)).get()!;
    const { trader, stall } = await makeStall({ producerId: producer.id });
    const body = new URLSearchParams({ amount: "", intent: "charge:cash", idempotencyKey: KEY() });
    for (const v of [...variants, foreignVariant]) body.append("item", String(v.id));
    const request = new Request("http://localhost:3000/till", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: await cookieFor(trader.id) },
    });
    expect((await call(tillAction, request)).status).toBe(302);
    const charge = getTestDb().select().from(tillCharges).where(eq(tillCharges.stallId, stall.id)).get()!;
    expect(charge.amount).toBe(165000);
    expect(charge.items?.map((i) => i.priceVnd).sort((x, y) => x - y)).toEqual([45000, 120000]);
  });

  it("a quick-amount button without JavaScript fills the amount and takes no payment", async () => {
    const { trader, stall } = await makeStall();
    const res = await call(
      tillAction,
      formRequest("/till", { amount: "", intent: "amount:20000", idempotencyKey: KEY() }, { cookie: await cookieFor(trader.id) }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ amount: "20000", quick: 20000 });
    expect(chargeCount(stall.id)).toBe(0);
  });

  it("cash is paid at once; a VietQR charge can be cancelled before it is paid, not after", async () => {
    const { trader, stall } = await makeStall();
    const cookie = await cookieFor(trader.id);
    const cash = createTillCharge({ stallId: stall.id, amount: 30000, method: "cash", idempotencyKey: KEY() }).charge;
    expect(cash).toMatchObject({ status: "paid", memo: null });
    expect(cash.paidAt).not.toBeNull();
    const qr = createTillCharge({ stallId: stall.id, amount: 30000, method: "vietqr", idempotencyKey: KEY() }).charge;
    const res = await call(chargeAction, formRequest(`/till/charges/${qr.id}`, { intent: "cancel" }, { cookie }), { id: String(qr.id) });
    expect(res.status).toBe(302);
    expect(getCharge(qr.id).status).toBe("cancelled");
    const again = await call(chargeAction, formRequest(`/till/charges/${cash.id}`, { intent: "cancel" }, { cookie }), { id: String(cash.id) });
    expect(again.status).toBe(409);
    expect(getCharge(cash.id).status).toBe("paid");
    const unknown = await call(chargeAction, formRequest(`/till/charges/${cash.id}`, { intent: "refund" }, { cookie }), { id: String(cash.id) });
    expect(unknown.status).toBe(400);
  });

  it("shows the dynamic VietQR of the charge: 01=12, exact amount, its memo", async () => {
    const { trader, stall } = await makeStall();
    const qr = createTillCharge({ stallId: stall.id, amount: 45000, method: "vietqr", idempotencyKey: KEY() }).charge;
    const res = await call(chargeLoader, getRequest(`/till/charges/${qr.id}`, await cookieFor(trader.id)), { id: String(qr.id) });
    const data = (await res.json()) as { payload: string; qr: string; status: string };
    expect(data.status).toBe("pending");
    expect(data.payload).toContain("010212");
    expect(data.payload).toContain("540545000");
    expect(data.payload).toContain(`62130809${qr.memo}`);
    expect(data.qr).toMatch(/^<svg/);
  });
});

describe("bank notifications for till charges", () => {
  it("an exact SePay notification marks the charge paid; a replay changes nothing", async () => {
    const { trader, stall } = await makeStall();
    const qr = createTillCharge({ stallId: stall.id, amount: 45000, method: "vietqr", idempotencyKey: KEY() }).charge;
    const body = sepayBody(`MBVCB.8812.${qr.memo}.CT tu NGUYEN VAN A`, 45000);
    const first = await postSepay(body);
    expect(first.body).toMatchObject({ success: true, duplicate: false, status: "matched" });
    const paid = getCharge(qr.id);
    expect(paid.status).toBe("paid");
    expect(paid.bankNotificationId).not.toBeNull();
    const replay = await postSepay(body);
    expect(replay.body).toMatchObject({ success: true, duplicate: true, status: "matched" });
    expect(getTestDb().select({ n: count() }).from(bankNotifications).where(eq(bankNotifications.memo, qr.memo!)).get()!.n).toBe(1);
    // The open till page learns it from the status route.
    const status = await call(statusLoader, getRequest(`/till/charges/${qr.id}/status`, await cookieFor(trader.id)), { id: String(qr.id) });
    expect(await status.json()).toMatchObject({ status: "paid", amount: 45000 });
    const { start, end } = localDayRange(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
    expect(stallTakings(stall.id, start, end)).toMatchObject({ vietqr: 45000, total: 45000, count: 1 });
  });

  it("the same payment through Casso after SePay (another provider id) is a second transfer: to check, not counted", async () => {
    const { stall } = await makeStall();
    const qr = createTillCharge({ stallId: stall.id, amount: 20000, method: "vietqr", idempotencyKey: KEY() }).charge;
    await postSepay(sepayBody(`${qr.memo}`, 20000));
    const cassoBody = {
      error: 0,
      data: {
        id: 99001,
        reference: "X1",
        description: `CT ${qr.memo}`,
        amount: 20000,
        runningBalance: 0,
        transactionDateTime: "2026-11-22 10:00:00",
        accountNumber: stall.accountNumber,
        bankName: "ACB",
        bankAbbreviation: "ACB",
        virtualAccountNumber: "",
        virtualAccountName: "",
        counterAccountName: "",
        counterAccountNumber: "",
        counterAccountBankId: "",
        counterAccountBankName: "",
      },
    };
    const t = String(Date.now());
    const res = await call(
      casso,
      new Request("http://localhost:3000/webhooks/casso", {
        method: "POST",
        body: JSON.stringify(cassoBody),
        headers: { "Content-Type": "application/json", "X-Casso-Signature": `t=${t},v1=${cassoSignature(cassoBody, t, DEV_CASSO_CHECKSUM_KEY)}` },
      }),
    );
    expect(res.status).toBe(200);
    const toCheck = stallToCheck(stall);
    expect(toCheck.map((n) => n.status)).toEqual(["already_paid"]);
    const now = new Date();
    expect(stallTakings(stall.id, new Date(now.getTime() - 3600_000), new Date(now.getTime() + 3600_000)).total).toBe(20000);
  });

  it("a wrong amount leaves the charge unpaid and lands in the trader's to-check list", async () => {
    const { stall } = await makeStall();
    const qr = createTillCharge({ stallId: stall.id, amount: 45000, method: "vietqr", idempotencyKey: KEY() }).charge;
    for (const amount of [4500, 450000]) {
      const res = await postSepay(sepayBody(`thanh toan ${qr.memo}`, amount));
      expect(res.body.status).toBe("amount_mismatch");
    }
    expect(getCharge(qr.id).status).toBe("pending");
    const list = stallToCheck(stall);
    expect(list).toHaveLength(2);
    expect(list.every((n) => n.expectedAmount === 45000)).toBe(true);
  });

  it("an unknown memo paid into the stall's account is kept in that stall's to-check list only", async () => {
    const { stall } = await makeStall({ accountNumber: "998877665544" });
    const other = await makeStall();
    const res = await postSepay(sepayBody("CSTZZZZZZ tien rau", 15000, { accountNumber: "998877665544" }));
    expect(res.body.status).toBe("unmatched");
    expect(stallToCheck(stall).map((n) => n.amount)).toEqual([15000]);
    expect(stallToCheck(other.stall)).toEqual([]);
  });

  it("forged notifications (no key, wrong key) change nothing", async () => {
    const { stall } = await makeStall();
    const qr = createTillCharge({ stallId: stall.id, amount: 45000, method: "vietqr", idempotencyKey: KEY() }).charge;
    expect((await postSepay(sepayBody(qr.memo!, 45000), "Apikey forged")).status).toBe(401);
    expect((await postSepay(sepayBody(qr.memo!, 45000), "")).status).toBe(401);
    const t = String(Date.now());
    const body = {
      error: 0,
      data: { id: 1, description: qr.memo, amount: 45000, transactionDateTime: "2026-11-22 10:00:00", accountNumber: "1", reference: "r" },
    };
    const forgedCasso = await call(
      casso,
      new Request("http://localhost:3000/webhooks/casso", {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "Content-Type": "application/json", "X-Casso-Signature": `t=${t},v1=${"ab".repeat(64)}` },
      }),
    );
    expect(forgedCasso.status).toBe(401);
    expect(getCharge(qr.id).status).toBe("pending");
  });

  it("a notification that arrives before the charge is saved is matched when the charge is created", async () => {
    const { stall } = await makeStall();
    const res = await postSepay(sepayBody("CK CSTEARXY2 mua che", 60000));
    expect(res.body.status).toBe("unmatched");
    const { charge } = createTillCharge({ stallId: stall.id, amount: 60000, method: "vietqr", idempotencyKey: KEY() }, new Date(), () => "CSTEARXY2");
    expect(charge.status).toBe("paid");
    const n = getTestDb().select().from(bankNotifications).where(eq(bankNotifications.memo, "CSTEARXY2")).get()!;
    expect(n).toMatchObject({ status: "matched", targetType: "till_charge", targetId: charge.id });
    expect(stallToCheck(stall)).toEqual([]);
  });

  it("a late exact payment of an expired charge, or of a cancelled one, is never counted and goes to check", async () => {
    const { stall } = await makeStall();
    const longAgo = new Date(Date.now() - CHARGE_TTL_MS - 60_000);
    const expired = createTillCharge({ stallId: stall.id, amount: 25000, method: "vietqr", idempotencyKey: KEY() }, longAgo).charge;
    const cancelled = createTillCharge({ stallId: stall.id, amount: 35000, method: "vietqr", idempotencyKey: KEY() }).charge;
    getTestDb().update(tillCharges).set({ status: "cancelled" }).where(eq(tillCharges.id, cancelled.id)).run();
    expect((await postSepay(sepayBody(expired.memo!, 25000))).body.status).toBe("unmatched");
    expect((await postSepay(sepayBody(cancelled.memo!, 35000))).body.status).toBe("unmatched");
    expect(getCharge(expired.id).status).toBe("pending"); // stored; read as expired
    expect(getCharge(cancelled.id).status).toBe("cancelled");
    expect(
      stallToCheck(stall)
        .map((n) => n.amount)
        .sort(),
    ).toEqual([25000, 35000]);
    const now = new Date();
    expect(stallTakings(stall.id, new Date(now.getTime() - 86400_000), new Date(now.getTime() + 3600_000)).total).toBe(0);
    const csv = chargesCsv(stallChargesBetween(stall.id, new Date(now.getTime() - 86400_000), new Date(now.getTime() + 3600_000)));
    expect(csv).toContain(`,vietqr,expired,25000,${expired.memo}`);
  });
});

describe("to check", () => {
  it("a trader closes an item of their own list (audit-logged), never another stall's", async () => {
    const a = await makeStall();
    const b = await makeStall();
    const qr = createTillCharge({ stallId: a.stall.id, amount: 45000, method: "vietqr", idempotencyKey: KEY() }).charge;
    await postSepay(sepayBody(qr.memo!, 40000));
    const [item] = stallToCheck(a.stall);
    expect(item).toBeDefined();
    const cookieB = await cookieFor(b.trader.id);
    const refused = await call(ledgerAction, formRequest("/till/ledger", { intent: "resolve", notificationId: String(item!.id) }, { cookie: cookieB }));
    expect(refused.status).toBe(404);
    expect(stallToCheck(a.stall)).toHaveLength(1);
    const cookieA = await cookieFor(a.trader.id);
    const ok = await call(
      ledgerAction,
      formRequest("/till/ledger", { intent: "resolve", notificationId: String(item!.id), note: "Đã trả lại 40.000 ₫" }, { cookie: cookieA }),
    );
    expect(ok.status).toBe(302);
    expect(stallToCheck(a.stall)).toEqual([]);
    const log = getTestDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, "bank_notification"), eq(auditLog.subjectId, String(item!.id))))
      .get();
    expect(log).toMatchObject({ action: "bank_notification.resolve", actorUserId: a.trader.id });
    expect(getCharge(qr.id).status).toBe("pending"); // resolving never counts the money
    const bad = await call(ledgerAction, formRequest("/till/ledger", { intent: "delete" }, { cookie: cookieA }));
    expect(bad.status).toBe(400);
  });
});

describe("ledger", () => {
  it("totals by method for the Asia/Ho_Chi_Minh day, 30-day series, CSV with BOM", async () => {
    const { trader, stall } = await makeStall();
    const db = getTestDb();
    // 23:30 yesterday in Việt Nam belongs to yesterday; 00:30 today (17:30 UTC yesterday) to today.
    const today = localDate(new Date());
    const yesterday = localDate(new Date(Date.now() - 86400_000));
    const late21 = new Date(localDayRange(yesterday).start.getTime() + 23.5 * 3600_000);
    const early22 = new Date(localDayRange(today).start.getTime() + 0.5 * 3600_000);
    expect(early22.getUTCHours()).toBe(17);
    const ins = (amount: number, method: "vietqr" | "card" | "cash", at: Date, status: "paid" | "cancelled" = "paid") =>
      db
        .insert(tillCharges)
        .values({
          stallId: stall.id,
          amount,
          method,
          memo: method === "vietqr" ? `CSTL${Math.random().toString(36).slice(2, 7).toUpperCase()}` : null,
          status,
          idempotencyKey: KEY(),
          createdAt: at,
          paidAt: status === "paid" ? at : null,
        })
        .run();
    ins(45000, "vietqr", late21);
    ins(20000, "cash", late21);
    ins(100000, "card", late21);
    ins(70000, "vietqr", late21, "cancelled");
    ins(15000, "cash", early22);
    const day21 = localDayRange(yesterday);
    expect(stallTakings(stall.id, day21.start, day21.end)).toEqual({ vietqr: 45000, card: 100000, cash: 20000, total: 165000, count: 3 });
    const day22 = localDayRange(today);
    expect(stallTakings(stall.id, day22.start, day22.end)).toMatchObject({ cash: 15000, total: 15000 });
    const series = dailyTotals({ stallId: stall.id }, 30, new Date(early22.getTime() + 3600_000));
    expect(series).toHaveLength(30);
    expect(series.at(-1)).toMatchObject({ date: today, total: 15000 });
    expect(series.at(-2)).toMatchObject({ date: yesterday, vietqr: 45000, card: 100000, cash: 20000, total: 165000 });

    // Today's ledger through the route, and the CSV.
    createTillCharge({ stallId: stall.id, amount: 12000, method: "cash", idempotencyKey: KEY() });
    const cookie = await cookieFor(trader.id);
    const ledger = (await (await call(ledgerLoader, getRequest("/till/ledger", cookie))).json()) as {
      takings: { cash: number; total: number };
      charges: unknown[];
      days: unknown[];
    };
    expect(ledger.takings).toMatchObject({ cash: 27000, total: 27000 });
    expect(ledger.charges).toHaveLength(2);
    expect(ledger.days).toHaveLength(30);
    const csvRes = await call(csvLoader, getRequest("/till/ledger.csv", cookie));
    expect(csvRes.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe("id,created_at_utc,paid_at_utc,method,status,amount_vnd,memo,items");
    expect(text).toMatch(/,cash,paid,12000,,/);
  });
});

describe("ownership", () => {
  it("a trader cannot see, poll, cancel or export another stall's charges", async () => {
    const a = await makeStall();
    const b = await makeStall();
    const theirs = createTillCharge({ stallId: a.stall.id, amount: 50000, method: "vietqr", idempotencyKey: KEY() }).charge;
    const cookieB = await cookieFor(b.trader.id);
    const params = { id: String(theirs.id) };
    expect((await catchResponse(call(chargeLoader, getRequest(`/till/charges/${theirs.id}`, cookieB), params))).status).toBe(404);
    expect((await catchResponse(call(statusLoader, getRequest(`/till/charges/${theirs.id}/status`, cookieB), params))).status).toBe(404);
    expect((await catchResponse(call(chargeAction, formRequest(`/till/charges/${theirs.id}`, { intent: "cancel" }, { cookie: cookieB }), params))).status).toBe(
      404,
    );
    expect(getCharge(theirs.id).status).toBe("pending");
    const csv = await (await call(csvLoader, getRequest("/till/ledger.csv", cookieB))).text();
    expect(csv).not.toContain(theirs.memo!);
    // A shopper is not a trader at all; signed-out goes to sign in.
    const shopper = await makeUser();
    expect((await catchResponse(call(tillLoader, getRequest("/till", await cookieFor(shopper.id))))).status).toBe(403);
    expect((await catchResponse(call(tillLoader, getRequest("/till")))).status).toBe(302);
  });
});

describe("stalls", () => {
  it("registers a stall: bank from the list, digits-only account, holder upper-cased ASCII", async () => {
    const market = makeMarket();
    const trader = await makeTrader();
    const cookie = await cookieFor(trader.id);
    const base = {
      marketId: String(market.id),
      stallNumber: "b07",
      name: "Rau sạch chị Hoa",
      goods: "Rau",
      bankBin: "970405",
      accountNumber: "8801 2053 17746",
      accountHolder: "Nguyễn Thị Hoa",
    };
    const letters = await call(stallAction, formRequest("/till/stall", { ...base, accountNumber: "88012ABC17746" }, { cookie }));
    expect(letters.status).toBe(400);
    expect(((await letters.json()) as { lastResult: { error: Record<string, string[]> } }).lastResult.error.accountNumber).toEqual([
      "market:validation.accountDigits",
    ]);
    const short = await call(stallAction, formRequest("/till/stall", { ...base, accountNumber: "12345" }, { cookie }));
    expect(((await short.json()) as { lastResult: { error: Record<string, string[]> } }).lastResult.error.accountNumber).toEqual([
      "market:validation.accountLength",
    ]);
    const bank = await call(stallAction, formRequest("/till/stall", { ...base, bankBin: "123456" }, { cookie }));
    expect(((await bank.json()) as { lastResult: { error: Record<string, string[]> } }).lastResult.error.bankBin).toEqual(["market:validation.bankUnknown"]);
    const ok = await call(stallAction, formRequest("/till/stall", base, { cookie }));
    expect(ok.status).toBe(302);
    const stall = getTestDb().select().from(stalls).where(eq(stalls.traderUserId, trader.id)).get()!;
    expect(stall).toMatchObject({ stallNumber: "B07", accountNumber: "8801205317746", accountHolder: "NGUYEN THI HOA", status: "pending" });
    // Another trader cannot take the same number at the same market.
    const other = await makeTrader();
    const dup = await call(stallAction, formRequest("/till/stall", base, { cookie: await cookieFor(other.id) }));
    expect(((await dup.json()) as { lastResult: { error: Record<string, string[]> } }).lastResult.error.stallNumber).toEqual([
      "market:validation.stallNumberTaken",
    ]);
    // A pending stall cannot take payments yet.
    const till = await call(tillAction, formRequest("/till", { amount: "10000", intent: "charge:cash", idempotencyKey: KEY() }, { cookie })).catch(
      (e: Response) => e,
    );
    expect((till as Response).status).toBe(403);
  });

  it("the admin or the market's manager approves (audit-logged); another manager cannot", async () => {
    const manager = await makeUser();
    const otherManager = await makeUser();
    const market = makeMarket({ managerUserId: manager.id });
    makeMarket({ managerUserId: otherManager.id });
    const { stall } = await makeStall({ marketId: market.id, status: "pending" });
    const refused = await catchResponse(
      call(reviewAction, formRequest("/admin/stalls", { intent: "approve", stallId: String(stall.id) }, { cookie: await cookieFor(otherManager.id) })),
    );
    expect(refused.status).toBe(403);
    const res = await call(
      reviewAction,
      formRequest("/admin/stalls", { intent: "approve", stallId: String(stall.id) }, { cookie: await cookieFor(manager.id) }),
    );
    expect(res.status).toBe(200);
    expect(getTestDb().select().from(stalls).where(eq(stalls.id, stall.id)).get()!.status).toBe("approved");
    const log = getTestDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, "stall"), eq(auditLog.subjectId, String(stall.id))))
      .all();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: "stall.approve", actorUserId: manager.id });
    const twice = await call(
      reviewAction,
      formRequest("/admin/stalls", { intent: "reject", stallId: String(stall.id) }, { cookie: await cookieFor(manager.id) }),
    );
    expect(twice.status).toBe(409);
  });

  it("the market overview counts stalls, cashless share and quiet stalls", async () => {
    const admin = await makeUser({ role: "admin" });
    const market = makeMarket();
    const busy = await makeStall({ marketId: market.id });
    await makeStall({ marketId: market.id }); // quiet: no payment at all
    const cashOnly = await makeStall({ marketId: market.id });
    createTillCharge({ stallId: busy.stall.id, amount: 60000, method: "cash", idempotencyKey: KEY() });
    const qr = createTillCharge({ stallId: busy.stall.id, amount: 40000, method: "vietqr", idempotencyKey: KEY() }).charge;
    await postSepay(sepayBody(qr.memo!, 40000));
    createTillCharge({ stallId: cashOnly.stall.id, amount: 100000, method: "cash", idempotencyKey: KEY() });
    const res = await call(overviewLoader, getRequest(`/admin/markets/${market.slug}`, await cookieFor(admin.id)), { slug: market.slug });
    const data = (await res.json()) as { stallCount: number; cashlessShare: number; quiet: { slug: string }[]; totals: { total: number } };
    expect(data.stallCount).toBe(3);
    expect(data.totals.total).toBe(200000);
    expect(data.cashlessShare).toBeCloseTo(0.2);
    expect(data.quiet).toHaveLength(2);
    expect(data.quiet.map((s) => s.slug)).not.toContain(busy.stall.slug);
    const trader = await cookieFor(busy.trader.id);
    expect((await catchResponse(call(overviewLoader, getRequest(`/admin/markets/${market.slug}`, trader), { slug: market.slug }))).status).toBe(403);
  });
});
