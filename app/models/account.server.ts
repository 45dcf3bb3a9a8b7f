/**
 * Account security (docs/decisions/070): password reset by a one-time code (phone accounts, sent by
 * SMS/Zalo) or a link (e-mail accounts), password change, contact change confirmed by a code sent
 * to the NEW contact, and ending sessions.
 *
 * One-time secrets are stored as HMAC-SHA256 keyed by the session secret (a leaked database alone
 * does not let anyone test the 10⁶ possible codes), bound to the user and purpose, single use,
 * short-lived and dead after MAX_ATTEMPTS wrong tries. Messages go through the outbox in the same
 * transaction as the token they carry.
 */
import crypto from "node:crypto";
import { verify } from "@node-rs/argon2";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { accountTokens, sessions, users, type AccountToken, type AccountTokenPurpose, type User } from "#db/schema";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { getCookieSession } from "~/utils/session.server";
import { parseIdentifier, type Identifier } from "~/schemas/auth";
import { enqueueMessage } from "./outbox.server";
import { findUserByIdentifier, hashPassword } from "./user.server";
import { formatVietnamPhone } from "~/utils/phone";

export const CODE_TTL_MINUTES = 10;
export const LINK_TTL_MINUTES = 30;
export const MAX_ATTEMPTS = 5;

type Lang = "vi" | "en";

// ── secrets ─────────────────────────────────────────────────────────────────

function keys(): Buffer[] {
  // Every session secret verifies (rotation); the first one signs.
  return env().SESSION_SECRETS.map((s) => crypto.createHash("sha256").update(`choso-account-tokens\0${s}`).digest());
}

function digest(key: Buffer, purpose: AccountTokenPurpose, userId: number, secret: string) {
  return crypto.createHmac("sha256", key).update(`${purpose}\0${userId}\0${secret}`).digest("hex");
}

function hashSecret(purpose: AccountTokenPurpose, userId: number, secret: string) {
  return digest(keys()[0]!, purpose, userId, secret);
}

function secretMatches(token: Pick<AccountToken, "purpose" | "userId" | "secretHash">, secret: string) {
  const stored = Buffer.from(token.secretHash, "hex");
  let ok = false;
  for (const key of keys()) {
    const candidate = Buffer.from(digest(key, token.purpose, token.userId, secret), "hex");
    if (candidate.length === stored.length && crypto.timingSafeEqual(candidate, stored)) ok = true;
  }
  return ok;
}

/** Six digits, uniformly random (crypto.randomInt), keeping leading zeros. */
export function newCode() {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
}

function newLinkSecret() {
  return crypto.randomBytes(32).toString("base64url");
}

function recipientKind(user: Pick<User, "role">) {
  return user.role === "producer" ? ("producer" as const) : ("shopper" as const);
}

function activeToken(handle: Tx | typeof db, userId: number, purpose: AccountTokenPurpose, kind: "code" | "link") {
  return handle
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, purpose),
        eq(accountTokens.kind, kind),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(accountTokens.id))
    .get();
}

/** Ends every unused secret of a purpose (a new request, or success, makes older ones useless). */
function expireTokens(tx: Tx | typeof db, userId: number, purpose: AccountTokenPurpose) {
  tx.update(accountTokens)
    .set({ expiresAt: new Date() })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, new Date())))
    .run();
}

function countWrongTry(tokenId: number) {
  db.update(accountTokens)
    .set({ attempts: sql`${accountTokens.attempts} + 1` })
    .where(eq(accountTokens.id, tokenId))
    .run();
}

// ── forgot password ─────────────────────────────────────────────────────────

export type ResetRequestResult = { channel: "code" | "link" };

/**
 * Starts a password reset for whatever was typed. The answer depends only on the KIND of
 * identifier (phone → a code, e-mail → a link), never on whether an account exists; both paths do
 * the same hashing work, and the only extra step for a real account is one local insert.
 */
export function requestPasswordReset(identifier: Identifier, lang: Lang, publicUrl = env().PUBLIC_URL): ResetRequestResult {
  const channel = identifier.kind === "phone" ? "code" : "link";
  const secret = channel === "code" ? newCode() : newLinkSecret();
  const user = findUserByIdentifier(identifier);
  const secretHash = hashSecret("password_reset", user?.id ?? 0, secret);
  if (!user || user.deletedAt) return { channel };
  const minutes = channel === "code" ? CODE_TTL_MINUTES : LINK_TTL_MINUTES;
  db.transaction((tx) => {
    expireTokens(tx, user.id, "password_reset");
    const token = tx
      .insert(accountTokens)
      .values({ userId: user.id, purpose: "password_reset", kind: channel, secretHash, expiresAt: new Date(Date.now() + minutes * 60_000) })
      .returning()
      .get();
    // To the contact that was typed (not the user's preferred channel): that is where the person is.
    enqueueMessage(tx, {
      dedupeKey: `account:${token.id}:reset`,
      recipientKind: recipientKind(user),
      recipientUserId: user.id,
      recipientPhone: identifier.kind === "phone" ? identifier.value : null,
      recipientEmail: identifier.kind === "email" ? identifier.value : null,
      template: channel === "code" ? "account.reset_code" : "account.reset_link",
      payload:
        channel === "code"
          ? { code: secret, minutes, lang }
          : { url: `${publicUrl}/reset-password?token=${encodeURIComponent(`${token.id}.${secret}`)}`, minutes, lang },
    });
  });
  return { channel };
}

