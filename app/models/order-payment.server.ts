import type { Order } from "#db/schema";
import { env } from "~/utils/env.server";
import { buildVietQr } from "~/utils/vietqr";
import { findBank } from "~/data/banks";

/** What a shopper needs to pay an order by bank transfer: the dynamic VietQR and the same as text. */
export function bankTransferInstructions(order: Pick<Order, "totalVnd" | "paymentMemo">) {
  const e = env();
  const memo = order.paymentMemo ?? "";
  const payload = buildVietQr({ bin: e.PLATFORM_BANK_BIN, account: e.PLATFORM_BANK_ACCOUNT, amount: order.totalVnd, memo });
  const bank = findBank(e.PLATFORM_BANK_BIN);
  return {
    payload,
    bin: e.PLATFORM_BANK_BIN,
    bankName: bank?.shortName ?? e.PLATFORM_BANK_BIN,
    account: e.PLATFORM_BANK_ACCOUNT,
    accountName: e.PLATFORM_BANK_ACCOUNT_NAME,
    amountVnd: order.totalVnd,
    memo,
  };
}
