import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StallReviewSchema } from "~/schemas/market";
import { listPendingStalls, reviewStall } from "~/models/market/stall.server";
import { marketsVisibleTo } from "~/models/market/overview.server";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { findBank } from "~/data/banks";
import type { User } from "#db/schema";

/** Admin, or a user who manages at least one market. */
async function requireMarketStaff(request: Request): Promise<User> {
  const user = await requireUser(request);
  if (user.role !== "admin" && marketsVisibleTo(user).length === 0) throw new Response("Forbidden", { status: 403 });
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireMarketStaff(request);
  return json(
    {
      title: getFixedT(request, "market")("review.title"),
      pending: listPendingStalls(user).map(({ stall, market, trader, producerName }) => ({
        producer: producerName,
        id: stall.id,
        name: stall.name,
        number: stall.stallNumber,
        goods: stall.goods,
        market: market.name,
        bank: findBank(stall.bankBin)?.shortName ?? stall.bankBin,
        account: stall.accountNumber,
        holder: stall.accountHolder,
        trader: trader.name,
        traderEmail: trader.email,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireMarketStaff(request);
  const parsed = StallReviewSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json({ done: null, error: "unknown intent" }, { status: 400 });
  const row = reviewStall(user, parsed.data.stallId, parsed.data.intent === "approve" ? "approved" : "rejected");
  if (!row) return json({ done: null, error: "market:review.alreadyReviewed" }, { status: 409 });
  return json({ done: { name: row.name, status: row.status }, error: null });
}

export default function ReviewStalls() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("market");
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="page-title">{t("review.title")}</h1>
      {actionData?.done ? (
        <p className="mb-4 rounded-lg bg-green-50 p-3 text-green-900" role="status">
          {t(`review.done.${actionData.done.status}`, { name: actionData.done.name })}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="mb-4 rounded-lg bg-red-50 p-3 text-red-900" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
      {data.pending.length === 0 ? <p>{t("review.none")}</p> : null}
      <ul className="space-y-3">
        {data.pending.map((s) => (
          <li key={s.id} className="card" data-testid="pending-stall">
            <p className="font-semibold">
              {s.name} · {s.number} · {s.market}
            </p>
            <p className="text-sm">{s.goods}</p>
            {s.producer ? (
              <p className="text-sm font-semibold">
                {t("stall.linkProducer")}: {s.producer}
              </p>
            ) : null}
            <p className="text-sm text-stone-700">
              {s.trader} ({s.traderEmail}) · {s.bank} {s.account} · {s.holder}
            </p>
            <Form method="post" className="mt-2 flex gap-2">
              <input type="hidden" name="stallId" value={s.id} />
              <button type="submit" name="intent" value="approve" className="btn-primary btn-small">
                {t("review.approve")}
              </button>
              <button type="submit" name="intent" value="reject" className="btn-danger btn-small">
                {t("review.reject")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
