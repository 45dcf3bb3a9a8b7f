/**
 * A person's data: download everything (JSON + CSV in a ZIP) and delete the account
 * (docs/decisions/071). Deletion keeps what the law requires for accounting — orders, payments,
 * seller and stall records — with the personal fields erased, and leaves the user row as a
 * tombstone without personal data so every reference stays valid.
 */
import crypto from "node:crypto";
import { strToU8, zipSync } from "fflate";
import { and, asc, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import {
  accountTokens,
  auditLog,
  cartItems,
  carts,
  certifications,
  complaintReplies,
  complaints,
  lots,
  orderEvents,
  orderLines,
  orderParts,
  orders,
  outbox,
  plots,
  producers,
  productImages,
  products,
  productVariants,
  sessions,
  stalls,
  tillCharges,
  users,
  images,
  type User,
} from "#db/schema";
import { db } from "~/utils/db.server";
import { toCsv, type CsvValue } from "~/utils/csv";
import { recordAudit } from "./audit.server";
import { consentsOfUser } from "./consent.server";
import { hashPassword } from "./user.server";
import { passwordMatches, type FieldFailure } from "./account.server";
import { SECRET_PAYLOAD_KEYS } from "./notify/templates/account";

// ── export ──────────────────────────────────────────────────────────────────

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function withoutSecrets(payload: Record<string, unknown>) {
  const copy = { ...payload };
  for (const key of SECRET_PAYLOAD_KEYS) if (key in copy) copy[key] = "(hidden)";
  return copy;
}

/** Everything the marketplace holds about a user, as plain JSON-ready data. */
export function collectUserData(userId: number) {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new Error(`no user ${userId}`);

  const myOrders = db.select().from(orders).where(eq(orders.userId, userId)).orderBy(asc(orders.id)).all();
  const orderIds = myOrders.map((o) => o.id);
  const parts = orderIds.length
    ? db
        .select({ part: orderParts, producerName: producers.name })
        .from(orderParts)
        .innerJoin(producers, eq(producers.id, orderParts.producerId))
        .where(inArray(orderParts.orderId, orderIds))
        .all()
    : [];
  const lines = orderIds.length ? db.select().from(orderLines).where(inArray(orderLines.orderId, orderIds)).all() : [];
  const events = orderIds.length ? db.select().from(orderEvents).where(inArray(orderEvents.orderId, orderIds)).orderBy(asc(orderEvents.id)).all() : [];

  const cart = db
    .select({ productName: products.name, variantLabel: productVariants.label, quantity: cartItems.quantity, addedAt: cartItems.addedAt })
    .from(carts)
    .innerJoin(cartItems, eq(cartItems.cartId, carts.id))
    .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(carts.userId, userId))
    .all();

  const contactMatch = [eq(outbox.recipientUserId, userId)];
  if (user.phone) contactMatch.push(eq(outbox.recipientPhone, user.phone));
  if (user.email) contactMatch.push(eq(outbox.recipientEmail, user.email));
  const messages = db
    .select()
    .from(outbox)
    .where(or(...contactMatch))
    .orderBy(asc(outbox.id))
    .all();

  const myComplaints = db.select().from(complaints).where(eq(complaints.userId, userId)).orderBy(asc(complaints.id)).all();
  const replies = myComplaints.length
    ? db
        .select()
        .from(complaintReplies)
        .where(
          inArray(
            complaintReplies.complaintId,
            myComplaints.map((c) => c.id),
          ),
        )
        .all()
    : [];

  const sessionRows = db.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, userId)).all();
  const producer = db.select().from(producers).where(eq(producers.ownerUserId, userId)).get();
  const stallRows = db.select().from(stalls).where(eq(stalls.traderUserId, userId)).all();
  const charges = stallRows.length
    ? db
        .select()
        .from(tillCharges)
        .where(
          inArray(
            tillCharges.stallId,
            stallRows.map((s) => s.id),
          ),
        )
        .orderBy(asc(tillCharges.id))
        .all()
    : [];
  const actions = db.select().from(auditLog).where(eq(auditLog.actorUserId, userId)).orderBy(asc(auditLog.id)).all();

  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      name: user.name,
      email: user.email,
      phone: user.phone,
      role: user.role,
      language: user.locale,
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    sessions: sessionRows.map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt) })),
    consents: consentsOfUser(userId).map((c) => ({
      context: c.context,
      purposes: c.purposes,
      privacyVersion: c.privacyVersion,
      termsVersion: c.termsVersion,
      language: c.lang,
      orderId: c.orderId,
      givenAt: iso(c.createdAt),
    })),
    orders: myOrders.map((o) => ({
      code: o.code,
      status: o.status,
      paymentMethod: o.paymentMethod,
      paymentStatus: o.paymentStatus,
      subtotalVnd: o.subtotalVnd,
      deliveryVnd: o.deliveryVnd,
      totalVnd: o.totalVnd,
      paidVnd: o.paidVnd,
      refundedVnd: o.refundedVnd,
      customerName: o.customerName,
      customerPhone: o.customerPhone,
      communeCode: o.communeCode,
      otherProvince: o.otherProvince,
      addressLine: o.addressLine,
      note: o.note,
      paymentMemo: o.paymentMemo,
      cancelReason: o.cancelReason,
      createdAt: iso(o.createdAt),
      paidAt: iso(o.paidAt),
      parts: parts
        .filter((p) => p.part.orderId === o.id)
        .map(({ part, producerName }) => ({
          producer: producerName,
          status: part.status,
          deliveryMethod: part.deliveryMethod,
          marketSlug: part.marketSlug,
          deliveryFeeVnd: part.deliveryFeeVnd,
          subtotalVnd: part.subtotalVnd,
          carrier: part.carrier,
          trackingNumber: part.trackingNumber,
          cancelReason: part.cancelReason,
        })),
      lines: lines
        .filter((l) => l.orderId === o.id)
        .map((l) => ({
          product: l.productName,
          variant: l.variantLabel,
          unitPriceVnd: l.unitPriceVnd,
          quantity: l.quantity,
          lineTotalVnd: l.lineTotalVnd,
          lotCode: l.lotCode,
        })),
      events: events.filter((e) => e.orderId === o.id).map((e) => ({ kind: e.kind, details: e.details, at: iso(e.createdAt) })),
    })),
    cart: cart.map((c) => ({ ...c, addedAt: iso(c.addedAt) })),
    messages: messages.map((m) => ({
      template: m.template,
      to: m.recipientPhone ?? m.recipientEmail,
      status: m.status,
      channel: m.channel,
      payload: withoutSecrets(m.payload),
      createdAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
    })),
    complaints: myComplaints.map((c) => ({
      code: c.code,
      subject: c.subject,
      subjectRef: c.subjectRef,
      name: c.name,
      phone: c.phone,
      email: c.email,
      body: c.body,
      status: c.status,
      createdAt: iso(c.createdAt),
      replies: replies.filter((r) => r.complaintId === c.id).map((r) => ({ body: r.body, status: r.statusAfter, at: iso(r.createdAt) })),
    })),
    producer: producer ? producerData(producer.id) : null,
    stalls: stallRows.map((s) => ({
      slug: s.slug,
      stallNumber: s.stallNumber,
      name: s.name,
      goods: s.goods,
      bankBin: s.bankBin,
      accountNumber: s.accountNumber,
      accountHolder: s.accountHolder,
      status: s.status,
      createdAt: iso(s.createdAt),
    })),
    tillCharges: charges.map((c) => ({
      stall: stallRows.find((s) => s.id === c.stallId)?.slug ?? null,
      amountVnd: c.amount,
      method: c.method,
      status: c.status,
      memo: c.memo,
      createdAt: iso(c.createdAt),
      paidAt: iso(c.paidAt),
    })),
    actions: actions.map((a) => ({ action: a.action, subject: `${a.subjectType}:${a.subjectId}`, details: a.details, at: iso(a.createdAt) })),
  };
}

