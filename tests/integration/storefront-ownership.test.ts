/**
 * Ownership: a producer can never see another producer's drafts or change another producer's data,
 * whatever URL or form field they send. One test per dashboard action, each also proving the same
 * action works on the producer's own data (so the refusals are not vacuous).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { certifications, productImages, productVariants, products, producers, type Producer, type Product, type User } from "#db/schema";
import { buildCertification } from "#db/builders";
import { loader as listLoader } from "~/routes/dashboard.products._index";
import { action as newAction } from "~/routes/dashboard.products.new";
import { action as editAction, loader as editLoader } from "~/routes/dashboard.products.$id";
import { action as certAction, loader as certLoader } from "~/routes/dashboard.certifications";
import { action as sellAction } from "~/routes/sell";
import { storeImage } from "~/utils/images.server";
import { getTestDb } from "../setup/vitest";
import { makeCategory, makeProducer, makeProduct, makeUser } from "../factories";
import { formRequest, getRequest } from "../support/request";
import { callRoute, cookieFor, multipartRequest, pngFile } from "../support/storefront";

let mine: { owner: User; producer: Producer };
let theirs: { owner: User; producer: Producer };
let cookie: string;
let theirProduct: Product;
let theirVariantId: number;
let theirPhotoId: number;
let myProduct: Product;
let myVariantId: number;

const db = () => getTestDb();
const snapshot = (productId: number) => ({
  product: db().select().from(products).where(eq(products.id, productId)).get(),
  variants: db().select().from(productVariants).where(eq(productVariants.productId, productId)).all(),
  photos: db().select().from(productImages).where(eq(productImages.productId, productId)).all(),
});
const edit = (productId: number, fields: Record<string, string>) =>
  callRoute(editAction, formRequest(`/dashboard/products/${productId}`, fields, { cookie }), { id: String(productId) });

beforeAll(async () => {
  mine = await makeProducer({ name: "HTX Của Tôi" });
  theirs = await makeProducer({ name: "HTX Hàng Xóm" });
  cookie = await cookieFor(mine.owner.id);
  theirProduct = makeProduct(theirs.producer.id, { name: "Chè nháp bí mật", status: "draft" });
  theirVariantId = db().select().from(productVariants).where(eq(productVariants.productId, theirProduct.id)).get()!.id;
  const image = await storeImage(db(), Buffer.from(await (await pngFile(400, 300)).arrayBuffer()));
  theirPhotoId = db().insert(productImages).values({ productId: theirProduct.id, imageId: image.id }).returning().get().id;
  myProduct = makeProduct(mine.producer.id, { name: "Chè của tôi", status: "draft" });
  myVariantId = db().select().from(productVariants).where(eq(productVariants.productId, myProduct.id)).get()!.id;
});

describe("dashboard reads", () => {
  it("lists only the signed-in producer's products (no neighbour drafts)", async () => {
    const res = await callRoute(listLoader, getRequest("/dashboard/products", cookie));
    const data = (await res.json()) as { products: { id: number }[] };
    expect(data.products.map((p) => p.id)).toEqual([myProduct.id]);
  });

  it("answers 404 for another producer's product page, 200 for one's own", async () => {
    expect((await callRoute(editLoader, getRequest(`/dashboard/products/${theirProduct.id}`, cookie), { id: String(theirProduct.id) })).status).toBe(404);
    expect((await callRoute(editLoader, getRequest(`/dashboard/products/${myProduct.id}`, cookie), { id: String(myProduct.id) })).status).toBe(200);
    expect((await callRoute(editLoader, getRequest(`/dashboard/products/abc`, cookie), { id: "abc" })).status).toBe(404);
  });

  it("sends a signed-in shopper without a producer to the application form", async () => {
    const shopper = await makeUser();
    const res = await callRoute(listLoader, getRequest("/dashboard/products", await cookieFor(shopper.id)));
    expect(res.status).toBe(403);
    const applicant = await makeUser({ role: "producer" });
    const res2 = await callRoute(listLoader, getRequest("/dashboard/products", await cookieFor(applicant.id)));
    expect(res2.headers.get("Location")).toBe("/sell");
  });
});

describe("dashboard actions", () => {
  it("create: a producerId field cannot plant a product on another producer", async () => {
    const category = makeCategory();
    const res = await callRoute(
      newAction,
      formRequest("/dashboard/products/new", { name: "Chè mới", categoryId: String(category.id), producerId: String(theirs.producer.id) }, { cookie }),
    );
    expect(res.status).toBe(302);
    const created = db().select().from(products).where(eq(products.name, "Chè mới")).get()!;
    expect(created.producerId).toBe(mine.producer.id);
    expect(created.status).toBe("draft");
    expect(res.headers.get("Location")).toBe(`/dashboard/products/${created.id}?created=1`);
  });

  it("update: another producer's product stays untouched (404); one's own changes", async () => {
    const category = makeCategory();
    const before = snapshot(theirProduct.id);
    const res = await edit(theirProduct.id, { intent: "update", name: "Đã bị sửa", categoryId: String(category.id) });
    expect(res.status).toBe(404);
    expect(snapshot(theirProduct.id)).toEqual(before);
    const ok = await edit(myProduct.id, { intent: "update", name: "Chè của tôi (mới)", categoryId: String(category.id), gtin: "4006381333931" });
    expect(ok.status).toBe(302);
    expect(snapshot(myProduct.id).product).toMatchObject({ name: "Chè của tôi (mới)", gtin: "04006381333931" });
  });

  it("publish and hide: refused on another producer's product, allowed on one's own", async () => {
    const before = snapshot(theirProduct.id);
    expect((await edit(theirProduct.id, { intent: "publish" })).status).toBe(404);
    expect((await edit(theirProduct.id, { intent: "hide" })).status).toBe(404);
    expect(snapshot(theirProduct.id)).toEqual(before);
    expect((await edit(myProduct.id, { intent: "publish" })).status).toBe(302);
    expect(snapshot(myProduct.id).product?.status).toBe("published");
    expect((await edit(myProduct.id, { intent: "hide" })).status).toBe(302);
    expect(snapshot(myProduct.id).product?.status).toBe("hidden");
  });

  it("addVariant: refused on another producer's product", async () => {
    const before = snapshot(theirProduct.id);
    const res = await edit(theirProduct.id, { intent: "addVariant", label: "Hộp 500g", priceVnd: "500000", stock: "5" });
    expect(res.status).toBe(404);
    expect(snapshot(theirProduct.id)).toEqual(before);
    expect((await edit(myProduct.id, { intent: "addVariant", label: "Hộp 500g", priceVnd: "500000", stock: "5" })).status).toBe(302);
    expect(snapshot(myProduct.id).variants.map((v) => v.label)).toContain("Hộp 500g");
  });

  it("updateVariant: another producer's variant cannot be reached via one's own product id either", async () => {
    const before = snapshot(theirProduct.id);
    const fields = { intent: "updateVariant", variantId: String(theirVariantId), label: "Hack", priceVnd: "1000", stock: "0" };
    expect((await edit(theirProduct.id, fields)).status).toBe(404);
    expect((await edit(myProduct.id, fields)).status).toBe(404);
    expect(snapshot(theirProduct.id)).toEqual(before);
    const ok = await edit(myProduct.id, { ...fields, variantId: String(myVariantId), label: "Hộp 100g mới" });
    expect(ok.status).toBe(302);
    expect(db().select().from(productVariants).where(eq(productVariants.id, myVariantId)).get()?.label).toBe("Hộp 100g mới");
  });

  it("removeVariant: refused for another producer's variant, whatever product id is sent", async () => {
    const before = snapshot(theirProduct.id);
    expect((await edit(theirProduct.id, { intent: "removeVariant", variantId: String(theirVariantId) })).status).toBe(404);
    expect((await edit(myProduct.id, { intent: "removeVariant", variantId: String(theirVariantId) })).status).toBe(404);
    expect(snapshot(theirProduct.id)).toEqual(before);
    const extra = db().insert(productVariants).values({ productId: myProduct.id, label: "Tạm", priceVnd: 5000, stock: 1 }).returning().get();
    expect((await edit(myProduct.id, { intent: "removeVariant", variantId: String(extra.id) })).status).toBe(302);
    expect(db().select().from(productVariants).where(eq(productVariants.id, extra.id)).get()?.active).toBe(false);
  });

  it("addPhoto: refused on another producer's product (nothing attached)", async () => {
    const before = snapshot(theirProduct.id);
    const res = await callRoute(
      editAction,
      multipartRequest(`/dashboard/products/${theirProduct.id}`, { intent: "addPhoto" }, cookie, { photo: await pngFile() }),
      {
        id: String(theirProduct.id),
      },
    );
    expect(res.status).toBe(404);
    expect(snapshot(theirProduct.id)).toEqual(before);
    const ok = await callRoute(
      editAction,
      multipartRequest(`/dashboard/products/${myProduct.id}`, { intent: "addPhoto" }, cookie, { photo: await pngFile() }),
      {
        id: String(myProduct.id),
      },
    );
    expect(ok.status).toBe(302);
    expect(snapshot(myProduct.id).photos).toHaveLength(1);
  });

  it("removePhoto: another producer's photo row cannot be deleted via any product id", async () => {
    const before = snapshot(theirProduct.id);
    expect((await edit(theirProduct.id, { intent: "removePhoto", imageRowId: String(theirPhotoId) })).status).toBe(404);
    expect((await edit(myProduct.id, { intent: "removePhoto", imageRowId: String(theirPhotoId) })).status).toBe(404);
    expect(snapshot(theirProduct.id)).toEqual(before);
    const mineRow = snapshot(myProduct.id).photos[0]!;
    expect((await edit(myProduct.id, { intent: "removePhoto", imageRowId: String(mineRow.id) })).status).toBe(302);
    expect(snapshot(myProduct.id).photos).toHaveLength(0);
  });

  it("an unknown intent fails loudly with 400", async () => {
    expect((await edit(myProduct.id, { intent: "deleteEverything" })).status).toBe(400);
  });
});

describe("certifications", () => {
  it("lists only one's own certificates and cannot delete a neighbour's", async () => {
    const theirCert = buildCertification(db(), {
      producerId: theirs.producer.id,
      kind: "vietgap",
      number: "VG-THEIRS",
      issuer: "QUACERT",
      validFrom: "2025-01-01",
      validTo: "2030-01-01",
    });
    const list = (await (await callRoute(certLoader, getRequest("/dashboard/certifications", cookie))).json()) as { certs: { id: number }[] };
    expect(list.certs.map((c) => c.id)).not.toContain(theirCert.id);
    const res = await callRoute(certAction, formRequest("/dashboard/certifications", { intent: "delete", certificationId: String(theirCert.id) }, { cookie }));
    expect(res.status).toBe(404);
    expect(db().select().from(certifications).where(eq(certifications.id, theirCert.id)).get()).toBeDefined();
  });

  it("adds a certificate with its scan to one's own producer only (producerId field ignored), then deletes it", async () => {
    const res = await callRoute(
      certAction,
      multipartRequest(
        "/dashboard/certifications",
        {
          intent: "add",
          kind: "ocop",
          ocopStars: "4",
          number: "OCOP-MINE",
          issuer: "UBND tỉnh Thái Nguyên",
          validFrom: "2025-01-01",
          validTo: "2028-01-01",
          producerId: String(theirs.producer.id),
        },
        cookie,
        { scan: await pngFile(800, 1100, "scan.png") },
      ),
    );
    expect(res.status).toBe(302);
    const cert = db().select().from(certifications).where(eq(certifications.number, "OCOP-MINE")).get()!;
    expect(cert.producerId).toBe(mine.producer.id);
    expect(cert.ocopStars).toBe(4);
    expect(cert.scanImageId).toMatch(/^[a-f0-9]{32}$/);
    const del = await callRoute(certAction, formRequest("/dashboard/certifications", { intent: "delete", certificationId: String(cert.id) }, { cookie }));
    expect(del.status).toBe(302);
    expect(db().select().from(certifications).where(eq(certifications.id, cert.id)).get()).toBeUndefined();
  });
});

describe("producer profile (/sell)", () => {
  it("edits only the signed-in user's own producer", async () => {
    const res = await callRoute(
      sellAction,
      multipartRequest(
        "/sell",
        {
          name: "HTX Của Tôi",
          legalName: "Hợp tác xã Của Tôi",
          kind: "cooperative",
          communeCode: "05503",
          address: "Xóm 9",
          phone: "0912000111",
          taxCode: "4601112224",
          producerId: String(theirs.producer.id),
        },
        cookie,
      ),
    );
    expect(res.status).toBe(302);
    expect(db().select().from(producers).where(eq(producers.id, mine.producer.id)).get()?.address).toBe("Xóm 9");
    expect(
      db()
        .select()
        .from(producers)
        .where(and(eq(producers.id, theirs.producer.id), eq(producers.address, "Xóm 9")))
        .get(),
    ).toBeUndefined();
  });
});
