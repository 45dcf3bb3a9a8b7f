import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { producers, products } from "#db/schema";
import { buildCategory, buildCertification } from "#db/builders";
import { loader as catalogueLoader } from "~/routes/products._index";
import { loader as productLoader } from "~/routes/products.$slug";
import { loader as producerLoader } from "~/routes/producers.$slug";
import { loader as homeLoader } from "~/routes/_index";
import { searchCatalogue } from "~/models/catalog.server";
import { parseCatalogueQuery } from "~/schemas/catalogue";
import { localIsoDate } from "~/utils/format";
import { getTestDb } from "../setup/vitest";
import { makeProducer, makeProduct, makeUser } from "../factories";
import { getRequest } from "../support/request";
import { callRoute, cookieFor } from "../support/storefront";

const db = () => getTestDb();
const search = (qs: string) => searchCatalogue(parseCatalogueQuery(new URLSearchParams(qs)));
const slugs = (qs: string) => search(qs).items.map((i) => i.slug);

let tanCuongTea: { slug: string; id: number };
let dinhHoaTea: { slug: string; id: number };
let honey: { slug: string; id: number };
let verifiedTanCuong: number;

beforeAll(async () => {
  // Xã Tân Cương (area TP Thái Nguyên) and Xã Định Hóa (area Định Hóa).
  const tc = await makeProducer({ name: "HTX Chè Tân Cương Thử", communeCode: "05503" });
  verifiedTanCuong = tc.producer.id;
  const dh = await makeProducer({ name: "Hộ Bà Đào", communeCode: "05569" });
  tanCuongTea = makeProduct(tc.producer.id, {
    name: "Chè Tân Cương đặc biệt thử",
    variants: [
      { label: "Hộp 100g", priceVnd: 120000, stock: 10 },
      { label: "Hộp 200g", priceVnd: 230000, stock: 0 },
    ],
  });
  dinhHoaTea = makeProduct(dh.producer.id, { name: "Chè búp Định Hóa", variants: [{ label: "Túi 500g", priceVnd: 300000, stock: 0 }] });
  const cat = buildCategory(db(), { slug: "mat-ong", nameVi: "Mật ong", nameEn: "Honey" });
  honey = makeProduct(dh.producer.id, { name: "Mật ong hoa rừng", variants: [{ label: "Chai 500ml", priceVnd: 90000, stock: 3 }] });
  db().update(products).set({ categoryId: cat.id }).where(eq(products.id, honey.id)).run();

  buildCertification(db(), {
    producerId: tc.producer.id,
    kind: "ocop",
    ocopStars: 4,
    number: "OCOP-OK",
    issuer: "UBND",
    validFrom: "2024-01-01",
    validTo: "2099-01-01",
  });
  // Expired yesterday (Asia/Ho_Chi_Minh calendar) — must count for nothing.
  const yesterday = localIsoDate(Date.now() - 86_400_000);
  buildCertification(db(), {
    producerId: dh.producer.id,
    kind: "vietgap",
    number: "VG-EXPIRED",
    issuer: "QUACERT",
    validFrom: "2020-01-01",
    validTo: yesterday,
  });
});