export type ResetOutcome = { ok: true; user: User } | { ok: false };

function parseLinkToken(raw: string): { id: number; secret: string } | null {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{20,100})$/.exec(raw.trim());
  return m ? { id: Number(m[1]), secret: m[2]! } : null;
}

/** Whether an e-mailed link is still good (to show the form, or say it expired). */
export function resetLinkIsValid(raw: string): boolean {
  const parsed = parseLinkToken(raw);
  if (!parsed) return false;
  const token = db.select().from(accountTokens).where(eq(accountTokens.id, parsed.id)).get();
  return !!token && isUsable(token, "password_reset", "link") && secretMatches(token, parsed.secret);
}

function isUsable(token: AccountToken, purpose: AccountTokenPurpose, kind: "code" | "link") {
  return token.purpose === purpose && token.kind === kind && !token.usedAt && token.expiresAt > new Date() && token.attempts < MAX_ATTEMPTS;
}

/**
 * Finds the token a reset attempt refers to and checks its secret. A wrong code counts against the
 * token; the caller sees one answer for "no account", "no code", "expired", "used" and "wrong".
 */
function findResetToken(input: { identifier: Identifier; code: string } | { token: string }): AccountToken | null {
  if ("token" in input) {
    const parsed = parseLinkToken(input.token);
    const token = parsed ? db.select().from(accountTokens).where(eq(accountTokens.id, parsed.id)).get() : undefined;
    if (!parsed || !token || !isUsable(token, "password_reset", "link")) return null;
    if (!secretMatches(token, parsed.secret)) {
      countWrongTry(token.id);
      return null;
    }
    return token;
  }
  const user = findUserByIdentifier(input.identifier);
  const token = user ? activeToken(db, user.id, "password_reset", "code") : undefined;
  if (!token || token.attempts >= MAX_ATTEMPTS) {
    hashSecret("password_reset", 0, input.code); // same work as a real check
    return null;
  }
  if (!secretMatches(token, input.code)) {
    countWrongTry(token.id);
    return null;
  }
  return token;
}

/** Sets the new password, uses up the secret and ends EVERY session of the account. */
export async function resetPassword(input: ({ identifier: Identifier; code: string } | { token: string }) & { password: string }): Promise<ResetOutcome> {
  const token = findResetToken(input);
  if (!token) return { ok: false };
  const passwordHash = await hashPassword(input.password);
  const user = db.transaction((tx) => {
    // Single use even against two simultaneous requests: only one UPDATE finds it unused.
    const used = tx
      .update(accountTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(accountTokens.id, token.id), isNull(accountTokens.usedAt)))
      .run();
    if (used.changes !== 1) return null;
    const updated = tx.update(users).set({ passwordHash }).where(eq(users.id, token.userId)).returning().get();
    expireTokens(tx, token.userId, "password_reset");
    tx.delete(sessions).where(eq(sessions.userId, token.userId)).run();
    notifyPasswordChanged(tx, updated, `reset:${token.id}`);
    return updated;
  });
  return user ? { ok: true, user } : { ok: false };
}

function notifyPasswordChanged(tx: Tx, user: User, key: string) {
  enqueueMessage(tx, {
    dedupeKey: `account:${user.id}:password_changed:${key}`,
    recipientKind: recipientKind(user),
    recipientUserId: user.id,
    recipientPhone: user.phone,
    recipientEmail: user.email,
    template: "account.password_changed",
    payload: { lang: user.locale },
  });
}

// ── sessions ────────────────────────────────────────────────────────────────

export async function currentSessionId(request: Request): Promise<string | null> {
  const value = (await getCookieSession(request)).get("sessionId");
  return typeof value === "string" ? value : null;
}

export function countActiveSessions(userId: number) {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
      .get()?.n ?? 0
  );
}

/** Signs the account out everywhere except this browser; returns how many sessions ended. */
export function endOtherSessions(userId: number, keepSessionId: string | null, handle: Tx | typeof db = db) {
  const where = keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId);
  return handle.delete(sessions).where(where).run().changes;
}

// ── password change ─────────────────────────────────────────────────────────

export async function passwordMatches(user: Pick<User, "passwordHash">, password: string) {
  try {
    return await verify(user.passwordHash, password);
  } catch {
    return false;
  }
}

export type FieldFailure = { ok: false; field: string; message: string };

