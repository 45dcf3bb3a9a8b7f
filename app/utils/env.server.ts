import { z } from "zod";

/**
 * The environment, parsed once. Development gets safe defaults; production refuses to start
 * with a clear message naming the variable that is missing or malformed.
 */
const DEV_SESSION_SECRET = "dev-only-session-secret-not-for-production-use";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // `npm start` serves the optimised build as a self-contained demo (docs/decisions/051).
    DEMO_MODE: z
      .enum(["0", "1", "true", "false", ""])
      .default("0")
      .transform((v) => v === "1" || v === "true"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_PATH: z.string().trim().min(1).default("data/cho-so.db"),
    PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    SESSION_SECRET: optionalString,
    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    STRIPE_API_BASE: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    SEPAY_API_KEY: optionalString,
    CASSO_CHECKSUM_KEY: optionalString,
    PLATFORM_BANK_BIN: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "must be a 6-digit NAPAS bank BIN")
      .default("970416"),
    PLATFORM_BANK_ACCOUNT: z
      .string()
      .trim()
      .regex(/^\d{6,19}$/, "must be 6 to 19 digits")
      .default("257678859"),
    PLATFORM_BANK_ACCOUNT_NAME: z
      .string()
      .trim()
      .regex(/^[A-Z0-9 ]{2,50}$/, "must be upper-case ASCII as banks show it")
      .default("CHO SO THAI NGUYEN"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production" || env.DEMO_MODE) return;
    if (!env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
    } else if (env.SESSION_SECRET.split(",").some((s) => s.trim().length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "each comma-separated secret must be at least 32 characters",
      });
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "is required when STRIPE_SECRET_KEY is set",
      });
    }
  });

export type Env = {
  NODE_ENV: "development" | "production" | "test";
  /** Production build serving real users: real secrets required, no stand-ins, no dev keys. */
  LIVE: boolean;
  DEMO_MODE: boolean;
  PORT: number;
  DATABASE_PATH: string;
  PUBLIC_URL: string;
  SESSION_SECRETS: string[];
  STRIPE_SECRET_KEY?: string;
  STRIPE_WEBHOOK_SECRET?: string;
  STRIPE_API_BASE?: string;
  SEPAY_API_KEY?: string;
  CASSO_CHECKSUM_KEY?: string;
  PLATFORM_BANK_BIN: string;
  PLATFORM_BANK_ACCOUNT: string;
  PLATFORM_BANK_ACCOUNT_NAME: string;
};

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  const e = result.data;
  return {
    NODE_ENV: e.NODE_ENV,
    LIVE: e.NODE_ENV === "production" && !e.DEMO_MODE,
    DEMO_MODE: e.DEMO_MODE,
    PORT: e.PORT,
    DATABASE_PATH: e.DATABASE_PATH,
    PUBLIC_URL: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    SESSION_SECRETS: (e.SESSION_SECRET ?? DEV_SESSION_SECRET)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    STRIPE_SECRET_KEY: e.STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: e.STRIPE_WEBHOOK_SECRET,
    STRIPE_API_BASE: e.STRIPE_API_BASE,
    SEPAY_API_KEY: e.SEPAY_API_KEY,
    CASSO_CHECKSUM_KEY: e.CASSO_CHECKSUM_KEY,
    PLATFORM_BANK_BIN: e.PLATFORM_BANK_BIN,
    PLATFORM_BANK_ACCOUNT: e.PLATFORM_BANK_ACCOUNT,
    PLATFORM_BANK_ACCOUNT_NAME: e.PLATFORM_BANK_ACCOUNT_NAME,
  };
}

let cached: Env | undefined;

/** The process environment, parsed on first use and cached. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}

// Outside live production (development, tests, the demo), bank webhooks accept these documented development keys when none is set,
// so the demo can simulate a transfer (README "Bank transfers"). Production requires real ones.
export const DEV_SEPAY_API_KEY = "choso-dev-sepay-key";
export const DEV_CASSO_CHECKSUM_KEY = "choso-dev-casso-key";

export function sepayApiKey(): string | undefined {
  return env().SEPAY_API_KEY ?? (env().LIVE ? undefined : DEV_SEPAY_API_KEY);
}

export function cassoChecksumKey(): string | undefined {
  return env().CASSO_CHECKSUM_KEY ?? (env().LIVE ? undefined : DEV_CASSO_CHECKSUM_KEY);
}
