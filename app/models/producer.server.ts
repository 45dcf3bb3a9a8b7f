/**
 * Producers: applying to sell, certifications, verification by province staff, public pages.
 * Every dashboard function takes the producer id of the signed-in owner (requireOwnProducer) and
 * scopes its query by it (convention 5).
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { redirect } from "@remix-run/node";
import { auditLog, certifications, communes, images, producers, users, type Certification, type Producer, type User } from "#db/schema";
import { db } from "~/utils/db.server";
import { requireRole } from "~/utils/auth.server";
import { slugify } from "~/utils/slug";
import { certValidity } from "~/utils/certification";
import { localIsoDate } from "~/utils/format";
import type { ProducerApplication } from "~/schemas/producer";
import { recordAudit } from "./audit.server";

export function getProducerOfUser(userId: number): Producer | undefined {
  return db.select().from(producers).where(eq(producers.ownerUserId, userId)).get();
}

/** Guard for /dashboard/*: the signed-in user's own producer, or off to the application form. */
export async function requireOwnProducer(request: Request): Promise<{ user: User; producer: Producer }> {
  const user = await requireRole(request, "producer");
  const producer = getProducerOfUser(user.id);
  if (!producer) throw redirect("/sell");
  return { user, producer };
}

export function listCommunes() {
  return db
    .select({ code: communes.code, name: communes.name, area: communes.area, areaSlug: communes.areaSlug })
    .from(communes)
    .orderBy(asc(communes.area), asc(communes.name))
    .all();
}

export function listAreas() {
  return db.selectDistinct({ area: communes.area, areaSlug: communes.areaSlug }).from(communes).orderBy(asc(communes.area)).all();
}

function uniqueProducerSlug(name: string, exceptId?: number) {
  const base = slugify(name) || "nha-san-xuat";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const row = db.select({ id: producers.id }).from(producers).where(eq(producers.slug, candidate)).get();
    if (!row || row.id === exceptId) return candidate;
  }
}

export type ApplyResult = { ok: true; producer: Producer } | { ok: false; field: keyof ProducerApplication | ""; message: string };

/**
 * Creates the user's producer application (status pending) and makes them a producer. A rejected
 * applicant may correct and resubmit: the same row goes back to pending. A verified producer
 * editing their profile keeps their status unless the legal identity (name, commune) changes.
 */
export function applyAsProducer(user: User, input: ProducerApplication, photoImageId: string | null): ApplyResult {
  const commune = db.select().from(communes).where(eq(communes.code, input.communeCode)).get();
  if (!commune) return { ok: false, field: "communeCode", message: "producer:validation.commune" };
  const existing = getProducerOfUser(user.id);
  const fields = {
    name: input.name,
    legalName: input.legalName,
    kind: input.kind,
    communeCode: commune.code,
    area: commune.area,
    address: input.address,
    phone: input.phone,
    story: input.story ?? "",
    taxCode: input.taxCode ?? null,
    gs1CompanyPrefix: input.gs1CompanyPrefix ?? null,
  };
  const producer = db.transaction((tx) => {
    let row: Producer;
    if (existing) {
      // The legal identity buyers see (docs/decisions/074): a change goes back to staff for checking.
      const identityChanged =
        existing.name !== input.name ||
        existing.communeCode !== commune.code ||
        (existing.legalName ?? existing.name) !== input.legalName ||
        (existing.taxCode ?? null) !== (input.taxCode ?? null);
      const backToPending = existing.status === "rejected" || (existing.status === "verified" && identityChanged);
      row = tx
        .update(producers)
        .set({
          ...fields,
          ...(photoImageId ? { photoImageId } : {}),
          ...(backToPending ? { status: "pending" as const, rejectionReason: null, verifiedAt: null } : {}),
        })
        .where(and(eq(producers.id, existing.id), eq(producers.ownerUserId, user.id)))
        .returning()
        .get();
    } else {
      row = tx
        .insert(producers)
        .values({ ...fields, slug: uniqueProducerSlug(input.name), ownerUserId: user.id, photoImageId, status: "pending" })
        .returning()
        .get();
    }
    // Admins keep their role; everyone else becomes a producer.
    if (user.role === "shopper") tx.update(users).set({ role: "producer" }).where(eq(users.id, user.id)).run();
    return row;
  });
  return { ok: true, producer };
}

// ── Certifications ─────────────────────────────────────────────────────────────

export type CertificationWithValidity = Certification & { validity: ReturnType<typeof certValidity> };

export function withValidity<T extends { validFrom: string; validTo: string }>(certs: T[], today = localIsoDate()) {
  return certs.map((c) => ({ ...c, validity: certValidity(c, today) }));
}

export function listOwnCertifications(producerId: number) {
  return withValidity(
    db
      .select({ cert: certifications, scanWidth: images.width })
      .from(certifications)
      .leftJoin(images, eq(images.id, certifications.scanImageId))
      .where(eq(certifications.producerId, producerId))
      .orderBy(desc(certifications.validTo))
      .all()
      .map((r) => ({ ...r.cert, scanWidth: r.scanWidth })),
  );
}

/** What a producer states about a certificate (the row's own columns, minus ids and the scan). */
export type CertificationInput = Pick<Certification, "kind" | "ocopStars" | "name" | "number" | "issuer" | "validFrom" | "validTo">;

export function addCertification(producerId: number, input: CertificationInput, scanImageId: string | null) {
  return db
    .insert(certifications)
    .values({ ...input, producerId, scanImageId })
    .returning()
    .get();
}

