/**
 * GS1 Digital Link URIs for the keys Chợ Số uses: primary key GTIN (AI 01) with the key qualifiers
 * batch/lot (AI 10) and serial (AI 21), in that order: `{stem}/01/{GTIN-14}[/10/{lot}][/21/{serial}]`.
 * Other primary keys and qualifiers (00, 414, 8004, 22, 235, …) are reported as unsupported; query
 * string data attributes are ignored. Shared by server and browser.
 */

export type DigitalLinkKeys = { gtin: string; lot?: string; serial?: string };
export type ParseResult = ({ ok: true; stem: string } & DigitalLinkKeys) | { ok: false; reason: "invalid" | "unsupported" | "check-digit" };

/** GS1 mod-10 check digit of the digits before it. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin14(gtin: string): boolean {
  return /^\d{14}$/.test(gtin) && gs1CheckDigit(gtin.slice(0, 13)) === Number(gtin[13]);
}

/** GTIN-8/12/13/14 → GTIN-14 (left-padded with zeros), or null when malformed or the check digit is wrong. */
export function toGtin14(input: string): string | null {
  const digits = input.replace(/\s+/g, "");
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(digits)) return null;
  const gtin = digits.padStart(14, "0");
  return isValidGtin14(gtin) ? gtin : null;
}

// GS1 AI encodable character set 82 (AIs 10 and 21), at most 20 characters.
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

export function isValidAiValue(value: string): boolean {
  return CSET82.test(value);
}

/** Percent-encodes everything outside RFC 3986 "unreserved", as GS1 DL asks for path segments. */
function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export const DEFAULT_STEM = "https://id.gs1.org";

/** `{stem}/01/{gtin}[/10/{lot}][/21/{serial}]`; throws on a malformed GTIN or AI value. */
export function formatDigitalLink(keys: DigitalLinkKeys, stem: string = DEFAULT_STEM): string {
  const gtin = toGtin14(keys.gtin);
  if (!gtin || gtin !== keys.gtin.padStart(14, "0")) throw new Error(`Invalid GTIN: ${keys.gtin}`);
  let path = `/01/${gtin}`;
  for (const [ai, value] of [
    ["10", keys.lot],
    ["21", keys.serial],
  ] as const) {
    if (value === undefined) continue;
    if (!isValidAiValue(value)) throw new Error(`Invalid value for AI (${ai}): ${value}`);
    path += `/${ai}/${encodeSegment(value)}`;
  }
  return stem.replace(/\/+$/, "") + path;
}

/** The element string form used by GS1's test vectors ("^" = FNC1 before a variable-length field's successor). */
export function toElementString(keys: DigitalLinkKeys): string {
  let out = `^01${keys.gtin}`;
  if (keys.lot !== undefined) out += `10${keys.lot}`;
  if (keys.serial !== undefined) out += `${keys.lot !== undefined ? "^" : ""}21${keys.serial}`;
  return out;
}

const KNOWN_PRIMARY_KEYS = new Set(["00", "01", "253", "255", "401", "402", "414", "417", "8003", "8004", "8006", "8010", "8013", "8017", "8018"]);

function decodeSegment(raw: string): string | null {
  if (raw === "") return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (value.includes("\u0000")) return null;
  return value;
}

/**
 * Parses an absolute http(s) Digital Link URI. The primary key is found as the last `01` (or other
 * known key) segment that is followed only by key qualifiers.
 */
export function parseDigitalLink(uri: string): ParseResult {
  const match = /^(http|HTTP|https|HTTPS):\/\/([^/?#]+)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/.exec(uri);
  if (!match) return { ok: false, reason: "invalid" };
  const [, scheme, host, path = "", query = ""] = match;
  if (!/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9\-._~]+)(:\d{1,5})?$/.test(host!)) return { ok: false, reason: "invalid" };
  // Characters that may never appear unencoded in a URI.
  if (/[<>{}\\^`"| ]/.test(path + query)) return { ok: false, reason: "invalid" };
  const segments = path.split("/").slice(1);
  if (segments.length < 2) return { ok: false, reason: "invalid" };
  if (segments.some((s) => s === "")) return { ok: false, reason: "invalid" }; // "//" or a trailing "/"

  // The primary key: the last known key segment at an even distance from the end.
  let start = -1;
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    if (KNOWN_PRIMARY_KEYS.has(segments[i]!)) {
      start = i;
    }
    if (!/^\d{2,4}$/.test(segments[i]!)) break;
  }
  if (start < 0) return { ok: false, reason: "invalid" };
  if (segments[start] !== "01") return { ok: false, reason: "unsupported" };
  const stem = `${scheme!.toLowerCase()}://${host}${segments.length > start ? "/" + segments.slice(0, start).join("/") : ""}`.replace(/\/$/, "");

  const gtinRaw = decodeSegment(segments[start + 1]!);
  if (gtinRaw === null || !/^\d{14}$/.test(gtinRaw)) return { ok: false, reason: "invalid" };
  if (!isValidGtin14(gtinRaw)) return { ok: false, reason: "check-digit" };
  const keys: DigitalLinkKeys = { gtin: gtinRaw };

  // Key qualifiers, in the order the standard fixes for 01: (22), (10), (21). We support 10 and 21.
  let rank = 0;
  for (let i = start + 2; i < segments.length; i += 2) {
    const ai = segments[i]!;
    const value = decodeSegment(segments[i + 1] ?? "");
    if (value === null) return { ok: false, reason: "invalid" };
    if (ai === "22" || ai === "235") return { ok: false, reason: "unsupported" };
    const order = ai === "10" ? 1 : ai === "21" ? 2 : 0;
    if (order === 0 || order <= rank) return { ok: false, reason: "invalid" };
    if (!isValidAiValue(value)) return { ok: false, reason: "invalid" };
    rank = order;
    if (ai === "10") keys.lot = value;
    else keys.serial = value;
  }
  return { ok: true, stem, ...keys };
}
