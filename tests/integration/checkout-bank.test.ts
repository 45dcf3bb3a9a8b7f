import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import jsQR from "jsqr";
import { auditLog, bankNotifications, orderEvents, orders, productVariants } from "#db/schema";
import { changeCartLine } from "~/models/cart.server";
import { confirmBankTransferByHand } from "~/models/order/payment.server";
import { expireStaleBankOrders } from "~/models/order/cancel.server";
import { placeOrder } from "~/models/order/place.server";
import { bankTransferInstructions } from "~/models/order/payment.server";
import { cassoSignature } from "~/models/payments/bank-webhooks.server";
import { loader as qrLoader } from "~/routes/orders.$code.vietqr[.]png";
import { loader as statusLoader } from "~/routes/orders.$code.status";
import { action as sepay } from "~/routes/webhooks.sepay";
import { action as casso } from "~/routes/webhooks.casso";
import { decodeVietQr } from "~/standards/vietqr";
import { DEV_CASSO_CHECKSUM_KEY, DEV_SEPAY_API_KEY } from "~/utils/env.server";
import { serializeGuestId } from "~/utils/cart-cookie.server";
import { getTestDb } from "../setup/vitest";
import { makeProducer, makeProduct, makeUser } from "../factories";
import { context, getRequest } from "../support/request";

const db = () => getTestDb();
let n = 0;

async function bankOrder(priceVnd = 185000) {
  const { producer } = await makeProducer();
  const product = makeProduct(producer.id, { variants: [{ label: "Hũ 500g", priceVnd, stock: 10 }] });
  const variant = db().select().from(productVariants).where(eq(productVariants.productId, product.id)).get()!;
  const guestId = `guest-bank-${++n}-aaaaaaaaaaaaaaaaa`;
  changeCartLine({ userId: null, guestId }, { variantId: variant.id, quantity: 2, mode: "add" }, () => guestId);
  const { order } = placeOrder({
    identity: { userId: null, guestId },
    idempotencyKey: `bank-${n}-aaaaaaaaaaaaaaaa`,
    customerName: "Bác Tư",
    customerPhone: "+84912111222",
    communeCode: "05443",
    otherProvince: null,
    addressLine: "Tổ 5",
    paymentMethod: "bank",
    deliveries: { [producer.id]: { method: "pickup_producer" } },
  });
  const cookie = (await serializeGuestId(guestId)).split(";")[0]!;
  return { order, cookie, variant };
}

const orderById = (id: number) => db().select().from(orders).where(eq(orders.id, id)).get()!;
let txn = 5000;

async function postSepay(content: string, amount: number, id = txn++) {
  const body = {
    id,
    gateway: "Vietcombank",
    transactionDate: "2026-11-22 10:01:00",
    accountNumber: "257678859",
    code: null,
    content,
    transferType: "in",
    transferAmount: amount,
    accumulated: 0,
    subAccount: null,
    referenceCode: `FT${id}`,
    description: content,
  };
  const request = new Request("http://localhost:3000/webhooks/sepay", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", Authorization: `Apikey ${DEV_SEPAY_API_KEY}` },
  });
  return (await sepay({ request, context, params: {} } as never)) as Response;
}

async function postCasso(description: string, amount: number, id = txn++) {
  const body = {
    error: 0,
    data: {
      id,
      reference: `REF${id}`,
      description,
      amount,
      runningBalance: 0,
      transactionDateTime: "2026-11-22 15:46:04",
      accountNumber: "257678859",
      bankName: "VCB",
      bankAbbreviation: "VCB",
      virtualAccountNumber: "",
      virtualAccountName: "",
      counterAccountName: "",
      counterAccountNumber: "",
      counterAccountBankId: "",
      counterAccountBankName: "",
    },
  };
  const t = String(Date.now());
  const request = new Request("http://localhost:3000/webhooks/casso", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", "X-Casso-Signature": `t=${t},v1=${cassoSignature(body, t, DEV_CASSO_CHECKSUM_KEY)}` },
  });
  return (await casso({ request, context, params: {} } as never)) as Response;
}

