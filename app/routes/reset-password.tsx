import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { useMemo } from "react";
import { ResetWithLinkSchema, parseWithZod } from "~/schemas/account.server";
import { FormErrors } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { resetLinkIsValid, resetPassword } from "~/models/account.server";
import { createUserSession } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { clientKey, consume, isLimited, limiters } from "~/utils/rate-limit.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";

/** The e-mailed reset link: /reset-password?token=<id>.<secret> (docs/decisions/070). */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  if (!token) throw redirect("/forgot-password");
  return json(
    { title: getFixedT(request, "account")("reset.title"), token, valid: resetLinkIsValid(token) },
    // The token is in the URL: never cache, never leak it through the Referer.
    { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

const HIDDEN = ["password", "confirmPassword"];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: ResetWithLinkSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply({ hideFields: HIDDEN }) }, { status: 400 });
  const client = clientKey(request, context);
  const limited = await isLimited(limiters.codeFailures, client);
  if (!limited.ok) {
    const message = getFixedT(request, "account")("errors.tooMany", { minutes: Math.ceil(limited.retryAfterSeconds / 60) });
    return json({ lastResult: submission.reply({ formErrors: [message], hideFields: HIDDEN }) }, { status: 429 });
  }
  const outcome = await resetPassword({ token: submission.value.token, password: submission.value.password });
  if (!outcome.ok) {
    await consume(limiters.codeFailures, client);
    return json({ lastResult: submission.reply({ formErrors: ["account:errors.linkInvalid"], hideFields: HIDDEN }) }, { status: 400 });
  }
  // The account page says it worked and links on to the role's home.
  return createUserSession(request, outcome.user.id, "/account?reset=1");
}

export default function ResetPassword() {
  const { t } = useTranslation("account");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<{ token: string; password: string; confirmPassword: string }>({ id: "reset-link", lastResult: actionData?.lastResult });
  const attempt = useMemo(() => Math.random().toString(36), [actionData]);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">{t("reset.title")}</h1>
      {data.valid ? (
        <Form method="post" {...getFormProps(form)} className="card" noValidate>
          <FormErrors errors={form.errors} />
          <input type="hidden" name="token" value={data.token} />
          <NewPasswordFields passwordId={fields.password.id} confirmId={fields.confirmPassword.id} fields={fields} attempt={attempt} />
          <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
            {t("reset.submit")}
          </button>
        </Form>
      ) : (
        <div className="card space-y-3" role="alert">
          <p>{t("reset.linkExpired")}</p>
          <p>
            <Link to="/forgot-password">{t("reset.requestNew")}</Link>
          </p>
        </div>
      )}
    </div>
  );
}
