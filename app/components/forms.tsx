import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { HONEYPOT_FIELD } from "~/utils/honeypot";

/** Translates message keys coming back from zod/conform (e.g. "validation.required"). */
export function useErrorText() {
  const { t } = useTranslation();
  return (errors?: string[] | null) => (errors && errors.length ? t(errors[0]!) : undefined);
}

export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | null;
  children: ReactNode;
}) {
  const errorText = useErrorText()(errors);
  return (
    <div className="mb-4">
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {errorText ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}

/** Describes an input by its hint and error, for screen readers. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean) {
  const ids = [hasHint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FormErrors({ errors }: { errors?: string[] | null }) {
  const text = useErrorText()(errors);
  if (!text) return null;
  return (
    <div className="mb-4 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900" role="alert">
      {text}
    </div>
  );
}

/** A field people cannot see and bots fill in. */
export function Honeypot() {
  return (
    <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}>
      <label htmlFor={HONEYPOT_FIELD}>Website</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