describe("VietQR bank transfer for an order", () => {
  it("the order's VietQR decodes to the platform account, the exact amount and the order memo, with a valid CRC", async () => {
    const { order } = await bankOrder();
    expect(order.paymentMemo).toMatch(/^CSO[A-HJKMNP-Z2-9]{6}$/);
    const info = bankTransferInstructions(order);
    const decoded = decodeVietQr(info.payload);
    expect(decoded.crcValid).toBe(true);
    expect(decoded.dynamic).toBe(true);
    expect(decoded.bin).toBe("970416");
    expect(decoded.account).toBe("257678859");
    expect(decoded.amount).toBe(370000);
    expect(decoded.memo).toBe(order.paymentMemo);
    expect(decoded.currency).toBe("704");
    expect(info.bankName).toBe("ACB");
  });

  it("the QR image on the order page scans back to the same payload, and only the buyer may fetch it", async () => {
    const { order, cookie } = await bankOrder();
    const res = (await qrLoader({
      request: getRequest(`/orders/${order.code}/vietqr.png`, cookie),
      params: { code: order.code },
      context,
    } as never)) as Response;
    expect(res.headers.get("Content-Type")).toBe("image/png");
    const { data, info } = await sharp(Buffer.from(await res.arrayBuffer()))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const scanned = jsQR(new Uint8ClampedArray(data), info.width, info.height);
    expect(scanned?.data).toBe(bankTransferInstructions(order).payload);
    await expect(qrLoader({ request: getRequest(`/orders/${order.code}/vietqr.png`), params: { code: order.code }, context } as never)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("a SePay notification with the memo and exact amount marks the order paid; the status JSON follows; a replay changes nothing", async () => {
    const { order, cookie } = await bankOrder();
    const status = async () =>
      (await (
        (await statusLoader({ request: getRequest(`/orders/${order.code}/status`, cookie), params: { code: order.code }, context } as never)) as Response
      ).json()) as {
        paymentStatus: string;
      };
    expect((await status()).paymentStatus).toBe("unpaid");
    const res = await postSepay(`MBVCB.1234.${order.paymentMemo}.CT tu 0123`, 370000, 9001);
    expect(await res.json()).toMatchObject({ success: true, status: "matched" });
    expect(orderById(order.id).paymentStatus).toBe("paid");
    expect(orderById(order.id).paidVnd).toBe(370000);
    expect((await status()).paymentStatus).toBe("paid");
    const replay = await postSepay(`MBVCB.1234.${order.paymentMemo}.CT tu 0123`, 370000, 9001);
    expect(await replay.json()).toMatchObject({ duplicate: true });
    expect(
      db()
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, order.id))
        .all()
        .filter((e) => e.kind === "paid"),
    ).toHaveLength(1);
    // A second, separate transfer for the same order goes to reconciliation.
    expect(await (await postSepay(`${order.paymentMemo}`, 370000)).json()).toMatchObject({ status: "already_paid" });
  });

  it("underpaid and overpaid transfers are kept for reconciliation and never mark the order paid", async () => {
    const { order } = await bankOrder();
    expect(await (await postSepay(`${order.paymentMemo}`, 369000)).json()).toMatchObject({ status: "amount_mismatch" });
    expect(await (await postSepay(`${order.paymentMemo}`, 400000)).json()).toMatchObject({ status: "amount_mismatch" });
    expect(orderById(order.id).paymentStatus).toBe("unpaid");
    const kept = db().select().from(bankNotifications).where(eq(bankNotifications.targetId, order.id)).all();
    expect(kept.filter((k) => k.targetType === "order" && k.status === "amount_mismatch")).toHaveLength(2);
    const kinds = db()
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .all()
      .map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["transfer_underpaid", "transfer_overpaid"]));
    // An unknown CSO memo is simply unmatched.
    expect(await (await postSepay("CSOZZZZZZ", 370000)).json()).toMatchObject({ status: "unmatched" });
  });

  it("a Casso v2 notification (signed) matches the order the same way", async () => {
    const { order } = await bankOrder(99000);
    const res = await postCasso(`CT DEN ${order.paymentMemo} thanh toan`, 198000);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, status: "matched" });
    expect(orderById(order.id).paymentStatus).toBe("paid");
  });

  it("admin can confirm a transfer by hand, audit-logged, only for an unpaid bank order", async () => {
    const { order } = await bankOrder();
    const admin = await makeUser({ role: "admin" });
    expect(confirmBankTransferByHand(order.code, admin.id, "Sao kê VCB 22/11")).toBe(true);
    expect(orderById(order.id).paymentStatus).toBe("paid");
    expect(confirmBankTransferByHand(order.code, admin.id, "again")).toBe(false);
    const log = db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, String(order.id)))
      .all();
    expect(log.map((l) => l.action)).toEqual(["order.confirm_transfer"]);
  });

  it("an unpaid bank order older than the hold is cancelled and its stock returns; a late transfer waits for reconciliation", async () => {
    const { order, variant } = await bankOrder();
    const fresh = await bankOrder();
    const stock = () => db().select().from(productVariants).where(eq(productVariants.id, variant.id)).get()!.stock;
    expect(stock()).toBe(8);
    expect(expireStaleBankOrders(new Date(Date.now() + 71 * 3600_000))).toBe(0);
    const later = new Date(order.createdAt.getTime() + 73 * 3600_000);
    expect(expireStaleBankOrders(later)).toBeGreaterThanOrEqual(2);
    expect(orderById(order.id).status).toBe("cancelled");
    expect(stock()).toBe(10);
    expect(expireStaleBankOrders(later)).toBe(0); // idempotent
    expect(stock()).toBe(10);
    const late = await postSepay(`${order.paymentMemo}`, order.totalVnd);
    expect(await late.json()).toMatchObject({ status: "already_paid" });
    expect(orderById(order.id).paymentStatus).toBe("unpaid");
    expect(
      db()
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, order.id))
        .all()
        .map((e) => e.kind),
    ).toContain("transfer_after_cancel");
    void fresh;
  });
});
