/** Complaints: a public form about an order, a product or a trace page; an admin queue with replies by message. */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, complaints, lots } from "#db/schema";
import { action as complaintAction, loader as complaintLoader } from "~/routes/complaints";
import { loader as queueLoader } from "~/routes/admin.complaints._index";
import { action as replyAction, loader as detailLoader } from "~/routes/admin.complaints.$id";
import { loader as adminHome } from "~/routes/admin._index";
import { createI18n } from "~/i18n/config";
import { getTestDb } from "../setup/vitest";
import { makeProducer, makeProduct, makeUser } from "../factories";
import { formRequest, getRequest } from "../support/request";
import { cookieFor } from "../support/storefront";
import { freshIp, freshPhone, makeOrder, messagesTo, route } from "../support/accounts";

const db = () => getTestDb();
type Reply = { lastResult?: { error?: Record<string, string[] | null> }; received?: { code: string; contact: string } };

const send = (fields: Record<string, string>, opts: { ip?: string; cookie?: string } = {}) =>
  route(complaintAction, formRequest("/complaints", fields, { cookie: opts.cookie }), { ip: opts.ip ?? freshIp() });

describe("complaint form", () => {
  it("takes a complaint about an order by its code, links the seller, and confirms by message", async () => {
    const { order, producerId } = await makeOrder({ userId: null });
    const phone = freshPhone();
    const res = await send({
      subject: "order",
      subjectRef: order.code.toLowerCase(),
      name: "Chị Mai",
      contact: phone.typed,
      body: "Thiếu một gói chè trong đơn.",
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Reply;
    expect(body.received?.code).toMatch(/^KN[A-Z2-9]{7}$/);
    expect(body.received?.contact).toBe(phone.typed);
    const row = db().select().from(complaints).where(eq(complaints.code, body.received!.code)).get()!;
    expect(row).toMatchObject({ subject: "order", subjectRef: order.code, orderId: order.id, producerId, phone: phone.e164, status: "open", lang: "vi" });
    expect(messagesTo({ phone: phone.e164 }, "complaint.received")[0]?.payload).toMatchObject({ code: row.code, lang: "vi" });
  });

  it("accepts a product link and a trace page link as references", async () => {
    const { producer } = await makeProducer();
    const product = makeProduct(producer.id);
    const byLink = await send({
      subject: "product",
      subjectRef: `https://cho-so.vn/products/${product.slug}?x=1`,
      name: "Anh Bình",
      contact: "binh@example.test",
      body: "Ảnh không giống hàng thật.",
    });
    expect(((await byLink.json()) as Reply).received).toBeDefined();
    expect(db().select().from(complaints).where(eq(complaints.subjectRef, product.slug)).get()?.producerId).toBe(producer.id);

    db()
      .insert(lots)
      .values({
        producerId: producer.id,
        productId: product.id,
        lotNumber: "L-TEST-1",
        harvestDate: "2026-04-01",
        quantity: 10,
        unit: "kg",
        traceCode: "KNTEST23",
      })
      .run();
    const byTrace = await send({
      subject: "trace",
      subjectRef: "http://localhost:3000/t/kntest23/ABCDEFGHJKMN",
      name: "Anh Bình",
      contact: "binh@example.test",
      body: "Ngày thu hoạch ghi sai.",
    });
    expect(byTrace.status).toBe(200);
    expect(db().select().from(complaints).where(eq(complaints.subjectRef, "KNTEST23")).get()?.subject).toBe("trace");
  });

  it("prefills from the link and the signed-in account", async () => {
    const user = await makeUser({ name: "Chị Hòa" });
    const data = (await (await route(complaintLoader, getRequest("/complaints?about=trace&ref=TC26XUAN", await cookieFor(user.id)))).json()) as {
      defaults: Record<string, string>;
    };
    expect(data.defaults).toEqual({ subject: "trace", subjectRef: "TC26XUAN", name: "Chị Hòa", contact: user.email });
    const anonymous = (await (await route(complaintLoader, getRequest("/complaints?about=hack"))).json()) as { defaults: Record<string, string> };
    expect(anonymous.defaults.subject).toBe("order");
  });

  it("answers bad input with field errors in both languages, never a 500", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [
        { subject: "order", subjectRef: "CSNOTREAL", name: "A", contact: "0912345678", body: "Một nội dung đủ dài." },
        "subjectRef",
        "legal:complaints.notFound.order",
      ],
      [
        { subject: "product", subjectRef: "khong-co", name: "A", contact: "0912345678", body: "Một nội dung đủ dài." },
        "subjectRef",
        "legal:complaints.notFound.product",
      ],
      [
        { subject: "trace", subjectRef: "ZZZZZZZZ", name: "A", contact: "0912345678", body: "Một nội dung đủ dài." },
        "subjectRef",
        "legal:complaints.notFound.trace",
      ],
      [{ subject: "order", subjectRef: "", name: "A", contact: "0912345678", body: "Một nội dung đủ dài." }, "subjectRef", "legal:complaints.errors.ref.order"],
      [{ subject: "weather", name: "A", contact: "0912345678", body: "Một nội dung đủ dài." }, "subject", "legal:complaints.errors.subject"],
      [{ subject: "other", name: "", contact: "0912345678", body: "Một nội dung đủ dài." }, "name", "validation.required"],
      [{ subject: "other", name: "A", contact: "12", body: "Một nội dung đủ dài." }, "contact", "validation.identifierInvalid"],
      [{ subject: "other", name: "A", contact: "0912345678", body: "ngắn" }, "body", "legal:complaints.errors.bodyShort"],
      [{ subject: "other", name: "A", contact: "0912345678", body: "x".repeat(4001) }, "body", "validation.tooLong"],
    ];
    for (const [fields, field, key] of cases) {
      const res = await send(fields);
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(((await res.json()) as Reply).lastResult?.error?.[field]).toEqual([key]);
      expect(createI18n("vi").t(key)).not.toEqual(createI18n("en").t(key));
    }
    const bot = await send({ subject: "other", name: "A", contact: "0912345678", body: "Một nội dung đủ dài.", website: "x" });
    expect(bot.status).toBe(400);
  });

  it("limits complaints per client (5 an hour)", async () => {
    const ip = freshIp();
    const fields = { subject: "other", name: "A", contact: "0912345678", body: "Một nội dung đủ dài." };
    for (let i = 0; i < 5; i++) expect((await send(fields, { ip })).status).toBe(200);
    expect((await send(fields, { ip })).status).toBe(429);
  });
});

