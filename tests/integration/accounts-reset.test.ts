/**
 * Forgot password (docs/decisions/070): one-time code to a phone, link to an e-mail; hashed at
 * rest, single use, short-lived, limited tries; the same answer whether or not the account exists;
 * every session ends on success.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { accountTokens, outbox, sessions, users } from "#db/schema";
import { action as forgotAction, loader as forgotLoader } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password";
import { verifyLogin } from "~/models/user.server";
import { MAX_ATTEMPTS } from "~/models/account.server";
import { createI18n } from "~/i18n/config";
import { getTestDb } from "../setup/vitest";
import { makeUser, TEST_PASSWORD } from "../factories";
import { cookieFrom, formRequest, getRequest } from "../support/request";
import { cookieFor } from "../support/storefront";
import { freshIp, freshPhone, messagesTo, route } from "../support/accounts";

const db = () => getTestDb();
type Step = { step: string; contact?: string; identifier?: string; minutes?: number; lastResult?: { error?: Record<string, string[] | null> } };

const requestReset = (identifier: string, ip = freshIp(), lang?: "en") =>
  route(forgotAction, formRequest("/forgot-password", { intent: "request", identifier }, { cookie: lang ? `lng=${lang}` : undefined }), { ip });
const submitCode = (fields: Record<string, string>, ip = freshIp()) =>
  route(forgotAction, formRequest("/forgot-password", { intent: "reset", ...fields }), { ip });

async function phoneUser() {
  const phone = freshPhone();
  const user = await makeUser({ phone: phone.e164, name: "Bác Nông Văn Sáu" });
  return { user, phone };
}

function latestCode(e164: string) {
  const [message] = messagesTo({ phone: e164 }, "account.reset_code");
  return message ? String(message.payload.code) : undefined;
}

describe("forgot password by phone (code)", () => {
  it("sends a 6-digit code to the typed phone through the outbox and stores only its keyed hash", async () => {
    const { user, phone } = await phoneUser();
    const res = await requestReset(phone.typed);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Step;
    expect(body).toMatchObject({ step: "code", identifier: phone.e164, minutes: 10 });
    const [message] = messagesTo({ phone: phone.e164 }, "account.reset_code");
    expect(message).toMatchObject({ recipientUserId: user.id, recipientEmail: null, status: "pending" });
    const code = String(message!.payload.code);
    expect(code).toMatch(/^\d{6}$/);
    const token = db().select().from(accountTokens).where(eq(accountTokens.userId, user.id)).get()!;
    expect(token).toMatchObject({ purpose: "password_reset", kind: "code", usedAt: null, attempts: 0 });
    expect(token.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(token.secretHash).not.toContain(code);
    expect(token.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(token.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  });

  it("answers an unknown phone exactly like a known one, and writes nothing", async () => {
    const known = await phoneUser();
    const unknown = freshPhone();
    const before = db().select().from(outbox).all().length;
    const a = (await (await requestReset(known.phone.typed)).json()) as Step;
    const b = (await (await requestReset(unknown.typed)).json()) as Step;
    expect({ ...b, contact: "", identifier: "" }).toEqual({ ...a, contact: "", identifier: "" });
    expect(db().select().from(outbox).all().length).toBe(before + 1);
    expect(messagesTo({ phone: unknown.e164 })).toHaveLength(0);
  });

  it("sets the new password with the right code, ends every session, and the code works once", async () => {
    const { user, phone } = await phoneUser();
    await cookieFor(user.id);
    await cookieFor(user.id);
    expect(db().select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(2);
    await requestReset(phone.typed);
    const code = latestCode(phone.e164)!;

    const res = await submitCode({
      identifier: phone.e164,
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
      password: "mat-khau-moi-1",
      confirmPassword: "mat-khau-moi-1",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/account?reset=1");
    // The two old sessions are gone; the only one left is the new one this answer signs in with.
    const left = db().select().from(sessions).where(eq(sessions.userId, user.id)).all();
    expect(left).toHaveLength(1);
    expect(cookieFrom(res)).toMatch(/^__session=/);
    expect(await verifyLogin(phone.typed, "mat-khau-moi-1")).toMatchObject({ id: user.id });
    expect(await verifyLogin(phone.typed, TEST_PASSWORD)).toBeNull();
    expect(messagesTo({ phone: phone.e164 }, "account.password_changed")).toHaveLength(1);

    const again = await submitCode({ identifier: phone.e164, code, password: "mat-khau-khac-2", confirmPassword: "mat-khau-khac-2" });
    expect(again.status).toBe(400);
    expect(((await again.json()) as Step).lastResult?.error?.code).toEqual(["account:errors.codeInvalid"]);
    expect(await verifyLogin(phone.typed, "mat-khau-moi-1")).not.toBeNull();
  });

  it("counts wrong codes and kills the code after the limit, even for the right code afterwards", async () => {
    const { phone } = await phoneUser();
    await requestReset(phone.typed);
    const code = latestCode(phone.e164)!;
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const res = await submitCode({ identifier: phone.typed, code: wrong, password: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" });
      expect(res.status).toBe(400);
    }
    const right = await submitCode({ identifier: phone.typed, code, password: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" });
    expect(right.status).toBe(400);
    expect(await verifyLogin(phone.typed, TEST_PASSWORD)).not.toBeNull();
  });

  it("refuses an expired code, and a new request makes the previous code useless", async () => {
    const { user, phone } = await phoneUser();
    await requestReset(phone.typed);
    const first = latestCode(phone.e164)!;
    db()
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountTokens.userId, user.id))
      .run();
    expect((await submitCode({ identifier: phone.typed, code: first, password: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" })).status).toBe(400);

    await requestReset(phone.typed);
    const second = latestCode(phone.e164)!;
    await requestReset(phone.typed);
    const third = latestCode(phone.e164)!;
    if (second !== third) {
      expect((await submitCode({ identifier: phone.typed, code: second, password: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" })).status).toBe(400);
    }
    expect((await submitCode({ identifier: phone.typed, code: third, password: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" })).status).toBe(302);
  });

  it("a code for one account never resets another", async () => {
    const a = await phoneUser();
    const b = await phoneUser();
    await requestReset(a.phone.typed);
    await requestReset(b.phone.typed);
    const codeA = latestCode(a.phone.e164)!;
    const codeB = latestCode(b.phone.e164)!;
    if (codeA === codeB) return; // one in a million: nothing to compare
    expect((await submitCode({ identifier: b.phone.typed, code: codeA, password: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" })).status).toBe(400);
  });

  it("limits requests per phone (3 per 30 minutes), whether or not it has an account", async () => {
    for (const phone of [(await phoneUser()).phone, freshPhone()]) {
      for (let i = 0; i < 3; i++) expect((await requestReset(phone.typed)).status).toBe(200);
      const limited = await requestReset(phone.typed);
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as Step).lastResult?.error?.[""]?.[0]).toMatch(/thử lại sau \d+ phút/);
    }
  });

  it("limits requests per client (10 an hour) across identifiers", async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await requestReset(freshPhone().typed, ip)).status).toBe(200);
    expect((await requestReset(freshPhone().typed, ip)).status).toBe(429);
  });

  it("answers bad input with field errors in Vietnamese and English, never a 500", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ intent: "request", identifier: "" }, "identifier", "validation.required"],
      [{ intent: "request", identifier: "not a phone" }, "identifier", "validation.identifierInvalid"],
      [
        { intent: "reset", identifier: "0912345678", code: "12ab", password: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" },
        "code",
        "account:errors.codeFormat",
      ],
      [{ intent: "reset", identifier: "0912345678", code: "123456", password: "short", confirmPassword: "short" }, "password", "validation.passwordTooShort"],
      [
        { intent: "reset", identifier: "0912345678", code: "123456", password: "mat-khau-moi-1", confirmPassword: "khac-nhau-2" },
        "confirmPassword",
        "validation.passwordsDiffer",
      ],
    ];
    for (const [fields, field, key] of cases) {
      const res = await route(forgotAction, formRequest("/forgot-password", fields), { ip: freshIp() });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      const body = (await res.json()) as Step;
      expect(body.lastResult?.error?.[field]).toEqual([key]);
      for (const lang of ["vi", "en"] as const) {
        const text = createI18n(lang).t(key);
        expect(text).not.toBe(key.replace(/^\w+:/, ""));
        expect(text.length).toBeGreaterThan(5);
      }
    }
    const unknown = await route(forgotAction, formRequest("/forgot-password", { intent: "nope" }), { ip: freshIp() });
    expect(unknown.status).toBe(400);
    // A malformed body is an empty form, not a crash.
    const garbage = new Request("http://localhost:3000/forgot-password", {
      method: "POST",
      body: "%%%",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
    });
    expect((await route(forgotAction, garbage)).status).toBe(400);
    // The honeypot stops bots before anything is sent.
    const bot = await route(forgotAction, formRequest("/forgot-password", { intent: "request", identifier: "0912345678", website: "http://spam" }));
    expect(bot.status).toBe(400);
  });

  it("is for signed-out visitors: a signed-in user goes home", async () => {
    const { user } = await phoneUser();
    const res = await route(forgotLoader, getRequest("/forgot-password", await cookieFor(user.id)));
    expect(res.status).toBe(302);
  });
});

describe("forgot password by e-mail (link)", () => {
  it("e-mails a single-use link that sets the password and ends every session", async () => {
    const user = await makeUser({ email: `lan-${Date.now()}@example.test` });
    await cookieFor(user.id);
    const res = await requestReset(user.email!.toUpperCase(), freshIp(), "en");
    expect(((await res.json()) as Step).step).toBe("link");
    const [message] = messagesTo({ email: user.email! }, "account.reset_link");
    expect(message?.payload.lang).toBe("en");
    const url = new URL(String(message!.payload.url));
    expect(url.origin + url.pathname).toBe("http://localhost:3000/reset-password");
    const token = url.searchParams.get("token")!;
    expect(token).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);

    const page = (await (await route(resetLoader, getRequest(`/reset-password?token=${encodeURIComponent(token)}`))).json()) as { valid: boolean };
    expect(page.valid).toBe(true);
    const forged = (await (await route(resetLoader, getRequest(`/reset-password?token=${token.split(".")[0]}.${"A".repeat(43)}`))).json()) as {
      valid: boolean;
    };
    expect(forged.valid).toBe(false);

    const ok = await route(resetAction, formRequest("/reset-password", { token, password: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" }));
    expect(ok.status).toBe(302);
    expect(db().select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(1);
    expect(await verifyLogin(user.email!, "mat-khau-moi-1")).not.toBeNull();

    const reused = await route(resetAction, formRequest("/reset-password", { token, password: "mat-khau-khac-2", confirmPassword: "mat-khau-khac-2" }));
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as Step).lastResult?.error?.[""]).toEqual(["account:errors.linkInvalid"]);
    expect(((await (await route(resetLoader, getRequest(`/reset-password?token=${encodeURIComponent(token)}`))).json()) as { valid: boolean }).valid).toBe(
      false,
    );
  });

  it("answers an unknown e-mail like a known one", async () => {
    const known = await makeUser({ email: `known-${Date.now()}@example.test` });
    const a = (await (await requestReset(known.email!)).json()) as Step;
    const b = (await (await requestReset(`nobody-${Date.now()}@example.test`)).json()) as Step;
    expect({ ...a, contact: "", identifier: "" }).toEqual({ ...b, contact: "", identifier: "" });
  });

  it("without a token the page sends people to /forgot-password; bad input is a field error", async () => {
    const res = await route(resetLoader, getRequest("/reset-password"));
    expect(res.headers.get("Location")).toBe("/forgot-password");
    const bad = await route(resetAction, formRequest("/reset-password", { token: "", password: "x", confirmPassword: "y" }));
    expect(bad.status).toBe(400);
    const errors = ((await bad.json()) as Step).lastResult?.error;
    expect(errors?.token).toEqual(["account:errors.linkInvalid"]);
    expect(errors?.password).toEqual(["validation.passwordTooShort"]);
    const junk = await route(
      resetAction,
      formRequest("/reset-password", { token: "../../etc", password: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" }),
    );
    expect(junk.status).toBe(400);
  });

  it("a deleted account's former e-mail gets nothing", async () => {
    const user = await makeUser({ email: `gone-${Date.now()}@example.test` });
    db().update(users).set({ email: null, deletedAt: new Date() }).where(eq(users.id, user.id)).run();
    await requestReset(user.email!);
    expect(messagesTo({ email: user.email! })).toHaveLength(0);
  });
});
