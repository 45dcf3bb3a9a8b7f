import type { BankMatcher } from "./bank-transfer.server";
import { orderBankMatcher } from "./order.server";
import { tillChargeMatcher } from "./till-matcher.server";

/**
 * Who is paid by a memo prefix. Each payable kind registers its matcher here:
 *   CSO → online orders (order payments), CST → market till charges.
 * A memo with no registered prefix stays "unmatched" for reconciliation.
 */
export const BANK_MATCHERS: Record<string, BankMatcher> = {
  CSO: orderBankMatcher,
  CST: tillChargeMatcher,
};
