import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { action as sepay } from "~/routes/webhooks.sepay";
import { action as casso } from "~/routes/webhooks.casso";
import { BANK_MATCHERS } from "~/models/payments/matchers.server";
import { cassoSignature } from "~/models/payments/bank-webhooks.server";
import { listReconciliation, rematchWaitingTransfers, resolveNotification } from "~/models/payments/bank-notifications.server";
import { type BankMatcher } from "~/models/payments/types";
import { auditLog, bankNotifications } from "#db/schema";
import { DEV_CASSO_CHECKSUM_KEY, DEV_SEPAY_API_KEY } from "~/utils/env.server";
import { db } from "~/utils/db.server";
import { getTestDb } from "../setup/vitest";
import { makeUser } from "../factories";
import { context } from "../support/request";

// A stand-in payable kind "CSX" for the pipeline's own tests; real kinds register CSO / CST.
const payables = new Map<string, { amount: number; paid: boolean }>();
const testMatcher: BankMatcher = (_tx, { memo, amount }) => {
  const p = payables.get(memo);
  if (!p) return { status: "unmatched" };
  const base = { targetType: "test", targetId: 1, expectedAmount: p.amount };
  if (p.paid) return { status: "already_paid", ...base };
  if (amount !== p.amount) return { status: "amount_mismatch", ...base };
  p.paid = true;
  return { status: "matched", ...base };
};

beforeEach(() => {
  BANK_MATCHERS["CSX"] = testMatcher;
  payables.clear();
});
afterEach(() => {
  delete BANK_MATCHERS["CSX"];
});

let nextId = 1000;
function sepayBody(over: Record<string, unknown> = {}) {
  return {
    id: nextId++,
    gateway: "ACB",
    transactionDate: "2026-11-22 09:15:00",
    accountNumber: "257678859",
    code: null,
    content: "CT DEN:0123 CSXABCDEF chuyen tien",
    transferType: "in",
    transferAmount: 45000,
    accumulated: 1000000,
    subAccount: null,
    referenceCode: "FT26326123456",
    description: "",
    ...over,
  };
}

async function postSepay(body: unknown, auth: string | null = `Apikey ${DEV_SEPAY_API_KEY}`) {
  const request = new Request("http://localhost:3000/webhooks/sepay", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json", ...(auth ? { Authorization: auth } : {}) },
  });
  return sepay({ request, context, params: {} } as never);
}

async function postCasso(body: unknown, signature?: string) {
  const t = String(Date.now());
  const header = signature ?? `t=${t},v1=${cassoSignature(body, t, DEV_CASSO_CHECKSUM_KEY)}`;
  const request = new Request("http://localhost:3000/webhooks/casso", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", "X-Casso-Signature": header },
  });
  return casso({ request, context, params: {} } as never);
}

const rows = () => getTestDb().select({ n: count() }).from(bankNotifications).get()!.n;

