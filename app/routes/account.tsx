import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useOutlet } from "@remix-run/react";
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { useMemo } from "react";
import { ChangePasswordSchema, ContactConfirmSchema, ContactStartSchema, parseWithZod } from "~/schemas/account.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT, getLang } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { RoleHome } from "~/components/role-home";
import { OrderLinks } from "~/components/order-links";
import { Field, FormErrors, describedBy } from "~/components/forms";
import {
  cancelContactChange,
  changePassword,
  confirmContactChange,
  countActiveSessions,
  currentSessionId,
  endOtherSessions,
  pendingContactChange,
  startContactChange,
} from "~/models/account.server";
import { readForm } from "~/utils/forms.server";
import { clientKey, consume, isLimited, limiters } from "~/utils/rate-limit.server";
import { formatVietnamPhone } from "~/utils/phone";

/**
 * /account: profile, contact change (code to the NEW contact), password, other devices, data
 * download and account deletion (docs/decisions/070, 071). Sub-pages (/account/notifications …)
 * render in place of this page through the outlet.
 */
const NOTICES = ["reset", "password", "contact", "codeSent", "signedOut"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const done = new URL(request.url).searchParams;
  const pending = pendingContactChange(user.id);
  return json(
    {
      title: getFixedT(request)("auth.accountTitle"),
      name: user.name,
      role: user.role,
      phone: user.phone ? formatVietnamPhone(user.phone) : null,
      email: user.email,
      sessions: countActiveSessions(user.id),
      pending: pending ? { target: pending.target, expiresAt: pending.expiresAt.toISOString() } : null,
      notice: NOTICES.find((n) => done.has(n)) ?? null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

type ActionData = { form: "password" | "contact" | "code" | "other"; lastResult: SubmissionResult<string[]> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const t = getFixedT(request, "account");
  const tooMany = (form: ActionData["form"], seconds: number) =>
    json<ActionData>({ form, lastResult: { status: "error", error: { "": [t("errors.tooMany", { minutes: Math.ceil(seconds / 60) })] } } }, { status: 429 });

  switch (intent) {
    case "password": {
      const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
      const hide = ["currentPassword", "newPassword", "confirmPassword"];
      if (submission.status !== "success") return json<ActionData>({ form: "password", lastResult: submission.reply({ hideFields: hide }) }, { status: 400 });
      const limitKey = `${clientKey(request, context)}:account:${user.id}`;
      const limited = await isLimited(limiters.signInFailures, limitKey);
      if (!limited.ok) return tooMany("password", limited.retryAfterSeconds);
      const result = await changePassword(user, await currentSessionId(request), submission.value);
      if (!result.ok) {
        await consume(limiters.signInFailures, limitKey);
        return json<ActionData>(
          { form: "password", lastResult: submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: hide }) },
          { status: 400 },
        );
      }
      return redirect("/account?password=1");
    }
    case "contact-start": {
      const submission = parseWithZod(formData, { schema: ContactStartSchema });
      if (submission.status !== "success")
        return json<ActionData>({ form: "contact", lastResult: submission.reply({ hideFields: ["currentPassword"] }) }, { status: 400 });
      const limited = await isLimited(limiters.contactChange, String(user.id));
      if (!limited.ok) return tooMany("contact", limited.retryAfterSeconds);
      const result = await startContactChange(user, submission.value, getLang(request));
      if (!result.ok) {
        return json<ActionData>(
          { form: "contact", lastResult: submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: ["currentPassword"] }) },
          { status: 400 },
        );
      }
      await consume(limiters.contactChange, String(user.id));
      return redirect("/account?codeSent=1");
    }
    case "contact-confirm": {
      const submission = parseWithZod(formData, { schema: ContactConfirmSchema });
      if (submission.status !== "success") return json<ActionData>({ form: "code", lastResult: submission.reply({ hideFields: ["code"] }) }, { status: 400 });
      const client = clientKey(request, context);
      const limited = await isLimited(limiters.codeFailures, client);
      if (!limited.ok) return tooMany("code", limited.retryAfterSeconds);
      const result = confirmContactChange(user, submission.value.code);
      if (!result.ok) {
        await consume(limiters.codeFailures, client);
        return json<ActionData>(
          { form: "code", lastResult: submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: ["code"] }) },
          { status: 400 },
        );
      }
      return redirect("/account?contact=1");
    }
    case "contact-cancel":
      cancelContactChange(user.id);
      return redirect("/account");
    case "signout-others":
      endOtherSessions(user.id, await currentSessionId(request));
      return redirect("/account?signedOut=1");
    default:
      return json<ActionData>({ form: "other", lastResult: { status: "error", error: { "": ["account:errors.unknownIntent"] } } }, { status: 400 });
  }
}

