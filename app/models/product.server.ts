/**
 * Products as their producer manages them (dashboard) and as province staff moderate them.
 * Dashboard functions take the signed-in owner's producer id first and put it in every WHERE:
 * another producer's product id simply matches nothing (returns null → 404), whatever is sent.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { categories, images, productImages, productVariants, products, producers, type Product } from "#db/schema";
import { db } from "~/utils/db.server";
import { slugify } from "~/utils/slug";
import type { ProductInput, VariantInput } from "~/schemas/product";
import { recordAudit } from "./audit.server";

export { MAX_PHOTOS_PER_PRODUCT } from "~/utils/domain";
import { MAX_PHOTOS_PER_PRODUCT } from "~/utils/domain";

export type FieldFailure = { ok: false; field: string; message: string };

export function listCategories() {
  return db.select().from(categories).orderBy(asc(categories.sort), asc(categories.nameVi)).all();
}

export function listOwnProducts(producerId: number) {
  return db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      status: products.status,
      moderationHiddenReason: products.moderationHiddenReason,
      updatedAt: products.updatedAt,
      variantCount: sql<number>`(select count(*) from product_variants v where v.product_id = ${products.id} and v.active = 1)`,
      minPrice: sql<number | null>`(select min(v.price_vnd) from product_variants v where v.product_id = ${products.id} and v.active = 1)`,
    })
    .from(products)
    .where(eq(products.producerId, producerId))
    .orderBy(desc(products.updatedAt))
    .all();
}

/** One of the producer's own products with its variants and photos, or null. */
export function getOwnProduct(producerId: number, productId: number) {
  const product = db
    .select()
    .from(products)
    .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
    .get();
  if (!product) return null;
  const variants = db
    .select()
    .from(productVariants)
    .where(and(eq(productVariants.productId, product.id), eq(productVariants.active, true)))
    .orderBy(asc(productVariants.sort), asc(productVariants.id))
    .all();
  const photos = db
    .select({ id: productImages.id, imageId: productImages.imageId, sort: productImages.sort, width: images.width })
    .from(productImages)
    .innerJoin(images, eq(images.id, productImages.imageId))
    .where(eq(productImages.productId, product.id))
    .orderBy(asc(productImages.sort), asc(productImages.id))
    .all();
  return { product, variants, photos };
}

function ownsProduct(producerId: number, productId: number) {
  return !!db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
    .get();
}

function uniqueProductSlug(name: string) {
  const base = slugify(name) || "san-pham";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!db.select({ id: products.id }).from(products).where(eq(products.slug, candidate)).get()) return candidate;
  }
}

function checkCategoryAndGtin(input: ProductInput, exceptProductId?: number): FieldFailure | null {
  if (!db.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId)).get()) {
    return { ok: false, field: "categoryId", message: "producer:validation.category" };
  }
  if (input.gtin) {
    const taken = db.select({ id: products.id }).from(products).where(eq(products.gtin, input.gtin)).get();
    if (taken && taken.id !== exceptProductId) return { ok: false, field: "gtin", message: "producer:validation.gtinTaken" };
  }
  return null;
}

const productFields = (input: ProductInput) => ({
  name: input.name,
  nameEn: input.nameEn ?? null,
  categoryId: input.categoryId,
  description: input.description ?? "",
  descriptionEn: input.descriptionEn ?? null,
  gtin: input.gtin ?? null,
});

/** A new product starts as a draft: nobody but its producer sees it until it is published. */
export function createProduct(producerId: number, input: ProductInput): { ok: true; product: Product } | FieldFailure {
  const failure = checkCategoryAndGtin(input);
  if (failure) return failure;
  const product = db
    .insert(products)
    .values({ ...productFields(input), producerId, slug: uniqueProductSlug(input.name), status: "draft" })
    .returning()
    .get();
  return { ok: true, product };
}

export function updateProduct(producerId: number, productId: number, input: ProductInput): { ok: true } | FieldFailure | null {
  if (!ownsProduct(producerId, productId)) return null;
  const failure = checkCategoryAndGtin(input, productId);
  if (failure) return failure;
  db.update(products)
    .set(productFields(input))
    .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
    .run();
  return { ok: true };
}

/** Publish (needs a variant with a price) or hide one's own product. Moderation is not lifted by this. */
export function setProductStatus(producerId: number, productId: number, status: "published" | "hidden"): { ok: true } | FieldFailure | null {
  return db.transaction((tx) => {
    const product = tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
      .get();
    if (!product) return null;
    if (status === "published") {
      const variant = tx
        .select({ id: productVariants.id })
        .from(productVariants)
        .where(and(eq(productVariants.productId, productId), eq(productVariants.active, true)))
        .get();
      if (!variant) return { ok: false as const, field: "", message: "producer:products.needVariant" };
    }
    tx.update(products)
      .set({ status })
      .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
      .run();
    return { ok: true as const };
  });
}

function isSkuConflict(error: unknown) {
  return error instanceof Error && /UNIQUE constraint failed: product_variants/.test(error.message);
}

