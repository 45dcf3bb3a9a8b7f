import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { action as signupAction } from "~/routes/signup";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as adminLoader } from "~/routes/admin._index";
import { getSessionUser } from "~/utils/session.server";
import { requireRole } from "~/utils/auth.server";
import { sessions, users } from "#db/schema";
import { getTestDb } from "../setup/vitest";
import { makeUser, TEST_PASSWORD } from "../factories";
import { context, cookieFrom, formRequest, getRequest } from "../support/request";

type Reply = { lastResult: { status: string; error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };

async function call(fn: (args: never) => Promise<Response>, request: Request): Promise<Response> {
  try {
    return await fn({ request, context, params: {} } as never);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const signup = (fields: Record<string, string>) => call(signupAction, formRequest("/signup", { privacyConsent: "yes", ...fields }));
const login = (fields: Record<string, string>, ip = "10.0.0.1"): Promise<Response> =>
  (loginAction({ request: formRequest("/login", fields), context: { ...context, clientIp: ip }, params: {} } as never) as Promise<Response>).catch(
    (thrown: unknown) => {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    },
  );

describe("sign up", () => {
  it("creates a shopper with a Vietnamese phone number, stored as E.164, and signs in", async () => {
    const res = await signup({ name: "Chị Lan", identifier: "0987 654 321", password: "mat-khau-123", confirmPassword: "mat-khau-123" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/account");
    const cookie = cookieFrom(res);
    expect(cookie).toMatch(/^__session=/);
    expect(res.headers.get("Set-Cookie")).toMatch(/HttpOnly/i);
    expect(res.headers.get("Set-Cookie")).toMatch(/SameSite=Lax/i);
    const user = await getSessionUser(getRequest("/", cookie));
    expect(user?.phone).toBe("+84987654321");
    expect(user?.role).toBe("shopper");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a duplicate phone (any spelling) or e-mail with a field error", async () => {
    await makeUser({ phone: "+84911222333" });
    const res = await signup({ name: "A", identifier: "+84 911 222 333", password: "12345678", confirmPassword: "12345678" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Reply;
    expect(body.lastResult.error?.identifier).toEqual(["auth.identifierTaken"]);
    expect(body.lastResult.initialValue?.name).toBe("A");
    expect(body.lastResult.initialValue?.password).toBeUndefined();

    await makeUser({ email: "taken@example.test" });
    const res2 = await signup({ name: "B", identifier: "TAKEN@example.test", password: "12345678", confirmPassword: "12345678" });
    expect(res2.status).toBe(400);
    expect(((await res2.json()) as Reply).lastResult.error?.identifier).toEqual(["auth.identifierTaken"]);
  });

  it("answers a malformed phone, short password, mismatch and over-long name with field errors, never a 500", async () => {
    const res = await signup({ name: "x".repeat(101), identifier: "0123", password: "short", confirmPassword: "other" });
    expect(res.status).toBe(400);
    const { lastResult } = (await res.json()) as Reply;
    expect(lastResult.error?.name).toEqual(["validation.tooLong"]);
    expect(lastResult.error?.identifier).toEqual(["validation.identifierInvalid"]);
    expect(lastResult.error?.password).toEqual(["validation.passwordTooShort"]);
    expect(lastResult.initialValue?.identifier).toBe("0123");
    expect(lastResult.initialValue?.password).toBeUndefined();
    expect(lastResult.initialValue?.confirmPassword).toBeUndefined();

    const mismatch = await signup({ name: "C", identifier: "0912000111", password: "12345678", confirmPassword: "87654321" });
    expect(((await mismatch.json()) as Reply).lastResult.error?.confirmPassword).toEqual(["validation.passwordsDiffer"]);
  });

  it("rejects a bot that fills the honeypot", async () => {
    const res = await signup({ name: "Bot", identifier: "bot@example.test", password: "12345678", confirmPassword: "12345678", website: "http://spam" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Reply).lastResult.error?.[""]).toEqual(["validation.bot"]);
    expect(getTestDb().select().from(users).where(eq(users.email, "bot@example.test")).get()).toBeUndefined();
  });

  it("treats an empty or garbled body as a form with errors", async () => {
    const request = new Request("http://localhost:3000/signup", {
      method: "POST",
      body: "\u0000%%%",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
    });
    const res = await call(signupAction, request);
    expect(res.status).toBe(400);
  });
});

describe("sign in", () => {
  it("signs in with e-mail or phone and ignores a hostile redirectTo", async () => {
    await makeUser({ email: "buyer@example.test", phone: undefined });
    const res = await login({ identifier: "buyer@example.test", password: TEST_PASSWORD, redirectTo: "//evil.example" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/account");

    await makeUser({ phone: "+84977000111" });
    const res2 = await login({ identifier: "0977 000 111", password: TEST_PASSWORD, redirectTo: "/products?q=che" });
    expect(res2.headers.get("Location")).toBe("/products?q=che");
  });

  it("says the credentials are wrong without telling which", async () => {
    await makeUser({ email: "someone@example.test" });
    const wrongPassword = await login({ identifier: "someone@example.test", password: "nope-nope" });
    const unknownUser = await login({ identifier: "nobody@example.test", password: "nope-nope" });
    for (const res of [wrongPassword, unknownUser]) {
      expect(res.status).toBe(400);
      const body = (await res.json()) as Reply;
      expect(body.lastResult.error?.[""]).toEqual(["auth.wrongCredentials"]);
      expect(body.lastResult.initialValue?.password).toBeUndefined();
    }
  });

  it("locks an identifier after 5 failures with a clear message, even with the right password", async () => {
    await makeUser({ email: "target@example.test" });
    for (let i = 0; i < 5; i++) {
      const res = await login({ identifier: "target@example.test", password: `wrong-${i}` }, "10.9.9.9");
      expect(res.status).toBe(400);
    }
    const locked = await login({ identifier: "target@example.test", password: TEST_PASSWORD }, "10.9.9.9");
    expect(locked.status).toBe(429);
    const body = (await locked.json()) as Reply;
    expect(body.lastResult.error?.[""]?.[0]).toMatch(/Bạn đã nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút\./);
    // Another client is not locked out by this one.
    const other = await login({ identifier: "target@example.test", password: TEST_PASSWORD }, "10.1.1.1");
    expect(other.status).toBe(302);
  });
});

describe("sessions and guards", () => {
  it("treats a missing, forged or revoked cookie as signed out", async () => {
    expect(await getSessionUser(getRequest("/"))).toBeNull();
    expect(await getSessionUser(getRequest("/", "__session=eyJzZXNzaW9uSWQiOiJ4In0%3D.forged"))).toBeNull();
    await makeUser({ email: "revoked@example.test" });
    const res = await login({ identifier: "revoked@example.test", password: TEST_PASSWORD });
    const cookie = cookieFrom(res);
    expect(await getSessionUser(getRequest("/", cookie))).not.toBeNull();
    getTestDb().delete(sessions).run();
    expect(await getSessionUser(getRequest("/", cookie))).toBeNull();
  });

  it("sign out ends the session in the database", async () => {
    await makeUser({ email: "leaving@example.test" });
    const cookie = cookieFrom((await login({ identifier: "leaving@example.test", password: TEST_PASSWORD })) as Response);
    const out = await call(logoutAction, formRequest("/logout", {}, { cookie }));
    expect(out.status).toBe(302);
    expect(await getSessionUser(getRequest("/", cookie))).toBeNull();
  });

  it("sends the signed-out to sign in, and the wrong role to a 403", async () => {
    const anon = await call(adminLoader, getRequest("/admin"));
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin");

    await makeUser({ email: "plain@example.test" });
    const cookie = cookieFrom((await login({ identifier: "plain@example.test", password: TEST_PASSWORD })) as Response);
    const forbidden = await call(adminLoader, getRequest("/admin", cookie));
    expect(forbidden.status).toBe(403);
    await expect(requireRole(getRequest("/till", cookie), "trader")).rejects.toMatchObject({ status: 403 });
  });
});
