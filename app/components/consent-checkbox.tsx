import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * "I have read and agree to the Terms and the Privacy notice": never pre-ticked (silence is not
 * consent); the server records what was agreed and the documents' versions (docs/decisions/072).
 */
export function ConsentCheckbox({
  id,
  name,
  errors,
  hint,
  defaultChecked,
}: {
  id: string;
  name: string;
  errors?: string[] | null;
  hint: "signupHint" | "checkoutHint";
  defaultChecked?: boolean;
}) {
  const { t } = useTranslation("legal");
  const errorId = `${id}-error`;
  return (
    <div className="mb-4" data-testid="consent">
      <label className="flex items-start gap-2" htmlFor={id}>
        <input
          id={id}
          name={name}
          type="checkbox"
          value="yes"
          defaultChecked={defaultChecked}
          className="mt-1 h-5 w-5 shrink-0"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={[`${id}-hint`, errors?.length ? errorId : null].filter(Boolean).join(" ")}
        />
        <span>
          {t("consent.before")}
          <Link to="/terms" target="_blank">
            {t("consent.terms")}
          </Link>
          {t("consent.and")}
          <Link to="/privacy" target="_blank">
            {t("consent.privacy")}
          </Link>
          {t("consent.after")}
        </span>
      </label>
      <p id={`${id}-hint`} className="hint">
        {t(`consent.${hint}`)}
      </p>
      {errors?.length ? (
        <p id={errorId} className="field-error" role="alert">
          {t(errors[0]!.replace(/^legal:/, ""))}
        </p>
      ) : null}
    </div>
  );
}