describe("SePay webhook", () => {
  it("refuses a missing or wrong API key and changes nothing", async () => {
    const before = rows();
    expect((await postSepay(sepayBody(), null)).status).toBe(401);
    expect((await postSepay(sepayBody(), "Apikey wrong-key")).status).toBe(401);
    expect((await postSepay(sepayBody(), `Bearer ${DEV_SEPAY_API_KEY}`)).status).toBe(401);
    expect(rows()).toBe(before);
  });

  it("answers malformed bodies with 400, never a 500", async () => {
    expect((await postSepay("{not json")).status).toBe(400);
    expect((await postSepay({ id: 1 })).status).toBe(400);
    expect((await postSepay(sepayBody({ transferAmount: "abc" }))).status).toBe(400);
    expect((await postSepay(sepayBody({ transactionDate: "22/11/2026 09:15" }))).status).toBe(400);
  });

  it("matches memo and amount, answers {success:true}, and stores the time in UTC", async () => {
    payables.set("CSXABCDEF", { amount: 45000, paid: false });
    const res = await postSepay(sepayBody({ id: 1 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, duplicate: false, status: "matched" });
    expect(payables.get("CSXABCDEF")!.paid).toBe(true);
    const row = getTestDb().select().from(bankNotifications).where(eq(bankNotifications.providerTxnId, "1")).get()!;
    expect(row.transactionAt.toISOString()).toBe("2026-11-22T02:15:00.000Z");
    expect(row.memo).toBe("CSXABCDEF");
  });

  it("deduplicates a replayed notification by its id", async () => {
    payables.set("CSXABCDEF", { amount: 45000, paid: false });
    const body = sepayBody({ id: 2 });
    const first = await (await postSepay(body)).json();
    const again = await (await postSepay(body)).json();
    expect(first).toMatchObject({ duplicate: false, status: "matched" });
    expect(again).toMatchObject({ success: true, duplicate: true, status: "matched" });
    expect(getTestDb().select({ n: count() }).from(bankNotifications).where(eq(bankNotifications.providerTxnId, "2")).get()!.n).toBe(1);
  });

  it("keeps unknown memos, wrong amounts and second payments for reconciliation — never paid", async () => {
    payables.set("CSXWRNG22", { amount: 45000, paid: false });
    expect(await (await postSepay(sepayBody({ content: "tien an trua" }))).json()).toMatchObject({ status: "unmatched" });
    expect(await (await postSepay(sepayBody({ content: "CSXWRNG22", transferAmount: 40000 }))).json()).toMatchObject({ status: "amount_mismatch" });
    expect(payables.get("CSXWRNG22")!.paid).toBe(false);
    expect(await (await postSepay(sepayBody({ content: "CSXWRNG22", transferAmount: 45000 }))).json()).toMatchObject({ status: "matched" });
    expect(await (await postSepay(sepayBody({ content: "CSXWRNG22", transferAmount: 45000 }))).json()).toMatchObject({ status: "already_paid" });
    expect(await (await postSepay(sepayBody({ transferType: "out" }))).json()).toMatchObject({ status: "ignored" });
    const list = listReconciliation();
    expect(list.map((n) => n.status).sort()).toEqual(expect.arrayContaining(["already_paid", "amount_mismatch", "unmatched"]));
    expect(list.some((n) => n.status === "ignored" || n.status === "matched")).toBe(false);
  });

  it("re-matches a transfer that arrived before its payable was saved", async () => {
    const res = await (await postSepay(sepayBody({ content: "CSXMATE22" }))).json();
    expect(res).toMatchObject({ status: "unmatched" });
    payables.set("CSXMATE22", { amount: 45000, paid: false });
    const [after] = db.transaction((tx) => rematchWaitingTransfers(tx, "CSXMATE22"));
    expect(after!.status).toBe("matched");
    expect(payables.get("CSXMATE22")!.paid).toBe(true);
  });

  it("lets a person resolve an item, audit-logged", async () => {
    const { notification } = { notification: (await (await postSepay(sepayBody({ content: "no memo here" }))).json()) as { status: string } };
    expect(notification.status).toBe("unmatched");
    const item = listReconciliation()[0]!;
    const admin = await makeUser({ role: "admin" });
    expect(resolveNotification(item.id, admin.id, "Đã hoàn tiền cho khách")?.status).toBe("resolved");
    expect(resolveNotification(item.id, admin.id, "again")).toBeNull();
    const log = getTestDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, String(item.id)))
      .all();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: "bank_notification.resolve", actorUserId: admin.id });
  });
});

describe("Casso v2 webhook", () => {
  const body = (id: number, description = "CSXCASS22 thanh toan", amount = 45000) => ({
    error: 0,
    data: {
      id,
      reference: "BANK_REF_ID",
      description,
      amount,
      runningBalance: 25000000,
      transactionDateTime: "2026-11-22 15:46:04",
      accountNumber: "257678859",
      bankName: "ACB",
      bankAbbreviation: "ACB",
      virtualAccountNumber: "",
      virtualAccountName: "",
      counterAccountName: "",
      counterAccountNumber: "",
      counterAccountBankId: "",
      counterAccountBankName: "",
    },
  });

  it("verifies the HMAC-SHA512 signature over the sorted-key body", async () => {
    payables.set("CSXCASS22", { amount: 45000, paid: false });
    const res = await postCasso(body(77));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, status: "matched" });
    const dup = await postCasso(body(77));
    expect(await dup.json()).toMatchObject({ duplicate: true });
  });

  it("refuses a forged, missing-part or stale signature", async () => {
    const before = rows();
    expect((await postCasso(body(78), "t=1,v1=abc")).status).toBe(401);
    expect((await postCasso(body(78), `t=${Date.now()},v1=${"0".repeat(128)}`)).status).toBe(401);
    const old = String(Date.now() - 60 * 60 * 1000);
    expect((await postCasso(body(78), `t=${old},v1=${cassoSignature(body(78), old, DEV_CASSO_CHECKSUM_KEY)}`)).status).toBe(401);
    // A body changed after signing fails too.
    const t = String(Date.now());
    const sig = cassoSignature(body(79), t, DEV_CASSO_CHECKSUM_KEY);
    expect((await postCasso(body(79, "CSXCASS22", 1), `t=${t},v1=${sig}`)).status).toBe(401);
    expect(rows()).toBe(before);
  });

  it("treats a negative amount as an outgoing transfer", async () => {
    expect(await (await postCasso(body(80, "rut tien", -20000))).json()).toMatchObject({ status: "ignored" });
  });
});
