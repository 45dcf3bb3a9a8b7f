import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseWithZod, RejectProducerSchema, VerifyProducerSchema } from "~/schemas/storefront.server";
import type { ProducerStatus } from "#db/schema";
import { PRODUCER_STATUS_OPTIONS as PRODUCER_STATUSES } from "~/utils/domain";
import { listProducersForReview, rejectProducer, verifyProducer } from "~/models/producer.server";
import { requireRole } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { formatDateTime } from "~/utils/format";
import { formatVietnamPhone } from "~/utils/phone";
import { imageUrl } from "~/utils/images";
import { useErrorText } from "~/components/forms";

function statusOf(url: string): ProducerStatus {
  const s = new URL(url).searchParams.get("status");
  return (PRODUCER_STATUSES as readonly string[]).includes(s ?? "") ? (s as ProducerStatus) : "pending";
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const status = statusOf(request.url);
  return json({ title: getFixedT(request, "admin")("queue.title"), status, producers: listProducersForReview(status) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const back = redirect(`/admin/producers?status=${statusOf(request.url)}`);
  switch (intent) {
    case "verify": {
      const submission = parseWithZod(formData, { schema: VerifyProducerSchema });
      if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
      if (!verifyProducer(admin.id, submission.value.producerId)) throw new Response("Not Found", { status: 404 });
      return back;
    }
    case "reject": {
      const submission = parseWithZod(formData, { schema: RejectProducerSchema });
      if (submission.status !== "success") {
        return json({ producerId: formData.get("producerId"), lastResult: submission.reply() }, { status: 400 });
      }
      if (!rejectProducer(admin.id, submission.value.producerId, submission.value.reason)) throw new Response("Not Found", { status: 404 });
      return back;
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function VerificationQueue() {
  const { t, i18n } = useTranslation("admin");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errorText = useErrorText();
  const status = params.get("status") ?? "pending";
  return (
    <div className="space-y-4">
      <p>
        <Link to="/admin">← {t("back")}</Link>
      </p>
      <h1 className="page-title">{data.title}</h1>
      <nav className="flex flex-wrap gap-2" aria-label={t("queue.filter")}>
        {PRODUCER_STATUSES.map((s) => (
          <Link
            key={s}
            to={`/admin/producers?status=${s}`}
            className={s === status ? "btn-primary btn-small" : "btn-secondary btn-small"}
            aria-current={s === status ? "page" : undefined}
          >
            {t(`queue.status.${s}`)}
          </Link>
        ))}
      </nav>
      {data.producers.length === 0 ? <p className="text-stone-700">{t("queue.empty")}</p> : null}
      <ul className="space-y-4">
        {data.producers.map((p) => {
          const rejectError =
            actionData && String(actionData.producerId) === String(p.id)
              ? errorText((actionData.lastResult.error as Record<string, string[]>)?.reason)
              : undefined;
          return (
            <li key={p.id} className="card space-y-2" data-testid="queue-item" data-producer={p.slug}>
              <div className="flex flex-wrap items-start gap-3">
                {p.photoImageId ? (
                  <img
                    src={imageUrl(p.photoImageId, Math.min(320, p.photoWidth ?? 320))}
                    alt=""
                    width={120}
                    height={90}
                    className="h-[90px] w-[120px] rounded object-cover"
                  />
                ) : null}
                <div>
                  <h2 className="text-lg font-bold">{p.name}</h2>
                  <p className="text-sm text-stone-700">
                    {t(`producer:kinds.${p.kind}`)} · {p.communeName} · {p.area}
                  </p>
                  <p className="text-sm">
                    {p.address} · {formatVietnamPhone(p.phone)}
                  </p>
                  <p className="text-sm text-stone-600">
                    {t("queue.owner")}: {p.ownerName} ({p.ownerEmail ?? (p.ownerPhone ? formatVietnamPhone(p.ownerPhone) : "")}) · {t("queue.taxCode")}:{" "}
                    {p.taxCode ?? "—"} · GS1: {p.gs1CompanyPrefix ?? "—"} · {formatDateTime(p.createdAt, i18n.language)}
                  </p>
                </div>
              </div>
              {p.story ? <p className="whitespace-pre-line text-stone-800">{p.story}</p> : null}
              {p.rejectionReason ? <p className="text-red-900">{t("queue.reason", { reason: p.rejectionReason })}</p> : null}
              <div className="flex flex-wrap items-end gap-3">
                {p.status !== "verified" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="verify" />
                    <input type="hidden" name="producerId" value={p.id} />
                    <button type="submit" className="btn-primary">
                      {t("queue.verify", { name: p.name })}
                    </button>
                  </Form>
                ) : null}
                <Form method="post" className="flex flex-1 flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="reject" />
                  <input type="hidden" name="producerId" value={p.id} />
                  <div className="min-w-[240px] flex-1">
                    <label htmlFor={`reason-${p.id}`} className="label">
                      {t("queue.reasonLabel")}
                    </label>
                    <input
                      id={`reason-${p.id}`}
                      name="reason"
                      className="input"
                      aria-invalid={rejectError ? true : undefined}
                      aria-describedby={rejectError ? `reason-${p.id}-error` : undefined}
                    />
                    {rejectError ? (
                      <p id={`reason-${p.id}-error`} className="field-error" role="alert">
                        {rejectError}
                      </p>
                    ) : null}
                  </div>
                  <button type="submit" className="btn-danger">
                    {t("queue.reject", { name: p.name })}
                  </button>
                </Form>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
