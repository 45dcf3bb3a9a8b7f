/**
 * `npm run orders:expire`: cancels unpaid bank-transfer orders older than 72 hours and puts their
 * stock back on sale. Safe to run from cron at any interval (idempotent).
 */
import { openAppDatabase } from "./_db";
import { expireStaleBankOrders } from "../app/models/order/cancel.server";

const { db, path } = openAppDatabase();
const expired = expireStaleBankOrders(new Date(), undefined, db);
db.$client.close();
console.log(`${path}: ${expired} unpaid bank-transfer order(s) expired`);
