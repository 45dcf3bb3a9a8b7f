import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ComplaintSchema, parseWithZod } from "~/schemas/account.server";
import { Field, FormErrors, Honeypot, describedBy } from "~/components/forms";
import { submitComplaint } from "~/models/complaint.server";
import { displayContact } from "~/models/account.server";
import { parseIdentifier } from "~/schemas/auth";
import { getSessionUser } from "~/utils/session.server";
import { isBotSubmission, readForm } from "~/utils/forms.server";
import { clientKey, consume, limiters } from "~/utils/rate-limit.server";
import { getFixedT, getLang } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { formatVietnamPhone } from "~/utils/phone";
import { COMPLAINT_SUBJECT_OPTIONS } from "~/utils/complaint-options";

const SUBJECTS = COMPLAINT_SUBJECT_OPTIONS;
type Subject = (typeof SUBJECTS)[number];

/**
 * /complaints?about=order|product|trace&ref=… (docs/decisions/073): anyone may complain, signed
 * in or not; the form is prefilled from the account and from links on order and trace pages.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const url = new URL(request.url);
  const about = url.searchParams.get("about");
  return json(
    {
      title: getFixedT(request, "legal")("complaints.title"),
      defaults: {
        subject: (SUBJECTS as readonly string[]).includes(about ?? "") ? (about as Subject) : "order",
        subjectRef: (url.searchParams.get("ref") ?? "").slice(0, 300),
        name: user?.name ?? "",
        contact: user?.phone ? formatVietnamPhone(user.phone) : (user?.email ?? ""),
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

type ActionData = { lastResult?: SubmissionResult<string[]>; received?: { code: string; contact: string } };

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: ComplaintSchema });
  if (isBotSubmission(formData)) return json<ActionData>({ lastResult: submission.reply({ formErrors: ["validation.bot"] }) }, { status: 400 });
  if (submission.status !== "success") return json<ActionData>({ lastResult: submission.reply() }, { status: 400 });
  const limit = await consume(limiters.complaint, clientKey(request, context));
  if (!limit.ok) {
    const message = getFixedT(request, "legal")("complaints.tooMany", { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
    return json<ActionData>({ lastResult: submission.reply({ formErrors: [message] }) }, { status: 429 });
  }
  const user = await getSessionUser(request);
  const result = submitComplaint(submission.value, { userId: user?.id ?? null, lang: getLang(request) });
  if (!result.ok) return json<ActionData>({ lastResult: submission.reply({ fieldErrors: { [result.field]: [result.message] } }) }, { status: 400 });
  const contact = parseIdentifier(submission.value.contact)!;
  return json<ActionData>({ received: { code: result.complaint.code, contact: displayContact(contact) } });
}

export default function Complaints() {
  const { t } = useTranslation("legal");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const [form, fields] = useForm<{ subject: string; subjectRef: string; name: string; contact: string; body: string }>({
    id: "complaint",
    lastResult: actionData?.lastResult,
    defaultValue: data.defaults,
  });
  if (actionData?.received) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="page-title">{data.title}</h1>
        <p className="card" role="status" data-testid="complaint-received">
          {t("complaints.received", { code: actionData.received.code, contact: actionData.received.contact })}
        </p>
      </div>
    );
  }
  const subjectErrors = fields.subject.errors;
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="page-title">{data.title}</h1>
      <p className="mb-4 text-stone-700">{t("complaints.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="card" noValidate>
        <FormErrors errors={form.errors} />
        <Honeypot />
        <fieldset className="mb-4" aria-describedby={subjectErrors ? "subject-error" : undefined}>
          <legend className="label">{t("complaints.subject")}</legend>
          {SUBJECTS.map((s) => (
            <label key={s} className="flex items-center gap-2 py-1">
              <input type="radio" name={fields.subject.name} value={s} defaultChecked={fields.subject.initialValue === s} />
              {t(`complaints.subjects.${s}`)}
            </label>
          ))}
          {subjectErrors ? (
            <p id="subject-error" className="field-error" role="alert">
              {t(subjectErrors[0]!.replace(/^legal:/, ""))}
            </p>
          ) : null}
        </fieldset>
        <Field id={fields.subjectRef.id} label={t("complaints.subjectRef")} hint={t("complaints.subjectRefHint")} errors={fields.subjectRef.errors}>
          <input
            {...getInputProps(fields.subjectRef, { type: "text" })}
            className="input"
            autoComplete="off"
            aria-describedby={describedBy(fields.subjectRef.id, true, !!fields.subjectRef.errors)}
          />
        </Field>
        <Field id={fields.name.id} label={t("complaints.name")} errors={fields.name.errors}>
          <input
            {...getInputProps(fields.name, { type: "text" })}
            className="input"
            autoComplete="name"
            aria-describedby={describedBy(fields.name.id, false, !!fields.name.errors)}
          />
        </Field>
        <Field id={fields.contact.id} label={t("complaints.contact")} errors={fields.contact.errors}>
          <input
            {...getInputProps(fields.contact, { type: "text" })}
            className="input"
            autoComplete="tel"
            aria-describedby={describedBy(fields.contact.id, false, !!fields.contact.errors)}
          />
        </Field>
        <Field id={fields.body.id} label={t("complaints.body")} hint={t("complaints.bodyHint")} errors={fields.body.errors}>
          <textarea
            {...getTextareaProps(fields.body)}
            className="input min-h-[140px]"
            rows={5}
            aria-describedby={describedBy(fields.body.id, true, !!fields.body.errors)}
          />
        </Field>
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("complaints.submit")}
        </button>
      </Form>
    </div>
  );
}
