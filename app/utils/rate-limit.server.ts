import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Tiered limits (convention 7). In-memory is right for a single-process SQLite app; a cluster
 * would move these to a shared store.
 */
export const limiters = {
  // Failed sign-ins per (client, identifier): 5 per 15 minutes, then locked for the rest of the window.
  signInFailures: new RateLimiterMemory({ keyPrefix: "signin", points: 5, duration: 15 * 60 }),
  // Sign-ups per client: 10 per hour.
  signUp: new RateLimiterMemory({ keyPrefix: "signup", points: 10, duration: 60 * 60 }),
  // Checkout and payment actions per client: 30 per minute.
  payment: new RateLimiterMemory({ keyPrefix: "payment", points: 30, duration: 60 }),
  // Password reset requests (each may cost an SMS): per client 10 an hour, per phone/e-mail 3 per 30 minutes.
  resetPerClient: new RateLimiterMemory({ keyPrefix: "reset-client", points: 10, duration: 60 * 60 }),
  resetPerIdentifier: new RateLimiterMemory({ keyPrefix: "reset-id", points: 3, duration: 30 * 60 }),
  // Wrong one-time codes per client (on top of 5 tries per code): 10 per 15 minutes.
  codeFailures: new RateLimiterMemory({ keyPrefix: "code-fail", points: 10, duration: 15 * 60 }),
  // Contact-change codes sent per account: 5 an hour.
  contactChange: new RateLimiterMemory({ keyPrefix: "contact", points: 5, duration: 60 * 60 }),
  // Complaints per client: 5 an hour.
  complaint: new RateLimiterMemory({ keyPrefix: "complaint", points: 5, duration: 60 * 60 }),
};

export type LimitCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Is the key already over its limit? (Does not consume.) */
export async function isLimited(limiter: RateLimiterMemory, key: string): Promise<LimitCheck> {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limiter.points) {
    return { ok: false, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) };
  }
  return { ok: true };
}

/** Consume one point; returns the limit state afterwards. */
export async function consume(limiter: RateLimiterMemory, key: string): Promise<LimitCheck> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.ceil(e.msBeforeNext / 1000) };
    throw e;
  }
}

export function clientKey(request: Request, context?: { clientIp?: string }) {
  return context?.clientIp ?? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
}
