import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listOutbox, notificationAdapters } from "~/models/outbox.server";
import { env } from "~/utils/env.server";
import { requireRole } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";

/** Development: the notification outbox (nothing is sent without a configured adapter). Admin-only in production. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (env().LIVE) await requireRole(request, "admin");
  return json({
    title: getFixedT(request, "orders")("outbox.title"),
    adapters: notificationAdapters().map((a) => a.name),
    messages: listOutbox().map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export default function Outbox() {
  const { t, i18n } = useTranslation("orders");
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{t("outbox.title")}</h1>
      <p className="mb-4">{data.adapters.length ? t("outbox.adapters", { list: data.adapters.join(", ") }) : t("outbox.noAdapters")}</p>
      <table className="w-full text-left text-sm" data-testid="outbox">
        <thead>
          <tr>
            <th>#</th>
            <th>{t("outbox.when")}</th>
            <th>{t("outbox.to")}</th>
            <th>{t("outbox.template")}</th>
            <th>{t("outbox.status")}</th>
          </tr>
        </thead>
        <tbody>
          {data.messages.map((m) => (
            <tr key={m.id} className="border-t border-stone-200 align-top">
              <td>{m.id}</td>
              <td>{formatDateTime(m.createdAt, i18n.language)}</td>
              <td>
                {m.recipientKind} {m.recipientPhone ?? m.recipientEmail ?? ""}
              </td>
              <td>
                <code>{m.template}</code> <code className="text-xs text-stone-600">{JSON.stringify(m.payload)}</code>
              </td>
              <td>{m.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