function producerData(producerId: number) {
  const p = db.select().from(producers).where(eq(producers.id, producerId)).get()!;
  return {
    slug: p.slug,
    name: p.name,
    legalName: p.legalName,
    kind: p.kind,
    communeCode: p.communeCode,
    address: p.address,
    phone: p.phone,
    taxCode: p.taxCode,
    gs1CompanyPrefix: p.gs1CompanyPrefix,
    story: p.story,
    status: p.status,
    createdAt: iso(p.createdAt),
    certifications: db
      .select()
      .from(certifications)
      .where(eq(certifications.producerId, producerId))
      .all()
      .map((c) => ({ kind: c.kind, number: c.number, issuer: c.issuer, validFrom: c.validFrom, validTo: c.validTo, ocopStars: c.ocopStars })),
    products: db
      .select({ slug: products.slug, name: products.name, status: products.status, createdAt: products.createdAt })
      .from(products)
      .where(eq(products.producerId, producerId))
      .all()
      .map((x) => ({ ...x, createdAt: iso(x.createdAt) })),
    plots: db
      .select()
      .from(plots)
      .where(eq(plots.producerId, producerId))
      .all()
      .map((x) => ({ name: x.name, areaSqm: x.areaSqm, communeCode: x.communeCode, lat: x.lat, lng: x.lng, crops: x.crops })),
    lots: db
      .select({ traceCode: lots.traceCode, lotNumber: lots.lotNumber, harvestDate: lots.harvestDate, quantity: lots.quantity, unit: lots.unit })
      .from(lots)
      .where(eq(lots.producerId, producerId))
      .all(),
  };
}

