/**
 * For the crash test: places orders for the given guest carts one after another as fast as it can,
 * printing "committed <orderId>" right after each transaction commits. The parent kills it with
 * SIGKILL somewhere in the middle.
 */
import { placeOrder } from "../../app/models/order/place.server";

const [producerId, ...guestIds] = process.argv.slice(2);
for (const guestId of guestIds) {
  const { order } = placeOrder({
    identity: { userId: null, guestId },
    idempotencyKey: `crash-${guestId}`,
    customerName: "Khách thử",
    customerPhone: "+84912000111",
    communeCode: "05503",
    otherProvince: null,
    addressLine: "Xóm 3",
    paymentMethod: "cod",
    deliveries: { [Number(producerId)]: { method: "delivery" } },
  });
  process.stdout.write(`committed ${order.id}\n`);
}
process.stdout.write("done\n");
