/**
 * A Stripe-compatible stand-in for development, demos and tests (docs/decisions/031-stripe-standin.md).
 * It implements only what Chợ Số uses, with Stripe's shapes and error format, so the official `stripe`
 * SDK talks to it unchanged (STRIPE_API_BASE → the SDK's host/port/protocol options):
 *   POST /v1/checkout/sessions              create (mode=payment, price_data line items, expires_at)
 *   GET  /v1/checkout/sessions/:id          retrieve
 *   POST /v1/checkout/sessions/:id/expire   expire (sends checkout.session.expired)
 *   POST /v1/refunds                        refund a paid payment intent (full or partial)
 *   GET  /v1/refunds/:id                    retrieve a refund
 * The `Idempotency-Key` header is honoured: the same key replays the first answer; the same key with
 * other parameters is a 400 idempotency_error, as on Stripe.
 * A hosted page /__stripe/checkout/:id says plainly "test mode, no real money"; its Pay button marks
 * the session complete, POSTs a signed `checkout.session.completed` event to the app's webhook, then
 * redirects to success_url.
 */
import crypto from "node:crypto";
import express, { type Request, type Response } from "express";
import Stripe from "stripe";

export type StandInOptions = {
  /** Where signed events go, e.g. http://localhost:3000/webhooks/stripe. A function so it can be read late. */
  webhookUrl: string | (() => string);
  webhookSecret: string | (() => string);
  /** Origin of the hosted checkout page URLs (default: the origin the SDK called). */
  hostedOrigin?: string;
  /** Called when an event could not be delivered (default: console.warn). */
  onDeliveryError?: (error: unknown) => void;
};

type LineItem = { name: string; unit_amount: number; quantity: number; currency: string };

export type StandInSession = {
  id: string;
  object: "checkout.session";
  mode: "payment";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid" | "no_payment_required";
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string | null;
  url: string | null;
  expires_at: number;
  created: number;
  payment_intent: string | null;
  customer_email: string | null;
  livemode: false;
  line_items_preview: LineItem[];
};

type Refund = {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  payment_intent: string;
  status: "succeeded";
  reason: string | null;
  metadata: Record<string, string>;
  created: number;
};

const ZERO_DECIMAL = new Set(["vnd", "jpy", "krw", "clp", "pyg", "xof", "xaf", "ugx", "rwf", "bif", "djf", "gnf", "kmf", "mga", "vuv", "xpf"]);

