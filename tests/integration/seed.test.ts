import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { seed } from "#db/seed";
import { categories, certifications, communes, productVariants, products, producers, users } from "#db/schema";
import { verifyLogin } from "~/models/user.server";
import { getTestDb } from "../setup/vitest";

describe("demo data", () => {
  it("loads the 92 communes of Thái Nguyên with their former districts", () => {
    const db = getTestDb();
    expect(db.select({ n: count() }).from(communes).get()?.n).toBe(92);
    const tanCuong = db.select().from(communes).where(eq(communes.code, "05503")).get();
    expect(tanCuong).toMatchObject({ name: "Xã Tân Cương", area: "TP Thái Nguyên", teaArea: "Tân Cương" });
    const areas = new Set(
      db
        .select()
        .from(communes)
        .all()
        .map((c) => c.area),
    );
    expect(areas.has("Định Hóa")).toBe(true);
    expect(areas.has("Ba Bể")).toBe(true); // former Bắc Kạn
  }, 60_000);

  it("seeds the contract records, and a second run changes nothing", async () => {
    const db = getTestDb();
    await seed(db);
    const snapshot = () => ({
      users: db.select({ n: count() }).from(users).get()?.n,
      producers: db.select({ n: count() }).from(producers).get()?.n,
      products: db.select({ n: count() }).from(products).get()?.n,
      variants: db.select({ n: count() }).from(productVariants).get()?.n,
      certifications: db.select({ n: count() }).from(certifications).get()?.n,
      categories: db.select({ n: count() }).from(categories).get()?.n,
    });
    const first = snapshot();
    expect(first.products).toBeGreaterThanOrEqual(40);
    expect(first.producers).toBeGreaterThanOrEqual(12);
    const kinds = new Set(
      db
        .select()
        .from(producers)
        .all()
        .map((p) => p.kind),
    );
    expect(kinds).toEqual(new Set(["household", "cooperative", "enterprise"]));

    for (const email of ["admin@choso.test", "tancuong@choso.test", "trader@choso.test", "shopper@choso.test"]) {
      expect(await verifyLogin(email, "choso-demo-2026"), email).not.toBeNull();
    }
    const tc = db.select().from(producers).where(eq(producers.slug, "htx-che-tan-cuong")).get();
    expect(tc).toMatchObject({ name: "HTX Chè Tân Cương", kind: "cooperative", communeCode: "05503", area: "TP Thái Nguyên", status: "verified" });
    const tea = db.select().from(products).where(eq(products.slug, "che-tan-cuong-dac-biet")).get();
    expect(tea).toMatchObject({ gtin: "09528536000017", producerId: tc!.id, status: "published" });

    await seed(db);
    expect(snapshot()).toEqual(first);
  }, 120_000);
});