export async function changePassword(
  user: User,
  keepSessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true; endedSessions: number } | FieldFailure> {
  if (!(await passwordMatches(user, input.currentPassword))) return { ok: false, field: "currentPassword", message: "account:errors.wrongPassword" };
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = db.transaction((tx) => {
    const updated = tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).returning().get();
    const ended = endOtherSessions(user.id, keepSessionId, tx);
    expireTokens(tx, user.id, "password_reset");
    notifyPasswordChanged(tx, updated, `change:${Date.now()}`);
    return ended;
  });
  return { ok: true, endedSessions };
}

// ── contact change ──────────────────────────────────────────────────────────

export function displayContact(identifier: Identifier | { kind: "phone" | "email"; value: string }) {
  return identifier.kind === "phone" ? formatVietnamPhone(identifier.value) : identifier.value;
}

/** The pending change of phone/e-mail, if any: where the code went, until when. */
export function pendingContactChange(userId: number) {
  const token = activeToken(db, userId, "contact_change", "code");
  if (!token || !token.target || token.attempts >= MAX_ATTEMPTS) return null;
  const identifier = parseIdentifier(token.target);
  return identifier ? { target: displayContact(identifier), kind: identifier.kind, expiresAt: token.expiresAt } : null;
}

/**
 * Asks to use a new phone or e-mail. The password is asked again (a borrowed, signed-in phone must
 * not be enough to take the account over); the code goes to the NEW contact, proving it is theirs.
 */
export async function startContactChange(user: User, input: { newContact: string; currentPassword: string }, lang: Lang): Promise<{ ok: true } | FieldFailure> {
  const identifier = parseIdentifier(input.newContact);
  if (!identifier) return { ok: false, field: "newContact", message: "validation.identifierInvalid" };
  if ((identifier.kind === "phone" ? user.phone : user.email) === identifier.value) {
    return { ok: false, field: "newContact", message: "account:errors.sameContact" };
  }
  if (!(await passwordMatches(user, input.currentPassword))) return { ok: false, field: "currentPassword", message: "account:errors.wrongPassword" };
  const other = findUserByIdentifier(identifier);
  if (other && other.id !== user.id) return { ok: false, field: "newContact", message: "auth.identifierTaken" };
  const code = newCode();
  db.transaction((tx) => {
    expireTokens(tx, user.id, "contact_change");
    const token = tx
      .insert(accountTokens)
      .values({
        userId: user.id,
        purpose: "contact_change",
        kind: "code",
        secretHash: hashSecret("contact_change", user.id, code),
        target: identifier.value,
        expiresAt: new Date(Date.now() + CODE_TTL_MINUTES * 60_000),
      })
      .returning()
      .get();
    // recipientUserId stays empty on purpose: this message must reach the new contact, not the account's usual channel.
    enqueueMessage(tx, {
      dedupeKey: `account:${token.id}:contact_code`,
      recipientKind: recipientKind(user),
      recipientUserId: null,
      recipientPhone: identifier.kind === "phone" ? identifier.value : null,
      recipientEmail: identifier.kind === "email" ? identifier.value : null,
      template: "account.contact_code",
      payload: { code, minutes: CODE_TTL_MINUTES, lang },
    });
  });
  return { ok: true };
}

export function cancelContactChange(userId: number) {
  expireTokens(db, userId, "contact_change");
}

/** Checks the code and switches the phone or e-mail; the OLD contacts hear about it. */
export function confirmContactChange(user: User, code: string): { ok: true; user: User } | FieldFailure {
  const token = activeToken(db, user.id, "contact_change", "code");
  if (!token || !token.target || token.attempts >= MAX_ATTEMPTS) return { ok: false, field: "code", message: "account:errors.codeInvalid" };
  if (!secretMatches(token, code)) {
    countWrongTry(token.id);
    return { ok: false, field: "code", message: "account:errors.codeInvalid" };
  }
  const identifier = parseIdentifier(token.target);
  if (!identifier) return { ok: false, field: "code", message: "account:errors.codeInvalid" };
  try {
    const updated = db.transaction((tx) => {
      const used = tx
        .update(accountTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(accountTokens.id, token.id), isNull(accountTokens.usedAt)))
        .run();
      if (used.changes !== 1) return null;
      const row = tx
        .update(users)
        .set(identifier.kind === "phone" ? { phone: identifier.value } : { email: identifier.value })
        .where(eq(users.id, user.id))
        .returning()
        .get();
      // Warn the contacts the account had before, in case this was not the owner.
      if (user.phone || user.email) {
        enqueueMessage(tx, {
          dedupeKey: `account:${token.id}:contact_changed`,
          recipientKind: recipientKind(user),
          recipientUserId: null,
          recipientPhone: user.phone,
          recipientEmail: user.email,
          template: "account.contact_changed",
          payload: { newContact: displayContact(identifier), lang: user.locale },
        });
      }
      return row;
    });
    return updated ? { ok: true, user: updated } : { ok: false, field: "code", message: "account:errors.codeInvalid" };
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed: users\.(email|phone)/.test(error.message)) {
      return { ok: false, field: "code", message: "auth.identifierTaken" };
    }
    throw error;
  }
}
