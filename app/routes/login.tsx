import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/utils/validation.server";
import { useTranslation } from "react-i18next";
import { useMemo } from "react";
import { LoginSchema } from "~/schemas/auth";
import { Field, FormErrors, Honeypot, describedBy } from "~/components/forms";
import { verifyLogin } from "~/models/user.server";
import { homeFor, requireAnonymous } from "~/utils/auth.server";
import { createUserSession } from "~/utils/session.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { isBotSubmission, readForm } from "~/utils/forms.server";
import { clientKey, consume, isLimited, limiters } from "~/utils/rate-limit.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({ title: getFixedT(request)("auth.loginTitle") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (isBotSubmission(formData)) {
    return json({ lastResult: submission.reply({ formErrors: ["validation.bot"], hideFields: ["password"] }) }, { status: 400 });
  }
  if (submission.status !== "success") {
    return json({ lastResult: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { identifier, password, redirectTo } = submission.value;
  const limitKey = `${clientKey(request, context)}:${identifier.trim().toLowerCase()}`;
  const limited = await isLimited(limiters.signInFailures, limitKey);
  if (!limited.ok) {
    const t = getFixedT(request);
    return json(
      {
        lastResult: submission.reply({
          formErrors: [t("auth.tooManyAttempts", { minutes: Math.ceil(limited.retryAfterSeconds / 60) })],
          hideFields: ["password"],
        }),
      },
      { status: 429 },
    );
  }
  const user = await verifyLogin(identifier, password);
  if (!user) {
    await consume(limiters.signInFailures, limitKey);
    return json({ lastResult: submission.reply({ formErrors: ["auth.wrongCredentials"], hideFields: ["password"] }) }, { status: 400 });
  }
  await limiters.signInFailures.delete(limitKey);
  return createUserSession(request, user.id, safeRedirect(redirectTo, homeFor(user.role)));
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.lastResult,
    // Validation runs on the server only: zod stays out of the browser bundle (docs/decisions/009).
  });

  // A fresh key per server answer empties the password boxes (the server never echoes them).
  const attempt = useMemo(() => Math.random().toString(36), [actionData]);
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">{t("auth.loginTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="card" noValidate>
        <FormErrors errors={form.errors} />
        <Honeypot />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field id={fields.identifier.id} label={t("auth.identifier")} hint={t("auth.identifierHint")} errors={fields.identifier.errors}>
          <input
            {...getInputProps(fields.identifier, { type: "text" })}
            className="input"
            autoComplete="username"
            inputMode="email"
            aria-describedby={describedBy(fields.identifier.id, true, !!fields.identifier.errors)}
          />
        </Field>
        <Field id={fields.password.id} label={t("auth.password")} errors={fields.password.errors}>
          <input
            {...getInputProps(fields.password, { type: "password" })}
            key={`password-${attempt}`}
            className="input"
            autoComplete="current-password"
            aria-describedby={describedBy(fields.password.id, false, !!fields.password.errors)}
          />
        </Field>
        <p className="-mt-2 mb-4 text-right">
          <Link to="/forgot-password">{t("account:forgot.link")}</Link>
        </p>
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("auth.loginButton")}
        </button>
      </Form>
      <p className="mt-4 text-center">
        {t("auth.noAccount")} <Link to={redirectTo ? `/signup?redirectTo=${encodeURIComponent(redirectTo)}` : "/signup"}>{t("nav.signup")}</Link>
      </p>
    </div>
  );
}
