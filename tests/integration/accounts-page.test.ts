/** /account: change password, change phone/e-mail with a code to the NEW contact, sign out elsewhere. */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { accountTokens, sessions, users } from "#db/schema";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { verifyLogin } from "~/models/user.server";
import { createI18n } from "~/i18n/config";
import { getTestDb } from "../setup/vitest";
import { makeUser, TEST_PASSWORD } from "../factories";
import { formRequest, getRequest } from "../support/request";
import { cookieFor } from "../support/storefront";
import { freshIp, freshPhone, messagesTo, route } from "../support/accounts";

const db = () => getTestDb();
type Reply = { form: string; lastResult: { error?: Record<string, string[] | null> } };
type Page = { phone: string | null; email: string | null; sessions: number; pending: { target: string } | null; notice: string | null };

const post = (cookie: string, fields: Record<string, string>, ip = freshIp()) => route(accountAction, formRequest("/account", fields, { cookie }), { ip });
const page = async (cookie: string, query = "") => (await (await route(accountLoader, getRequest(`/account${query}`, cookie))).json()) as Page;

describe("account page", () => {
  it("needs a signed-in user", async () => {
    const res = await route(accountLoader, getRequest("/account"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
  });

  it("changes the password after checking the current one, and signs out the other devices only", async () => {
    const user = await makeUser();
    const other = await cookieFor(user.id);
    const mine = await cookieFor(user.id);
    expect((await page(mine)).sessions).toBe(2);

    const wrong = await post(mine, { intent: "password", currentPassword: "sai-mat-khau", newPassword: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as Reply).lastResult.error?.currentPassword).toEqual(["account:errors.wrongPassword"]);

    const ok = await post(mine, { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/account?password=1");
    expect(await verifyLogin(user.email!, "mat-khau-moi-1")).not.toBeNull();
    expect(await verifyLogin(user.email!, TEST_PASSWORD)).toBeNull();
    // This browser stays signed in; the other one is out.
    expect((await page(mine, "?password=1")).notice).toBe("password");
    expect((await route(accountLoader, getRequest("/account", other))).status).toBe(302);
    expect(messagesTo({ email: user.email! }, "account.password_changed")).toHaveLength(1);
  });

  it("signs out of the other devices", async () => {
    const user = await makeUser();
    await cookieFor(user.id);
    await cookieFor(user.id);
    const mine = await cookieFor(user.id);
    const res = await post(mine, { intent: "signout-others" });
    expect(res.headers.get("Location")).toBe("/account?signedOut=1");
    expect(db().select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(1);
    expect((await page(mine)).sessions).toBe(1);
  });

  it("adds an e-mail to a phone account: the code goes to the NEW address, the old phone is told", async () => {
    const phone = freshPhone();
    const user = await makeUser({ phone: phone.e164 });
    const cookie = await cookieFor(user.id);
    const email = `moi-${Date.now()}@example.test`;

    const badPassword = await post(cookie, { intent: "contact-start", newContact: email, currentPassword: "sai" });
    expect(((await badPassword.json()) as Reply).lastResult.error?.currentPassword).toEqual(["account:errors.wrongPassword"]);

    const start = await post(cookie, { intent: "contact-start", newContact: ` ${email.toUpperCase()} `, currentPassword: TEST_PASSWORD });
    expect(start.headers.get("Location")).toBe("/account?codeSent=1");
    const [message] = messagesTo({ email }, "account.contact_code");
    expect(message).toMatchObject({ recipientUserId: null, recipientPhone: null });
    const code = String(message!.payload.code);
    expect((await page(cookie)).pending?.target).toBe(email);

    const wrong = await post(cookie, { intent: "contact-confirm", code: code === "000000" ? "111111" : "000000" });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as Reply).lastResult.error?.code).toEqual(["account:errors.codeInvalid"]);

    const ok = await post(cookie, { intent: "contact-confirm", code });
    expect(ok.headers.get("Location")).toBe("/account?contact=1");
    const after = db().select().from(users).where(eq(users.id, user.id)).get()!;
    expect(after).toMatchObject({ email, phone: phone.e164 });
    expect(messagesTo({ phone: phone.e164 }, "account.contact_changed")[0]?.payload.newContact).toBe(email);
    expect((await page(cookie)).pending).toBeNull();
    // The account now signs in with either.
    expect(await verifyLogin(email, TEST_PASSWORD)).toMatchObject({ id: user.id });
    // A used code does not work twice.
    expect((await post(cookie, { intent: "contact-confirm", code })).status).toBe(400);
  });

  it("changes the phone number; a number already used by another account is refused", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    const taken = freshPhone();
    await makeUser({ phone: taken.e164 });
    const refused = await post(cookie, { intent: "contact-start", newContact: taken.typed, currentPassword: TEST_PASSWORD });
    expect(((await refused.json()) as Reply).lastResult.error?.newContact).toEqual(["auth.identifierTaken"]);
    expect(messagesTo({ phone: taken.e164 }, "account.contact_code")).toHaveLength(0);

    const same = await post(cookie, { intent: "contact-start", newContact: user.email!, currentPassword: TEST_PASSWORD });
    expect(((await same.json()) as Reply).lastResult.error?.newContact).toEqual(["account:errors.sameContact"]);

    const fresh = freshPhone();
    await post(cookie, { intent: "contact-start", newContact: fresh.typed, currentPassword: TEST_PASSWORD });
    const code = String(messagesTo({ phone: fresh.e164 }, "account.contact_code")[0]!.payload.code);
    // Cancelling makes the code useless.
    await post(cookie, { intent: "contact-cancel" });
    expect((await post(cookie, { intent: "contact-confirm", code })).status).toBe(400);
    expect(db().select().from(users).where(eq(users.id, user.id)).get()?.phone).toBeNull();
  });

  it("gives up on a contact code after 5 wrong tries", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    const fresh = freshPhone();
    await post(cookie, { intent: "contact-start", newContact: fresh.typed, currentPassword: TEST_PASSWORD });
    const code = String(messagesTo({ phone: fresh.e164 }, "account.contact_code")[0]!.payload.code);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await post(cookie, { intent: "contact-confirm", code: wrong });
    expect((await post(cookie, { intent: "contact-confirm", code })).status).toBe(400);
    expect(db().select().from(accountTokens).where(eq(accountTokens.userId, user.id)).get()?.attempts).toBe(5);
  });

  it("answers bad input with field errors in both languages, never a 500", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    const cases: [Record<string, string>, string, string][] = [
      [{ intent: "password", currentPassword: "", newPassword: "mat-khau-moi-1", confirmPassword: "mat-khau-moi-1" }, "currentPassword", "validation.required"],
      [{ intent: "password", currentPassword: "x", newPassword: "ngan", confirmPassword: "ngan" }, "newPassword", "validation.passwordTooShort"],
      [{ intent: "password", currentPassword: "x", newPassword: "mat-khau-moi-1", confirmPassword: "khac" }, "confirmPassword", "validation.passwordsDiffer"],
      [{ intent: "contact-start", newContact: "12345", currentPassword: "x" }, "newContact", "validation.identifierInvalid"],
      [{ intent: "contact-start", newContact: "a@b.vn", currentPassword: "" }, "currentPassword", "validation.required"],
      [{ intent: "contact-confirm", code: "abc" }, "code", "account:errors.codeFormat"],
      [{ intent: "contact-confirm" }, "code", "validation.required"],
    ];
    for (const [fields, field, key] of cases) {
      const res = await post(cookie, fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(((await res.json()) as Reply).lastResult.error?.[field], JSON.stringify(fields)).toEqual([key]);
      expect(createI18n("vi").t(key)).not.toEqual(createI18n("en").t(key));
    }
    const unknown = await post(cookie, { intent: "drop-tables" });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as Reply).lastResult.error?.[""]).toEqual(["account:errors.unknownIntent"]);
  });
});
