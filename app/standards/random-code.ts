/**
 * The one generator of short random codes: order codes (CS…), VietQR payment memos (CSO…, CST…)
 * and trace codes / unit serials printed under a QR. The alphabet has no look-alikes (no 0/O,
 * 1/I/L): 31 symbols, easy to read aloud or type on a phone, and banks carry it unchanged in a
 * transfer memo. Rejection sampling keeps every symbol equally likely.
 */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export type RandomBytes = (n: number) => Uint8Array;

const cryptoRandom: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** `length` symbols from CODE_ALPHABET. `randomBytes` is injectable for repeatable seeds and tests. */
export function randomCode(length: number, randomBytes: RandomBytes = cryptoRandom): string {
  const limit = 256 - (256 % CODE_ALPHABET.length); // 248 = 8 × 31: bytes above it would bias
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit) out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}
