import type { IncomingMessage, ServerResponse } from "node:http";

type NonceFn = (req: IncomingMessage, res: ServerResponse) => string;

/**
 * The Content-Security-Policy. Scripts only from us with this request's nonce; forms may post
 * to us and be redirected to Stripe's hosted checkout (or its local stand-in).
 */
export function cspDirectives(opts: { nonce: NonceFn; stripeApiBase?: string; development: boolean }) {
  const formTargets = ["'self'", "https://checkout.stripe.com"];
  if (opts.stripeApiBase) formTargets.push(new URL(opts.stripeApiBase).origin);
  return {
    "default-src": ["'self'"],
    "base-uri": ["'self'"],
    "script-src": ["'self'", opts.nonce, "'strict-dynamic'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": opts.development ? ["'self'", "ws:"] : ["'self'"],
    "form-action": formTargets,
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
  } as Record<string, Iterable<string | NonceFn> | null>;
}
