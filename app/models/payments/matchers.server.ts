/**
 * Who is paid by a memo prefix. Each payable kind registers its matcher here:
 *   CSO → online orders (order payments), CST → market till charges.
 * A memo with no registered prefix stays "unmatched" for reconciliation.
 */
import { orderBankMatcher } from "~/models/order/payment.server";
import { tillChargeMatcher } from "~/models/market/till-matcher.server";
import { MEMO_PREFIX, type BankMatcher } from "./types";

export const BANK_MATCHERS: Record<string, BankMatcher> = {
  [MEMO_PREFIX.order]: orderBankMatcher,
  [MEMO_PREFIX.till]: tillChargeMatcher,
};

export function matcherForMemo(memo: string): BankMatcher | undefined {
  return BANK_MATCHERS[memo.slice(0, 3)];
}
