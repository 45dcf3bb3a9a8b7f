import { z } from "zod";
import { CATALOGUE_SORTS, CERT_FILTERS } from "~/utils/domain";

export { CATALOGUE_SORTS, CERT_FILTERS, type CatalogueSort, type CertFilter } from "~/utils/domain";

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,80}$/);
const money = z.coerce.number().int().min(0).max(1_000_000_000);

/**
 * The catalogue's URL query. Shared links and hand-edited URLs must never fail: every bad value
 * falls back to "no filter" (`.catch`) instead of an error page.
 */
export const CatalogueQuerySchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  category: slug.optional().catch(undefined),
  area: slug.optional().catch(undefined),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .catch(undefined),
  cert: z.enum(CERT_FILTERS).optional().catch(undefined),
  min: money.optional().catch(undefined),
  max: money.optional().catch(undefined),
  instock: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "on" || v === "true")
    .catch(false),
  sort: z.enum(CATALOGUE_SORTS).catch("newest").default("newest"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuerySchema>;

export function parseCatalogueQuery(params: URLSearchParams): CatalogueQuery {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(CatalogueQuerySchema.shape)) {
    const value = params.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  return CatalogueQuerySchema.parse(raw);
}
