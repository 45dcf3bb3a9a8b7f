import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { useMemo } from "react";
import { ForgotPasswordSchema, ResetWithCodeSchema, parseWithZod } from "~/schemas/account.server";
import { parseIdentifier } from "~/schemas/auth";
import { Field, FormErrors, Honeypot, describedBy } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { CODE_TTL_MINUTES, LINK_TTL_MINUTES, displayContact, requestPasswordReset, resetPassword } from "~/models/account.server";
import { requireAnonymous } from "~/utils/auth.server";
import { createUserSession } from "~/utils/session.server";
import { isBotSubmission, readForm } from "~/utils/forms.server";
import { clientKey, consume, isLimited, limiters } from "~/utils/rate-limit.server";
import { getFixedT, getLang } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";

/**
 * Forgot password (docs/decisions/070). Step 1 asks for the phone or e-mail; the answer is the same
 * whether or not an account exists. Phone: step 2 (this route, intent=reset) takes the code and the
 * new password. E-mail: the link leads to /reset-password.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({ title: getFixedT(request, "account")("forgot.title") }, { headers: { "Cache-Control": "no-store" } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

const HIDDEN = ["password", "confirmPassword", "code"];

type Step = { step: "request" | "code" | "link"; contact?: string; identifier?: string; minutes?: number; lastResult?: SubmissionResult<string[]> };

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = formData.get("intent") ?? "request";
  const client = clientKey(request, context);
  const tooMany = (seconds: number, step: Step["step"], extra: Partial<Step> = {}, base?: { reply: (o: object) => SubmissionResult<string[]> }) => {
    const message = getFixedT(request, "account")("forgot.tooMany", { minutes: Math.ceil(seconds / 60) });
    const lastResult = base ? base.reply({ formErrors: [message], hideFields: HIDDEN }) : { status: "error" as const, error: { "": [message] } };
    return json<Step>({ step, ...extra, lastResult }, { status: 429 });
  };

  if (intent === "request") {
    const submission = parseWithZod(formData, { schema: ForgotPasswordSchema });
    if (isBotSubmission(formData)) return json<Step>({ step: "request", lastResult: submission.reply({ formErrors: ["validation.bot"] }) }, { status: 400 });
    if (submission.status !== "success") return json<Step>({ step: "request", lastResult: submission.reply() }, { status: 400 });
    const identifier = parseIdentifier(submission.value.identifier)!;
    const perClient = await consume(limiters.resetPerClient, client);
    if (!perClient.ok) return tooMany(perClient.retryAfterSeconds, "request", {}, submission);
    const perIdentifier = await consume(limiters.resetPerIdentifier, identifier.value);
    if (!perIdentifier.ok) return tooMany(perIdentifier.retryAfterSeconds, "request", {}, submission);
    const { channel } = requestPasswordReset(identifier, getLang(request));
    return json<Step>({
      step: channel,
      contact: displayContact(identifier),
      identifier: identifier.value,
      minutes: channel === "code" ? CODE_TTL_MINUTES : LINK_TTL_MINUTES,
    });
  }

  if (intent === "reset") {
    const submission = parseWithZod(formData, { schema: ResetWithCodeSchema });
    const rawIdentifier = String(formData.get("identifier") ?? "");
    const identifier = parseIdentifier(rawIdentifier);
    const keep: Partial<Step> = identifier ? { identifier: identifier.value, contact: displayContact(identifier), minutes: CODE_TTL_MINUTES } : {};
    if (!identifier)
      return json<Step>({ step: "request", lastResult: { status: "error", error: { identifier: ["validation.identifierInvalid"] } } }, { status: 400 });
    if (submission.status !== "success") return json<Step>({ step: "code", ...keep, lastResult: submission.reply({ hideFields: HIDDEN }) }, { status: 400 });
    const limited = await isLimited(limiters.codeFailures, client);
    if (!limited.ok) return tooMany(limited.retryAfterSeconds, "code", keep, submission);
    const outcome = await resetPassword({ identifier, code: submission.value.code, password: submission.value.password });
    if (!outcome.ok) {
      await consume(limiters.codeFailures, client);
      return json<Step>(
        { step: "code", ...keep, lastResult: submission.reply({ fieldErrors: { code: ["account:errors.codeInvalid"] }, hideFields: HIDDEN }) },
        { status: 400 },
      );
    }
    // The account page says it worked and links on to the role's home.
    return createUserSession(request, outcome.user.id, "/account?reset=1");
  }

  return json<Step>({ step: "request", lastResult: { status: "error", error: { "": ["account:errors.unknownIntent"] } } }, { status: 400 });
}

export default function ForgotPassword() {
  const { t } = useTranslation("account");
  const data = useActionData<typeof action>() as Step | undefined;
  const step = data?.step ?? "request";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">{step === "code" ? t("reset.title") : t("forgot.title")}</h1>
      {step === "request" ? <RequestForm lastResult={data?.lastResult} /> : null}
      {step === "link" ? (
        <div className="card space-y-3" role="status" data-testid="reset-sent">
          <p>{t("forgot.sentLink", { contact: data?.contact, minutes: data?.minutes })}</p>
          <p>
            <Link to="/forgot-password" reloadDocument>
              {t("forgot.tryAgain")}
            </Link>
          </p>
        </div>
      ) : null}
      {step === "code" ? <CodeForm data={data!} /> : null}
    </div>
  );
}

function RequestForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("account");
  const { t: tc } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({ id: "forgot", lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="card" noValidate>
      <p className="mb-4 text-stone-700">{t("forgot.intro")}</p>
      <FormErrors errors={form.errors} />
      <Honeypot />
      <input type="hidden" name="intent" value="request" />
      <Field id={fields.identifier.id} label={tc("auth.identifier")} hint={tc("auth.identifierHint")} errors={fields.identifier.errors}>
        <input
          {...getInputProps(fields.identifier, { type: "text" })}
          className="input"
          autoComplete="username"
          aria-describedby={describedBy(fields.identifier.id, true, !!fields.identifier.errors)}
        />
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
        {t("forgot.submit")}
      </button>
      <p className="mt-4 text-center">
        <Link to="/login">{tc("auth.loginTitle")}</Link>
      </p>
    </Form>
  );
}

function CodeForm({ data }: { data: Step }) {
  const { t } = useTranslation("account");
  const navigation = useNavigation();
  const [form, fields] = useForm<{ code: string; password: string; confirmPassword: string }>({ id: "reset-code", lastResult: data.lastResult });
  // A fresh key per server answer empties the password boxes (the server never echoes them).
  const attempt = useMemo(() => Math.random().toString(36), [data]);
  return (
    <Form method="post" {...getFormProps(form)} className="card" noValidate>
      <p className="mb-4 text-stone-700" role="status" data-testid="reset-sent">
        {t("forgot.sentCode", { contact: data.contact, minutes: data.minutes })}
      </p>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="reset" />
      <input type="hidden" name="identifier" value={data.identifier ?? ""} />
      <Field id={fields.code.id} label={t("reset.code")} hint={t("reset.codeHint")} errors={fields.code.errors}>
        <input
          {...getInputProps(fields.code, { type: "text" })}
          key={`code-${attempt}`}
          className="input"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          aria-describedby={describedBy(fields.code.id, true, !!fields.code.errors)}
        />
      </Field>
      <NewPasswordFields passwordId={fields.password.id} confirmId={fields.confirmPassword.id} fields={fields} attempt={attempt} />
      <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
        {t("reset.submit")}
      </button>
      <p className="mt-4 text-center">
        <Link to="/forgot-password" reloadDocument>
          {t("forgot.tryAgain")}
        </Link>
      </p>
    </Form>
  );
}