export type UserData = ReturnType<typeof collectUserData>;

const README = `Chợ Số Thái Nguyên — dữ liệu của bạn / your data

data.json  toàn bộ dữ liệu, có cấu trúc / everything, structured
*.csv      các bảng chính để mở bằng Excel (UTF-8) / the main tables for a spreadsheet (UTF-8)

Thời gian theo giờ quốc tế UTC (giờ Việt Nam = UTC+7). Số tiền là đồng (VND), số nguyên.
Times are UTC (Vietnam time = UTC+7). Amounts are Vietnamese đồng (VND), integers.
Mã xác nhận và liên kết đặt lại mật khẩu được ẩn / one-time codes and reset links are hidden.
`;

/** The ZIP a person downloads: data.json, one CSV per table, README.txt. */
export function buildExportZip(data: UserData): Uint8Array {
  const flat = (rows: Record<string, unknown>[]) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, (v !== null && typeof v === "object" ? JSON.stringify(v) : v) as CsvValue])));
  const files: Record<string, Uint8Array> = {
    "README.txt": strToU8(README),
    "data.json": strToU8(JSON.stringify(data, null, 2)),
    "profile.csv": strToU8(toCsv(flat([data.profile]))),
    "consents.csv": strToU8(toCsv(flat(data.consents), ["context", "purposes", "privacyVersion", "termsVersion", "language", "orderId", "givenAt"])),
    "orders.csv": strToU8(
      toCsv(flat(data.orders.map(({ parts: _p, lines: _l, events: _e, ...o }) => o)), [
        "code",
        "status",
        "paymentMethod",
        "paymentStatus",
        "subtotalVnd",
        "deliveryVnd",
        "totalVnd",
        "paidVnd",
        "refundedVnd",
        "customerName",
        "customerPhone",
        "communeCode",
        "otherProvince",
        "addressLine",
        "note",
        "paymentMemo",
        "cancelReason",
        "createdAt",
        "paidAt",
      ]),
    ),
    "order_lines.csv": strToU8(
      toCsv(flat(data.orders.flatMap((o) => o.lines.map((l) => ({ order: o.code, ...l })))), [
        "order",
        "product",
        "variant",
        "unitPriceVnd",
        "quantity",
        "lineTotalVnd",
        "lotCode",
      ]),
    ),
    "messages.csv": strToU8(toCsv(flat(data.messages), ["template", "to", "status", "channel", "payload", "createdAt", "sentAt"])),
    "complaints.csv": strToU8(
      toCsv(flat(data.complaints.map(({ replies, ...c }) => ({ ...c, replies: replies.map((r) => r.body).join(" | ") }))), [
        "code",
        "subject",
        "subjectRef",
        "name",
        "phone",
        "email",
        "body",
        "status",
        "createdAt",
        "replies",
      ]),
    ),
  };
  if (data.producer) {
    const { certifications: certs, products: prods, plots: plotRows, lots: lotRows, ...producer } = data.producer;
    files["producer.csv"] = strToU8(toCsv(flat([producer])));
    files["producer_products.csv"] = strToU8(toCsv(flat(prods), ["slug", "name", "status", "createdAt"]));
    files["producer_certifications.csv"] = strToU8(toCsv(flat(certs), ["kind", "number", "issuer", "validFrom", "validTo", "ocopStars"]));
    files["producer_plots.csv"] = strToU8(toCsv(flat(plotRows), ["name", "areaSqm", "communeCode", "lat", "lng", "crops"]));
    files["producer_lots.csv"] = strToU8(toCsv(flat(lotRows), ["traceCode", "lotNumber", "harvestDate", "quantity", "unit"]));
  }
  if (data.stalls.length) {
    files["stalls.csv"] = strToU8(toCsv(flat(data.stalls)));
    files["till_charges.csv"] = strToU8(toCsv(flat(data.tillCharges), ["stall", "amountVnd", "method", "status", "memo", "createdAt", "paidAt"]));
  }
  // Fixed timestamps inside the archive: the same data gives the same bytes.
  const mtime = new Date(data.exportedAt);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime }]])), { level: 6 });
}

// ── delete ──────────────────────────────────────────────────────────────────

/** What stands in the way of deleting an account, if anything (shown before the form). */
export function deletionBlockers(user: Pick<User, "id" | "role">) {
  const blockers: string[] = [];
  if (user.role === "admin") blockers.push("account:delete.blockedAdmin");
  const openOrders =
    db
      .select({ n: sql<number>`count(*)` })
      .from(orders)
      .where(and(eq(orders.userId, user.id), eq(orders.status, "open")))
      .get()?.n ?? 0;
  if (openOrders) blockers.push("account:delete.blockedOpenOrders");
  const producer = db.select({ id: producers.id }).from(producers).where(eq(producers.ownerUserId, user.id)).get();
  if (producer) {
    const openParts =
      db
        .select({ n: sql<number>`count(*)` })
        .from(orderParts)
        .where(and(eq(orderParts.producerId, producer.id), inArray(orderParts.status, ["placed", "confirmed", "packed", "shipped"])))
        .get()?.n ?? 0;
    if (openParts) blockers.push("account:delete.blockedOpenSales");
  }
  return blockers;
}

