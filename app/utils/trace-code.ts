import { CODE_ALPHABET } from "../standards/random-code";

/**
 * Short trace codes printed under the QR: unambiguous when read aloud or typed on a phone.
 * Alphabet A–Z and 2–9 without I, L, O (and no 0 or 1): 31 symbols. Case-insensitive on input.
 */
export const TRACE_ALPHABET = CODE_ALPHABET; // random ones come from randomCode (app/standards/random-code.ts)
export const TRACE_CODE_LENGTH = 8;
export const SERIAL_LENGTH = 12;

const VALID = new RegExp(`^[${TRACE_ALPHABET}]{6,16}$`);

/** "tc26 xuan" → "TC26XUAN"; null when it cannot be a trace code. */
export function normaliseTraceCode(input: string): string | null {
  const code = input.replace(/[\s\-_.]+/g, "").toUpperCase();
  return VALID.test(code) ? code : null;
}
