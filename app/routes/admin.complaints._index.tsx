import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COMPLAINT_STATUS_OPTIONS as COMPLAINT_STATUSES, type ComplaintStatusOption as ComplaintStatus } from "~/utils/complaint-options";
import { listComplaints } from "~/models/complaint.server";
import { requireRole } from "~/utils/auth.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { formatDateTime } from "~/utils/format";

/** The complaints queue (docs/decisions/073): oldest unanswered first. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const raw = new URL(request.url).searchParams.get("status") ?? "open";
  const status: ComplaintStatus | "all" = raw === "all" || (COMPLAINT_STATUSES as readonly string[]).includes(raw) ? (raw as ComplaintStatus | "all") : "open";
  return json({
    title: getFixedT(request, "legal")("admin.title"),
    status,
    complaints: listComplaints(status).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export default function ComplaintsQueue() {
  const { t, i18n } = useTranslation("legal");
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{data.title}</h1>
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="label" htmlFor="status">
          {t("admin.filter")}
        </label>
        <select id="status" name="status" className="input w-auto" defaultValue={data.status}>
          {COMPLAINT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`admin.statuses.${s}`)}
            </option>
          ))}
          <option value="all">{t("admin.all")}</option>
        </select>
        <button type="submit" className="btn-secondary">
          {t("admin.filter")}
        </button>
      </Form>
      {data.complaints.length === 0 ? <p>{t("admin.empty")}</p> : null}
      <ul className="space-y-2" data-testid="complaints-queue">
        {data.complaints.map((c) => (
          <li key={c.id} className="card">
            <p className="flex flex-wrap items-center gap-2">
              <Link to={`/admin/complaints/${c.id}`} className="font-bold">
                {c.code}
              </Link>
              <span className="badge bg-stone-100">{t(`admin.statuses.${c.status}`)}</span>
              <span className="text-sm text-stone-600">{formatDateTime(c.createdAt, i18n.language)}</span>
            </p>
            <p>
              {t(`complaints.subjects.${c.subject}`)}
              {c.subjectRef ? ` · ${c.subjectRef}` : ""}
              {c.producerName ? ` · ${t("admin.seller")}: ${c.producerName}` : ""}
            </p>
            <p className="text-sm text-stone-700">
              {t("admin.from")}: {c.name} · {t("admin.replies")}: {c.replies}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
