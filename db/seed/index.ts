import type { DB } from "../client";
import { eq } from "drizzle-orm";
import { categories, products } from "../schema";
import { buildCategory, buildCertification, buildProducer, buildProduct, buildUser } from "../builders";
import { storeImage } from "../../app/utils/images.server";
import { CATEGORIES, DEMO_PASSWORD, DEMO_USERS, PRODUCERS } from "./data";
import { drawProductPicture } from "./images";
import { seedCheckout } from "./checkout";
import { seedTrace } from "./trace";
import { seedStorefront } from "./storefront";
import { seedMarket } from "./market";

/**
 * Fills the demo data of docs (README "Demo accounts"). Idempotent: every builder looks its record
 * up by natural key first, so a second run changes nothing. Later features add their own
 * `seedX(db)` step at the end.
 */
export async function seed(db: DB) {
  for (const c of CATEGORIES) buildCategory(db, c);
  const categoryId = new Map(
    db
      .select()
      .from(categories)
      .all()
      .map((c) => [c.slug, c.id]),
  );

  for (const u of Object.values(DEMO_USERS)) await buildUser(db, { ...u, password: DEMO_PASSWORD });

  let productCount = 0;
  // Newest first in the storefront: spread creation times over the past weeks, deterministically.
  let minutesAgo = 60 * 24 * 40;
  for (const p of PRODUCERS) {
    const owner = await buildUser(db, { name: p.owner.name, email: p.owner.email, password: DEMO_PASSWORD, role: "producer" });
    const producer = buildProducer(db, {
      slug: p.slug,
      ownerUserId: owner.id,
      name: p.name,
      legalName: p.legalName,
      kind: p.kind,
      communeCode: p.communeCode,
      address: p.address,
      phone: p.phone,
      story: p.story,
      taxCode: p.taxCode ?? null,
      gs1CompanyPrefix: p.gs1CompanyPrefix ?? null,
      status: "verified",
    });
    for (const cert of p.certs) buildCertification(db, { producerId: producer.id, ...cert });
    for (const product of p.products) {
      minutesAgo -= 97;
      if (db.select({ id: products.id }).from(products).where(eq(products.slug, product.slug)).get()) continue;
      const picture = await drawProductPicture(product.slug, product.category);
      const image = await storeImage(db, picture);
      buildProduct(db, {
        slug: product.slug,
        producerId: producer.id,
        categoryId: categoryId.get(product.category)!,
        name: product.name,
        nameEn: product.nameEn,
        description: product.description,
        descriptionEn: product.descriptionEn,
        gtin: product.gtin ?? null,
        featured: product.featured ?? false,
        status: "published",
        variants: product.variants.map(([label, grams, priceVnd, stock]) => ({ label, netWeightGrams: grams, priceVnd, stock })),
        imageIds: [image.id],
        createdAt: new Date(Date.UTC(2026, 10, 20) - minutesAgo * 60_000),
      });
      productCount++;
    }
  }
  await seedStorefront(db);
  const trace = seedTrace(db);
  const checkout = seedCheckout(db);
  const market = await seedMarket(db);
  return {
    producers: PRODUCERS.length,
    productsAdded: productCount,
    traceLotsAdded: trace.lots,
    users: Object.keys(DEMO_USERS).length + PRODUCERS.length,
    demoOrders: checkout.orders,
    market,
  };
}
