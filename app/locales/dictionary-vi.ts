// The vi dictionary: every namespace of one language. The browser loads only the page's language
// (app/entry.client.tsx); the server has both (app/locales/index.ts). A new namespace adds a line here and in
// dictionary-en.ts; tests/unit/i18n-keys.test.ts checks they agree.
import viCommon from "./vi/common.json";
import viCart from "./vi/cart.json";
import viOrders from "./vi/orders.json";
import viTrace from "./vi/trace.json";
import viStorefront from "./vi/storefront.json";
import viProducer from "./vi/producer.json";
import viAdmin from "./vi/admin.json";
import viMarket from "./vi/market.json";
import viAccount from "./vi/account.json";
import viLegal from "./vi/legal.json";

export default {
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
} as const;
