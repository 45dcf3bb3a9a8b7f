import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, products, producers, users, type User } from "#db/schema";
import { action as queueAction, loader as queueLoader } from "~/routes/admin.producers";
import { action as moderationAction } from "~/routes/admin.products";
import { loader as adminHome } from "~/routes/admin._index";
import { loader as dashboardLoader } from "~/routes/dashboard._index";
import { action as sellAction, loader as sellLoader } from "~/routes/sell";
import { loader as productPage } from "~/routes/products.$slug";
import { getTestDb } from "../setup/vitest";
import { makeProducer, makeProduct, makeUser } from "../factories";
import { formRequest, getRequest } from "../support/request";
import { callRoute, cookieFor, multipartRequest, pngFile } from "../support/storefront";

let admin: User;
let adminCookie: string;
const db = () => getTestDb();

beforeAll(async () => {
  admin = await makeUser({ role: "admin", name: "Cán bộ Sở" });
  adminCookie = await cookieFor(admin.id);
});

describe("applying to sell", () => {
  it("creates a pending producer with the commune's area, a photo, and makes the shopper a producer", async () => {
    const shopper = await makeUser({ name: "Anh Tuấn" });
    const cookie = await cookieFor(shopper.id);
    const res = await callRoute(
      sellAction,
      multipartRequest(
        "/sell",
        {
          name: "Hộ Tuấn Định Hóa",
          legalName: "Nguyễn Văn Tuấn",
          kind: "household",
          communeCode: "05569",
          address: "Thôn Nà Mòn",
          phone: "0987 111 222",
          story: "Chè đồi",
          gs1CompanyPrefix: "893123",
        },
        cookie,
        { photo: await pngFile(900, 600) },
      ),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/dashboard");
    const producer = db().select().from(producers).where(eq(producers.ownerUserId, shopper.id)).get()!;
    expect(producer).toMatchObject({ status: "pending", phone: "+84987111222", gs1CompanyPrefix: "893123", slug: "ho-tuan-dinh-hoa" });
    expect(producer.area).toBe("Định Hóa");
    expect(producer.photoImageId).toMatch(/^[a-f0-9]{32}$/);
    expect(db().select().from(users).where(eq(users.id, shopper.id)).get()?.role).toBe("producer");
  });

  it("answers bad fields with 400 and keeps what was typed", async () => {
    const shopper = await makeUser();
    const res = await callRoute(
      sellAction,
      multipartRequest(
        "/sell",
        { name: "Hộ Lan", legalName: "Lò Thị Lan", kind: "household", communeCode: "99999", address: "Xóm 1", phone: "0912345678" },
        await cookieFor(shopper.id),
      ),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { lastResult: { error: Record<string, string[]>; initialValue: Record<string, string> } };
    expect(body.lastResult.error.communeCode).toEqual(["producer:validation.commune"]);
    expect(body.lastResult.initialValue.name).toBe("Hộ Lan");
    expect(db().select().from(producers).where(eq(producers.ownerUserId, shopper.id)).get()).toBeUndefined();
  });

  it("needs a signed-in user", async () => {
    const res = await callRoute(sellLoader, getRequest("/sell"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Fsell/);
  });
});

describe("verification queue", () => {
  it("is for province staff only", async () => {
    const { owner } = await makeProducer();
    expect((await callRoute(queueLoader, getRequest("/admin/producers", await cookieFor(owner.id)))).status).toBe(403);
    const res = await callRoute(queueAction, formRequest("/admin/producers", { intent: "verify", producerId: "1" }, { cookie: await cookieFor(owner.id) }));
    expect(res.status).toBe(403);
  });

  it("verifies a pending producer and writes who/what/when to the audit log", async () => {
    const { producer } = await makeProducer({ status: "pending", name: "HTX Chờ Duyệt" });
    const list = (await (await callRoute(queueLoader, getRequest("/admin/producers", adminCookie))).json()) as { producers: { id: number }[] };
    expect(list.producers.map((p) => p.id)).toContain(producer.id);
    const before = Date.now();
    const res = await callRoute(
      queueAction,
      formRequest("/admin/producers?status=pending", { intent: "verify", producerId: String(producer.id) }, { cookie: adminCookie }),
    );
    expect(res.status).toBe(302);
    const after = db().select().from(producers).where(eq(producers.id, producer.id)).get()!;
    expect(after.status).toBe("verified");
    expect(after.verifiedAt).toBeInstanceOf(Date);
    const entry = db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, String(producer.id)))
      .all()
      .find((a) => a.action === "producer.verify")!;
    expect(entry).toMatchObject({ actorUserId: admin.id, subjectType: "producer" });
    expect(entry.details).toMatchObject({ name: "HTX Chờ Duyệt", previousStatus: "pending" });
    expect(entry.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("rejects with a reason the producer then sees, audit-logged; a too-short reason is a field error", async () => {
    const { owner, producer } = await makeProducer({ status: "pending" });
    const bad = await callRoute(
      queueAction,
      formRequest("/admin/producers", { intent: "reject", producerId: String(producer.id), reason: "x" }, { cookie: adminCookie }),
    );
    expect(bad.status).toBe(400);
    expect(db().select().from(producers).where(eq(producers.id, producer.id)).get()?.status).toBe("pending");

    const reason = "Ảnh giấy phép bị mờ, xin gửi lại";
    const res = await callRoute(
      queueAction,
      formRequest("/admin/producers", { intent: "reject", producerId: String(producer.id), reason }, { cookie: adminCookie }),
    );
    expect(res.status).toBe(302);
    expect(db().select().from(producers).where(eq(producers.id, producer.id)).get()).toMatchObject({ status: "rejected", rejectionReason: reason });
    const entry = db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "producer.reject"))
      .all()
      .find((a) => a.subjectId === String(producer.id))!;
    expect(entry.actorUserId).toBe(admin.id);
    expect(entry.details).toMatchObject({ reason });

    const dash = (await (await callRoute(dashboardLoader, getRequest("/dashboard", await cookieFor(owner.id)))).json()) as {
      producer: { status: string; rejectionReason: string };
    };
    expect(dash.producer).toMatchObject({ status: "rejected", rejectionReason: reason });

    // Correcting and resubmitting puts the application back in the queue.
    const resubmit = await callRoute(
      sellAction,
      multipartRequest(
        "/sell",
        {
          name: producer.name,
          legalName: `Hợp tác xã ${producer.name}`,
          kind: "cooperative",
          communeCode: "05503",
          address: "Xóm 2",
          phone: "0912000000",
          taxCode: "4601112223",
        },
        await cookieFor(owner.id),
      ),
    );
    expect(resubmit.status).toBe(302);
    expect(db().select().from(producers).where(eq(producers.id, producer.id)).get()).toMatchObject({ status: "pending", rejectionReason: null });
  });

  it("an unknown producer is a 404 and an unknown intent a 400", async () => {
    expect((await callRoute(queueAction, formRequest("/admin/producers", { intent: "verify", producerId: "999999" }, { cookie: adminCookie }))).status).toBe(
      404,
    );
    expect((await callRoute(queueAction, formRequest("/admin/producers", { intent: "delete", producerId: "1" }, { cookie: adminCookie }))).status).toBe(400);
  });
});

describe("listing moderation", () => {
  it("hides a listing with a reason (gone from the store), unhides it, both audit-logged", async () => {
    const { producer } = await makeProducer();
    const product = makeProduct(producer.id, { name: "Chè kiểm duyệt" });
    const page = () => callRoute(productPage, getRequest(`/products/${product.slug}`), { slug: product.slug });
    expect((await page()).status).toBe(200);

    const hide = await callRoute(
      moderationAction,
      formRequest("/admin/products", { intent: "hide", productId: String(product.id), reason: "Ảnh không đúng sản phẩm" }, { cookie: adminCookie }),
    );
    expect(hide.status).toBe(302);
    expect(db().select().from(products).where(eq(products.id, product.id)).get()?.moderationHiddenReason).toBe("Ảnh không đúng sản phẩm");
    expect((await page()).status).toBe(404);

    const unhide = await callRoute(
      moderationAction,
      formRequest("/admin/products", { intent: "unhide", productId: String(product.id) }, { cookie: adminCookie }),
    );
    expect(unhide.status).toBe(302);
    expect((await page()).status).toBe(200);
    const actions = db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectType, "product"))
      .all()
      .filter((a) => a.subjectId === String(product.id));
    expect(actions.map((a) => a.action)).toEqual(["product.hide", "product.unhide"]);
    expect(actions.every((a) => a.actorUserId === admin.id)).toBe(true);
  });

  it("needs a reason to hide", async () => {
    const { producer } = await makeProducer();
    const product = makeProduct(producer.id);
    const res = await callRoute(
      moderationAction,
      formRequest("/admin/products", { intent: "hide", productId: String(product.id), reason: "" }, { cookie: adminCookie }),
    );
    expect(res.status).toBe(400);
    expect(db().select().from(products).where(eq(products.id, product.id)).get()?.moderationHiddenReason).toBeNull();
  });

  it("the admin home page counts pending producers and published products", async () => {
    await makeProducer({ status: "pending" });
    const data = (await (await callRoute(adminHome, getRequest("/admin", adminCookie))).json()) as {
      producers: { pending?: number };
      products: { published: number };
      audit: unknown[];
    };
    expect(data.producers.pending).toBeGreaterThanOrEqual(1);
    expect(data.products.published).toBeGreaterThanOrEqual(1);
    expect(data.audit.length).toBeGreaterThan(0);
  });
});
