/**
 * Card payment at the stall through Stripe Checkout. Enabled once the Stripe client and its
 * webhook (issue 5) are in this branch; until then the till offers VietQR and cash only.
 */
import type { Stall, TillCharge } from "#db/schema";

export function cardPaymentsEnabled(): boolean {
  return false;
}

export async function createCardCheckout(_request: Request, _stall: Stall, _charge: TillCharge): Promise<string> {
  throw new Error("Card payment is not available");
}
