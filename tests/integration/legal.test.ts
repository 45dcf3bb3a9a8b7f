/** Privacy notice and terms pages, consent at sign-up and checkout, the footer's operator, seller legal details. */
import { describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { consents, orders, producers, productVariants } from "#db/schema";
import { loader as privacyLoader } from "~/routes/privacy";
import { loader as termsLoader } from "~/routes/terms";
import { loader as rootLoader } from "~/root";
import { action as signupAction } from "~/routes/signup";
import { action as cartAction } from "~/routes/cart";
import { action as checkoutAction } from "~/routes/checkout";
import { action as sellAction } from "~/routes/sell";
import { loader as producerPage } from "~/routes/producers.$slug";
import { LEGAL_DOCUMENTS } from "~/legal/documents.server";
import { getTestDb } from "../setup/vitest";
import { makeProducer, makeProduct, makeUser } from "../factories";
import { cookieFrom, formRequest, getRequest } from "../support/request";
import { cookieFor, multipartRequest } from "../support/storefront";
import { freshIp, freshPhone, route } from "../support/accounts";

const db = () => getTestDb();
type Doc = {
  doc: { version: string; isCurrent: boolean; demoOperator: boolean; text: { title: string; sections: { id: string; title: string; body: unknown[] }[] } };
};

describe("privacy notice and terms", () => {
  for (const [path, loader] of [
    ["/privacy", privacyLoader],
    ["/terms", termsLoader],
  ] as const) {
    it(`${path} is served in Vietnamese and English, versioned, with the operator filled in`, async () => {
      const vi = (await (await route(loader, getRequest(path))).json()) as Doc;
      const en = (await (await route(loader, new Request(`http://localhost:3000${path}`, { headers: { Cookie: "lng=en" } }))).json()) as Doc;
      expect(vi.doc.version).toBe("1.0");
      expect(vi.doc.isCurrent).toBe(true);
      expect(vi.doc.demoOperator).toBe(true); // tests run without OPERATOR_* (demo values, labelled)
      expect(vi.doc.text.title).not.toEqual(en.doc.text.title);
      expect(vi.doc.text.sections.map((s) => s.id)).toEqual(en.doc.text.sections.map((s) => s.id));
      const all = JSON.stringify(vi) + JSON.stringify(en);
      expect(all).not.toContain("{{");
      expect(all).toContain("Công ty TNHH Chợ Số Thái Nguyên");
      expect(all).toContain("4609999999");
      expect((await route(loader, getRequest(`${path}?v=1.0`))).status).toBe(200);
      expect((await route(loader, getRequest(`${path}?v=0.9`))).status).toBe(404);
    });
  }

  it("every version of every document has the same sections in both languages and names the laws", () => {
    for (const versions of Object.values(LEGAL_DOCUMENTS)) {
      for (const v of versions) {
        expect(v.vi.sections.map((s) => s.id)).toEqual(v.en.sections.map((s) => s.id));
        expect(v.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    const privacy = JSON.stringify(LEGAL_DOCUMENTS.privacy);
    expect(privacy).toContain("91/2025/QH15");
    const terms = JSON.stringify(LEGAL_DOCUMENTS.terms);
    expect(terms).toContain("52/2013");
    expect(terms).toContain("85/2021");
    expect(terms).toContain("Luật Thương mại điện tử 2025");
  });

  it("every page's root data carries the operator's details for the footer", async () => {
    const data = (await (await route(rootLoader, getRequest("/"))).json()) as { operator: { name: string; taxCode: string; phone: string; demo: boolean } };
    expect(data.operator).toMatchObject({ name: "Công ty TNHH Chợ Số Thái Nguyên", taxCode: "4609999999", phone: "0208 399 9000", demo: true });
  });
});

describe("consent", () => {
  it("is required at sign-up and recorded with the documents' versions", async () => {
    const phone = freshPhone();
    const fields = { name: "Chị Vân", identifier: phone.typed, password: "mat-khau-tot-1", confirmPassword: "mat-khau-tot-1" };
    const missing = await route(signupAction, formRequest("/signup", fields), { ip: freshIp() });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { lastResult: { error: Record<string, string[]> } }).lastResult.error.privacyConsent).toEqual(["legal:consent.required"]);
    const ok = await route(signupAction, formRequest("/signup", { ...fields, privacyConsent: "yes" }, { cookie: "lng=en" }), { ip: freshIp() });
    expect(ok.status).toBe(302);
    const consent = db().select().from(consents).orderBy(desc(consents.id)).get()!;
    expect(consent).toMatchObject({
      context: "signup",
      privacyVersion: "1.0",
      termsVersion: "1.0",
      lang: "en",
      orderId: null,
      purposes: ["account", "orders", "messages"],
    });
    expect(consent.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("is required at guest checkout and recorded against the order", async () => {
    const { producer } = await makeProducer();
    const product = makeProduct(producer.id);
    const variant = db().select().from(productVariants).where(eq(productVariants.productId, product.id)).get()!;
    const added = await route(cartAction, formRequest("/cart", { intent: "add", variantId: String(variant.id), quantity: "1" }));
    const cookie = cookieFrom(added);
    const fields = {
      intent: "place",
      idempotencyKey: `consent-${Date.now()}-abcdefghijkl`,
      customerName: "Chị Lan",
      customerPhone: "0912 345 678",
      place: "tn",
      communeCode: "05503",
      addressLine: "Xóm 2",
      paymentMethod: "cod",
      [`delivery_${producer.id}`]: "delivery",
    };
    const missing = await route(checkoutAction, formRequest("/checkout", fields, { cookie }), { ip: freshIp() });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { lastResult: { error: Record<string, string[]> } }).lastResult.error.privacyConsent).toEqual(["legal:consent.required"]);

    const placed = await route(checkoutAction, formRequest("/checkout", { ...fields, privacyConsent: "yes" }, { cookie }), { ip: freshIp() });
    expect(placed.status).toBe(302);
    const order = db().select().from(orders).orderBy(desc(orders.id)).get()!;
    const consent = db().select().from(consents).where(eq(consents.orderId, order.id)).get()!;
    expect(consent).toMatchObject({ context: "checkout", userId: null, guestId: order.guestId, privacyVersion: "1.0", lang: "vi" });
    // A retry of the same submission makes one order and one consent record.
    await route(checkoutAction, formRequest("/checkout", { ...fields, privacyConsent: "yes" }, { cookie }), { ip: freshIp() });
    expect(db().select().from(consents).where(eq(consents.orderId, order.id)).all()).toHaveLength(1);
  });
});

describe("seller legal details", () => {
  const application = {
    name: "HTX Chè Phúc Xuân",
    legalName: "Hợp tác xã Chè Phúc Xuân",
    kind: "cooperative",
    communeCode: "05503",
    address: "Xóm Đồng Kiệm",
    phone: "0912 000 333",
  };

  it("a cooperative or enterprise must give a valid tax code; a household may sell without one", async () => {
    for (const kind of ["cooperative", "enterprise"]) {
      const user = await makeUser();
      const res = await route(sellAction, multipartRequest("/sell", { ...application, kind }, await cookieFor(user.id)));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { lastResult: { error: Record<string, string[]> } }).lastResult.error.taxCode).toEqual(["legal:seller.taxCodeRequired"]);
    }
    for (const bad of ["123", "46012345678", "4601234567-000", "0000000000", "46O1234567"]) {
      const user = await makeUser();
      const res = await route(sellAction, multipartRequest("/sell", { ...application, taxCode: bad }, await cookieFor(user.id)));
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { lastResult: { error: Record<string, string[]> } }).lastResult.error.taxCode).toEqual(["producer:validation.taxCode"]);
    }
    const missingLegal = await route(
      sellAction,
      multipartRequest("/sell", { ...application, legalName: "", taxCode: "4601234567" }, await cookieFor((await makeUser()).id)),
    );
    expect(((await missingLegal.json()) as { lastResult: { error: Record<string, string[]> } }).lastResult.error.legalName).toEqual(["validation.required"]);

    const coop = await makeUser();
    expect((await route(sellAction, multipartRequest("/sell", { ...application, taxCode: "4601 234 567 001" }, await cookieFor(coop.id)))).status).toBe(302);
    expect(db().select().from(producers).where(eq(producers.ownerUserId, coop.id)).get()).toMatchObject({
      taxCode: "4601234567-001",
      legalName: "Hợp tác xã Chè Phúc Xuân",
    });

    const household = await makeUser();
    const res = await route(
      sellAction,
      multipartRequest("/sell", { ...application, name: "Hộ bà Hạnh", legalName: "Đào Thị Hạnh", kind: "household" }, await cookieFor(household.id)),
    );
    expect(res.status).toBe(302);
    expect(db().select().from(producers).where(eq(producers.ownerUserId, household.id)).get()).toMatchObject({ taxCode: null, legalName: "Đào Thị Hạnh" });
  });

  it("a verified producer changing its legal name or tax code goes back to staff for checking", async () => {
    const { owner, producer } = await makeProducer();
    db().update(producers).set({ legalName: "Hợp tác xã A", taxCode: "4601112226" }).where(eq(producers.id, producer.id)).run();
    const cookie = await cookieFor(owner.id);
    const same = {
      name: producer.name,
      legalName: "Hợp tác xã A",
      kind: "cooperative",
      communeCode: producer.communeCode,
      address: "Xóm 5",
      phone: "0912 000 000",
      taxCode: "4601112226",
    };
    await route(sellAction, multipartRequest("/sell", same, cookie));
    expect(db().select().from(producers).where(eq(producers.id, producer.id)).get()?.status).toBe("verified");
    await route(sellAction, multipartRequest("/sell", { ...same, taxCode: "4601112227" }, cookie));
    expect(db().select().from(producers).where(eq(producers.id, producer.id)).get()?.status).toBe("pending");
  });

  it("the public producer page shows legal name, address, phone and tax code (or that a household has none)", async () => {
    const { producer } = await makeProducer();
    db().update(producers).set({ legalName: "Hợp tác xã Chè Thử", taxCode: "4601112228" }).where(eq(producers.id, producer.id)).run();
    const data = (await (await route(producerPage, getRequest(`/producers/${producer.slug}`), { params: { slug: producer.slug } })).json()) as {
      seller: { legalName: string; address: string; phone: string; taxCode: string | null };
    };
    expect(data.seller).toEqual({ legalName: "Hợp tác xã Chè Thử", address: "Xóm 1", phone: "0912 000 000", phoneHref: "+84912000000", taxCode: "4601112228" });

    const household = await makeProducer();
    db().update(producers).set({ kind: "household", legalName: null, taxCode: null }).where(eq(producers.id, household.producer.id)).run();
    const h = (await (await route(producerPage, getRequest("/"), { params: { slug: household.producer.slug } })).json()) as {
      seller: { legalName: string; taxCode: null };
    };
    // Rows from before the field existed show the display name.
    expect(h.seller).toMatchObject({ legalName: household.producer.name, taxCode: null });
  });
});