const rid = (prefix: string) => `${prefix}_test_${crypto.randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
const now = () => Math.floor(Date.now() / 1000);

class ApiError extends Error {
  constructor(
    public status: number,
    public type: string,
    message: string,
    public param?: string,
    public code?: string,
  ) {
    super(message);
  }
}

function asArray<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === "object") return Object.values(value as Record<string, T>);
  return [];
}

function toInt(value: unknown, param: string): number {
  if (typeof value !== "string" || !/^\d+$/.test(value)) throw new ApiError(400, "invalid_request_error", `Invalid integer: ${String(value)}`, param);
  return Number(value);
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out[k] = String(v);
  return out;
}

export function createStripeStandIn(options: StandInOptions) {
  const sessions = new Map<string, StandInSession>();
  const refunds = new Map<string, Refund>();
  const paymentIntents = new Map<string, { id: string; amount: number; refunded: number; currency: string }>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  const delivered: { type: string; id: string; status: number }[] = [];
  const read = (v: string | (() => string)) => (typeof v === "function" ? v() : v);

  function sign(payload: string) {
    return Stripe.webhooks.generateTestHeaderString({ payload, secret: read(options.webhookSecret) });
  }

  async function sendEvent(type: string, object: unknown) {
    const event = {
      id: rid("evt"),
      object: "event",
      api_version: Stripe.API_VERSION,
      created: now(),
      livemode: false,
      pending_webhooks: 1,
      type,
      data: { object },
    };
    const payload = JSON.stringify(event);
    try {
      const res = await fetch(read(options.webhookUrl), {
        method: "POST",
        headers: { "Content-Type": "application/json", "Stripe-Signature": sign(payload) },
        body: payload,
      });
      delivered.push({ type, id: event.id, status: res.status });
    } catch (error) {
      delivered.push({ type, id: event.id, status: 0 });
      (options.onDeliveryError ?? ((e) => console.warn("Stripe stand-in: webhook delivery failed", e)))(error);
    }
    return event;
  }

  function expireIfDue(session: StandInSession) {
    if (session.status === "open" && session.expires_at <= now()) {
      session.status = "expired";
      session.url = null;
      void sendEvent("checkout.session.expired", session);
    }
    return session;
  }

  function createSession(body: Record<string, unknown>, origin: string): StandInSession {
    if (body.mode !== "payment") throw new ApiError(400, "invalid_request_error", "Only mode=payment is supported by the stand-in", "mode");
    if (typeof body.success_url !== "string" || !/^https?:\/\//.test(body.success_url)) {
      throw new ApiError(400, "invalid_request_error", "Missing required param: success_url.", "success_url");
    }
    const rawItems = asArray<Record<string, unknown>>(body.line_items);
    if (rawItems.length === 0) throw new ApiError(400, "invalid_request_error", "Missing required param: line_items.", "line_items");
    const items: LineItem[] = rawItems.map((item, i) => {
      const priceData = (item.price_data ?? {}) as Record<string, unknown>;
      const productData = (priceData.product_data ?? {}) as Record<string, unknown>;
      const currency = String(priceData.currency ?? "").toLowerCase();
      if (!currency) throw new ApiError(400, "invalid_request_error", "Missing currency", `line_items[${i}][price_data][currency]`);
      if (typeof productData.name !== "string" || !productData.name) {
        throw new ApiError(400, "invalid_request_error", "Missing product name", `line_items[${i}][price_data][product_data][name]`);
      }
      const unit = toInt(priceData.unit_amount, `line_items[${i}][price_data][unit_amount]`);
      const quantity = toInt(item.quantity, `line_items[${i}][quantity]`);
      if (quantity < 1) throw new ApiError(400, "invalid_request_error", "Quantity must be at least 1", `line_items[${i}][quantity]`);
      return { name: productData.name, unit_amount: unit, quantity, currency };
    });
    const currency = items[0]!.currency;
    if (items.some((i) => i.currency !== currency)) throw new ApiError(400, "invalid_request_error", "All line items must share one currency", "line_items");
    if (!ZERO_DECIMAL.has(currency) && currency !== "usd" && currency !== "eur") {
      throw new ApiError(400, "invalid_request_error", `Unsupported currency ${currency}`, "currency");
    }
    const total = items.reduce((sum, i) => sum + i.unit_amount * i.quantity, 0);
    let expiresAt = now() + 24 * 3600;
    if (body.expires_at !== undefined) {
      expiresAt = toInt(body.expires_at, "expires_at");
      // Stripe: between 30 minutes and 24 hours from creation.
      if (expiresAt < now() + 30 * 60 - 5 || expiresAt > now() + 24 * 3600 + 5) {
        throw new ApiError(400, "invalid_request_error", "expires_at must be 30 minutes to 24 hours in the future", "expires_at");
      }
    }
    const id = rid("cs");
    const session: StandInSession = {
      id,
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: total,
      amount_total: total,
      currency,
      client_reference_id: typeof body.client_reference_id === "string" ? body.client_reference_id : null,
      metadata: stringMap(body.metadata),
      success_url: body.success_url,
      cancel_url: typeof body.cancel_url === "string" ? body.cancel_url : null,
      url: `${origin}/__stripe/checkout/${id}`,
      expires_at: expiresAt,
      created: now(),
      payment_intent: null,
      customer_email: typeof body.customer_email === "string" ? body.customer_email : null,
      livemode: false,
      line_items_preview: items,
    };
    sessions.set(id, session);
    return session;
  }

  function getSession(id: string) {
    const session = sessions.get(id);
    if (!session) throw new ApiError(404, "invalid_request_error", `No such checkout.session: '${id}'`, "id", "resource_missing");
    return expireIfDue(session);
  }

  async function expireSession(id: string) {
    const session = getSession(id);
    if (session.status !== "open") {
      throw new ApiError(400, "invalid_request_error", `Only Checkout Sessions with a status of open can be expired (status: ${session.status}).`);
    }
    session.status = "expired";
    session.url = null;
    await sendEvent("checkout.session.expired", session);
    return session;
  }

  function createRefund(body: Record<string, unknown>): Refund {
    const piId = typeof body.payment_intent === "string" ? body.payment_intent : "";
    const pi = paymentIntents.get(piId);
    if (!pi) throw new ApiError(404, "invalid_request_error", `No such payment_intent: '${piId}'`, "payment_intent", "resource_missing");
    const remaining = pi.amount - pi.refunded;
    const amount = body.amount === undefined ? remaining : toInt(body.amount, "amount");
    if (amount < 1 || amount > remaining) {
      throw new ApiError(
        400,
        "invalid_request_error",
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
        "amount",
        "amount_too_large",
      );
    }
    pi.refunded += amount;
    const refund: Refund = {
      id: rid("re"),
      object: "refund",
      amount,
      currency: pi.currency,
      payment_intent: pi.id,
      status: "succeeded",
      reason: typeof body.reason === "string" ? body.reason : null,
      metadata: stringMap(body.metadata),
      created: now(),
    };
    refunds.set(refund.id, refund);
    return refund;
  }

  /** The hosted page's "Pay": the session completes and the app hears of it by a signed webhook. */
  async function pay(id: string) {
    const session = getSession(id);
    if (session.status !== "open") return session;
    const pi = { id: rid("pi"), amount: session.amount_total, refunded: 0, currency: session.currency };
    paymentIntents.set(pi.id, pi);
    session.status = "complete";
    session.payment_status = "paid";
    session.payment_intent = pi.id;
    session.url = null;
    await sendEvent("checkout.session.completed", session);
    return session;
  }

  // Like Stripe, sessions expire on their own (and the app hears of it), even if nobody looks.
  const sweeper = setInterval(() => {
    for (const session of sessions.values()) expireIfDue(session);
  }, 30_000);
  sweeper.unref();

  const router = express.Router();

  // ---- API (/v1/…) ----
  const api = express.Router();
  api.use(express.urlencoded({ extended: true, limit: "200kb", parameterLimit: 2000 }));
  api.use((req, _res, next) => {
    const auth = req.get("authorization") ?? "";
    if (!/^Bearer sk_(test|live)_\S+$/.test(auth)) {
      return next(new ApiError(401, "invalid_request_error", "You did not provide a valid API key."));
    }
    next();
  });

  /** Wraps a handler with Idempotency-Key replay. */
  const handle = (fn: (req: Request) => Promise<unknown> | unknown) => async (req: Request, res: Response) => {
    const key = req.get("idempotency-key");
    const fingerprint = `${req.method} ${req.path} ${JSON.stringify(req.body ?? {})}`;
    if (key && req.method === "POST") {
      const previous = idempotency.get(key);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          return sendError(
            res,
            new ApiError(400, "idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with."),
          );
        }
        res.setHeader("Idempotent-Replayed", "true");
        return res.status(previous.status).json(previous.body);
      }
    }
    try {
      const body = await fn(req);
      if (key && req.method === "POST") idempotency.set(key, { fingerprint, status: 200, body });
      res.json(body);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 500;
      if (key && req.method === "POST" && status < 500) idempotency.set(key, { fingerprint, status, body: errorBody(error) });
      sendError(res, error);
    }
  };

  const originOf = (req: Request) => options.hostedOrigin ?? `${req.protocol}://${req.get("host")}`;
  const publicSession = (s: StandInSession) => {
    const { line_items_preview: _preview, ...rest } = s;
    return rest;
  };

  api.post(
    "/checkout/sessions",
    handle((req) => publicSession(createSession(req.body as Record<string, unknown>, originOf(req)))),
  );
  api.get(
    "/checkout/sessions/:id",
    handle((req) => publicSession(getSession(String(req.params.id)))),
  );
  api.post(
    "/checkout/sessions/:id/expire",
    handle(async (req) => publicSession(await expireSession(String(req.params.id)))),
  );
  api.post(
    "/refunds",
    handle((req) => createRefund(req.body as Record<string, unknown>)),
  );
  api.get(
    "/refunds/:id",
    handle((req) => {
      const refund = refunds.get(String(req.params.id));
      if (!refund) throw new ApiError(404, "invalid_request_error", `No such refund: '${req.params.id}'`, "id", "resource_missing");
      return refund;
    }),
  );
  api.use((req, _res, next) =>
    next(
      new ApiError(
        404,
        "invalid_request_error",
        `Unrecognized request URL (${req.method}: ${req.originalUrl}). The Chợ Số Stripe stand-in implements only the endpoints the app uses.`,
      ),
    ),
  );
  api.use((error: unknown, _req: Request, res: Response, _next: express.NextFunction) => sendError(res, error));
  router.use("/v1", api);

  // ---- Hosted checkout page ----
  router.get("/__stripe/checkout/:id", (req, res) => {
    const session = sessions.get(String(req.params.id));
    res.setHeader("Cache-Control", "no-store");
    // Its own CSP: no scripts at all; forms post here and are redirected back to the shop.
    const backTo = session ? [session.success_url, session.cancel_url].filter((u): u is string => !!u).map((u) => new URL(u).origin) : [];
    res.setHeader(
      "Content-Security-Policy",
      `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'; form-action 'self' ${[...new Set(backTo)].join(" ")}`.trim(),
    );
    if (!session) return res.status(404).type("html").send(page("Không tìm thấy phiên thanh toán / Checkout session not found", ""));
    expireIfDue(session);
    const amount = (n: number) =>
      new Intl.NumberFormat("vi-VN", {
        style: "currency",
        currency: session.currency.toUpperCase(),
        maximumFractionDigits: ZERO_DECIMAL.has(session.currency) ? 0 : 2,
      }).format(ZERO_DECIMAL.has(session.currency) ? n : n / 100);
    const rows = session.line_items_preview
      .map((i) => `<tr><td>${escapeHtml(i.name)}</td><td>× ${i.quantity}</td><td style="text-align:right">${amount(i.unit_amount * i.quantity)}</td></tr>`)
      .join("");
    let actions = "";
    if (session.status === "open") {
      actions = `<form method="post" action="/__stripe/checkout/${session.id}/pay"><button type="submit" class="pay">Thanh toán ${amount(session.amount_total)} / Pay</button></form>`;
      if (session.cancel_url)
        actions += `<form method="post" action="/__stripe/checkout/${session.id}/cancel"><button type="submit" class="back">Quay lại cửa hàng / Back to the shop</button></form>`;
    } else if (session.status === "complete") {
      actions = `<p class="done">Đã thanh toán / Paid. <a href="${escapeHtml(session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id))}">Tiếp tục / Continue</a></p>`;
    } else {
      actions = `<p class="done">Phiên thanh toán đã hết hạn / This checkout session has expired.</p>`;
    }
    res.type("html").send(
      page(
        "Thanh toán thẻ / Card payment",
        `<p class="test" role="note" data-testid="stripe-test-mode">Chế độ thử — không có tiền thật / Test mode, no real money</p>
         <table>${rows}<tr class="total"><td>Tổng / Total</td><td></td><td style="text-align:right" data-testid="stripe-total">${amount(session.amount_total)}</td></tr></table>
         ${actions}`,
      ),
    );
  });

  router.post("/__stripe/checkout/:id/pay", async (req, res) => {
    const session = sessions.get(String(req.params.id));
    if (!session) return res.status(404).type("text").send("Not found");
    await pay(session.id);
    if (session.status !== "complete") return res.redirect(303, `/__stripe/checkout/${session.id}`);
    res.redirect(303, session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id));
  });

  router.post("/__stripe/checkout/:id/cancel", (req, res) => {
    const session = sessions.get(String(req.params.id));
    if (!session?.cancel_url) return res.status(404).type("text").send("Not found");
    res.redirect(303, session.cancel_url.replace("{CHECKOUT_SESSION_ID}", session.id));
  });

  return {
    router,
    /** For tests and the demo: complete a session as if its Pay button was pressed. */
    pay,
    expire: expireSession,
    sendEvent,
    sessions,
    refunds,
    delivered,
    sign,
  };
}