export function addVariant(producerId: number, productId: number, input: VariantInput): { ok: true } | FieldFailure | null {
  if (!ownsProduct(producerId, productId)) return null;
  try {
    const next = db
      .select({ n: sql<number>`coalesce(max(${productVariants.sort}), -1) + 1` })
      .from(productVariants)
      .where(eq(productVariants.productId, productId))
      .get();
    db.insert(productVariants)
      .values({ productId, sort: next?.n ?? 0, ...variantFields(input) })
      .run();
  } catch (error) {
    if (isSkuConflict(error)) return { ok: false, field: "sku", message: "producer:validation.skuTaken" };
    throw error;
  }
  return { ok: true };
}

const variantFields = (input: VariantInput) => ({
  label: input.label,
  netWeightGrams: input.netWeightGrams ?? null,
  priceVnd: input.priceVnd,
  stock: input.stock,
  sku: input.sku ?? null,
});

/** Scope: the variant must belong to this product AND the product to this producer. */
const ownVariantWhere = (producerId: number, productId: number, variantId: number) =>
  and(
    eq(productVariants.id, variantId),
    eq(productVariants.productId, productId),
    eq(productVariants.active, true),
    inArray(
      productVariants.productId,
      db
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.id, productId), eq(products.producerId, producerId))),
    ),
  );

export function updateVariant(producerId: number, productId: number, variantId: number, input: VariantInput): { ok: true } | FieldFailure | null {
  try {
    const res = db
      .update(productVariants)
      .set(variantFields(input))
      .where(ownVariantWhere(producerId, productId, variantId))
      .run();
    if (res.changes === 0) return null;
  } catch (error) {
    if (isSkuConflict(error)) return { ok: false, field: "sku", message: "producer:validation.skuTaken" };
    throw error;
  }
  return { ok: true };
}

/**
 * Removing a variant retires it (active = 0) rather than deleting the row: orders placed earlier
 * still point at it. Its SKU is released so it can be reused.
 */
export function removeVariant(producerId: number, productId: number, variantId: number): boolean {
  const res = db
    .update(productVariants)
    .set({ active: false, sku: null })
    .where(ownVariantWhere(producerId, productId, variantId))
    .run();
  return res.changes > 0;
}

export function addProductPhoto(producerId: number, productId: number, imageId: string): { ok: true } | FieldFailure | null {
  return db.transaction((tx) => {
    const product = tx
      .select({ id: products.id, name: products.name })
      .from(products)
      .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
      .get();
    if (!product) return null;
    const count =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(productImages)
        .where(eq(productImages.productId, productId))
        .get()?.n ?? 0;
    if (count >= MAX_PHOTOS_PER_PRODUCT) return { ok: false as const, field: "photo", message: "producer:validation.tooManyPhotos" };
    tx.insert(productImages).values({ productId, imageId, sort: count, alt: product.name }).run();
    return { ok: true as const };
  });
}

export function removeProductPhoto(producerId: number, productId: number, productImageId: number): boolean {
  const res = db
    .delete(productImages)
    .where(
      and(
        eq(productImages.id, productImageId),
        eq(productImages.productId, productId),
        inArray(
          productImages.productId,
          db
            .select({ id: products.id })
            .from(products)
            .where(and(eq(products.id, productId), eq(products.producerId, producerId))),
        ),
      ),
    )
    .run();
  return res.changes > 0;
}

// ── Moderation (province staff) ────────────────────────────────────────────────

export function listListingsForModeration(filter: "published" | "moderated", q = "") {
  const where =
    filter === "moderated"
      ? isNotNull(products.moderationHiddenReason)
      : and(eq(products.status, "published"), sql`${products.moderationHiddenReason} is null`);
  const like = q.trim() ? sql`(${products.name} like ${"%" + q.trim() + "%"} or ${producers.name} like ${"%" + q.trim() + "%"})` : sql`1 = 1`;
  return db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      status: products.status,
      moderationHiddenReason: products.moderationHiddenReason,
      producerName: producers.name,
      producerStatus: producers.status,
    })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(and(where, like))
    .orderBy(desc(products.updatedAt))
    .limit(100)
    .all();
}

export function hideListing(adminUserId: number, productId: number, reason: string): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(products).where(eq(products.id, productId)).get();
    if (!before) return false;
    tx.update(products).set({ moderationHiddenReason: reason }).where(eq(products.id, productId)).run();
    recordAudit(tx, { actorUserId: adminUserId, action: "product.hide", subjectType: "product", subjectId: productId, details: { name: before.name, reason } });
    return true;
  });
}

export function unhideListing(adminUserId: number, productId: number): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(products).where(eq(products.id, productId)).get();
    if (!before) return false;
    tx.update(products).set({ moderationHiddenReason: null }).where(eq(products.id, productId)).run();
    recordAudit(tx, {
      actorUserId: adminUserId,
      action: "product.unhide",
      subjectType: "product",
      subjectId: productId,
      details: { name: before.name, previousReason: before.moderationHiddenReason },
    });
    return true;
  });
}

export function countProducts() {
  const row = db
    .select({
      total: sql<number>`count(*)`,
      published: sql<number>`coalesce(sum(case when ${products.status} = 'published' and ${products.moderationHiddenReason} is null then 1 else 0 end), 0)`,
      moderated: sql<number>`coalesce(sum(case when ${products.moderationHiddenReason} is not null then 1 else 0 end), 0)`,
      drafts: sql<number>`coalesce(sum(case when ${products.status} = 'draft' then 1 else 0 end), 0)`,
    })
    .from(products)
    .get();
  return row ?? { total: 0, published: 0, moderated: 0, drafts: 0 };
}
