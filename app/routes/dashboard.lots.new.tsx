import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/utils/validation.server";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Field, FormErrors } from "~/components/forms";
import { getFixedT } from "~/i18n/server";
import { createLot, listOwnProducts, listPlots, TraceError } from "~/models/trace.server";
import { LotSchema } from "~/schemas/trace";
import { readForm } from "~/utils/forms.server";
import { requireOwnProducer } from "~/utils/trace-guard.server";
import { LOT_UNITS } from "~/utils/trace-kinds";
import { localIsoDate } from "~/utils/format";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  return json({
    title: getFixedT(request, "trace")("dashboard.newLot"),
    products: listOwnProducts(producer.id),
    plots: listPlots(producer.id).map((p) => ({ id: p.id, name: p.name })),
    today: localIsoDate(),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const { producer } = await requireOwnProducer(request);
  const submission = parseWithZod(await readForm(request), { schema: LotSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply() }, { status: 400 });
  try {
    const lot = createLot(producer.id, { ...submission.value, lotNumber: submission.value.lotNumber ?? null });
    return redirect(`/dashboard/lots/${lot.id}`);
  } catch (error) {
    if (error instanceof TraceError) return json({ lastResult: submission.reply({ formErrors: [`trace:${error.refusal.key}`] }) }, { status: 400 });
    throw error;
  }
}

export default function NewLot() {
  const { products, plots, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("trace");
  const [form, fields] = useForm<z.input<typeof LotSchema>>({
    lastResult: actionData?.lastResult,
    defaultValue: { harvestDate: today, unit: "kg", plotId: plots.length === 1 ? String(plots[0]!.id) : "" },
    // Validated on the server only (docs/decisions/009).
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">{t("dashboard.newLot")}</h1>
      <Form method="post" {...getFormProps(form)} className="card" noValidate>
        <FormErrors errors={form.errors} />
        <Field id={fields.productId.id} label={t("dashboard.product")} errors={fields.productId.errors}>
          <select {...getSelectProps(fields.productId)} className="input">
            <option value="">{t("dashboard.chooseProduct")}</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.plotId.id} label={t("dashboard.plot")} errors={fields.plotId.errors}>
          <select {...getSelectProps(fields.plotId)} className="input">
            <option value="">{t("dashboard.choosePlot")}</option>
            {plots.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.harvestDate.id} label={t("dashboard.harvestDate")} errors={fields.harvestDate.errors}>
          <input {...getInputProps(fields.harvestDate, { type: "date" })} className="input" />
        </Field>
        <div className="grid grid-cols-2 gap-2">
          <Field id={fields.quantity.id} label={t("dashboard.quantity")} errors={fields.quantity.errors}>
            <input {...getInputProps(fields.quantity, { type: "text" })} inputMode="decimal" className="input" />
          </Field>
          <Field id={fields.unit.id} label={t("dashboard.unit")} errors={fields.unit.errors}>
            <select {...getSelectProps(fields.unit)} className="input">
              {LOT_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`units.${u}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field id={fields.lotNumber.id} label={t("dashboard.lotNumber")} hint={t("dashboard.lotNumberHint")} errors={fields.lotNumber.errors}>
          <input {...getInputProps(fields.lotNumber, { type: "text" })} className="input" />
        </Field>
        <button type="submit" className="btn-primary w-full">
          {t("dashboard.saveLot")}
        </button>
      </Form>
    </div>
  );
}