const ERASED = "—";

/**
 * Deletes the account after the password is typed again. In one transaction: the user row loses
 * every personal field (tombstone), sessions/tokens/cart go, the person's orders keep only what
 * accounting needs, messages and complaints lose their contact details, a producer or stall is
 * closed (hidden, kept as a business record), and the deletion is audit-logged.
 */
export async function deleteAccount(user: User, password: string): Promise<{ ok: true } | FieldFailure> {
  if (!(await passwordMatches(user, password))) return { ok: false, field: "password", message: "account:errors.wrongPassword" };
  const blockers = deletionBlockers(user);
  if (blockers.length) return { ok: false, field: "", message: blockers[0]! };
  // Nobody knows this password, and the row has no identifier to sign in with anyway.
  const unusableHash = await hashPassword(crypto.randomBytes(32).toString("base64url"));
  const now = new Date();
  db.transaction((tx) => {
    const myOrderIds = tx
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.userId, user.id))
      .all()
      .map((o) => o.id);
    if (myOrderIds.length) {
      tx.update(orders)
        .set({ customerName: ERASED, customerPhone: "", addressLine: "", note: null, guestId: null })
        .where(inArray(orders.id, myOrderIds))
        .run();
      // A tracking number leads to the delivery address at the carrier.
      tx.update(orderParts).set({ trackingNumber: null }).where(inArray(orderParts.orderId, myOrderIds)).run();
      tx.update(orderEvents)
        .set({ details: sql`json_remove(${orderEvents.details}, '$.trackingNumber')` })
        .where(and(inArray(orderEvents.orderId, myOrderIds), isNotNull(orderEvents.details)))
        .run();
    }

    const contactMatch = [eq(outbox.recipientUserId, user.id)];
    if (user.phone) contactMatch.push(eq(outbox.recipientPhone, user.phone));
    if (user.email) contactMatch.push(eq(outbox.recipientEmail, user.email));
    tx.update(outbox)
      .set({ status: "skipped" })
      .where(and(or(...contactMatch), eq(outbox.status, "pending")))
      .run();
    tx.update(outbox)
      .set({ recipientPhone: null, recipientEmail: null, payload: {} })
      .where(or(...contactMatch))
      .run();

    tx.update(complaints).set({ name: ERASED, phone: null, email: null }).where(eq(complaints.userId, user.id)).run();

    const producer = tx.select().from(producers).where(eq(producers.ownerUserId, user.id)).get();
    if (producer) {
      tx.update(producers).set({ status: "closed", story: "", photoImageId: null }).where(eq(producers.id, producer.id)).run();
      if (producer.photoImageId) dropImageIfUnused(tx, producer.photoImageId);
    }
    tx.update(stalls)
      .set({ status: "closed" })
      .where(and(eq(stalls.traderUserId, user.id), ne(stalls.status, "closed")))
      .run();

    tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
    tx.delete(accountTokens).where(eq(accountTokens.userId, user.id)).run();
    tx.delete(carts).where(eq(carts.userId, user.id)).run();

    tx.update(users)
      .set({ name: ERASED, email: null, phone: null, passwordHash: unusableHash, role: "shopper", deletedAt: now })
      .where(eq(users.id, user.id))
      .run();
    recordAudit(tx, {
      actorUserId: user.id,
      action: "account.delete",
      subjectType: "user",
      subjectId: user.id,
      details: { orders: myOrderIds.length, producerClosed: !!producer, role: user.role },
    });
  });
  return { ok: true };
}

type TxHandle = Parameters<Parameters<typeof db.transaction>[0]>[0];

function dropImageIfUnused(tx: TxHandle, imageId: string) {
  const usedByProducer = tx.select({ id: producers.id }).from(producers).where(eq(producers.photoImageId, imageId)).get();
  const usedByProduct = tx.select({ id: productImages.productId }).from(productImages).where(eq(productImages.imageId, imageId)).get();
  const usedByCert = tx.select({ id: certifications.id }).from(certifications).where(eq(certifications.scanImageId, imageId)).get();
  if (usedByProducer || usedByProduct || usedByCert) return;
  try {
    // In a savepoint: a table added later that still points at the picture keeps it (FK error), harmlessly.
    tx.transaction((inner) => {
      inner.delete(images).where(eq(images.id, imageId)).run();
    });
  } catch {
    /* still referenced somewhere: the picture stays */
  }
}
