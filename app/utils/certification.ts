import { localIsoDate } from "./format";

export type CertValidity = "valid" | "expired" | "notYetValid";

/**
 * Whether a certificate is valid on a calendar day in Asia/Ho_Chi_Minh. Never stored: computed on
 * every read, so an expired certificate stops showing as valid by itself (decision 012).
 * Dates are ISO "YYYY-MM-DD"; the last day (validTo) still counts as valid.
 */
export function certValidity(cert: { validFrom: string; validTo: string }, today: string = localIsoDate()): CertValidity {
  if (today < cert.validFrom) return "notYetValid";
  if (today > cert.validTo) return "expired";
  return "valid";
}
