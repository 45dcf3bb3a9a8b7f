/**
 * The storefront's zod schemas and conform's parser, for actions and loaders only. Importing them
 * through a `.server` module keeps zod (~90 KB gzip) out of these pages' browser bundles: Remix
 * empties `.server` modules in the client build, while a plain import would keep the schema
 * module (its top-level `z.object(...)` calls count as side effects). Decision 013.
 */
export { parseWithZod } from "@conform-to/zod/v4";
export * from "./producer";
export * from "./product";
export * from "./catalogue";
