import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { cancelTillCharge, chargePayload, effectiveStatus, getStallCharge } from "~/models/market/till.server";
import { getApprovedTraderStall } from "~/models/market/stall.server";
import { requireRole } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { formatDateTime, formatVnd } from "~/utils/format";
import { qrSvg } from "~/utils/qr.server";
import { findBank } from "~/data/banks";
import { cardTestMode } from "~/models/payments/stripe-checkout.server";
import { expireCardCheckout } from "~/models/market/till-card.server";
import type { TillStatus } from "#db/schema";

async function requireCharge(request: Request, idParam: string | undefined) {
  const user = await requireRole(request, "trader");
  const found = getApprovedTraderStall(user.id);
  const id = Number(idParam);
  // Owner-scoped: another stall's charge is simply "not found".
  const charge = found && Number.isInteger(id) ? getStallCharge(found.stall.id, id) : null;
  if (!found || !charge) throw new Response("Not Found", { status: 404 });
  return { ...found, charge };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { stall, charge } = await requireCharge(request, params.id);
  const t = getFixedT(request, "market");
  const status = effectiveStatus(charge);
  const payload = charge.method === "vietqr" && status === "pending" ? chargePayload(stall, charge) : null;
  const cardUrl = charge.method === "card" && status === "pending" ? charge.stripeCheckoutUrl : null;
  const bank = findBank(stall.bankBin);
  return json(
    {
      title: t("charge.title", { amount: formatVnd(charge.amount) }),
      charge: {
        id: charge.id,
        amount: charge.amount,
        method: charge.method,
        memo: charge.memo,
        createdAt: charge.createdAt.toISOString(),
        expiresAt: charge.expiresAt?.toISOString() ?? null,
        paidAt: charge.paidAt?.toISOString() ?? null,
        items: charge.items ?? [],
      },
      status,
      qr: payload ? await qrSvg(payload) : cardUrl ? await qrSvg(cardUrl) : null,
      cardTestMode: charge.method === "card" && cardTestMode(),
      payload,
      cardUrl,
      bank: { name: bank?.shortName ?? stall.bankBin, account: stall.accountNumber, holder: stall.accountHolder },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request, params }: ActionFunctionArgs) {
  const { stall, charge } = await requireCharge(request, params.id);
  const formData = await readForm(request);
  switch (formData.get("intent")) {
    case "cancel": {
      const cancelled = cancelTillCharge(stall.id, charge.id);
      if (!cancelled) return json({ error: "market:charge.cannotCancel" }, { status: 409 });
      if (cancelled.method === "card") await expireCardCheckout(cancelled);
      return redirect("/till");
    }
    default:
      return json({ error: "unknown intent" }, { status: 400 });
  }
}

const POLL_MS = 2000;

/** Follows the charge's status: polls while the page is open, pauses offline, resumes on reconnect. */
function useLiveStatus(id: number, initial: TillStatus) {
  const [status, setStatus] = useState<TillStatus>(initial);
  useEffect(() => setStatus(initial), [initial]);
  useEffect(() => {
    if (status !== "pending") return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      if (stopped) return;
      if (navigator.onLine) {
        try {
          const res = await fetch(`/till/charges/${id}/status`, { headers: { Accept: "application/json" }, cache: "no-store" });
          if (res.ok) {
            const body = (await res.json()) as { status: TillStatus };
            if (!stopped && body.status !== "pending") {
              setStatus(body.status);
              return;
            }
          }
        } catch {
          // Network hiccup: try again on the next tick.
        }
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    const onOnline = () => {
      clearTimeout(timer);
      void poll();
    };
    timer = setTimeout(poll, POLL_MS);
    window.addEventListener("online", onOnline);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("online", onOnline);
    };
  }, [id, status]);
  return status;
}

export default function Charge() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("market");
  const status = useLiveStatus(data.charge.id, data.status);
  const amount = formatVnd(data.charge.amount);
  return (
    <div className="mx-auto max-w-md text-center" data-testid="charge" data-status={status}>
      {status === "pending" ? (
        <noscript>
          <meta httpEquiv="refresh" content="5" />
        </noscript>
      ) : null}
      {status === "paid" ? (
        <div className="rounded-2xl bg-green-700 p-8 text-white" role="status" aria-live="polite" data-testid="paid">
          <p className="text-3xl font-extrabold">{t("charge.paidBanner")}</p>
          <p className="mt-2 text-4xl font-bold">{amount}</p>
          <p className="mt-2">{t(`method.${data.charge.method}`)}</p>
        </div>
      ) : status === "pending" ? (
        <div>
          <p className="text-4xl font-bold" data-testid="charge-amount">
            {amount}
          </p>
          {data.payload && data.qr ? (
            <>
              <div
                className="mx-auto my-4 w-full max-w-sm bg-white"
                data-testid="vietqr"
                aria-label={t("charge.qrLabel")}
                role="img"
                dangerouslySetInnerHTML={{ __html: data.qr }}
              />
              <p className="text-lg">
                {t("charge.memo")}:{" "}
                <strong className="font-mono tracking-wider" data-testid="memo">
                  {data.charge.memo}
                </strong>
              </p>
              <p className="text-sm text-stone-700">
                {data.bank.name} · {data.bank.account} · {data.bank.holder}
              </p>
              <p className="hidden" data-testid="payload">
                {data.payload}
              </p>
            </>
          ) : data.cardUrl ? (
            <>
              {data.qr ? (
                <div
                  className="mx-auto my-4 w-full max-w-xs bg-white"
                  data-testid="card-qr"
                  aria-label={t("charge.cardQrLabel")}
                  role="img"
                  dangerouslySetInnerHTML={{ __html: data.qr }}
                />
              ) : null}
              <p className="my-3">
                <a href={data.cardUrl} className="btn-primary" data-testid="card-link">
                  {t("charge.openCard")}
                </a>
              </p>
              {data.cardTestMode ? <p className="text-sm font-semibold text-amber-800">{t("charge.cardTestMode")}</p> : null}
            </>
          ) : null}
          <p className="mt-3 text-stone-700" role="status" aria-live="polite">
            {t("charge.waiting")}
          </p>
          {data.charge.expiresAt ? (
            <p className="text-sm text-stone-600">{t("charge.expiresAt", { time: formatDateTime(data.charge.expiresAt, i18n.language).slice(11) })}</p>
          ) : null}
          <Form method="post" className="mt-4">
            <button type="submit" name="intent" value="cancel" className="btn-secondary">
              {t("charge.cancel")}
            </button>
          </Form>
        </div>
      ) : (
        <div className="card" role="status" data-testid="closed">
          <p className="text-2xl font-bold">{t(`status.${status}`)}</p>
          <p className="text-xl">{amount}</p>
        </div>
      )}
      {data.charge.items.length ? (
        <ul className="mt-4 text-left text-sm">
          {data.charge.items.map((i, n) => (
            <li key={n}>
              {i.quantity} × {i.label} ({formatVnd(i.priceVnd)})
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-6 flex justify-center gap-4">
        <Link to="/till" className="btn-primary">
          {t("charge.newSale")}
        </Link>
        <Link to="/till/ledger" className="btn-secondary">
          {t("ledger.title")}
        </Link>
      </p>
    </div>
  );
}
