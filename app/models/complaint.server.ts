/**
 * Complaints (docs/decisions/073): anyone may complain about an order, a product, a trace page or
 * the service; province staff answer from a queue, and every answer reaches the complainant as a
 * message through the outbox. Status: open → in_progress → resolved | rejected.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import {
  complaintReplies,
  complaints,
  lots,
  orderParts,
  orders,
  products,
  producers,
  type Complaint,
  type ComplaintStatus,
  type ComplaintSubject,
} from "#db/schema";
import { db } from "~/utils/db.server";
import { parseIdentifier } from "~/schemas/auth";
import { normaliseTraceCode } from "~/utils/trace-code";
import { randomCode } from "~/standards/random-code";
import { enqueueMessage } from "./outbox.server";
import { recordAudit } from "./audit.server";

export type ComplaintInput = { subject: ComplaintSubject; subjectRef?: string; name: string; contact: string; body: string };
export type ComplaintResult = { ok: true; complaint: Complaint } | { ok: false; field: string; message: string };

/** What a reference points at; accepts a pasted link as well as a bare code or slug. */
function resolveSubject(subject: ComplaintSubject, rawRef: string | undefined) {
  const ref = (rawRef ?? "").trim();
  if (subject === "other") return { ok: true as const, subjectRef: ref || null, orderId: null, producerId: null };
  const lastSegment =
    ref
      .replace(/[?#].*$/, "")
      .replace(/\/+$/, "")
      .split("/")
      .pop() ?? "";
  if (subject === "order") {
    const code = lastSegment.toUpperCase();
    const order = code ? db.select({ id: orders.id, code: orders.code }).from(orders).where(eq(orders.code, code)).get() : undefined;
    if (!order) return { ok: false as const };
    const parts = db.select({ producerId: orderParts.producerId }).from(orderParts).where(eq(orderParts.orderId, order.id)).all();
    return { ok: true as const, subjectRef: order.code, orderId: order.id, producerId: parts.length === 1 ? parts[0]!.producerId : null };
  }
  if (subject === "product") {
    const slug = lastSegment.toLowerCase();
    const product = slug ? db.select({ slug: products.slug, producerId: products.producerId }).from(products).where(eq(products.slug, slug)).get() : undefined;
    return product ? { ok: true as const, subjectRef: product.slug, orderId: null, producerId: product.producerId } : { ok: false as const };
  }
  // A trace page: /t/CODE, /t/CODE/SERIAL or a bare code.
  const tMatch = /\/t\/([^/?#]+)/.exec(ref);
  const code = normaliseTraceCode(tMatch ? tMatch[1]! : ref);
  const lot = code ? db.select({ traceCode: lots.traceCode, producerId: lots.producerId }).from(lots).where(eq(lots.traceCode, code)).get() : undefined;
  return lot ? { ok: true as const, subjectRef: lot.traceCode, orderId: null, producerId: lot.producerId } : { ok: false as const };
}

function newComplaintCode() {
  return `KN${randomCode(7)}`;
}

export function submitComplaint(input: ComplaintInput, by: { userId: number | null; lang: "vi" | "en" }): ComplaintResult {
  const contact = parseIdentifier(input.contact);
  if (!contact) return { ok: false, field: "contact", message: "validation.identifierInvalid" };
  const subject = resolveSubject(input.subject, input.subjectRef);
  if (!subject.ok) return { ok: false, field: "subjectRef", message: `legal:complaints.notFound.${input.subject}` };
  const complaint = db.transaction((tx) => {
    const row = tx
      .insert(complaints)
      .values({
        code: newComplaintCode(),
        userId: by.userId,
        name: input.name,
        phone: contact.kind === "phone" ? contact.value : null,
        email: contact.kind === "email" ? contact.value : null,
        lang: by.lang,
        subject: input.subject,
        subjectRef: subject.subjectRef,
        orderId: subject.orderId,
        producerId: subject.producerId,
        body: input.body,
      })
      .returning()
      .get();
    enqueueMessage(tx, {
      dedupeKey: `complaint:${row.id}:received`,
      recipientKind: "shopper",
      recipientUserId: null,
      recipientPhone: row.phone,
      recipientEmail: row.email,
      template: "complaint.received",
      payload: { code: row.code, lang: row.lang },
    });
    return row;
  });
  return { ok: true, complaint };
}

export function listComplaints(status: ComplaintStatus | "all") {
  return db
    .select({
      id: complaints.id,
      code: complaints.code,
      subject: complaints.subject,
      subjectRef: complaints.subjectRef,
      name: complaints.name,
      status: complaints.status,
      createdAt: complaints.createdAt,
      producerName: producers.name,
      replies: sql<number>`(select count(*) from ${complaintReplies} where ${complaintReplies.complaintId} = ${complaints.id})`,
    })
    .from(complaints)
    .leftJoin(producers, eq(producers.id, complaints.producerId))
    .where(status === "all" ? undefined : eq(complaints.status, status))
    .orderBy(status === "open" || status === "in_progress" ? asc(complaints.createdAt) : desc(complaints.createdAt))
    .limit(200)
    .all();
}

export function countOpenComplaints() {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(complaints)
      .where(sql`${complaints.status} in ('open', 'in_progress')`)
      .get()?.n ?? 0
  );
}

export function getComplaint(id: number) {
  const row = db
    .select({ complaint: complaints, producerName: producers.name, producerSlug: producers.slug })
    .from(complaints)
    .leftJoin(producers, eq(producers.id, complaints.producerId))
    .where(eq(complaints.id, id))
    .get();
  if (!row) return undefined;
  const replies = db.select().from(complaintReplies).where(eq(complaintReplies.complaintId, id)).orderBy(asc(complaintReplies.id)).all();
  return { ...row, replies };
}

/** Staff answer: stored, status updated, audit-logged and sent to the complainant, in one transaction. */
export function replyToComplaint(actorUserId: number, complaintId: number, input: { body: string; status: ComplaintStatus }): boolean {
  return db.transaction((tx) => {
    const complaint = tx.select().from(complaints).where(eq(complaints.id, complaintId)).get();
    if (!complaint) return false;
    const closing = input.status === "resolved" || input.status === "rejected";
    const reply = tx.insert(complaintReplies).values({ complaintId, authorUserId: actorUserId, body: input.body, statusAfter: input.status }).returning().get();
    tx.update(complaints)
      .set({ status: input.status, closedAt: closing ? new Date() : null })
      .where(and(eq(complaints.id, complaintId)))
      .run();
    if (complaint.phone || complaint.email) {
      enqueueMessage(tx, {
        dedupeKey: `complaint:${complaintId}:reply:${reply.id}`,
        recipientKind: "shopper",
        recipientUserId: null,
        recipientPhone: complaint.phone,
        recipientEmail: complaint.email,
        template: "complaint.reply",
        payload: { code: complaint.code, reply: input.body, status: input.status, lang: complaint.lang },
      });
    }
    recordAudit(tx, { actorUserId, action: "complaint.reply", subjectType: "complaint", subjectId: complaintId, details: { status: input.status } });
    return true;
  });
}