export default function AccountPage() {
  const outlet = useOutlet();
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  // Sub-pages (e.g. /account/notifications) take the whole page.
  if (outlet) return outlet;
  const noticeText = {
    reset: t("reset.done"),
    password: t("page.passwordChanged"),
    contact: t("page.contactChanged"),
    codeSent: null,
    signedOut: t("page.signedOutOthers"),
  } as const;
  const notice = data.notice ? noticeText[data.notice] : null;
  return (
    <RoleHome title={data.title} name={data.name} role={data.role} accountLink={false}>
      <div className="space-y-6">
        {notice ? (
          <p className="rounded-lg border border-green-300 bg-green-50 p-3 text-green-900" role="status" data-testid="account-notice">
            {notice}
          </p>
        ) : null}
        {actionData?.form === "other" ? <FormErrors errors={actionData.lastResult.error?.[""] ?? null} /> : null}
        <OrderLinks role={data.role} />

        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title" className="mb-3 text-lg font-bold">
            {t("page.profile")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t("page.name")}</dt>
            <dd>{data.name}</dd>
            <dt className="font-semibold">{t("page.phone")}</dt>
            <dd data-testid="account-phone">{data.phone ?? t("page.none")}</dd>
            <dt className="font-semibold">{t("page.email")}</dt>
            <dd data-testid="account-email">{data.email ?? t("page.none")}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="contact-title">
          <h2 id="contact-title" className="mb-3 text-lg font-bold">
            {t("page.contactTitle")}
          </h2>
          {data.pending ? (
            <ContactCodeForm target={data.pending.target} lastResult={actionData?.form === "code" ? actionData.lastResult : undefined} />
          ) : (
            <ContactStartForm lastResult={actionData?.form === "contact" ? actionData.lastResult : undefined} />
          )}
        </section>

        <PasswordForm lastResult={actionData?.form === "password" ? actionData.lastResult : undefined} />

        <section className="card" aria-labelledby="sessions-title">
          <h2 id="sessions-title" className="mb-3 text-lg font-bold">
            {t("page.sessionsTitle")}
          </h2>
          <p className="mb-3" data-testid="session-count">
            {t("page.sessionsCount", { count: data.sessions })}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="signout-others" />
            <button type="submit" className="btn-secondary">
              {t("page.signOutOthers")}
            </button>
          </Form>
        </section>

        <section className="card" aria-labelledby="notifications-title">
          <h2 id="notifications-title" className="mb-3 text-lg font-bold">
            {t("page.notificationsTitle")}
          </h2>
          <Link to="/account/notifications">{t("page.notificationsLink")}</Link>
        </section>

        <section className="card" aria-labelledby="data-title">
          <h2 id="data-title" className="mb-3 text-lg font-bold">
            {t("page.dataTitle")}
          </h2>
          <p className="mb-3">{t("page.dataIntro")}</p>
          <p className="flex flex-wrap gap-3">
            <a href="/account/data.zip" className="btn-secondary" download data-testid="download-data">
              {t("page.download")}
            </a>
            <Link to="/privacy" className="self-center">
              {t("page.privacyLink")}
            </Link>
          </p>
        </section>

        <section className="card border-red-200" aria-labelledby="delete-title">
          <h2 id="delete-title" className="mb-3 text-lg font-bold">
            {t("page.deleteTitle")}
          </h2>
          <p className="mb-3">{t("page.deleteIntro")}</p>
          <Link to="/account/delete" className="btn-secondary">
            {t("page.deleteLink")}
          </Link>
        </section>
      </div>
    </RoleHome>
  );
}

function ContactStartForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("account");
  const { t: tc } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({ id: "contact", lastResult });
  const attempt = useMemo(() => Math.random().toString(36), [lastResult]);
  return (
    <Form method="post" {...getFormProps(form)} noValidate>
      <p className="mb-3 text-stone-700">{t("page.contactIntro")}</p>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="contact-start" />
      <Field id={fields.newContact.id} label={t("page.newContact")} hint={tc("auth.identifierHint")} errors={fields.newContact.errors}>
        <input
          {...getInputProps(fields.newContact, { type: "text" })}
          className="input"
          autoComplete="off"
          aria-describedby={describedBy(fields.newContact.id, true, !!fields.newContact.errors)}
        />
      </Field>
      <Field id={fields.currentPassword.id} label={t("page.currentPassword")} errors={fields.currentPassword.errors}>
        <input
          {...getInputProps(fields.currentPassword, { type: "password" })}
          key={`cp-${attempt}`}
          className="input"
          autoComplete="current-password"
          aria-describedby={describedBy(fields.currentPassword.id, false, !!fields.currentPassword.errors)}
        />
      </Field>
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        {t("page.sendCode")}
      </button>
    </Form>
  );
}

function ContactCodeForm({ target, lastResult }: { target: string; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("account");
  const navigation = useNavigation();
  const [form, fields] = useForm({ id: "contact-code", lastResult });
  return (
    <div>
      <p className="mb-3" role="status" data-testid="contact-code-sent">
        {t("page.codeSent", { contact: target })}
      </p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="contact-confirm" />
        <Field id={fields.code.id} label={t("page.code")} errors={fields.code.errors}>
          <input
            {...getInputProps(fields.code, { type: "text" })}
            className="input"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            aria-describedby={describedBy(fields.code.id, false, !!fields.code.errors)}
          />
        </Field>
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("page.confirmCode")}
        </button>
      </Form>
      <Form method="post" className="mt-2">
        <input type="hidden" name="intent" value="contact-cancel" />
        <button type="submit" className="btn-secondary btn-small">
          {t("page.cancel")}
        </button>
      </Form>
    </div>
  );
}

function PasswordForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("account");
  const { t: tc } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({ id: "password", lastResult });
  const attempt = useMemo(() => Math.random().toString(36), [lastResult]);
  const passwordInput = (field: typeof fields.currentPassword, autoComplete: string, hint: boolean) => (
    <input
      {...getInputProps(field, { type: "password" })}
      key={`${field.name}-${attempt}`}
      className="input"
      autoComplete={autoComplete}
      aria-describedby={describedBy(field.id, hint, !!field.errors)}
    />
  );
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title" className="mb-3 text-lg font-bold">
        {t("page.passwordTitle")}
      </h2>
      <Form method="post" {...getFormProps(form)} noValidate>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="password" />
        <Field id={fields.currentPassword.id} label={t("page.currentPassword")} errors={fields.currentPassword.errors}>
          {passwordInput(fields.currentPassword, "current-password", false)}
        </Field>
        <Field id={fields.newPassword.id} label={t("page.newPassword")} hint={tc("auth.passwordHint")} errors={fields.newPassword.errors}>
          {passwordInput(fields.newPassword, "new-password", true)}
        </Field>
        <Field id={fields.confirmPassword.id} label={t("page.confirmPassword")} errors={fields.confirmPassword.errors}>
          {passwordInput(fields.confirmPassword, "new-password", false)}
        </Field>
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("page.changePassword")}
        </button>
      </Form>
    </section>
  );
}
