/**
 * Form parsing for actions. Imported from a `.server` module so the compiler strips zod and the
 * schemas from browser bundles by construction (docs/decisions/009).
 */
export { parseWithZod } from "@conform-to/zod/v4";
