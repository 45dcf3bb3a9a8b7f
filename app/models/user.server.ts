import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { users, type Role, type User } from "#db/schema";
import { db } from "~/utils/db.server";
import { parseIdentifier, type Identifier } from "~/schemas/auth";

// argon2id with OWASP's minimum profile (19 MiB, 2 passes): a cheap phone's sign-in stays fast.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 }; // argon2id is the default algorithm

export function hashPassword(password: string) {
  return hash(password, ARGON2);
}

export class IdentifierTakenError extends Error {}

export function findUserByIdentifier(identifier: Identifier): User | undefined {
  const column = identifier.kind === "email" ? users.email : users.phone;
  return db.select().from(users).where(eq(column, identifier.value)).get();
}

export function getUserById(id: number) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export async function createUser(input: { name: string; identifier: string; password: string; role?: Role }) {
  const identifier = parseIdentifier(input.identifier);
  if (!identifier) throw new Error("invalid identifier");
  const passwordHash = await hashPassword(input.password);
  try {
    return db
      .insert(users)
      .values({
        name: input.name.trim(),
        email: identifier.kind === "email" ? identifier.value : null,
        phone: identifier.kind === "phone" ? identifier.value : null,
        passwordHash,
        role: input.role ?? "shopper",
      })
      .returning()
      .get();
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed: users\.(email|phone)/.test(error.message)) {
      throw new IdentifierTakenError();
    }
    throw error;
  }
}

// A valid hash to verify against when the account does not exist, so timing does not tell.
let dummyHash: Promise<string> | undefined;

export async function verifyLogin(rawIdentifier: string, password: string): Promise<User | null> {
  const identifier = parseIdentifier(rawIdentifier);
  const user = identifier ? findUserByIdentifier(identifier) : undefined;
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verify(await dummyHash, password);
    return null;
  }
  return (await verify(user.passwordHash, password)) ? user : null;
}

export function setUserRole(userId: number, role: Role) {
  db.update(users).set({ role }).where(eq(users.id, userId)).run();
}
