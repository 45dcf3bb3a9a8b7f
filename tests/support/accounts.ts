/** Helpers for the accounts & privacy tests: route calls from a given client, orders built directly. */
import crypto from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { orderLines, orderParts, orders, outbox, productVariants, type OutboxMessage } from "#db/schema";
import { getTestDb } from "../setup/vitest";
import { makeProducer, makeProduct } from "../factories";
import { context } from "./request";

type RouteFn = (args: never) => Promise<unknown>;

/** Calls a loader/action as Remix does, from client `ip`; a thrown Response is returned. */
export async function route(fn: RouteFn, request: Request, opts: { ip?: string; params?: Record<string, string> } = {}): Promise<Response> {
  try {
    const result = await fn({ request, context: { ...context, clientIp: opts.ip ?? "10.9.0.1" }, params: opts.params ?? {} } as never);
    if (result instanceof Response) return result;
    throw new Error("route returned a non-Response");
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A unique client address per call site, so in-memory rate limits do not leak between tests. */
let ipCounter = 0;
export const freshIp = () => `10.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}.${crypto.randomInt(1, 250)}`;

/** A unique Vietnamese mobile number, typed the usual way and as stored. */
export function freshPhone() {
  const national = `9${String(crypto.randomInt(0, 100_000_000)).padStart(8, "0")}`;
  return { typed: `0${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`, e164: `+84${national}` };
}

export function messagesTo(where: { phone?: string; email?: string }, template?: string): OutboxMessage[] {
  const db = getTestDb();
  const contact = where.phone ? eq(outbox.recipientPhone, where.phone) : eq(outbox.recipientEmail, where.email!);
  return db
    .select()
    .from(outbox)
    .where(template ? and(contact, eq(outbox.template, template)) : contact)
    .orderBy(desc(outbox.id))
    .all();
}

/** An order of one line, written directly (independent of the checkout module's shape). */
export async function makeOrder(opts: {
  userId: number | null;
  status?: "open" | "completed" | "cancelled";
  partStatus?: "placed" | "delivered";
  producerId?: number;
}) {
  const db = getTestDb();
  const producerId = opts.producerId ?? (await makeProducer()).producer.id;
  const product = makeProduct(producerId);
  const variant = db.select().from(productVariants).where(eq(productVariants.productId, product.id)).get()!;
  const code = `CS${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
  const order = db
    .insert(orders)
    .values({
      code,
      userId: opts.userId,
      idempotencyKey: `test-${code}`,
      status: opts.status ?? "completed",
      paymentMethod: "cod",
      paymentStatus: opts.status === "open" ? "unpaid" : "paid",
      subtotalVnd: variant.priceVnd,
      deliveryVnd: 20000,
      totalVnd: variant.priceVnd + 20000,
      paidVnd: opts.status === "open" ? 0 : variant.priceVnd + 20000,
      customerName: "Chị Nguyễn Thị Lan",
      customerPhone: "+84912555666",
      communeCode: "05503",
      addressLine: "Xóm Hồng Thái 2, nhà số 14",
      note: "Gọi trước khi giao",
    })
    .returning()
    .get();
  const part = db
    .insert(orderParts)
    .values({
      orderId: order.id,
      producerId,
      status: opts.partStatus ?? (opts.status === "open" ? "placed" : "delivered"),
      deliveryMethod: "delivery",
      subtotalVnd: variant.priceVnd,
      deliveryFeeVnd: 20000,
      carrier: "Viettel Post",
      trackingNumber: "VTP123456789",
    })
    .returning()
    .get();
  db.insert(orderLines)
    .values({
      orderId: order.id,
      partId: part.id,
      variantId: variant.id,
      productName: product.name,
      variantLabel: variant.label,
      unitPriceVnd: variant.priceVnd,
      quantity: 1,
      lineTotalVnd: variant.priceVnd,
    })
    .run();
  return { order, part, product, producerId };
}
