import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { COMPLAINT_STATUS_OPTIONS as COMPLAINT_STATUSES } from "~/utils/complaint-options";
import { ComplaintReplySchema, parseWithZod } from "~/schemas/account.server";
import { getComplaint, replyToComplaint } from "~/models/complaint.server";
import { Field, FormErrors, describedBy } from "~/components/forms";
import { requireRole } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { formatDateTime } from "~/utils/format";
import { formatVietnamPhone } from "~/utils/phone";

function complaintId(params: { id?: string }) {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Not Found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const found = getComplaint(complaintId(params));
  if (!found) throw new Response("Not Found", { status: 404 });
  const { complaint: c, producerName, producerSlug, replies } = found;
  return json({
    title: `${getFixedT(request, "legal")("admin.title")} ${c.code}`,
    complaint: {
      id: c.id,
      code: c.code,
      subject: c.subject,
      subjectRef: c.subjectRef,
      name: c.name,
      contact: c.phone ? formatVietnamPhone(c.phone) : c.email,
      body: c.body,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
    },
    producer: producerName ? { name: producerName, slug: producerSlug } : null,
    replies: replies.map((r) => ({ id: r.id, body: r.body, statusAfter: r.statusAfter, createdAt: r.createdAt.toISOString() })),
    sent: new URL(request.url).searchParams.has("sent"),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const id = complaintId(params);
  const formData = await readForm(request);
  formData.set("complaintId", String(id));
  const submission = parseWithZod(formData, { schema: ComplaintReplySchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply() }, { status: 400 });
  if (!replyToComplaint(admin.id, id, submission.value)) throw new Response("Not Found", { status: 404 });
  return redirect(`/admin/complaints/${id}?sent=1`);
}

export default function ComplaintDetail() {
  const { t, i18n } = useTranslation("legal");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const c = data.complaint;
  const [form, fields] = useForm<{ body: string; status: string }>({
    id: "reply",
    lastResult: actionData?.lastResult,
    defaultValue: { status: c.status === "open" ? "in_progress" : c.status },
  });
  const refLink =
    c.subject === "order" && c.subjectRef
      ? `/orders/${c.subjectRef}`
      : c.subject === "product" && c.subjectRef
        ? `/products/${c.subjectRef}`
        : c.subject === "trace" && c.subjectRef
          ? `/t/${c.subjectRef}`
          : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p>
        <Link to="/admin/complaints">{t("admin.back")}</Link>
      </p>
      <h1 className="page-title">{data.title}</h1>
      {data.sent ? (
        <p className="rounded-lg border border-green-300 bg-green-50 p-3 text-green-900" role="status">
          {t("admin.sent")}
        </p>
      ) : null}
      <section className="card space-y-1" data-testid="complaint">
        <p>
          <span className="badge bg-stone-100">{t(`admin.statuses.${c.status}`)}</span> {formatDateTime(c.createdAt, i18n.language)}
        </p>
        <p>
          {t(`complaints.subjects.${c.subject}`)}
          {c.subjectRef ? (
            refLink ? (
              <>
                {" "}
                · <Link to={refLink}>{c.subjectRef}</Link>
              </>
            ) : (
              ` · ${c.subjectRef}`
            )
          ) : (
            ""
          )}
        </p>
        {data.producer ? (
          <p>
            {t("admin.seller")}: <Link to={`/producers/${data.producer.slug}`}>{data.producer.name}</Link>
          </p>
        ) : null}
        <p>
          {t("admin.from")}: {c.name} · {c.contact ? t("admin.contactHidden", { contact: c.contact }) : t("admin.noContact")}
        </p>
        <p className="whitespace-pre-line border-t border-stone-200 pt-2">{c.body}</p>
      </section>
      {data.replies.length ? (
        <ol className="space-y-2" data-testid="complaint-replies">
          {data.replies.map((r) => (
            <li key={r.id} className="card">
              <p className="text-sm text-stone-600">
                {formatDateTime(r.createdAt, i18n.language)} · {t(`admin.statuses.${r.statusAfter}`)}
              </p>
              <p className="whitespace-pre-line">{r.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card" noValidate>
        <h2 className="mb-2 text-lg font-bold">{t("admin.reply")}</h2>
        <FormErrors errors={form.errors} />
        <Field id={fields.body.id} label={t("admin.reply")} hint={t("admin.replyHint")} errors={fields.body.errors}>
          <textarea
            {...getTextareaProps(fields.body)}
            className="input min-h-[120px]"
            rows={4}
            aria-describedby={describedBy(fields.body.id, true, !!fields.body.errors)}
          />
        </Field>
        <Field id={fields.status.id} label={t("admin.newStatus")} errors={fields.status.errors}>
          <select {...getSelectProps(fields.status)} className="input">
            {COMPLAINT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.statuses.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("admin.send")}
        </button>
      </Form>
    </div>
  );
}
