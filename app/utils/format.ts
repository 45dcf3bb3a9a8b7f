/** Display helpers shared by server and browser. Money is integer VND; time is stored in UTC. */
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND", maximumFractionDigits: 0 });
const plainNumber = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });

/** 120000 → "120.000 ₫" (with the non-breaking space Intl puts before ₫). */
export function formatVnd(amount: number): string {
  return vnd.format(amount);
}

export function formatNumber(value: number): string {
  return plainNumber.format(value);
}

function localeFor(lng: string) {
  return lng === "en" ? "en-GB" : "vi-VN";
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions) {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** "22/11/2026" in Asia/Ho_Chi_Minh. */
export function formatDate(value: Date | string | number, lng = "vi"): string {
  return formatter(`date:${lng}`, localeFor(lng), {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(new Date(value));
}

/** "22/11/2026 14:05" in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: Date | string | number, lng = "vi"): string {
  const d = new Date(value);
  const parts = formatter(`datetime:${lng}`, localeFor(lng), {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}/${get("month")}/${get("year")} ${get("hour")}:${get("minute")}`;
}

/** The calendar date (YYYY-MM-DD) in Asia/Ho_Chi_Minh of an instant. */
export function localIsoDate(value: Date | number = Date.now()): string {
  return formatter("iso", "en-CA", { timeZone: TIME_ZONE }).format(new Date(value));
}