describe("admin complaints queue", () => {
  it("lists open complaints for staff only; a reply updates the status, is audit-logged and sent to the complainant", async () => {
    const admin = await makeUser({ role: "admin" });
    const adminCookie = await cookieFor(admin.id);
    const shopperCookie = await cookieFor((await makeUser()).id);
    const res = await send({ subject: "other", name: "Bà Tư", contact: "bau@example.test", body: "Tôi không nhận được mã xác nhận." }, { cookie: "lng=en" });
    const code = ((await res.json()) as Reply).received!.code;
    const row = db().select().from(complaints).where(eq(complaints.code, code)).get()!;
    expect(row.lang).toBe("en");

    expect((await route(queueLoader, getRequest("/admin/complaints", shopperCookie))).status).toBe(403);
    const queue = (await (await route(queueLoader, getRequest("/admin/complaints", adminCookie))).json()) as { complaints: { code: string }[] };
    expect(queue.complaints.map((c) => c.code)).toContain(code);
    const home = (await (await route(adminHome, getRequest("/admin", adminCookie))).json()) as { openComplaints: number };
    expect(home.openComplaints).toBeGreaterThan(0);

    const params = { id: String(row.id) };
    const detail = (await (await route(detailLoader, getRequest(`/admin/complaints/${row.id}`, adminCookie), { params })).json()) as {
      complaint: { contact: string };
    };
    expect(detail.complaint.contact).toBe("bau@example.test");

    const bad = await route(replyAction, formRequest(`/admin/complaints/${row.id}`, { body: "", status: "closed" }, { cookie: adminCookie }), { params });
    expect(bad.status).toBe(400);
    const badErrors = ((await bad.json()) as Reply).lastResult?.error;
    expect(badErrors?.body).toEqual(["validation.required"]);
    expect(badErrors?.status).toEqual(["legal:complaints.errors.status"]);

    const ok = await route(
      replyAction,
      formRequest(`/admin/complaints/${row.id}`, { body: "Chúng tôi đã gửi lại mã cho bà.", status: "resolved" }, { cookie: adminCookie }),
      { params },
    );
    expect(ok.headers.get("Location")).toBe(`/admin/complaints/${row.id}?sent=1`);
    const after = db().select().from(complaints).where(eq(complaints.id, row.id)).get()!;
    expect(after.status).toBe("resolved");
    expect(after.closedAt).toBeInstanceOf(Date);
    expect(messagesTo({ email: "bau@example.test" }, "complaint.reply")[0]?.payload).toMatchObject({
      code,
      status: "resolved",
      reply: "Chúng tôi đã gửi lại mã cho bà.",
      lang: "en",
    });
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "complaint.reply"), eq(auditLog.subjectId, String(row.id))))
        .get()?.actorUserId,
    ).toBe(admin.id);

    const resolvedQueue = (await (await route(queueLoader, getRequest("/admin/complaints?status=resolved", adminCookie))).json()) as {
      complaints: { code: string }[];
    };
    expect(resolvedQueue.complaints.map((c) => c.code)).toContain(code);
    expect((await route(detailLoader, getRequest("/admin/complaints/999999", adminCookie), { params: { id: "999999" } })).status).toBe(404);
    expect((await route(detailLoader, getRequest("/admin/complaints/abc", adminCookie), { params: { id: "abc" } })).status).toBe(404);
    expect(
      (
        await route(replyAction, formRequest("/admin/complaints/999999", { body: "Xin chào", status: "resolved" }, { cookie: adminCookie }), {
          params: { id: "999999" },
        })
      ).status,
    ).toBe(404);
  });
});
