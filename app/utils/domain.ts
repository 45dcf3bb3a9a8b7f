/**
 * Domain value lists the browser needs (select options). Kept free of zod and drizzle so pages
 * that import them stay small (issue 3: ≤ ~150 KB of JS per page); the `satisfies` clauses keep
 * them equal to the database enums.
 */
import type { CertKind, ProducerKind, ProducerStatus } from "#db/schema";

export const PRODUCER_KIND_OPTIONS = ["household", "cooperative", "enterprise"] as const satisfies readonly ProducerKind[];
export const CERT_KIND_OPTIONS = ["vietgap", "globalgap", "organic", "ocop", "other"] as const satisfies readonly CertKind[];
export const PRODUCER_STATUS_OPTIONS = ["pending", "verified", "rejected"] as const satisfies readonly ProducerStatus[];

export const CATALOGUE_SORTS = ["newest", "price_asc", "price_desc", "name"] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];
/** Certification filter values: a kind, or an OCOP star level ("ocop4" = 4 stars or more). */
export const CERT_FILTERS = ["vietgap", "globalgap", "organic", "ocop", "ocop3", "ocop4", "ocop5"] as const;
export type CertFilter = (typeof CERT_FILTERS)[number];

export const MAX_PHOTOS_PER_PRODUCT = 8;
