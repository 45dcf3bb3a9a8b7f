/**
 * Account, privacy and complaint schemas with conform's parser, for actions only: importing them
 * through a `.server` module keeps zod out of these pages' browser bundles (decisions 009, 013).
 */
export { parseWithZod } from "@conform-to/zod/v4";
export * from "./account";
