import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { action as cartAction, loader as cartLoader } from "~/routes/cart";
import { action as checkoutAction } from "~/routes/checkout";
import { action as loginAction } from "~/routes/login";
import { cartItems, carts, orderEvents, orderLines, orderParts, orders, outbox, productVariants } from "#db/schema";
import { changeCartLine, getCart } from "~/models/cart.server";
import { CheckoutError, placeOrder } from "~/models/order/place.server";
import { upsertDeliveryFee } from "~/models/delivery-fee.server";
import { getTestDb } from "../setup/vitest";
import { makeProducer, makeProduct, makeUser, TEST_PASSWORD } from "../factories";
import { context, cookieFrom, formRequest, getRequest } from "../support/request";

// How Remix's fetchers call the action (JSON back); a plain form post gets a redirect instead.
const FETCH = "/cart?_data=routes%2Fcart";

async function call(fn: (args: never) => unknown, request: Request): Promise<Response> {
  try {
    return (await fn({ request, context, params: {} } as never)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function shop() {
  const a = await makeProducer({ name: "HTX A" });
  const b = await makeProducer({ name: "HTX B" });
  const teaA = makeProduct(a.producer.id, { variants: [{ label: "Hộp 100g", priceVnd: 120000, stock: 10 }] });
  const honeyB = makeProduct(b.producer.id, { variants: [{ label: "Chai 500ml", priceVnd: 250000, stock: 4 }] });
  const db = getTestDb();
  const va = db.select().from(productVariants).where(eq(productVariants.productId, teaA.id)).get()!;
  const vb = db.select().from(productVariants).where(eq(productVariants.productId, honeyB.id)).get()!;
  return { a, b, va, vb };
}

const stockOf = (id: number) => getTestDb().select({ s: productVariants.stock }).from(productVariants).where(eq(productVariants.id, id)).get()!.s;
const count = (table: typeof orders | typeof orderParts | typeof orderLines | typeof orderEvents) =>
  getTestDb()
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;

function checkoutFields(extra: Record<string, string> = {}) {
  return {
    intent: "place",
    idempotencyKey: `key-${Math.random().toString(36).slice(2)}-abcdefghijkl`,
    customerName: "Chị Lan",
    customerPhone: "0912 345 678",
    place: "tn",
    communeCode: "05503",
    addressLine: "Xóm Hồng Thái 2",
    paymentMethod: "cod",
    privacyConsent: "yes",
    ...extra,
  };
}

describe("cart", () => {
  it("works for a guest: add sets a signed cookie, lines are grouped by producer, update and remove work", async () => {
    const { va, vb } = await shop();
    const add = await call(cartAction, formRequest(FETCH, { intent: "add", variantId: String(va.id), quantity: "2" }));
    expect(add.status).toBe(200);
    const cookie = cookieFrom(add);
    expect(cookie).toMatch(/^__cart=/);
    expect(add.headers.get("Set-Cookie")).toMatch(/HttpOnly/i);
    await call(cartAction, formRequest(FETCH, { intent: "add", variantId: String(vb.id), quantity: "1" }, { cookie }));
    const view = (await (await call(cartLoader, getRequest("/cart", cookie))).json()) as { cart: ReturnType<typeof getCart> };
    expect(view.cart.groups.map((g) => g.producerName).sort()).toEqual(["HTX A", "HTX B"]);
    expect(view.cart.subtotalVnd).toBe(2 * 120000 + 250000);
    expect(view.cart.count).toBe(3);

    const upd = await call(cartAction, formRequest(FETCH, { intent: "update", variantId: String(va.id), quantity: "5" }, { cookie }));
    expect(upd.status).toBe(200);
    await call(cartAction, formRequest(FETCH, { intent: "remove", variantId: String(vb.id) }, { cookie }));
    const after = (await (await call(cartLoader, getRequest("/cart", cookie))).json()) as { cart: ReturnType<typeof getCart> };
    expect(after.cart.groups).toHaveLength(1);
    expect(after.cart.groups[0]!.lines[0]!.quantity).toBe(5);
  });

  it("a plain form post (no JavaScript) redirects back to /cart with the cart cookie, so the page shows the new line", async () => {
    const { va } = await shop();
    const res = await call(cartAction, formRequest("/cart", { intent: "add", variantId: String(va.id), quantity: "1" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/cart");
    const view = (await (await call(cartLoader, getRequest("/cart", cookieFrom(res)))).json()) as { cart: ReturnType<typeof getCart> };
    expect(view.cart.count).toBe(1);
  });

  it("answers negative, huge and non-numeric quantities, unknown variants and intents with 4xx, never a 500", async () => {
    const { va } = await shop();
    for (const quantity of ["-1", "0", "100000", "1e3", "abc", "2.5"]) {
      const res = await call(cartAction, formRequest(FETCH, { intent: "add", variantId: String(va.id), quantity }));
      expect(res.status, quantity).toBe(400);
    }
    expect((await call(cartAction, formRequest(FETCH, { intent: "add", variantId: "99999999", quantity: "1" }))).status).toBe(404);
    expect((await call(cartAction, formRequest(FETCH, { intent: "add", variantId: "-5", quantity: "1" }))).status).toBe(400);
    expect((await call(cartAction, formRequest(FETCH, { intent: "explode", variantId: String(va.id) }))).status).toBe(400);
    const tooMuch = await call(cartAction, formRequest(FETCH, { intent: "add", variantId: String(va.id), quantity: "11" }));
    expect(tooMuch.status).toBe(409);
    expect(((await tooMuch.json()) as { error: string; available: number }).available).toBe(10);
  });

  it("merges the guest cart into the account at sign-in and re-checks stock", async () => {
    const { va, vb } = await shop();
    const user = await makeUser({ email: "merge@example.test" });
    changeCartLine({ userId: user.id, guestId: null }, { variantId: vb.id, quantity: 3, mode: "add" }, () => "user-cart-merge-aaaaaaaaaaaaa");
    const add = await call(cartAction, formRequest(FETCH, { intent: "add", variantId: String(va.id), quantity: "2" }));
    await call(cartAction, formRequest(FETCH, { intent: "add", variantId: String(vb.id), quantity: "3" }, { cookie: cookieFrom(add) }));
    const login = await call(loginAction, formRequest("/login", { identifier: "merge@example.test", password: TEST_PASSWORD }, { cookie: cookieFrom(add) }));
    expect(login.status).toBe(302);
    const cart = getCart({ userId: user.id, guestId: null });
    const qty = Object.fromEntries(cart.groups.flatMap((g) => g.lines).map((l) => [l.variantId, l.quantity]));
    expect(qty[va.id]).toBe(2);
    expect(qty[vb.id]).toBe(4); // 3 + 3 capped by the stock of 4
    expect(getTestDb().select().from(carts).where(eq(carts.userId, user.id)).all()).toHaveLength(1);
  });
});

describe("checkout", () => {
  async function guestWithCart(lines: [number, number][]) {
    let cookie = "";
    for (const [variantId, quantity] of lines) {
      const res = await call(
        cartAction,
        formRequest(FETCH, { intent: "add", variantId: String(variantId), quantity: String(quantity) }, cookie ? { cookie } : {}),
      );
      expect(res.status).toBe(200);
      cookie ||= cookieFrom(res);
    }
    return cookie;
  }

  it("makes one order with a part per producer, reserves stock, computes totals on the server and ignores tampered prices", async () => {
    const { va, vb, a, b } = await shop();
    upsertDeliveryFee(getTestDb(), { key: "commune:05503", label: "Tân Cương", feeVnd: 12000 });
    const cookie = await guestWithCart([
      [va.id, 2],
      [vb.id, 1],
    ]);
    const fields = checkoutFields({
      [`delivery_${a.producer.id}`]: "delivery",
      [`delivery_${b.producer.id}`]: "pickup_market",
      [`market_${b.producer.id}`]: "cho-thai",
      // Tampering: none of these is read by the server.
      price: "1",
      totalVnd: "1",
      unitPriceVnd: "1",
      [`quantity_${va.id}`]: "999",
    });
    const res = await call(checkoutAction, formRequest("/checkout", fields, { cookie }));
    expect(res.status).toBe(302);
    const order = getTestDb()
      .select()
      .from(orders)
      .orderBy(sql`${orders.id} desc`)
      .get()!;
    expect(res.headers.get("Location")).toBe(`/orders/${order.code}`);
    expect(order.subtotalVnd).toBe(2 * 120000 + 250000);
    expect(order.deliveryVnd).toBe(12000); // only producer A's part is delivered
    expect(order.totalVnd).toBe(order.subtotalVnd + 12000);
    expect(order.customerPhone).toBe("+84912345678");
    const parts = getTestDb().select().from(orderParts).where(eq(orderParts.orderId, order.id)).all();
    expect(parts.map((p) => p.deliveryMethod).sort()).toEqual(["delivery", "pickup_market"]);
    expect(stockOf(va.id)).toBe(8);
    expect(stockOf(vb.id)).toBe(3);
    expect(getCart({ userId: null, guestId: order.guestId }).count).toBe(0);
    expect(getTestDb().select().from(cartItems).where(eq(cartItems.cartId, order.guestId!)).all()).toHaveLength(0);
    const messages = getTestDb()
      .select()
      .from(outbox)
      .where(sql`${outbox.dedupeKey} like ${`order:${order.id}:%`}`)
      .all();
    expect(messages.map((m) => m.template).sort()).toEqual(["order.part_placed", "order.part_placed", "order.placed"]);
  });

  it("a double tap (same idempotency key) creates one order", async () => {
    const { va, a } = await shop();
    const before = count(orders);
    const cookie = await guestWithCart([[va.id, 1]]);
    const fields = checkoutFields({ [`delivery_${a.producer.id}`]: "pickup_producer" });
    const [r1, r2] = await Promise.all([
      call(checkoutAction, formRequest("/checkout", fields, { cookie })),
      call(checkoutAction, formRequest("/checkout", fields, { cookie })),
    ]);
    const r3 = await call(checkoutAction, formRequest("/checkout", fields, { cookie }));
    expect(r1.status).toBe(302);
    expect(r2.status).toBe(302);
    expect(r3.status).toBe(302);
    expect(new Set([r1, r2, r3].map((r) => r.headers.get("Location"))).size).toBe(1);
    expect(count(orders) - before).toBe(1);
    expect(stockOf(va.id)).toBe(9);
  });

  it("refuses a changed price (the subtotal the shopper saw), bad fields and missing delivery with 4xx and writes nothing", async () => {
    const { va, a } = await shop();
    const before = count(orders);
    const cookie = await guestWithCart([[va.id, 1]]);
    const changed = await call(
      checkoutAction,
      formRequest("/checkout", checkoutFields({ [`delivery_${a.producer.id}`]: "delivery", expectedSubtotalVnd: "1000" }), { cookie }),
    );
    expect(changed.status).toBe(409);
    const bad = await call(
      checkoutAction,
      formRequest(
        "/checkout",
        checkoutFields({ customerPhone: "12345", customerName: "", paymentMethod: "bitcoin", [`delivery_${a.producer.id}`]: "delivery" }),
        { cookie },
      ),
    );
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { lastResult: { error: Record<string, string[]>; initialValue: Record<string, string> } };
    expect(body.lastResult.error.customerPhone).toEqual(["cart:errors.phoneInvalid"]);
    expect(body.lastResult.error.customerName).toEqual(["validation.required"]);
    expect(body.lastResult.error.paymentMethod).toEqual(["cart:errors.paymentRequired"]);
    expect(body.lastResult.initialValue.addressLine).toBe("Xóm Hồng Thái 2"); // input kept
    const noCommune = await call(
      checkoutAction,
      formRequest("/checkout", checkoutFields({ communeCode: "", [`delivery_${a.producer.id}`]: "delivery" }), { cookie }),
    );
    expect(noCommune.status).toBe(400);
    expect(((await noCommune.json()) as typeof body).lastResult.error.communeCode).toEqual(["cart:errors.communeRequired"]);
    const unknownCommune = await call(
      checkoutAction,
      formRequest("/checkout", checkoutFields({ communeCode: "99999", [`delivery_${a.producer.id}`]: "delivery" }), { cookie }),
    );
    expect(unknownCommune.status).toBe(409);
    const noDelivery = await call(checkoutAction, formRequest("/checkout", checkoutFields(), { cookie }));
    expect(noDelivery.status).toBe(400);
    const wrongMarket = await call(
      checkoutAction,
      formRequest("/checkout", checkoutFields({ [`delivery_${a.producer.id}`]: "pickup_market", [`market_${a.producer.id}`]: "nowhere" }), { cookie }),
    );
    expect(wrongMarket.status).toBe(409);
    expect(count(orders) - before).toBe(0);
    expect(stockOf(va.id)).toBe(10);
  });

  it("a variant that went out of stock during checkout: clear 409, no order, stock untouched", async () => {
    const { va, vb, a, b } = await shop();
    const before = count(orders);
    const cookie = await guestWithCart([
      [va.id, 3],
      [vb.id, 2],
    ]);
    // Someone else bought honey meanwhile.
    getTestDb().update(productVariants).set({ stock: 1 }).where(eq(productVariants.id, vb.id)).run();
    const res = await call(
      checkoutAction,
      formRequest("/checkout", checkoutFields({ [`delivery_${a.producer.id}`]: "delivery", [`delivery_${b.producer.id}`]: "delivery" }), { cookie }),
    );
    expect(res.status).toBe(409);
    const body = (await res.json()) as { lastResult: { error: Record<string, string[]> }; names: string };
    expect(body.lastResult.error[""]).toEqual(["cart:errors.outOfStock"]);
    expect(body.names).toContain("Chai 500ml");
    expect(count(orders) - before).toBe(0);
    expect(stockOf(va.id)).toBe(10);
    expect(stockOf(vb.id)).toBe(1);
  });

  it("an error thrown in the middle of placing an order leaves no partial order and no stock taken", async () => {
    const { va, vb, a, b } = await shop();
    const db = getTestDb();
    const before = { orders: count(orders), parts: count(orderParts), lines: count(orderLines), events: count(orderEvents) };
    changeCartLine(
      { userId: null, guestId: "guest-fault-aaaaaaaaaaaaaaaa" },
      { variantId: va.id, quantity: 2, mode: "add" },
      () => "guest-fault-aaaaaaaaaaaaaaaa",
    );
    changeCartLine({ userId: null, guestId: "guest-fault-aaaaaaaaaaaaaaaa" }, { variantId: vb.id, quantity: 1, mode: "add" }, () => "x");
    // A fault injected after the order row, the first part, its stock update and line are written.
    db.$client.exec(
      `create trigger fail_second_line before insert on order_lines when new.variant_id = ${vb.id} begin select raise(abort, 'injected fault'); end;`,
    );
    try {
      expect(() =>
        placeOrder({
          identity: { userId: null, guestId: "guest-fault-aaaaaaaaaaaaaaaa" },
          idempotencyKey: "fault-key-aaaaaaaaaaaa",
          customerName: "A",
          customerPhone: "+84912000000",
          communeCode: "05503",
          otherProvince: null,
          addressLine: "x",
          paymentMethod: "cod",
          deliveries: { [a.producer.id]: { method: "delivery" }, [b.producer.id]: { method: "delivery" } },
        }),
      ).toThrow(/injected fault/);
    } finally {
      db.$client.exec("drop trigger fail_second_line");
    }
    expect({ orders: count(orders), parts: count(orderParts), lines: count(orderLines), events: count(orderEvents) }).toEqual(before);
    expect(stockOf(va.id)).toBe(10);
    expect(stockOf(vb.id)).toBe(4);
    expect(getCart({ userId: null, guestId: "guest-fault-aaaaaaaaaaaaaaaa" }).count).toBe(3); // the cart is kept
  });

  it("20 concurrent checkouts (5 OS processes × 4, each with its own SQLite connection) for the last 5 units → exactly 5 orders, stock 0", async () => {
    const { a } = await shop();
    const db = getTestDb();
    const before = count(orders);
    const product = makeProduct(a.producer.id, { variants: [{ label: "Hộp cuối", priceVnd: 99000, stock: 5 }] });
    const variant = db.select().from(productVariants).where(eq(productVariants.productId, product.id)).get()!;
    const guests = Array.from({ length: 20 }, (_, i) => `guest-concurrency-${String(i).padStart(2, "0")}-aaaaaaaa`);
    for (const g of guests) changeCartLine({ userId: null, guestId: g }, { variantId: variant.id, quantity: 1, mode: "add" }, () => g);

    const workers = Array.from({ length: 5 }, (_, i) => {
      const child = spawn(process.execPath, ["--import", "tsx", "tests/support/checkout-worker.ts", String(a.producer.id), ...guests.slice(4 * i, 4 * i + 4)], {
        env: { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      const ready = new Promise<void>((resolve) => child.stdout.on("data", (d: Buffer) => ((out += d.toString()), out.includes("ready\n") && resolve())));
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      const done = new Promise<{ ok: boolean; error?: string }[]>((resolve, reject) =>
        child.on("exit", (code) => {
          const last = out.trim().split("\n").pop() ?? "";
          if (code !== 0 || !last.startsWith("[")) reject(new Error(`worker failed (${code}): ${err}`));
          else resolve(JSON.parse(last));
        }),
      );
      return { child, ready, done };
    });
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin.write("go\n"); // all at once
    const results = (await Promise.all(workers.map((w) => w.done))).flat();

    expect(results).toHaveLength(20);
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).every((r) => r.error === "checkout.outOfStock")).toBe(true);
    expect(stockOf(variant.id)).toBe(0);
    const sold = db
      .select({ q: sql<number>`sum(${orderLines.quantity})` })
      .from(orderLines)
      .where(eq(orderLines.variantId, variant.id))
      .get()!.q;
    expect(sold).toBe(5);
    expect(count(orders) - before).toBe(5);
  }, 60_000);

  it("killing the process (SIGKILL) in the middle of a run of checkouts loses no committed order and leaves no partial one", async () => {
    const { a } = await shop();
    const db = getTestDb();
    const product = makeProduct(a.producer.id, {
      variants: [
        { label: "Gói 1kg", priceVnd: 50000, stock: 500 },
        { label: "Gói 2kg", priceVnd: 95000, stock: 500 },
      ],
    });
    const variants = db.select().from(productVariants).where(eq(productVariants.productId, product.id)).all();
    const guests = Array.from({ length: 200 }, (_, i) => `guest-crash-${String(i).padStart(3, "0")}-aaaaaaaa`);
    for (const g of guests) for (const v of variants) changeCartLine({ userId: null, guestId: g }, { variantId: v.id, quantity: 1, mode: "add" }, () => g);

    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/checkout-crash-worker.ts", String(a.producer.id), ...guests], {
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const committed: number[] = [];
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (d: Buffer) => {
        for (const m of d.toString().matchAll(/committed (\d+)/g)) committed.push(Number(m[1]));
        // Kill it hard once it is well into its run: most likely inside a transaction.
        if (committed.length >= 5 && !child.killed) child.kill("SIGKILL");
      });
      child.on("exit", () => resolve());
    });
    expect(child.signalCode).toBe("SIGKILL");
    expect(committed.length).toBeGreaterThanOrEqual(5);
    expect(committed.length).toBeLessThan(200);

    const placed = db
      .select()
      .from(orders)
      .where(sql`${orders.idempotencyKey} like ${"%crash-guest-crash-%"}`)
      .all();
    // Every order the process reported as committed is there (and maybe one more that committed before the kill landed).
    expect(placed.map((o) => o.id)).toEqual(expect.arrayContaining(committed));
    // Every order present is whole: one part, two lines, totals right.
    for (const o of placed) {
      expect(db.select().from(orderParts).where(eq(orderParts.orderId, o.id)).all()).toHaveLength(1);
      expect(db.select().from(orderLines).where(eq(orderLines.orderId, o.id)).all()).toHaveLength(2);
      expect(o.subtotalVnd).toBe(145000);
    }
    // Stock accounts exactly for the orders that exist.
    for (const v of variants) expect(stockOf(v.id)).toBe(500 - placed.length);
  }, 60_000);

  it("the conditional reservation refuses to go below zero even if the cart check were bypassed", () => {
    const db = getTestDb();
    const variant = db.select().from(productVariants).get()!;
    db.update(productVariants).set({ stock: 1 }).where(eq(productVariants.id, variant.id)).run();
    const res = db
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} - 2` })
      .where(sql`${productVariants.id} = ${variant.id} and ${productVariants.stock} >= 2`)
      .run();
    expect(res.changes).toBe(0);
    // And the CHECK constraint is the last line of defence.
    expect(() => db.update(productVariants).set({ stock: -1 }).where(eq(productVariants.id, variant.id)).run()).toThrow(/CHECK/);
    expect(stockOf(variant.id)).toBe(1);
    expect(CheckoutError).toBeDefined();
  });
});