describe("search folds Vietnamese on both sides", () => {
  it("finds the same products for 'che tan cuong', 'Chè Tân Cương' and 'CHE TAN CUONG'", () => {
    const a = slugs("q=che tan cuong");
    expect(a).toContain(tanCuongTea.slug);
    expect(slugs("q=Chè Tân Cương")).toEqual(a);
    expect(slugs("q=CHE TAN CUONG")).toEqual(a);
    expect(a).not.toContain(honey.slug);
  });

  it("'dinh hoa' finds Định Hóa (đ → d) by product name, commune and area; 'dao' finds producer Hộ Bà Đào", () => {
    expect(slugs("q=dinh hoa")).toEqual(expect.arrayContaining([dinhHoaTea.slug, honey.slug]));
    expect(slugs("q=ĐỊNH HÓA")).toEqual(slugs("q=dinh hoa"));
    expect(slugs("q=ba dao")).toEqual(expect.arrayContaining([dinhHoaTea.slug, honey.slug]));
    expect(slugs("q=mat ong")).toEqual([honey.slug]);
  });

  it("keeps the index in step when a product or its producer is renamed", () => {
    db().update(products).set({ name: "Mật ong bạc hà Đồng Văn" }).where(eq(products.id, honey.id)).run();
    expect(slugs("q=bac ha dong van")).toEqual([honey.slug]);
    db().update(products).set({ name: "Mật ong hoa rừng" }).where(eq(products.id, honey.id)).run();
    expect(slugs("q=bac ha")).toEqual([]);
    db().update(producers).set({ name: "HTX Đồi Chè Xanh" }).where(eq(producers.id, verifiedTanCuong)).run();
    expect(slugs("q=doi che xanh")).toEqual([tanCuongTea.slug]);
  });

  it("treats FTS syntax as plain words and never fails", () => {
    expect(() => search('q=che" OR * NEAR(')).not.toThrow();
    expect(search("q=***").total).toBe(0);
  });
});

describe("visibility: only verified producers' published, unmoderated products", () => {
  it("hides drafts, hidden and moderated products and those of pending or rejected producers", async () => {
    const { producer } = await makeProducer();
    const draft = makeProduct(producer.id, { name: "Chè Hiển Thị nháp", status: "draft" });
    const hidden = makeProduct(producer.id, { name: "Chè Hiển Thị ẩn", status: "hidden" });
    const moderated = makeProduct(producer.id, { name: "Chè Hiển Thị kiểm duyệt" });
    db().update(products).set({ moderationHiddenReason: "Sai ảnh" }).where(eq(products.id, moderated.id)).run();
    const pending = makeProduct((await makeProducer({ status: "pending" })).producer.id, { name: "Chè Hiển Thị chờ" });
    const rejected = makeProduct((await makeProducer({ status: "rejected" })).producer.id, { name: "Chè Hiển Thị từ chối" });
    const visible = makeProduct(producer.id, { name: "Chè Hiển Thị công khai" });

    expect(slugs("q=hien thi")).toEqual([visible.slug]);
    for (const p of [draft, hidden, moderated, pending, rejected]) {
      expect((await callRoute(productLoader, getRequest(`/products/${p.slug}`), { slug: p.slug })).status).toBe(404);
    }
    expect((await callRoute(productLoader, getRequest(`/products/${visible.slug}`), { slug: visible.slug })).status).toBe(200);
  });

  it("a pending producer's page is a 404; a verified one's shows story, certificates, products", async () => {
    const { producer } = await makeProducer({ status: "pending" });
    expect((await callRoute(producerLoader, getRequest(`/producers/${producer.slug}`), { slug: producer.slug })).status).toBe(404);
    expect((await callRoute(producerLoader, getRequest(`/producers/nope`), { slug: "nope" })).status).toBe(404);
    const tc = db().select().from(producers).where(eq(producers.id, verifiedTanCuong)).get()!;
    const res = await callRoute(producerLoader, getRequest(`/producers/${tc.slug}`), { slug: tc.slug });
    const data = (await res.json()) as { products: { slug: string }[]; certs: { number: string; validity: string }[] };
    expect(data.products.map((p) => p.slug)).toContain(tanCuongTea.slug);
    expect(data.certs.map((c) => c.number)).toEqual(["OCOP-OK"]);
  });
});

