/**
 * SePay and Casso webhooks behind one door: `handleBankWebhook(provider, request)` checks the
 * method and the provider's authentication, validates the body with zod, normalises it, and hands
 * it to the pipeline (./bank-notifications.server.ts). The routes are one line each.
 */
import crypto from "node:crypto";
import { json } from "@remix-run/node";
import { CassoWebhookSchema, SepayWebhookSchema } from "~/schemas/bank-webhooks";
import { cassoChecksumKey, sepayApiKey } from "~/utils/env.server";
import { receiveBankTransfer } from "./bank-notifications.server";
import type { NormalizedTransfer } from "./types";

export type BankProvider = NormalizedTransfer["provider"];

type Normalised = { ok: true; transfer: NormalizedTransfer } | { ok: false; status: number; error: string; issues?: string[] };

/** Answers `{ success: true }` once stored (duplicates included), as both providers expect. */
export async function handleBankWebhook(provider: BankProvider, request: Request): Promise<Response> {
  if (request.method !== "POST") return json({ success: false, error: "method not allowed" }, { status: 405 });
  const result = provider === "sepay" ? await readSepay(request) : await readCasso(request);
  if (!result.ok) {
    const body: Record<string, unknown> = { success: false, error: result.error };
    if (result.issues) body.issues = result.issues;
    return json(body, { status: result.status });
  }
  const received = receiveBankTransfer(result.transfer);
  return json({ success: true, duplicate: received.duplicate, status: received.notification.status });
}

async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
  try {
    return { ok: true, body: JSON.parse(await request.text()) };
  } catch {
    return { ok: false };
  }
}

const issuesOf = (error: { issues: { path: PropertyKey[] }[] }) => error.issues.map((i) => i.path.join("."));

async function readSepay(request: Request): Promise<Normalised> {
  const key = sepayApiKey();
  if (!key) return { ok: false, status: 503, error: "SEPAY_API_KEY is not configured" };
  if (!verifySepayAuthorization(request.headers.get("Authorization"), key)) return { ok: false, status: 401, error: "invalid API key" };
  const read = await readJson(request);
  if (!read.ok) return { ok: false, status: 400, error: "body is not JSON" };
  const parsed = SepayWebhookSchema.safeParse(read.body);
  if (!parsed.success) return { ok: false, status: 400, error: "invalid payload", issues: issuesOf(parsed.error) };
  const p = parsed.data;
  const transactionAt = parseVietnamLocalTime(p.transactionDate);
  if (!transactionAt) return { ok: false, status: 400, error: "invalid transactionDate" };
  return {
    ok: true,
    transfer: {
      provider: "sepay",
      providerTxnId: p.id,
      accountNumber: p.accountNumber ?? null,
      bankName: p.gateway ?? null,
      amount: p.transferAmount,
      direction: p.transferType,
      content: p.content,
      reference: p.referenceCode ?? null,
      transactionAt,
      raw: read.body,
    },
  };
}

async function readCasso(request: Request): Promise<Normalised> {
  const key = cassoChecksumKey();
  if (!key) return { ok: false, status: 503, error: "CASSO_CHECKSUM_KEY is not configured" };
  const read = await readJson(request);
  if (!read.ok) return { ok: false, status: 400, error: "body is not JSON" };
  if (!verifyCassoSignature(request.headers.get("X-Casso-Signature"), read.body, key)) return { ok: false, status: 401, error: "invalid signature" };
  const parsed = CassoWebhookSchema.safeParse(read.body);
  if (!parsed.success) return { ok: false, status: 400, error: "invalid payload", issues: issuesOf(parsed.error) };
  const d = parsed.data.data;
  const transactionAt = parseVietnamLocalTime(d.transactionDateTime);
  if (!transactionAt) return { ok: false, status: 400, error: "invalid transactionDateTime" };
  return {
    ok: true,
    transfer: {
      provider: "casso",
      providerTxnId: d.id,
      accountNumber: d.accountNumber ?? null,
      bankName: d.bankName ?? d.bankAbbreviation ?? null,
      amount: Math.abs(d.amount),
      direction: d.amount < 0 ? "out" : "in",
      content: d.description,
      reference: d.reference ?? null,
      transactionAt,
      raw: read.body,
    },
  };
}

// ── Provider formats ────────────────────────────────────────────────────────────────────────────

/** Bank timestamps come as Việt Nam local time "YYYY-MM-DD HH:mm:ss". */
export function parseVietnamLocalTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}+07:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** SePay authenticates with `Authorization: Apikey <key>`. Constant-time compare. */
export function verifySepayAuthorization(header: string | null, apiKey: string): boolean {
  if (!header) return false;
  const m = /^Apikey\s+(.+)$/i.exec(header.trim());
  if (!m) return false;
  return safeEqual(m[1]!.trim(), apiKey);
}

/** Recursively sorts object keys (Casso signs the body as JSON with keys sorted). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeysDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function cassoSignature(body: unknown, timestamp: string, key: string): string {
  return crypto
    .createHmac("sha512", key)
    .update(`${timestamp}.${JSON.stringify(sortKeysDeep(body))}`)
    .digest("hex");
}

export const CASSO_TOLERANCE_MS = 15 * 60 * 1000;

/** Casso v2: `X-Casso-Signature: t=<ms>,v1=<hex>` = HMAC-SHA512 over "{t}." + sorted-key JSON body. */
export function verifyCassoSignature(header: string | null, body: unknown, key: string, now = Date.now()): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(
    header.split(",").map((p) => {
      const [k, ...v] = p.trim().split("=");
      return [k, v.join("=")];
    }),
  );
  const t = parts["t"];
  const v1 = parts["v1"];
  if (!t || !v1 || !/^\d+$/.test(t) || !/^[0-9a-f]+$/i.test(v1)) return false;
  const ts = Number(t) < 1e12 ? Number(t) * 1000 : Number(t); // seconds or milliseconds
  if (Math.abs(now - ts) > CASSO_TOLERANCE_MS) return false;
  return safeEqual(cassoSignature(body, t, key), v1.toLowerCase());
}

function safeEqual(a: string, b: string) {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
