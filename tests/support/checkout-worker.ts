/**
 * A separate OS process with its own SQLite connection, used by the concurrency test: it places one
 * order per guest id given on the command line, but only after the parent says "go" on stdin, so all
 * workers hit the database at the same moment. Prints one JSON line of results.
 */
import readline from "node:readline";
import { CheckoutError, placeOrder } from "../../app/models/order/place.server";

const [producerId, ...guestIds] = process.argv.slice(2);
const rl = readline.createInterface({ input: process.stdin });
process.stdout.write("ready\n");
rl.once("line", () => {
  const results: { guestId: string; ok: boolean; error?: string; orderId?: number }[] = [];
  for (const guestId of guestIds) {
    try {
      const { order } = placeOrder({
        identity: { userId: null, guestId },
        idempotencyKey: `concurrency-${guestId}`,
        customerName: "Khách thử",
        customerPhone: "+84912000111",
        communeCode: "05503",
        otherProvince: null,
        addressLine: "Xóm 3",
        paymentMethod: "cod",
        deliveries: { [Number(producerId)]: { method: "pickup_producer" } },
      });
      results.push({ guestId, ok: true, orderId: order.id });
    } catch (error) {
      results.push({ guestId, ok: false, error: error instanceof CheckoutError ? error.code : String(error) });
    }
  }
  process.stdout.write(JSON.stringify(results) + "\n");
  rl.close();
  process.exit(0);
});
