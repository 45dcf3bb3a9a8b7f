import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Field, FormErrors, describedBy, useErrorText } from "~/components/forms";

type Category = { id: number; nameVi: string; nameEn: string };

/** The product's own fields (create and edit). */
export function ProductFieldsForm({
  categories,
  defaultValue,
  lastResult,
  submitLabel,
  intent,
}: {
  categories: Category[];
  defaultValue?: Record<string, string | number | null>;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
  intent?: string;
}) {
  const { t, i18n } = useTranslation("producer");
  const [form, fields] = useForm({
    id: "product-fields",
    lastResult,
    defaultValue: defaultValue as Record<string, string> | undefined,
    // Server-side validation only: keeps zod out of the browser bundle.
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card" noValidate>
      <FormErrors errors={form.errors} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <Field id={fields.name.id} label={t("product.name")} hint={t("product.nameHint")} errors={fields.name.errors}>
        <input {...getInputProps(fields.name, { type: "text" })} className="input" aria-describedby={describedBy(fields.name.id, true, !!fields.name.errors)} />
      </Field>
      <Field id={fields.nameEn.id} label={t("product.nameEn")} errors={fields.nameEn.errors}>
        <input {...getInputProps(fields.nameEn, { type: "text" })} className="input" lang="en" />
      </Field>
      <Field id={fields.categoryId.id} label={t("product.category")} errors={fields.categoryId.errors}>
        <select {...getSelectProps(fields.categoryId)} className="input">
          <option value="">{t("product.chooseCategory")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {i18n.language === "en" ? c.nameEn : c.nameVi}
            </option>
          ))}
        </select>
      </Field>
      <Field id={fields.description.id} label={t("product.description")} errors={fields.description.errors}>
        <textarea {...getTextareaProps(fields.description)} className="input min-h-[120px]" rows={5} />
      </Field>
      <Field id={fields.descriptionEn.id} label={t("product.descriptionEn")} errors={fields.descriptionEn.errors}>
        <textarea {...getTextareaProps(fields.descriptionEn)} className="input" rows={3} lang="en" />
      </Field>
      <Field id={fields.gtin.id} label={t("product.gtin")} hint={t("product.gtinHint")} errors={fields.gtin.errors}>
        <input
          {...getInputProps(fields.gtin, { type: "text" })}
          className="input"
          inputMode="numeric"
          aria-describedby={describedBy(fields.gtin.id, true, !!fields.gtin.errors)}
        />
      </Field>
      <button type="submit" className="btn-primary w-full">
        {submitLabel}
      </button>
    </Form>
  );
}

type VariantValues = { label?: string; netWeightGrams?: number | string | null; priceVnd?: number | string; stock?: number | string; sku?: string | null };

/** Variant inputs, plain (no client JS needed); errors are message keys by field name. */
export function VariantInputs({ prefix, values, errors }: { prefix: string; values?: VariantValues; errors?: Record<string, string[] | undefined> }) {
  const { t } = useTranslation("producer");
  const errorText = useErrorText();
  const input = (name: keyof VariantValues, label: string, type: string, extra: Record<string, string> = {}) => {
    const id = `${prefix}-${name}`;
    const error = errorText(errors?.[name]);
    return (
      <div>
        <label htmlFor={id} className="label">
          {label}
        </label>
        <input
          id={id}
          name={name}
          type={type}
          className="input"
          defaultValue={values?.[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...extra}
        />
        {error ? (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <div className="grid gap-3 sm:grid-cols-5">
      {input("label", t("variant.label"), "text", { placeholder: t("variant.labelPlaceholder") })}
      {input("netWeightGrams", t("variant.weight"), "number", { min: "1", inputMode: "numeric" })}
      {input("priceVnd", t("variant.price"), "number", { min: "1000", step: "1000", inputMode: "numeric" })}
      {input("stock", t("variant.stock"), "number", { min: "0", inputMode: "numeric" })}
      {input("sku", t("variant.sku"), "text")}
    </div>
  );
}
