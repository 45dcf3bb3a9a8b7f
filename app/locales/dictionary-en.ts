// The en dictionary: every namespace of one language. The browser loads only the page's language
// (app/entry.client.tsx); the server has both (app/locales/index.ts). A new namespace adds a line here and in
// dictionary-vi.ts; tests/unit/i18n-keys.test.ts checks they agree.
import enCommon from "./en/common.json";
import enCart from "./en/cart.json";
import enOrders from "./en/orders.json";
import enTrace from "./en/trace.json";
import enStorefront from "./en/storefront.json";
import enProducer from "./en/producer.json";
import enAdmin from "./en/admin.json";
import enMarket from "./en/market.json";
import enAccount from "./en/account.json";
import enLegal from "./en/legal.json";

export default {
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
} as const;
