/**
 * Starts the Stripe stand-in on an ephemeral port for a test file, with the app's real
 * /webhooks/stripe action behind it, and points the app's `stripe` SDK at it (STRIPE_API_BASE).
 * Usable by any feature that takes card payments (orders, market till).
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { createStripeStandIn, type StripeStandIn } from "../../server/stripe-standin";
import { action as stripeWebhookAction } from "../../app/routes/webhooks.stripe";
import { resetEnvCache } from "../../app/utils/env.server";

export const TEST_WEBHOOK_SECRET = "whsec_test_secret_for_vitest_only";

export async function startStripeStandIn(): Promise<{ standIn: StripeStandIn; base: string; close: () => Promise<void> }> {
  let base = "";
  const standIn = createStripeStandIn({ webhookUrl: () => `${base}/webhooks/stripe`, webhookSecret: TEST_WEBHOOK_SECRET });
  const app = express();
  app.post("/webhooks/stripe", express.raw({ type: "*/*" }), async (req, res) => {
    const request = new Request(`${base}/webhooks/stripe`, {
      method: "POST",
      headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
      body: new Uint8Array(req.body as Buffer),
    });
    const response = (await stripeWebhookAction({ request, params: {}, context: {} } as never)) as Response;
    res
      .status(response.status)
      .type("json")
      .send(await response.text());
  });
  app.use(standIn.router);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.STRIPE_API_BASE = base;
  process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  delete process.env.STRIPE_SECRET_KEY;
  resetEnvCache();
  return {
    standIn,
    base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        delete process.env.STRIPE_API_BASE;
        delete process.env.STRIPE_WEBHOOK_SECRET;
        resetEnvCache();
      }),
  };
}