export type StripeStandIn = ReturnType<typeof createStripeStandIn>;

function errorBody(error: unknown) {
  if (error instanceof ApiError) {
    return { error: { type: error.type, message: error.message, ...(error.param ? { param: error.param } : {}), ...(error.code ? { code: error.code } : {}) } };
  }
  return { error: { type: "api_error", message: "Stand-in internal error" } };
}

function sendError(res: Response, error: unknown) {
  const status = error instanceof ApiError ? error.status : 500;
  if (status === 500) console.warn("Stripe stand-in error", error);
  res.status(status).json(errorBody(error));
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function page(title: string, body: string) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f5f5f4;margin:0;padding:24px;color:#1c1917}
main{max-width:440px;margin:0 auto;background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 3px #0002}
h1{font-size:1.3rem}.test{background:#fef3c7;border:1px solid #f59e0b;padding:10px;border-radius:8px;font-weight:600}
table{width:100%;border-collapse:collapse;margin:16px 0}td{padding:6px 0;border-bottom:1px solid #e7e5e4}.total td{font-weight:700}
button{width:100%;min-height:52px;border:0;border-radius:8px;font-size:1.05rem;font-weight:700;margin-top:10px;cursor:pointer}
.pay{background:#635bff;color:#fff}.back{background:#e7e5e4;color:#1c1917}
</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}
