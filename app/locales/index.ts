// Every namespace, in both languages. A feature adds its pair of JSON files and one line each here;
// tests/unit/i18n-keys.test.ts fails when a key exists in one language only.
import viCommon from "./vi/common.json";
import enCommon from "./en/common.json";
import viMarket from "./vi/market.json";
import enMarket from "./en/market.json";

export const resources = {
  vi: { common: viCommon, market: viMarket },
  en: { common: enCommon, market: enMarket },
} as const;

export const namespaces = Object.keys(resources.vi) as (keyof (typeof resources)["vi"])[];
