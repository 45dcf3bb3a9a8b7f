// Every namespace, in both languages. A feature adds its pair of JSON files and one line each here;
// tests/unit/i18n-keys.test.ts fails when a key exists in one language only.
import viCommon from "./vi/common.json";
import enCommon from "./en/common.json";
import viCart from "./vi/cart.json";
import enCart from "./en/cart.json";
import viOrders from "./vi/orders.json";
import enOrders from "./en/orders.json";
import viMarket from "./vi/market.json";
import enMarket from "./en/market.json";

export const resources = {
  vi: { common: viCommon, cart: viCart, orders: viOrders, market: viMarket },
  en: { common: enCommon, cart: enCart, orders: enOrders, market: enMarket },
} as const;

export const namespaces = Object.keys(resources.vi) as (keyof (typeof resources)["vi"])[];
