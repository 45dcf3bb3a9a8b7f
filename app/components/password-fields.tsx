import { useTranslation } from "react-i18next";
import { Field, describedBy } from "~/components/forms";

type PasswordFields = {
  password: { errors?: string[] };
  confirmPassword: { errors?: string[] };
};

/** New password + confirmation, shared with /reset-password. */
export function NewPasswordFields({
  passwordId,
  confirmId,
  fields,
  attempt,
}: {
  passwordId: string;
  confirmId: string;
  fields: PasswordFields;
  attempt: string;
}) {
  const { t } = useTranslation("account");
  const { t: tc } = useTranslation();
  return (
    <>
      <Field id={passwordId} label={t("reset.password")} hint={tc("auth.passwordHint")} errors={fields.password.errors}>
        <input
          id={passwordId}
          name="password"
          type="password"
          key={`password-${attempt}`}
          className="input"
          autoComplete="new-password"
          aria-invalid={fields.password.errors ? true : undefined}
          aria-describedby={describedBy(passwordId, true, !!fields.password.errors)}
        />
      </Field>
      <Field id={confirmId} label={t("reset.confirm")} errors={fields.confirmPassword.errors}>
        <input
          id={confirmId}
          name="confirmPassword"
          type="password"
          key={`confirm-${attempt}`}
          className="input"
          autoComplete="new-password"
          aria-invalid={fields.confirmPassword.errors ? true : undefined}
          aria-describedby={describedBy(confirmId, false, !!fields.confirmPassword.errors)}
        />
      </Field>
    </>
  );
}
