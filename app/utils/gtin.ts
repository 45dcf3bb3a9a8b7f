/**
 * GS1 GTINs (GTIN-8, -12, -13, -14). The last digit is a mod-10 check digit: from the right,
 * digits are weighted 3, 1, 3, 1… (the check digit itself excluded). Stored as GTIN-14 (left-padded
 * with zeros), the form GS1 Digital Link uses.
 */
export const GTIN_LENGTHS = [8, 12, 13, 14] as const;

/** The check digit for a GTIN body (all digits except the last). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin(input: string): boolean {
  const value = input.trim();
  if (!/^\d+$/.test(value) || !(GTIN_LENGTHS as readonly number[]).includes(value.length)) return false;
  return gtinCheckDigit(value.slice(0, -1)) === Number(value.at(-1));
}

/** A valid GTIN of any length as GTIN-14, or null. Spaces and dashes people type are ignored. */
export function toGtin14(input: string): string | null {
  const value = input.replace(/[\s-]/g, "");
  if (!isValidGtin(value)) return null;
  return value.padStart(14, "0");
}
