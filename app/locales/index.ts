// Every namespace, in both languages. A feature adds its pair of JSON files and one line each here;
// tests/unit/i18n-keys.test.ts fails when a key exists in one language only.
import viCommon from "./vi/common.json";
import enCommon from "./en/common.json";
import viCart from "./vi/cart.json";
import enCart from "./en/cart.json";
import viOrders from "./vi/orders.json";
import enOrders from "./en/orders.json";
import viTrace from "./vi/trace.json";
import enTrace from "./en/trace.json";
import viStorefront from "./vi/storefront.json";
import enStorefront from "./en/storefront.json";
import viProducer from "./vi/producer.json";
import enProducer from "./en/producer.json";
import viAdmin from "./vi/admin.json";
import enAdmin from "./en/admin.json";
import viMarket from "./vi/market.json";
import enMarket from "./en/market.json";
import viAccount from "./vi/account.json";
import enAccount from "./en/account.json";
import viLegal from "./vi/legal.json";
import enLegal from "./en/legal.json";

export const resources = {
  vi: {
    common: viCommon,
    cart: viCart,
    orders: viOrders,
    trace: viTrace,
    storefront: viStorefront,
    producer: viProducer,
    admin: viAdmin,
    market: viMarket,
    account: viAccount,
    legal: viLegal,
  },
  en: {
    common: enCommon,
    cart: enCart,
    orders: enOrders,
    trace: enTrace,
    storefront: enStorefront,
    producer: enProducer,
    admin: enAdmin,
    market: enMarket,
    account: enAccount,
    legal: enLegal,
  },
} as const;

export const namespaces = Object.keys(resources.vi) as (keyof (typeof resources)["vi"])[];
