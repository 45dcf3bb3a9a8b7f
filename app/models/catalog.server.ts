/**
 * The public storefront: catalogue search (SQLite FTS5, decision 010), product pages, home page.
 * Visibility rule, in every query here: the product is published, not hidden by moderation, and
 * its producer is verified (VISIBLE below).
 */
import type Database from "better-sqlite3";
import { db } from "~/utils/db.server";
import { foldVietnamese } from "~/utils/slug";
import { localIsoDate } from "~/utils/format";
import { withValidity } from "./producer.server";
import type { CatalogueQuery, CatalogueSort } from "~/schemas/catalogue";

export const PAGE_SIZE = 24;
const VISIBLE = "p.status = 'published' AND p.moderation_hidden_reason IS NULL AND pr.status = 'verified'";

// Prepared statements are cached per SQL text: the catalogue has a few dozen filter shapes.
const statements = new Map<string, Database.Statement>();
function prepare(sqlText: string): Database.Statement {
  const client = db.$client;
  const key = sqlText;
  let stmt = statements.get(key);
  // A new database handle (tests, bench) invalidates the cache.
  if (!stmt || (stmt as unknown as { database: unknown }).database !== client) {
    stmt = client.prepare(sqlText);
    statements.set(key, stmt);
  }
  return stmt;
}

/**
 * Turns what a shopper typed into a safe FTS5 query: folded (tones, marks, đ→d), lower-cased,
 * split on anything that is not a letter or digit, each word quoted (no FTS syntax gets through),
 * the last one a prefix so "che tan cu" already finds "Chè Tân Cương".
 */
export function toFtsQuery(q: string): string | null {
  const words = foldVietnamese(q)
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  if (!words) return null;
  const unique = [...new Set(words)].slice(0, 8);
  return unique.map((w, i) => (i === unique.length - 1 ? `"${w}"*` : `"${w}"`)).join(" ");
}

export type ProductCard = {
  id: number;
  slug: string;
  name: string;
  nameEn: string | null;
  producerName: string;
  producerSlug: string;
  area: string;
  minPrice: number | null;
  stock: number;
  imageId: string | null;
  imageWidth: number | null;
};

const CARD_COLUMNS = `
  p.id, p.slug, p.name, p.name_en AS nameEn, pr.name AS producerName, pr.slug AS producerSlug, pr.area,
  (SELECT min(v.price_vnd) FROM product_variants v WHERE v.product_id = p.id AND v.active = 1) AS minPrice,
  (SELECT coalesce(sum(v.stock), 0) FROM product_variants v WHERE v.product_id = p.id AND v.active = 1) AS stock,
  (SELECT pi.image_id FROM product_images pi WHERE pi.product_id = p.id ORDER BY pi.sort, pi.id LIMIT 1) AS imageId,
  (SELECT i.width FROM product_images pi JOIN images i ON i.id = pi.image_id WHERE pi.product_id = p.id ORDER BY pi.sort, pi.id LIMIT 1) AS imageWidth`;

const ORDER: Record<CatalogueSort, string> = {
  newest: "p.id DESC",
  price_asc: "minPrice ASC NULLS LAST, p.id DESC",
  price_desc: "minPrice DESC NULLS LAST, p.id DESC",
  name: "p.name COLLATE NOCASE ASC, p.id ASC",
};

export type CatalogueResult = { items: ProductCard[]; total: number; capped: boolean; page: number; pageCount: number };

/** Counting stops here: "1 000+ products" is as useful to a shopper as the exact number, and cheap. */
export const COUNT_CAP = 1000;

