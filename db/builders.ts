/**
 * Builders shared by the seed and the test factories (convention 14). Each takes the database
 * explicitly and is idempotent by natural key (e-mail, slug), so the seed can run twice.
 */
import { and, eq } from "drizzle-orm";
import { hash } from "@node-rs/argon2";
import type { DB } from "./client";
import {
  categories,
  certifications,
  communes,
  productImages,
  productVariants,
  products,
  producers,
  users,
  type CertKind,
  type ProducerKind,
  type ProducerStatus,
  type ProductStatus,
  type Role,
} from "./schema";

// Cheaper argon2 parameters are NOT used here: demo accounts get the same hashing as real ones.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export async function buildUser(db: DB, input: { name: string; email?: string; phone?: string; password: string; role?: Role }) {
  const existing = input.email
    ? db.select().from(users).where(eq(users.email, input.email.toLowerCase())).get()
    : input.phone
      ? db.select().from(users).where(eq(users.phone, input.phone)).get()
      : undefined;
  if (existing) return existing;
  return db
    .insert(users)
    .values({
      name: input.name,
      email: input.email?.toLowerCase() ?? null,
      phone: input.phone ?? null,
      passwordHash: await hash(input.password, ARGON2),
      role: input.role ?? "shopper",
    })
    .returning()
    .get();
}

export function buildCategory(db: DB, input: { slug: string; nameVi: string; nameEn: string; sort?: number }) {
  const existing = db.select().from(categories).where(eq(categories.slug, input.slug)).get();
  if (existing) return existing;
  return db.insert(categories).values(input).returning().get();
}

export function buildProducer(
  db: DB,
  input: {
    slug: string;
    ownerUserId: number;
    name: string;
    legalName?: string | null;
    kind: ProducerKind;
    communeCode: string;
    address: string;
    phone: string;
    story?: string;
    status?: ProducerStatus;
    taxCode?: string | null;
    gs1CompanyPrefix?: string | null;
    photoImageId?: string | null;
  },
) {
  const existing = db.select().from(producers).where(eq(producers.slug, input.slug)).get();
  if (existing) return existing;
  const commune = db.select().from(communes).where(eq(communes.code, input.communeCode)).get();
  if (!commune) throw new Error(`Unknown commune code ${input.communeCode}`);
  const status = input.status ?? "verified";
  return db
    .insert(producers)
    .values({
      ...input,
      area: commune.area,
      story: input.story ?? "",
      status,
      verifiedAt: status === "verified" ? new Date() : null,
    })
    .returning()
    .get();
}

export function buildCertification(
  db: DB,
  input: {
    producerId: number;
    kind: CertKind;
    number: string;
    issuer: string;
    validFrom: string;
    validTo: string;
    ocopStars?: number | null;
    name?: string | null;
  },
) {
  const existing = db
    .select()
    .from(certifications)
    .where(and(eq(certifications.producerId, input.producerId), eq(certifications.number, input.number)))
    .get();
  if (existing) return existing;
  return db.insert(certifications).values(input).returning().get();
}

export type VariantInput = { label: string; priceVnd: number; stock: number; netWeightGrams?: number | null; sku?: string | null };

export function buildProduct(
  db: DB,
  input: {
    slug: string;
    producerId: number;
    categoryId: number;
    name: string;
    nameEn?: string | null;
    description?: string;
    descriptionEn?: string | null;
    gtin?: string | null;
    status?: ProductStatus;
    featured?: boolean;
    variants: VariantInput[];
    imageIds?: string[];
    createdAt?: Date;
  },
) {
  const existing = db.select().from(products).where(eq(products.slug, input.slug)).get();
  if (existing) return existing;
  return db.transaction((tx) => {
    const { variants, imageIds, ...fields } = input;
    const product = tx
      .insert(products)
      .values({ ...fields, description: fields.description ?? "", status: fields.status ?? "published" })
      .returning()
      .get();
    variants.forEach((v, i) => {
      tx.insert(productVariants)
        .values({ productId: product.id, sort: i, ...v })
        .run();
    });
    (imageIds ?? []).forEach((imageId, i) => {
      tx.insert(productImages).values({ productId: product.id, imageId, sort: i, alt: input.name }).run();
    });
    return product;
  });
}
