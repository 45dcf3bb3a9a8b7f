import { eq } from "drizzle-orm";
import type { DB } from "../client";
import { cartItems, carts, deliveryFees, orderParts, orders, productVariants, producers, products, users } from "../schema";
import { advancePart } from "../../app/models/order/fulfilment.server";
import { placeOrder } from "../../app/models/order/place.server";
import { readCart } from "../../app/models/cart.server";

/** Delivery fees (admin-editable) and two demo orders for shopper@choso.test. Idempotent. */
export const DEMO_DELIVERY_FEES = [
  { key: "default", label: "Trong tỉnh Thái Nguyên", feeVnd: 30_000 },
  { key: "area:tp-thai-nguyen", label: "TP Thái Nguyên", feeVnd: 15_000 },
  { key: "area:tp-song-cong", label: "TP Sông Công", feeVnd: 20_000 },
  { key: "area:tp-pho-yen", label: "TP Phổ Yên", feeVnd: 20_000 },
  { key: "commune:05503", label: "Xã Tân Cương (tại vùng chè)", feeVnd: 10_000 },
  { key: "province:other", label: "Tỉnh/thành khác", feeVnd: 45_000 },
];

export function seedCheckout(db: DB) {
  for (const fee of DEMO_DELIVERY_FEES) db.insert(deliveryFees).values(fee).onConflictDoNothing().run();

  const shopper = db.select().from(users).where(eq(users.email, "shopper@choso.test")).get();
  if (!shopper) return { orders: 0 };
  const variantOf = (slug: string) =>
    db
      .select({ id: productVariants.id })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(eq(products.slug, slug))
      .orderBy(productVariants.sort)
      .get();
  const demo: { key: string; lines: [string, number][]; method: "cod" | "bank"; deliver: boolean }[] = [
    {
      key: "seed-demo-order-1",
      lines: [
        ["che-tan-cuong-dac-biet", 2],
        ["che-moc-cau-tan-cuong", 1],
      ],
      method: "cod",
      deliver: true,
    },
    { key: "seed-demo-order-2", lines: [["che-tom-non-tan-cuong", 1]], method: "bank", deliver: false },
  ];
  let made = 0;
  for (const d of demo) {
    if (
      db
        .select({ id: orders.id })
        .from(orders)
        .where(eq(orders.idempotencyKey, `u${shopper.id}:${d.key}`))
        .get()
    )
      continue;
    const cartId = `seed-cart-${shopper.id}`;
    db.insert(carts).values({ id: cartId, userId: shopper.id }).onConflictDoNothing().run();
    const cart = db.select().from(carts).where(eq(carts.userId, shopper.id)).get()!;
    for (const [slug, quantity] of d.lines) {
      const v = variantOf(slug);
      if (!v) continue;
      db.insert(cartItems).values({ cartId: cart.id, variantId: v.id, quantity }).onConflictDoNothing().run();
    }
    const items = db.select().from(cartItems).where(eq(cartItems.cartId, cart.id)).all();
    if (!items.length) continue;
    const { order } = placeOrder(
      {
        identity: { userId: shopper.id, guestId: null },
        idempotencyKey: d.key,
        customerName: shopper.name,
        customerPhone: "+84912345678",
        communeCode: "05443",
        otherProvince: null,
        addressLine: "Số 12 đường Hoàng Văn Thụ",
        paymentMethod: d.method,
        deliveries: Object.fromEntries(readCart(db, cart.id).groups.map((g) => [g.producerId, { method: "delivery" as const }])),
      },
      db,
    );
    made++;
    if (d.deliver) {
      // Walk the demo COD order through to delivered, as its producer would.
      const parts = db.select().from(orderParts).where(eq(orderParts.orderId, order.id)).all();
      for (const part of parts) {
        const owner = db.select().from(producers).where(eq(producers.id, part.producerId)).get();
        if (!owner) continue;
        advancePart(part.id, [part.producerId], owner.ownerUserId, { intent: "confirm" }, db);
        advancePart(part.id, [part.producerId], owner.ownerUserId, { intent: "pack", lots: {} }, db);
        advancePart(part.id, [part.producerId], owner.ownerUserId, { intent: "ship", carrier: "Viettel Post", trackingNumber: "VTP2611220001" }, db);
        advancePart(part.id, [part.producerId], owner.ownerUserId, { intent: "deliver", cashReceived: true }, db);
      }
    }
  }
  return { orders: made };
}
