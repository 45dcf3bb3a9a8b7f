import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { useMemo } from "react";
import { DeleteAccountSchema, parseWithZod } from "~/schemas/account.server";
import { Field, FormErrors, describedBy } from "~/components/forms";
import { deleteAccount, deletionBlockers } from "~/models/privacy.server";
import { requireUser } from "~/utils/auth.server";
import { destroyUserSession, getSessionUser } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { clientKey, consume, isLimited, limiters } from "~/utils/rate-limit.server";
import { getFixedT, getLang } from "~/i18n/server";
import { currentSection } from "~/legal/documents.server";
import { pageMeta } from "~/utils/meta";

/**
 * Delete my account (docs/decisions/071): what goes and what stays is stated on the page; the
 * password is typed again and a box ticked. Afterwards the browser is signed out and lands on
 * ?done=1, the only thing this page shows to a signed-out visitor.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const title = getFixedT(request, "account")("delete.title");
  if (new URL(request.url).searchParams.get("done") === "1" && !(await getSessionUser(request))) {
    return json({ title, done: true as const });
  }
  const user = await requireUser(request);
  return json(
    {
      title,
      done: false as const,
      blockers: deletionBlockers(user),
      // What goes and what stays: the privacy notice's own section, so the two never disagree.
      rules: currentSection("privacy", "deletion", getLang(request))!,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: DeleteAccountSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const limitKey = `${clientKey(request, context)}:delete:${user.id}`;
  const limited = await isLimited(limiters.signInFailures, limitKey);
  if (!limited.ok) {
    const message = getFixedT(request, "account")("errors.tooMany", { minutes: Math.ceil(limited.retryAfterSeconds / 60) });
    return json({ lastResult: submission.reply({ formErrors: [message], hideFields: ["password"] }) }, { status: 429 });
  }
  const result = await deleteAccount(user, submission.value.password);
  if (!result.ok) {
    if (result.field === "password") await consume(limiters.signInFailures, limitKey);
    const reply = result.field
      ? submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: ["password"] })
      : submission.reply({ formErrors: [result.message], hideFields: ["password"] });
    return json({ lastResult: reply }, { status: result.field ? 400 : 409 });
  }
  return destroyUserSession(request, "/account/delete?done=1");
}

export default function DeleteAccount() {
  const { t } = useTranslation("account");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({ id: "delete", lastResult: actionData?.lastResult });
  const attempt = useMemo(() => Math.random().toString(36), [actionData]);
  if (data.done) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="page-title">{data.title}</h1>
        <p className="card" role="status" data-testid="account-deleted">
          {t("delete.done")}
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="page-title">{data.title}</h1>
      <section className="card space-y-2" data-testid="delete-rules">
        {data.rules.body.map((b, i) =>
          typeof b === "string" ? (
            <p key={i}>{b}</p>
          ) : (
            <ul key={i} className="list-disc space-y-2 pl-5">
              {b.list.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </ul>
          ),
        )}
        <p>
          <Link to="/privacy#deletion">{t("page.privacyLink")}</Link>
        </p>
      </section>
      <p>
        {t("delete.downloadFirst")}{" "}
        <a href="/account/data.zip" download>
          {t("page.download")}
        </a>
      </p>
      {data.blockers.length ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900" role="alert" data-testid="delete-blocked">
          {data.blockers.map((b) => (
            <p key={b}>{t(b.replace(/^account:/, ""))}</p>
          ))}
          <p className="mt-2">
            <Link to="/orders">{t("orders:history.title")}</Link>
          </p>
        </div>
      ) : (
        <Form method="post" {...getFormProps(form)} className="card" noValidate>
          <FormErrors errors={form.errors} />
          <Field id={fields.password.id} label={t("delete.password")} errors={fields.password.errors}>
            <input
              {...getInputProps(fields.password, { type: "password" })}
              key={`password-${attempt}`}
              className="input"
              autoComplete="current-password"
              aria-describedby={describedBy(fields.password.id, false, !!fields.password.errors)}
            />
          </Field>
          <div className="mb-4">
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                name="understood"
                value="yes"
                id={fields.understood.id}
                className="mt-1"
                aria-invalid={fields.understood.errors ? true : undefined}
              />
              <span>{t("delete.understood")}</span>
            </label>
            {fields.understood.errors ? (
              <p className="field-error" role="alert">
                {t(fields.understood.errors[0]!.replace(/^account:/, ""))}
              </p>
            ) : null}
          </div>
          <button type="submit" className="btn-primary w-full bg-red-700 hover:bg-red-800" disabled={navigation.state === "submitting"}>
            {t("delete.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
