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

/** "22/11/2026" in Asia/Ho_Chi_Minh. */
export function formatDate(value: Date | string | number, lng = "vi"): string {
  return new Intl.DateTimeFormat(localeFor(lng), {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(new Date(value));
}

/** "22/11/2026 14:05" in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: Date | string | number, lng = "vi"): string {
  const d = new Date(value);
  const parts = new Intl.DateTimeFormat(localeFor(lng), {
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
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date(value));
}
