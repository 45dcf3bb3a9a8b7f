import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/utils/forms.server";
import { dailyTotals, localDate, localDayRange, stallChargesOfDay, stallTakings } from "~/models/market/till-ledger.server";
import { getApprovedTraderStall } from "~/models/market/stall.server";
import { resolveStallNotification, stallToCheck } from "~/models/market/till.server";
import { requireRole } from "~/utils/auth.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { formatDateTime, formatVnd } from "~/utils/format";
import { TakingsChart } from "~/components/bar-chart";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "trader");
  const found = getApprovedTraderStall(user.id);
  if (!found) throw new Response("Not Found", { status: 404 });
  const t = getFixedT(request, "market");
  const today = localDate(new Date());
  const asked = new URL(request.url).searchParams.get("date") ?? "";
  const day = /^\d{4}-\d{2}-\d{2}$/.test(asked) && !Number.isNaN(Date.parse(asked)) && asked <= today ? asked : today;
  const { start, end } = localDayRange(day);
  return json(
    {
      title: t("ledger.title"),
      stall: { name: found.stall.name, market: found.market.name },
      day,
      today,
      takings: stallTakings(found.stall.id, start, end),
      charges: stallChargesOfDay(found.stall.id, day).map((c) => ({
        id: c.id,
        amount: c.amount,
        method: c.method,
        status: c.status,
        memo: c.memo,
        createdAt: c.createdAt.toISOString(),
        paidAt: c.paidAt?.toISOString() ?? null,
      })),
      days: dailyTotals({ stallId: found.stall.id }, 30),
      toCheck: stallToCheck(found.stall).map((n) => ({
        id: n.id,
        amount: n.amount,
        content: n.content,
        status: n.status,
        expectedAmount: n.expectedAmount,
        receivedAt: n.receivedAt.toISOString(),
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "trader");
  const found = getApprovedTraderStall(user.id);
  if (!found) throw new Response("Not Found", { status: 404 });
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "resolve": {
      const id = Number(form.get("notificationId"));
      const note =
        String(form.get("note") ?? "")
          .trim()
          .slice(0, 200) || "resolved by the trader";
      // Scoped: only an item of this stall's own "to check" list.
      const row = Number.isInteger(id) ? resolveStallNotification(found.stall, user.id, id, note) : null;
      if (!row) return json({ error: "not found" }, { status: 404 });
      return redirect("/till/ledger#to-check");
    }
    default:
      return json({ error: "unknown intent" }, { status: 400 });
  }
}

export default function Ledger() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("market");
  const labels = { vietqr: t("method.vietqr"), card: t("method.card"), cash: t("method.cash") };
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="page-title">{t("ledger.title")}</h1>
      <p className="mb-4 text-stone-700">
        {data.stall.name} · {data.stall.market}
      </p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="label" htmlFor="ledger-date">
          {t("ledger.day")}
        </label>
        <input id="ledger-date" type="date" name="date" defaultValue={data.day} max={data.today} className="input w-auto" />
        <button type="submit" className="btn-secondary btn-small">
          {t("ledger.show")}
        </button>
        <a href="/till/ledger.csv" className="btn-secondary btn-small" download>
          {t("ledger.csv")}
        </a>
      </form>
      <section className="card mb-4" aria-labelledby="takings-title" data-testid="takings">
        <h2 id="takings-title" className="mb-2 font-semibold">
          {data.day === data.today ? t("ledger.todayTakings") : t("ledger.dayTakings", { date: data.day.split("-").reverse().join("/") })}
        </h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {(["vietqr", "card", "cash"] as const).map((m) => (
            <div key={m}>
              <dt className="text-sm text-stone-600">{labels[m]}</dt>
              <dd className="text-lg font-semibold" data-testid={`takings-${m}`}>
                {formatVnd(data.takings[m])}
              </dd>
            </div>
          ))}
          <div>
            <dt className="text-sm text-stone-600">{t("ledger.total")}</dt>
            <dd className="text-lg font-bold" data-testid="takings-total">
              {formatVnd(data.takings.total)}
            </dd>
          </div>
        </dl>
      </section>
      <TakingsChart days={data.days} title={t("ledger.chartTitle")} labels={labels} />
      <section className="mt-4" aria-labelledby="charges-title">
        <h2 id="charges-title" className="mb-2 font-semibold">
          {t("ledger.charges")}
        </h2>
        {data.charges.length ? (
          <table className="w-full text-sm" data-testid="charges">
            <thead>
              <tr className="text-left text-stone-600">
                <th className="py-1">{t("ledger.time")}</th>
                <th>{t("ledger.method")}</th>
                <th>{t("ledger.status")}</th>
                <th className="text-right">{t("ledger.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {data.charges.map((c) => (
                <tr key={c.id} className="border-t border-stone-200">
                  <td className="py-1">
                    <Link to={`/till/charges/${c.id}`}>{formatDateTime(c.createdAt, i18n.language).slice(11)}</Link>
                  </td>
                  <td>
                    {labels[c.method]} {c.memo ? <span className="font-mono text-xs">{c.memo}</span> : null}
                  </td>
                  <td>{t(`status.${c.status}`)}</td>
                  <td className="text-right">{formatVnd(c.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-stone-600">{t("ledger.noCharges")}</p>
        )}
      </section>
      <section id="to-check" className="mt-6" aria-labelledby="tocheck-title">
        <h2 id="tocheck-title" className="mb-2 font-semibold">
          {t("ledger.toCheck")}
        </h2>
        <p className="hint mb-2">{t("ledger.toCheckHint")}</p>
        {data.toCheck.length ? (
          <ul className="space-y-2" data-testid="to-check">
            {data.toCheck.map((n) => (
              <li key={n.id} className="card text-sm">
                <strong>{formatVnd(n.amount)}</strong> · {t(`toCheck.${n.status}`)}
                {n.expectedAmount ? ` (${t("toCheck.expected", { amount: formatVnd(n.expectedAmount) })})` : ""}
                <br />
                <span className="text-stone-600">
                  {formatDateTime(n.receivedAt, i18n.language)} · {n.content}
                </span>
                <Form method="post" className="mt-2">
                  <input type="hidden" name="notificationId" value={n.id} />
                  <button type="submit" name="intent" value="resolve" className="btn-secondary btn-small">
                    {t("toCheck.resolve")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-600">{t("ledger.nothingToCheck")}</p>
        )}
      </section>
    </div>
  );
}