describe("filters, sorting, paging", () => {
  it("filters by area and commune", () => {
    expect(slugs("area=dinh-hoa")).toEqual(expect.arrayContaining([dinhHoaTea.slug, honey.slug]));
    expect(slugs("area=dinh-hoa")).not.toContain(tanCuongTea.slug);
    expect(slugs("commune=05503")).toContain(tanCuongTea.slug);
    expect(slugs("commune=05503")).not.toContain(honey.slug);
  });

  it("filters by category, price range and stock", () => {
    expect(slugs("category=mat-ong")).toEqual([honey.slug]);
    expect(slugs("q=che&min=200000&max=250000")).toEqual([tanCuongTea.slug]);
    expect(slugs("q=che dinh hoa&instock=1")).toEqual([]);
    expect(slugs("q=che tan cuong dac biet&instock=1")).toEqual([tanCuongTea.slug]);
  });

  it("filters by valid certificates only: an expired VietGAP counts for nothing; OCOP 4★ matches ocop3/ocop4, not ocop5", () => {
    expect(slugs("cert=vietgap")).not.toContain(dinhHoaTea.slug);
    expect(slugs("cert=ocop4")).toContain(tanCuongTea.slug);
    expect(slugs("cert=ocop3")).toContain(tanCuongTea.slug);
    expect(slugs("cert=ocop5")).not.toContain(tanCuongTea.slug);
  });

  it("sorts by price both ways and by name, and pages", () => {
    const asc = search("sort=price_asc").items.map((i) => i.minPrice ?? 0);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = search("sort=price_desc").items.map((i) => i.minPrice ?? 0);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const names = search("sort=name").items.map((i) => i.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const one = searchCatalogue(parseCatalogueQuery(new URLSearchParams("page=2")), 1);
    expect(one.page).toBe(2);
    expect(one.items).toHaveLength(1);
    expect(one.pageCount).toBe(one.total);
  });
});

describe("product page", () => {
  it("shows variants, JSON-LD offers in VND and certificates with computed validity", async () => {
    const res = await callRoute(productLoader, getRequest(`/products/${tanCuongTea.slug}`), { slug: tanCuongTea.slug });
    const data = (await res.json()) as {
      variants: { label: string; priceVnd: number }[];
      jsonLd: { "@type": string; offers: { priceCurrency: string; lowPrice: number; offers: { price: number; availability: string }[] } };
      certs: { number: string; validity: string }[];
    };
    expect(data.variants.map((v) => v.label)).toEqual(["Hộp 100g", "Hộp 200g"]);
    expect(data.jsonLd["@type"]).toBe("Product");
    expect(data.jsonLd.offers.priceCurrency).toBe("VND");
    expect(data.jsonLd.offers.lowPrice).toBe(120000);
    expect(data.jsonLd.offers.offers.map((o) => o.availability)).toEqual(["https://schema.org/InStock", "https://schema.org/OutOfStock"]);
    expect(data.certs).toEqual([expect.objectContaining({ number: "OCOP-OK", validity: "valid" })]);
  });

  it("an expired certificate is shown as expired, not valid", async () => {
    const res = await callRoute(productLoader, getRequest(`/products/${dinhHoaTea.slug}`), { slug: dinhHoaTea.slug });
    const data = (await res.json()) as { certs: { number: string; validity: string }[] };
    expect(data.certs).toEqual([expect.objectContaining({ number: "VG-EXPIRED", validity: "expired" })]);
  });
});

describe("caching of public pages", () => {
  it("sends a short public Cache-Control without a session, no-store with one", async () => {
    const anon = await callRoute(catalogueLoader, getRequest("/products?q=che"));
    expect(anon.headers.get("Cache-Control")).toMatch(/^public, max-age=60/);
    expect(anon.headers.get("Vary")).toBe("Cookie");
    const shopper = await makeUser();
    const signedIn = await callRoute(catalogueLoader, getRequest("/products?q=che", await cookieFor(shopper.id)));
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-store");
    const home = await callRoute(homeLoader, getRequest("/"));
    expect(home.headers.get("Cache-Control")).toMatch(/^public/);
    const product = await callRoute(productLoader, getRequest(`/products/${tanCuongTea.slug}`, await cookieFor(shopper.id)), { slug: tanCuongTea.slug });
    expect(product.headers.get("Cache-Control")).toBe("private, no-store");
  });
});
