import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/utils/validation.server";
import { useTranslation } from "react-i18next";
import { useMemo } from "react";
import { SignupSchema } from "~/schemas/auth";
import { Field, FormErrors, Honeypot, describedBy } from "~/components/forms";
import { createUser, IdentifierTakenError } from "~/models/user.server";
import { requireAnonymous } from "~/utils/auth.server";
import { createUserSession } from "~/utils/session.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { isBotSubmission, readForm } from "~/utils/forms.server";
import { clientKey, consume, limiters } from "~/utils/rate-limit.server";
import { getFixedT, getLang } from "~/i18n/server";
import { recordSignupConsent } from "~/models/consent.server";
import { ConsentCheckbox } from "~/components/consent-checkbox";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({ title: getFixedT(request)("auth.signupTitle") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

const HIDDEN = ["password", "confirmPassword"];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: SignupSchema });
  if (isBotSubmission(formData)) {
    return json({ lastResult: submission.reply({ formErrors: ["validation.bot"], hideFields: HIDDEN }) }, { status: 400 });
  }
  if (submission.status !== "success") {
    return json({ lastResult: submission.reply({ hideFields: HIDDEN }) }, { status: 400 });
  }
  const limit = await consume(limiters.signUp, clientKey(request, context));
  if (!limit.ok) {
    const t = getFixedT(request);
    return json(
      {
        lastResult: submission.reply({
          formErrors: [t("auth.tooManyAttempts", { minutes: Math.ceil(limit.retryAfterSeconds / 60) })],
          hideFields: HIDDEN,
        }),
      },
      { status: 429 },
    );
  }
  const { name, identifier, password, redirectTo } = submission.value;
  try {
    const user = await createUser({ name, identifier, password });
    recordSignupConsent(user.id, getLang(request));
    return createUserSession(request, user.id, safeRedirect(redirectTo, "/account"));
  } catch (error) {
    if (error instanceof IdentifierTakenError) {
      return json({ lastResult: submission.reply({ fieldErrors: { identifier: ["auth.identifierTaken"] }, hideFields: HIDDEN }) }, { status: 400 });
    }
    throw error;
  }
}

export default function Signup() {
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
      <h1 className="page-title">{t("auth.signupTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="card" noValidate>
        <FormErrors errors={form.errors} />
        <Honeypot />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field id={fields.name.id} label={t("auth.name")} errors={fields.name.errors}>
          <input
            {...getInputProps(fields.name, { type: "text" })}
            className="input"
            autoComplete="name"
            aria-describedby={describedBy(fields.name.id, false, !!fields.name.errors)}
          />
        </Field>
        <Field id={fields.identifier.id} label={t("auth.identifier")} hint={t("auth.identifierHint")} errors={fields.identifier.errors}>
          <input
            {...getInputProps(fields.identifier, { type: "text" })}
            className="input"
            autoComplete="username"
            aria-describedby={describedBy(fields.identifier.id, true, !!fields.identifier.errors)}
          />
        </Field>
        <Field id={fields.password.id} label={t("auth.password")} hint={t("auth.passwordHint")} errors={fields.password.errors}>
          <input
            {...getInputProps(fields.password, { type: "password" })}
            key={`password-${attempt}`}
            className="input"
            autoComplete="new-password"
            aria-describedby={describedBy(fields.password.id, true, !!fields.password.errors)}
          />
        </Field>
        <Field id={fields.confirmPassword.id} label={t("auth.confirmPassword")} errors={fields.confirmPassword.errors}>
          <input
            {...getInputProps(fields.confirmPassword, { type: "password" })}
            key={`confirm-${attempt}`}
            className="input"
            autoComplete="new-password"
            aria-describedby={describedBy(fields.confirmPassword.id, false, !!fields.confirmPassword.errors)}
          />
        </Field>
        <ConsentCheckbox
          id={fields.privacyConsent.id}
          name={fields.privacyConsent.name}
          errors={fields.privacyConsent.errors}
          hint="signupHint"
          defaultChecked={fields.privacyConsent.initialValue === "yes"}
        />
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("auth.signupButton")}
        </button>
      </Form>
      <p className="mt-4 text-center">
        {t("auth.haveAccount")} <Link to="/login">{t("nav.login")}</Link>
      </p>
    </div>
  );
}
