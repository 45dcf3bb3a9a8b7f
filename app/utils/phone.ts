/**
 * Vietnamese phone numbers, as people type them ("0912 345 678", "0912.345.678", "+84 912 345 678",
 * "84912345678"), normalised to E.164 ("+84912345678") for storage. Mobile numbers have 9 digits
 * after the 0 (prefixes 3, 5, 7, 8, 9); landlines 10 digits starting with 2.
 */
export function normalizeVietnamPhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, "");
  let national: string;
  if (/^\+84\d+$/.test(compact)) national = compact.slice(3);
  else if (/^84\d{9,10}$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  if (national.startsWith("0")) return null;
  const mobile = /^[35789]\d{8}$/.test(national);
  const landline = /^2\d{9}$/.test(national);
  return mobile || landline ? `+84${national}` : null;
}

/** "+84912345678" → "0912 345 678" for display. */
export function formatVietnamPhone(e164: string): string {
  if (!e164.startsWith("+84")) return e164;
  const national = "0" + e164.slice(3);
  if (national.length === 10) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
}