export function searchCatalogue(query: CatalogueQuery, pageSize = PAGE_SIZE): CatalogueResult {
  const where: string[] = [VISIBLE];
  const params: (string | number)[] = [];
  const fts = toFtsQuery(query.q);
  if (query.q.trim() && !fts) return { items: [], total: 0, capped: false, page: 1, pageCount: 0 };
  if (fts) {
    where.unshift("product_fts MATCH ?");
    params.push(fts);
  }
  if (query.category) {
    where.push("p.category_id = (SELECT id FROM categories WHERE slug = ?)");
    params.push(query.category);
  }
  if (query.commune) {
    where.push("pr.commune_code = ?");
    params.push(query.commune);
  } else if (query.area) {
    where.push("pr.commune_code IN (SELECT code FROM communes WHERE area_slug = ?)");
    params.push(query.area);
  }
  if (query.cert) {
    const today = localIsoDate();
    const stars = /^ocop(\d)$/.exec(query.cert);
    where.push(
      `EXISTS (SELECT 1 FROM certifications ce WHERE ce.producer_id = pr.id AND ce.kind = ? ${stars ? "AND ce.ocop_stars >= ?" : ""} AND ce.valid_from <= ? AND ce.valid_to >= ?)`,
    );
    params.push(stars ? "ocop" : query.cert, ...(stars ? [Number(stars[1])] : []), today, today);
  }
  const variantConds: string[] = [];
  if (query.min !== undefined) {
    variantConds.push("v.price_vnd >= ?");
    params.push(query.min);
  }
  if (query.max !== undefined) {
    variantConds.push("v.price_vnd <= ?");
    params.push(query.max);
  }
  if (query.instock) variantConds.push("v.stock > 0");
  if (variantConds.length) {
    where.push(`EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.active = 1 AND ${variantConds.join(" AND ")})`);
  }
  // With a search, the FTS index drives the loop: its cursor streams matches (in rowid order),
  // so a capped count and the default "newest" order (highest id first: ids are handed out at
  // creation) stop early instead of materialising every match (decision 010).
  const from = fts
    ? `FROM product_fts f JOIN products p ON p.id = f.rowid JOIN producers pr ON pr.id = p.producer_id WHERE ${where.join(" AND ")}`
    : `FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE ${where.join(" AND ")}`;
  const counted = (prepare(`SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${COUNT_CAP + 1})`).get(...params) as { n: number }).n;
  const capped = counted > COUNT_CAP;
  const total = Math.min(counted, COUNT_CAP);
  const pageCount = Math.ceil(total / pageSize);
  const page = Math.min(query.page, Math.max(pageCount, 1));
  // Two steps: sort only (id, key) pairs, then build the 24 cards. Computing the card columns
  // (price, stock, photo) before sorting would cost four subqueries per match.
  const sortKey = query.sort === "price_asc" || query.sort === "price_desc" ? `, ${MIN_PRICE} AS minPrice` : "";
  const order = query.sort === "newest" ? (fts ? "f.rowid DESC" : "p.id DESC") : ORDER[query.sort];
  const ids = (
    prepare(`SELECT p.id${sortKey} ${from} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, pageSize, (page - 1) * pageSize) as { id: number }[]
  ).map((r) => r.id);
  return { items: cardsByIds(ids), total, capped, page, pageCount };
}

const MIN_PRICE = "(SELECT min(v.price_vnd) FROM product_variants v WHERE v.product_id = p.id AND v.active = 1)";

/** Cards for the given product ids, in that order (visibility already checked by the caller). */
function cardsByIds(ids: number[]): ProductCard[] {
  if (!ids.length) return [];
  const rows = prepare(`SELECT ${CARD_COLUMNS} FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(ids),
  ) as ProductCard[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ProductCard => !!r);
}

export function productCards(opts: { where?: string; params?: (string | number)[]; order?: string; limit: number }): ProductCard[] {
  const where = [VISIBLE, ...(opts.where ? [opts.where] : [])].join(" AND ");
  const ids = (
    prepare(`SELECT p.id FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE ${where} ORDER BY ${opts.order ?? "p.id DESC"} LIMIT ?`).all(
      ...(opts.params ?? []),
      opts.limit,
    ) as { id: number }[]
  ).map((r) => r.id);
  return cardsByIds(ids);
}

export function catalogueFilterOptions() {
  const categories = prepare(`SELECT c.slug, c.name_vi AS nameVi, c.name_en AS nameEn FROM categories c ORDER BY c.sort, c.name_vi`).all() as {
    slug: string;
    nameVi: string;
    nameEn: string;
  }[];
  const areas = prepare(`SELECT DISTINCT area, area_slug AS areaSlug FROM communes ORDER BY area`).all() as { area: string; areaSlug: string }[];
  const communes = prepare(`SELECT code, name, area_slug AS areaSlug FROM communes ORDER BY name`).all() as {
    code: string;
    name: string;
    areaSlug: string;
  }[];
  return { categories, areas, communes };
}

export function homePageData() {
  const featured = productCards({ where: "p.featured = 1", order: "p.id DESC", limit: 4 });
  const newest = productCards({ order: "p.id DESC", limit: 8 });
  return { featured, newest, categories: categoryCounts().filter((c) => c.count > 0) };
}

// Counting the whole catalogue per category is a full scan: the home page reuses it for 60 s.
let countsCache: { at: number; client: unknown; rows: { slug: string; nameVi: string; nameEn: string; count: number }[] } | undefined;
function categoryCounts() {
  if (countsCache && countsCache.client === db.$client && Date.now() - countsCache.at < 60_000) return countsCache.rows;
  const rows = prepare(
    `SELECT c.slug, c.name_vi AS nameVi, c.name_en AS nameEn, coalesce(n.count, 0) AS count
     FROM categories c LEFT JOIN (SELECT p.category_id, count(*) AS count FROM products p JOIN producers pr ON pr.id = p.producer_id
       WHERE ${VISIBLE} GROUP BY p.category_id) n ON n.category_id = c.id
     ORDER BY c.sort, c.name_vi`,
  ).all() as { slug: string; nameVi: string; nameEn: string; count: number }[];
  countsCache = { at: Date.now(), client: db.$client, rows };
  return rows;
}

type ProductRow = {
  id: number;
  slug: string;
  name: string;
  nameEn: string | null;
  description: string;
  descriptionEn: string | null;
  gtin: string | null;
  categorySlug: string;
  categoryVi: string;
  categoryEn: string;
  producerId: number;
  producerSlug: string;
  producerName: string;
  producerKind: string;
  area: string;
  areaSlug: string;
  communeName: string;
};

/** A visible product with everything its page shows, or undefined. */
export function getPublicProduct(slug: string) {
  const product = prepare(
    `SELECT p.id, p.slug, p.name, p.name_en AS nameEn, p.description, p.description_en AS descriptionEn, p.gtin,
       c.slug AS categorySlug, c.name_vi AS categoryVi, c.name_en AS categoryEn,
       pr.id AS producerId, pr.slug AS producerSlug, pr.name AS producerName, pr.kind AS producerKind, pr.area,
       co.area_slug AS areaSlug, co.name AS communeName
     FROM products p JOIN producers pr ON pr.id = p.producer_id JOIN categories c ON c.id = p.category_id
       JOIN communes co ON co.code = pr.commune_code
     WHERE p.slug = ? AND ${VISIBLE}`,
  ).get(slug) as ProductRow | undefined;
  if (!product) return undefined;
  const variants = prepare(
    `SELECT id, label, net_weight_grams AS netWeightGrams, price_vnd AS priceVnd, stock, sku
     FROM product_variants WHERE product_id = ? AND active = 1 ORDER BY sort, id`,
  ).all(product.id) as { id: number; label: string; netWeightGrams: number | null; priceVnd: number; stock: number; sku: string | null }[];
  const photos = prepare(
    `SELECT pi.image_id AS imageId, i.width, i.height, pi.alt FROM product_images pi JOIN images i ON i.id = pi.image_id
     WHERE pi.product_id = ? ORDER BY pi.sort, pi.id`,
  ).all(product.id) as { imageId: string; width: number; height: number; alt: string }[];
  const certs = withValidity(
    prepare(
      `SELECT id, kind, ocop_stars AS ocopStars, name, number, issuer, valid_from AS validFrom, valid_to AS validTo
       FROM certifications WHERE producer_id = ? ORDER BY valid_to DESC`,
    ).all(product.producerId) as PublicCert[],
  );
  return { product, variants, photos, certs };
}

export type PublicCert = {
  id: number;
  kind: string;
  ocopStars: number | null;
  name: string | null;
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
};

export function producerProducts(producerId: number) {
  return productCards({ where: "p.producer_id = ?", params: [producerId], limit: 60 });
}