/** Deletes one of the producer's own certificates; another producer's id matches nothing. */
export function deleteCertification(producerId: number, certificationId: number): boolean {
  const res = db
    .delete(certifications)
    .where(and(eq(certifications.id, certificationId), eq(certifications.producerId, producerId)))
    .run();
  return res.changes > 0;
}

// ── Verification (province staff) ─────────────────────────────────────────────

export function listProducersForReview(status: Producer["status"]) {
  return db
    .select({
      id: producers.id,
      slug: producers.slug,
      name: producers.name,
      kind: producers.kind,
      area: producers.area,
      communeName: communes.name,
      address: producers.address,
      phone: producers.phone,
      story: producers.story,
      taxCode: producers.taxCode,
      gs1CompanyPrefix: producers.gs1CompanyPrefix,
      photoImageId: producers.photoImageId,
      photoWidth: images.width,
      status: producers.status,
      rejectionReason: producers.rejectionReason,
      createdAt: producers.createdAt,
      ownerName: users.name,
      ownerEmail: users.email,
      ownerPhone: users.phone,
    })
    .from(producers)
    .innerJoin(communes, eq(communes.code, producers.communeCode))
    .innerJoin(users, eq(users.id, producers.ownerUserId))
    .leftJoin(images, eq(images.id, producers.photoImageId))
    .where(eq(producers.status, status))
    .orderBy(status === "pending" ? asc(producers.createdAt) : desc(producers.updatedAt))
    .limit(200)
    .all();
}

export function verifyProducer(adminUserId: number, producerId: number): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(producers).where(eq(producers.id, producerId)).get();
    if (!before) return false;
    tx.update(producers).set({ status: "verified", rejectionReason: null, verifiedAt: new Date() }).where(eq(producers.id, producerId)).run();
    recordAudit(tx, {
      actorUserId: adminUserId,
      action: "producer.verify",
      subjectType: "producer",
      subjectId: producerId,
      details: { name: before.name, previousStatus: before.status },
    });
    return true;
  });
}

export function rejectProducer(adminUserId: number, producerId: number, reason: string): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(producers).where(eq(producers.id, producerId)).get();
    if (!before) return false;
    tx.update(producers).set({ status: "rejected", rejectionReason: reason, verifiedAt: null }).where(eq(producers.id, producerId)).run();
    recordAudit(tx, {
      actorUserId: adminUserId,
      action: "producer.reject",
      subjectType: "producer",
      subjectId: producerId,
      details: { name: before.name, previousStatus: before.status, reason },
    });
    return true;
  });
}

export function recentAudit(limit = 20) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

// ── Public ─────────────────────────────────────────────────────────────────────

/** A verified producer's public profile, or undefined (unknown, pending and rejected look the same). */
export function getPublicProducer(slug: string) {
  const row = db
    .select({ producer: producers, communeName: communes.name, areaSlug: communes.areaSlug, teaArea: communes.teaArea, photoWidth: images.width })
    .from(producers)
    .innerJoin(communes, eq(communes.code, producers.communeCode))
    .leftJoin(images, eq(images.id, producers.photoImageId))
    .where(and(eq(producers.slug, slug), eq(producers.status, "verified")))
    .get();
  if (!row) return undefined;
  const certs = withValidity(
    db.select().from(certifications).where(eq(certifications.producerId, row.producer.id)).orderBy(desc(certifications.validTo)).all(),
  );
  return { ...row, certs };
}

/**
 * Verified producers grouped by area (former district), for the home page: a few names per area
 * and how many there are in all (the area links to the filtered catalogue).
 */
type AreaGroup = { area: string; areaSlug: string; total: number; producers: { slug: string; name: string; communeName: string }[] };
// The home page's "producers by area" changes rarely: computed at most once a minute per database.
let areaCache: { at: number; client: unknown; groups: AreaGroup[] } | undefined;

export function verifiedProducersByArea(perArea = 6): AreaGroup[] {
  if (areaCache && areaCache.client === db.$client && Date.now() - areaCache.at < 60_000) return areaCache.groups;
  const rows = db.$client
    .prepare(
      `SELECT slug, name, area, areaSlug, communeName, total FROM (
         SELECT pr.slug, pr.name, pr.area, c.area_slug AS areaSlug, c.name AS communeName,
           row_number() OVER (PARTITION BY c.area_slug ORDER BY pr.verified_at DESC, pr.id DESC) AS n,
           count(*) OVER (PARTITION BY c.area_slug) AS total
         FROM producers pr JOIN communes c ON c.code = pr.commune_code
         WHERE pr.status = 'verified')
       WHERE n <= ? ORDER BY area, name`,
    )
    .all(perArea) as { slug: string; name: string; area: string; areaSlug: string; communeName: string; total: number }[];
  const byArea = new Map<string, { area: string; areaSlug: string; total: number; producers: typeof rows }>();
  for (const r of rows) {
    const group = byArea.get(r.areaSlug) ?? { area: r.area, areaSlug: r.areaSlug, total: r.total, producers: [] };
    group.producers.push(r);
    byArea.set(r.areaSlug, group);
  }
  const groups = [...byArea.values()];
  areaCache = { at: Date.now(), client: db.$client, groups };
  return groups;
}

export function countProducersByStatus() {
  const rows = db
    .select({ status: producers.status, n: sql<number>`count(*)` })
    .from(producers)
    .groupBy(producers.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<Producer["status"], number>>;
}
